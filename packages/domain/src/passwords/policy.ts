import type { PasswordPolicy } from '@guanai/contracts';
import { COMMON_PASSWORDS } from './common-passwords';

export const DEFAULT_PASSWORD_POLICY: PasswordPolicy = { minLength: 12, minClasses: 3, rejectCommon: true };

export type PasswordProblem =
  | { code: 'PASSWORD_TOO_SHORT'; minLength: number }
  | { code: 'PASSWORD_TOO_FEW_CLASSES'; minClasses: number }
  | { code: 'PASSWORD_COMMON' }
  | { code: 'PASSWORD_CONTAINS_USERNAME' };

export function characterClasses(password: string): number {
  return [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/].filter((re) => re.test(password)).length;
}

/** Lower-cased, with leet substitutions undone and trailing digits/symbols dropped, for the list check. */
function normalise(password: string): string {
  return password
    .toLowerCase()
    .replace(/[@4]/g, 'a')
    .replace(/3/g, 'e')
    .replace(/[1!]/g, 'i')
    .replace(/0/g, 'o')
    .replace(/[$5]/g, 's');
}

function isCommon(password: string): boolean {
  const lower = password.toLowerCase();
  const stem = lower.replace(/[^a-z]+$/, '');
  return [lower, stem, normalise(password), normalise(stem)].some((p) => p.length > 0 && COMMON_PASSWORDS.has(p));
}

/** Every way the password falls short of the policy; empty when it is acceptable. */
export function checkPassword(password: string, policy: PasswordPolicy, username?: string): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  if ([...password].length < policy.minLength) problems.push({ code: 'PASSWORD_TOO_SHORT', minLength: policy.minLength });
  if (characterClasses(password) < policy.minClasses)
    problems.push({ code: 'PASSWORD_TOO_FEW_CLASSES', minClasses: policy.minClasses });
  if (policy.rejectCommon && isCommon(password)) problems.push({ code: 'PASSWORD_COMMON' });
  if (username && username.length >= 3 && password.toLowerCase().includes(username.toLowerCase()))
    problems.push({ code: 'PASSWORD_CONTAINS_USERNAME' });
  return problems;
}
