import { randomInt } from 'node:crypto';
import type { PasswordPolicy } from '@guanai/contracts';
import { checkPassword } from '@guanai/domain';
import { AppError } from './app-error';

/** Throws PASSWORD_POLICY naming each way the password falls short, at the given field path. */
export function assertPasswordAcceptable(password: string, policy: PasswordPolicy, username: string, path: string): void {
  const problems = checkPassword(password, policy, username);
  if (problems.length === 0) return;
  throw new AppError('PASSWORD_POLICY', {
    fields: problems.map(({ code, ...params }) => ({ path, code, params })),
  });
}

const ALPHABETS = ['ABCDEFGHJKLMNPQRSTUVWXYZ', 'abcdefghijkmnpqrstuvwxyz', '23456789', '#%+=?@'];

/** A 16-character temporary password with every class, no look-alike characters (0/O, 1/l). */
export function temporaryPassword(): string {
  const all = ALPHABETS.join('');
  const chars = ALPHABETS.map((a) => a[randomInt(a.length)]!);
  while (chars.length < 16) chars.push(all[randomInt(all.length)]!);
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j]!, chars[i]!];
  }
  return chars.join('');
}
