import * as argon2 from 'argon2';

/** argon2id with 19 MiB, t=2, p=1: OWASP's first recommended setting. */
const OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, OPTIONS);
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

/**
 * A hash of nothing anyone knows, verified against when the username does not exist, so a login for
 * an unknown user takes as long as one with a wrong password.
 */
let dummy: Promise<string> | undefined;
export function dummyHash(): Promise<string> {
  return (dummy ??= hashPassword(`no-such-user-${Math.random()}`));
}
