import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { migrate, provisionAppLogin, withCredentials, withDatabase } from '../admin/provision';

/** The server tests use: TEST_DATABASE_URL, else the local PostgreSQL every dev and CI machine has. */
export function testServerUrl(): string {
  return process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
}

export function testRedisUrl(): string {
  return process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
}

export interface TestDatabase {
  name: string;
  /** Owner (migrations, tampering tests). */
  ownerUrl: string;
  /** The application login: no ownership, no BYPASSRLS. */
  appUrl: string;
}

export const TEST_APP_USER = 'guanai_test_app';
const TEST_APP_PASSWORD = 'guanai-test-app';

/** A fresh database for one test run, migrated, with the application login provisioned. */
export async function createTestDatabase(prefix = 'guanai_test'): Promise<TestDatabase> {
  const server = testServerUrl();
  const name = `${prefix}_${Date.now()}_${randomBytes(3).toString('hex')}`;
  const admin = new Client({ connectionString: server });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const ownerUrl = withDatabase(server, name);
  await migrate(ownerUrl);
  await provisionAppLogin(ownerUrl, TEST_APP_USER, TEST_APP_PASSWORD);
  return { name, ownerUrl, appUrl: withCredentials(ownerUrl, TEST_APP_USER, TEST_APP_PASSWORD) };
}

export async function dropTestDatabase(name: string): Promise<void> {
  const admin = new Client({ connectionString: testServerUrl() });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}
