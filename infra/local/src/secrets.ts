import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** What a local install needs to keep secret and stable across restarts. */
export interface LocalSecrets {
  JWT_SECRET: string;
  /** `k1:<base64 32 bytes>`: the keys of the encrypted columns. */
  FIELD_KEYS: string;
  LOOKUP_HASH_KEY: string;
  /** Password of the application login (`guanai_api`). */
  APP_DB_PASSWORD: string;
  /** Password of the embedded server's superuser `postgres`, fixed when the cluster is initialised. */
  POSTGRES_PASSWORD: string;
}

const GENERATORS: { [K in keyof LocalSecrets]: () => string } = {
  JWT_SECRET: () => randomBytes(48).toString('base64'),
  FIELD_KEYS: () => `k1:${randomBytes(32).toString('base64')}`,
  LOOKUP_HASH_KEY: () => randomBytes(32).toString('base64'),
  // URL-safe, because these passwords end up inside connection URLs.
  APP_DB_PASSWORD: () => randomBytes(24).toString('base64url'),
  POSTGRES_PASSWORD: () => randomBytes(24).toString('base64url'),
};

const NAMES = Object.keys(GENERATORS) as (keyof LocalSecrets)[];
// Not POSTGRES_PASSWORD: the cluster keeps the password it was initialised with, and that variable is
// often set for other reasons (Docker images, CI services), which would only break the login.
const OVERRIDABLE: (keyof LocalSecrets)[] = [
  'JWT_SECRET',
  'FIELD_KEYS',
  'LOOKUP_HASH_KEY',
  'APP_DB_PASSWORD',
];

export const SECRETS_FILE = 'secrets.json';

/**
 * Reads `<dir>/secrets.json`, generating whatever is missing, and writes it back (mode 0600). They are
 * generated once: a new FIELD_KEYS or LOOKUP_HASH_KEY would leave the encrypted columns unreadable,
 * so a damaged file is an error, never silently replaced. Non-empty environment variables of the same
 * names win over the file (and are not written to it), except POSTGRES_PASSWORD.
 */
export async function loadOrCreateSecrets(
  dir: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<LocalSecrets> {
  const file = join(dir, SECRETS_FILE);
  const stored = await readStored(file);
  const missing = NAMES.filter((name) => !stored[name]);
  for (const name of missing) stored[name] = GENERATORS[name]();
  await mkdir(dir, { recursive: true });
  if (missing.length > 0) {
    // Write then rename, so an interrupted write never leaves half a file where the keys were.
    const tmp = `${file}.${process.pid}.tmp`;
    await writeFile(tmp, `${JSON.stringify(stored, null, 2)}\n`, { mode: 0o600 });
    await rename(tmp, file);
  }
  await chmod(file, 0o600); // also tightens a file someone loosened by hand
  const secrets = stored as LocalSecrets;
  for (const name of OVERRIDABLE) {
    const override = env[name];
    if (override) secrets[name] = override;
  }
  return secrets;
}

async function readStored(file: string): Promise<Partial<Record<keyof LocalSecrets, string>>> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw err;
  }
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
      throw new Error('not an object');
    return parsed as Partial<Record<keyof LocalSecrets, string>>;
  } catch (err) {
    throw new Error(
      `${file} is not valid JSON (${(err as Error).message}). It holds the keys of the encrypted data, so it is ` +
        'not regenerated: repair it, or delete the whole .data folder to start over with an empty database.',
      { cause: err },
    );
  }
}
