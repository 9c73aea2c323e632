import { migrate, provisionAppLogin, withCredentials, withDatabase } from '@guanai/db';
import { Client } from 'pg';

/** The login the API and worker use: never the owner, never BYPASSRLS (see @guanai/db provisionAppLogin). */
export const APP_LOGIN = 'guanai_api';

/** Creates database `name` on the server if missing; returns the same URL pointed at it. */
export async function ensureDatabase(serverUrl: string, name: string): Promise<string> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
  return withDatabase(serverUrl, name);
}

/**
 * Migrates as the owner and (re)provisions the application login; returns the application URL.
 * Migrations are idempotent, so this runs on every start and a newer checkout upgrades the schema.
 */
export async function prepareDatabase(
  ownerUrl: string,
  appPassword: string,
): Promise<{ appUrl: string; ran: string[] }> {
  const ran = await migrate(ownerUrl);
  await provisionAppLogin(ownerUrl, APP_LOGIN, appPassword);
  return { appUrl: withCredentials(ownerUrl, APP_LOGIN, appPassword), ran };
}
