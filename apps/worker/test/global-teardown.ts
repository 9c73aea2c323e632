import { dropTestDatabase } from '@guanai/db/testing';

export default async function globalTeardown(): Promise<void> {
  if (process.env.GUANAI_TEST_DB_NAME) await dropTestDatabase(process.env.GUANAI_TEST_DB_NAME);
}
