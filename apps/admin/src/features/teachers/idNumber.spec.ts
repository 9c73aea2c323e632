/// <reference types="jest" />
import { idNumberCheckCharacter, validateIdNumber } from '@guanai/domain';
import { readIdNumber } from './idNumber';

const withCheck = (first17: string) => first17 + idNumberCheckCharacter(first17);

describe('readIdNumber (the form prefill)', () => {
  it('reads birth date and sex: the 17th digit odd for men, even for women', () => {
    expect(readIdNumber(withCheck('43048119680512011'))).toEqual({ birthDate: '1968-05-12', sex: 'male' });
    expect(readIdNumber(withCheck('43048119850308022'))).toEqual({ birthDate: '1985-03-08', sex: 'female' });
  });

  it('takes a lower-case x and surrounding spaces', () => {
    // 11010519491231002X is the standard's own example.
    expect(readIdNumber(' 11010519491231002x ')).toEqual({ birthDate: '1949-12-31', sex: 'female' });
  });

  it('fills in nothing for a wrong check character, a day that does not exist or a short number', () => {
    const good = withCheck('43048119680512011');
    const bad = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    expect(readIdNumber(bad)).toBeNull();
    expect(readIdNumber(withCheck('43048120230231011'))).toBeNull();
    expect(readIdNumber(good.slice(0, 17))).toBeNull();
  });

  it('agrees with the domain validator the server uses', () => {
    for (let i = 0; i < 500; i++) {
      const y = 1930 + Math.floor(Math.random() * 80);
      const m = String(1 + Math.floor(Math.random() * 12)).padStart(2, '0');
      const d = String(1 + Math.floor(Math.random() * 31)).padStart(2, '0');
      const seq = String(Math.floor(Math.random() * 1000)).padStart(3, '0');
      const first17 = `430481${y}${m}${d}${seq}`;
      // Any last character, right or wrong.
      const id = first17 + '0123456789X'[Math.floor(Math.random() * 11)];
      const server = validateIdNumber(id, '2025-06-01');
      const mine = readIdNumber(id);
      expect(mine === null ? null : mine).toEqual(
        server.ok ? { birthDate: server.birthDate, sex: server.sex } : null,
      );
    }
  });
});
