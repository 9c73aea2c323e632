import { randomInt } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createDataSource, FieldCipher, hasData, seedDemo, type DemoAccount } from '@guanai/db';
import type { DemoOutcome } from './banner';

// No look-alikes (0/O, 1/l/I): the password is read off a terminal and typed in by hand.
const LOWER = 'abcdefghijkmnpqrstuvwxyz';
const UPPER = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const DIGITS = '23456789';

/**
 * A password a person can type: four groups of four joined by '-' (19 characters), with at least one
 * upper-case letter, one lower-case letter and one digit; the dashes are the symbol.
 */
export function generatePassword(): string {
  const all = LOWER + UPPER + DIGITS;
  const pick = (from: string) => from[randomInt(from.length)]!;
  const chars = [pick(LOWER), pick(UPPER), pick(DIGITS)];
  while (chars.length < 16) chars.push(pick(all));
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j]!, chars[i]!];
  }
  return [0, 4, 8, 12].map((at) => chars.slice(at, at + 4).join('')).join('-');
}

/**
 * Seeds the demo tenants and their accounts, but only into an empty database: the demo is never mixed
 * into real data, and accounts that already exist keep their passwords. Returns undefined when it did
 * not seed.
 */
export async function seedDemoIfEmpty(
  appUrl: string,
  password: string,
  cipher?: FieldCipher,
): Promise<DemoAccount[] | undefined> {
  const ds = createDataSource({ url: appUrl, poolSize: 2, applicationName: 'guanai-local-seed' });
  await ds.initialize();
  try {
    if (await hasData(ds)) return undefined;
    return await seedDemo(ds, password, { cipher });
  } finally {
    await ds.destroy();
  }
}

const ACCOUNTS_FILE = 'demo-accounts.json';

/** Remembers which demo logins were made (never the password), to list them again on later starts. */
export async function saveDemoAccounts(dir: string, accounts: DemoAccount[]): Promise<void> {
  await writeFile(join(dir, ACCOUNTS_FILE), `${JSON.stringify(accounts, null, 2)}\n`, { mode: 0o600 });
}

export async function loadDemoAccounts(dir: string): Promise<DemoAccount[] | undefined> {
  try {
    return JSON.parse(await readFile(join(dir, ACCOUNTS_FILE), 'utf8')) as DemoAccount[];
  } catch {
    return undefined; // never seeded here, or unreadable: the banner just lists no accounts
  }
}

/**
 * The demo part of a start: seed an empty database (DEMO_PASSWORD, else a generated password), or
 * leave existing data alone. `dataDir` is given for the embedded server only: the list of demo logins
 * kept there describes that database and no other.
 */
export async function demoStep(
  appUrl: string,
  chosen: string | undefined,
  dataDir?: string,
  keys?: { FIELD_KEYS: string; LOOKUP_HASH_KEY: string },
): Promise<DemoOutcome> {
  const password = chosen || generatePassword();
  // The demo teachers are sealed with the same keys the API will read them with.
  const cipher = keys ? cipherFor(keys.FIELD_KEYS, keys.LOOKUP_HASH_KEY) : undefined;
  const accounts = await seedDemoIfEmpty(appUrl, password, cipher);
  if (accounts) {
    if (dataDir) await saveDemoAccounts(dataDir, accounts);
    return { seeded: true, accounts, password, generated: !chosen };
  }
  return {
    seeded: false,
    accounts: dataDir ? await loadDemoAccounts(dataDir) : undefined,
    resetHint: dataDir
      ? '从头开始：停止后删除 .data 文件夹。 To start afresh: stop, then delete .data/.'
      : undefined,
  };
}

function cipherFor(fieldKeys: string, lookupHashKey: string): FieldCipher {
  const pairs = fieldKeys.split(',').map((p) => p.trim().split(':') as [string, string]);
  return new FieldCipher(Object.fromEntries(pairs), pairs[0]![0], Buffer.from(lookupHashKey, 'base64'));
}
