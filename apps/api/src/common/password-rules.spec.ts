import { DEFAULT_PASSWORD_POLICY, checkPassword } from '@guanai/domain';
import { temporaryPassword } from './password-rules';

describe('temporary passwords', () => {
  it('always satisfy the default policy and avoid look-alike characters', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 500; i++) {
      const p = temporaryPassword();
      seen.add(p);
      expect(p).toHaveLength(16);
      expect(checkPassword(p, DEFAULT_PASSWORD_POLICY)).toEqual([]);
      expect(p).not.toMatch(/[0O1lI]/);
    }
    expect(seen.size).toBe(500);
  });
});
