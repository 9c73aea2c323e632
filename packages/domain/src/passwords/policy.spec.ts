import { DEFAULT_PASSWORD_POLICY, checkPassword, characterClasses } from './policy';

const codes = (pw: string, username?: string) => checkPassword(pw, DEFAULT_PASSWORD_POLICY, username).map((p) => p.code);

describe('password policy (issue 2: ≥ 12 characters of three classes, not a common password)', () => {
  it('accepts a long password of three classes', () => {
    expect(codes('Jiaoshi-Guanai-2026x')).toEqual([]);
  });

  it('counts characters, not UTF-16 units, for length', () => {
    expect(codes('关爱教师工会Ab1!')).toEqual(['PASSWORD_TOO_SHORT']);
  });

  it('rejects eleven characters and accepts twelve', () => {
    expect(codes('Abcdefgh12!')).toContain('PASSWORD_TOO_SHORT');
    expect(codes('Abcdefgh123!')).not.toContain('PASSWORD_TOO_SHORT');
  });

  it('needs three of the four classes', () => {
    expect(characterClasses('abcdefghijkl')).toBe(1);
    expect(characterClasses('Abc1!')).toBe(4);
    expect(codes('abcdefghijk1')).toContain('PASSWORD_TOO_FEW_CLASSES');
    expect(codes('Abcdefghijk1')).not.toContain('PASSWORD_TOO_FEW_CLASSES');
  });

  it('rejects common passwords even when dressed up with case, leet and a suffix', () => {
    expect(codes('Password123!')).toContain('PASSWORD_COMMON');
    expect(codes('P@ssw0rd2026!')).toContain('PASSWORD_COMMON');
    expect(codes('Woaini1314!!')).toContain('PASSWORD_COMMON');
    expect(codes('Qwertyuiop12')).toContain('PASSWORD_COMMON');
  });

  it('rejects a password containing the username', () => {
    expect(codes('Xihu.Admin-2026', 'xihu.admin')).toContain('PASSWORD_CONTAINS_USERNAME');
  });

  it('follows a tenant policy that is stricter or looser', () => {
    const loose = { minLength: 8, minClasses: 2, rejectCommon: false };
    expect(checkPassword('abcdefg1', loose)).toEqual([]);
    expect(checkPassword('password1', loose)).toEqual([]);
    expect(checkPassword('password1', { ...loose, rejectCommon: true }).map((p) => p.code)).toEqual(['PASSWORD_COMMON']);
  });
});
