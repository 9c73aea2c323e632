import { Client } from 'pg';
import { APP_ROLE } from '../migrations/rls';
import { createDataSource } from '../data-source';

/** Runs pending migrations as the owner (the URL's user). Returns the names it ran. */
export async function migrate(ownerUrl: string): Promise<string[]> {
  const ds = createDataSource({ url: ownerUrl, poolSize: 1, applicationName: 'guanai-migrate' });
  await ds.initialize();
  try {
    const ran = await ds.runMigrations({ transaction: 'each' });
    return ran.map((m) => m.name);
  } finally {
    await ds.destroy();
  }
}

/**
 * Makes the login role the API and worker use: a member of the application group role, never the
 * owner, never BYPASSRLS. Idempotent; the password is (re)set each time.
 */
export async function provisionAppLogin(ownerUrl: string, user: string, password: string): Promise<void> {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(user)) throw new Error(`unsafe role name ${user}`);
  const client = new Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const exists = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [user]);
    const pw = client.escapeLiteral(password);
    if (exists.rowCount === 0) {
      await client.query(`CREATE ROLE ${user} LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE PASSWORD ${pw}`);
    } else {
      await client.query(`ALTER ROLE ${user} LOGIN NOSUPERUSER NOBYPASSRLS PASSWORD ${pw}`);
    }
    await client.query(`GRANT ${APP_ROLE} TO ${user}`);
  } finally {
    await client.end();
  }
}

/** The same server and database as `url`, logged in as another user. */
export function withCredentials(url: string, user: string, password: string): string {
  const u = new URL(url);
  u.username = encodeURIComponent(user);
  u.password = encodeURIComponent(password);
  return u.toString();
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
