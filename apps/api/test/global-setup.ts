import { createTestDatabase } from '@guanai/db/testing';

/** One fresh, migrated database for this run; the tests create their own tenants inside it. */
export default async function globalSetup(): Promise<void> {
  const db = await createTestDatabase('guanai_api_test');
  process.env.GUANAI_TEST_DB_NAME = db.name;
  process.env.GUANAI_TEST_OWNER_URL = db.ownerUrl;
  process.env.GUANAI_TEST_APP_URL = db.appUrl;
}
