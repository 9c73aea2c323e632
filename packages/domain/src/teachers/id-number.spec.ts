import {
  checkIdAgainst,
  idNumberCheckCharacter,
  maskIdNumber,
  maskPhone,
  normaliseIdNumber,
  validateIdNumber,
} from './id-number';

// An independent implementation of GB 11643-1999's check character, written out longhand so the
// tests do not trust the code under test: Σ digit × (2^(17−i) mod 11), then (12 − Σ mod 11) mod 11.
function checkChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (2 ** (17 - i) % 11);
  const value = (12 - (sum % 11)) % 11;
  return value === 10 ? 'X' : String(value);
}
const withCheck = (first17: string) => first17 + checkChar(first17);
const wrongCheck = (first17: string) => first17 + (checkChar(first17) === '0' ? '1' : '0');

const TODAY = '2025-09-10';

describe('identity numbers (GB 11643-1999)', () => {
  it("accepts the standard's own example 11010519491231002X (Beijing Chaoyang, 1949-12-31, woman)", () => {
    expect(validateIdNumber('11010519491231002X', TODAY)).toEqual({
      ok: true,
      idNumber: '11010519491231002X',
      birthDate: '1949-12-31',
      sex: 'female',
      regionCode: '110105',
    });
  });

  it('computes the MOD 11-2 check character, including X', () => {
    expect(idNumberCheckCharacter('11010519491231002')).toBe('X');
    for (const first17 of [
      '43048119800215301',
      '43048119750302402',
      '33010619880808123',
      '11010519491231002',
    ]) {
      expect(idNumberCheckCharacter(first17)).toBe(checkChar(first17));
    }
    expect(() => idNumberCheckCharacter('1234')).toThrow(RangeError);
  });

  it.each([
    // 430481 = 耒阳市; 17th digit odd → man, even → woman
    ['43048119800215301', '1980-02-15', 'male', '430481'],
    ['43048119750302402', '1975-03-02', 'female', '430481'],
    ['33010619880808123', '1988-08-08', 'male', '330106'],
    ['43040520000229008', '2000-02-29', 'female', '430405'],
    ['11010119000101009', '1900-01-01', 'male', '110101'], // the earliest allowed birth date
    ['43048120250910001', '2025-09-10', 'male', '430481'], // born today
  ])('reads %s', (first17, birthDate, sex, regionCode) => {
    expect(validateIdNumber(withCheck(first17), TODAY)).toEqual({
      ok: true,
      idNumber: withCheck(first17),
      birthDate,
      sex,
      regionCode,
    });
  });

  it('accepts generated numbers whose check character is X, typed upper- or lower-case', () => {
    const xs: string[] = [];
    for (let seq = 0; seq < 100; seq++) {
      const first17 = '43048119800215' + String(seq).padStart(3, '0');
      if (checkChar(first17) === 'X') xs.push(first17);
    }
    expect(xs.length).toBeGreaterThan(0);
    for (const f of xs) {
      expect(validateIdNumber(f + 'X', TODAY).ok).toBe(true);
      expect(validateIdNumber(f + 'x', TODAY).ok).toBe(true);
      expect(validateIdNumber(f + '0', TODAY)).toEqual({ ok: false, problem: 'checksum' });
    }
  });

  it('normalises lower-case x, spaces and full-width characters', () => {
    expect(normaliseIdNumber(' 110105 19491231 002x ')).toBe('11010519491231002X');
    expect(normaliseIdNumber('１１０１０５１９４９１２３１００２Ｘ')).toBe('11010519491231002X');
    expect(normaliseIdNumber('110105\u300019491231002ｘ')).toBe('11010519491231002X');
    const r = validateIdNumber('11010519491231002x', TODAY);
    expect(r.ok && r.idNumber).toBe('11010519491231002X');
  });

  it.each([
    ['', 'length'],
    ['110105491231002', 'length'], // first-generation 15-digit number
    ['11010519491231002X1', 'length'],
    ['1101051949123100X2', 'format'], // X only as the check character
    ['11010519491231002Y', 'format'],
    ['11010519491231-02X', 'format'],
    ['A1010519491231002X', 'format'],
  ])('refuses %j: %s', (s, problem) => {
    expect(validateIdNumber(s, TODAY)).toEqual({ ok: false, problem });
  });

  it.each([
    ['43048119800230301'], // 30 February
    ['43048119801301301'], // month 13
    ['43048119800000301'], // month 0
    ['43048120230229301'], // 29 February of a common year
    ['43048118991231301'], // before 1900-01-01
    ['43048120250911301'], // tomorrow
    ['43048130000101301'], // the future
  ])('refuses the impossible birth date in %s even with a correct check character', (first17) => {
    expect(validateIdNumber(withCheck(first17), TODAY)).toEqual({ ok: false, problem: 'birth_date' });
  });

  it('refuses a wrong check character', () => {
    expect(validateIdNumber('110105194912310021', TODAY)).toEqual({ ok: false, problem: 'checksum' });
    expect(validateIdNumber(wrongCheck('43048119800215301'), TODAY)).toEqual({
      ok: false,
      problem: 'checksum',
    });
  });

  it('catches a single mistyped digit and two swapped neighbours', () => {
    const good = withCheck('43048119800215301');
    for (let i = 0; i < 17; i++) {
      const d = Number(good[i]);
      const typo = good.slice(0, i) + String((d + 1) % 10) + good.slice(i + 1);
      const r = validateIdNumber(typo, TODAY);
      expect(r.ok).toBe(false);
      if (good[i] !== good[i + 1] && i < 16) {
        const swapped = good.slice(0, i) + good[i + 1] + good[i] + good.slice(i + 2);
        expect(validateIdNumber(swapped, TODAY).ok).toBe(false);
      }
    }
  });

  it('uses the Shanghai calendar day by default', () => {
    expect(validateIdNumber('11010519491231002X').ok).toBe(true);
  });
});

describe('cross-checking a record against its identity number', () => {
  const id = withCheck('43048119800215301'); // man born 1980-02-15

  it('finds nothing when birth date and sex agree', () => {
    expect(checkIdAgainst(id, { birthDate: '1980-02-15', sex: 'male' }, TODAY)).toEqual([]);
    expect(checkIdAgainst(id.toLowerCase(), { birthDate: '1980-02-15', sex: 'male' }, TODAY)).toEqual([]);
  });

  it('names each disagreement', () => {
    expect(checkIdAgainst(id, { birthDate: '1980-02-16', sex: 'male' }, TODAY)).toEqual([
      'birth_date_mismatch',
    ]);
    expect(checkIdAgainst(id, { birthDate: '1980-02-15', sex: 'female' }, TODAY)).toEqual(['sex_mismatch']);
    expect(checkIdAgainst(id, { birthDate: '1981-02-15', sex: 'female' }, TODAY)).toEqual([
      'birth_date_mismatch',
      'sex_mismatch',
    ]);
  });

  it('says the number itself is invalid rather than guessing', () => {
    expect(
      checkIdAgainst(wrongCheck('43048119800215301'), { birthDate: '1980-02-15', sex: 'male' }, TODAY),
    ).toEqual(['invalid_id']);
  });
});

describe('masking personal numbers for display (PIPL: masked by default)', () => {
  it.each([
    ['330106198808081234', '3301**********1234'],
    ['11010519491231002x', '1101**********002X'],
    [' 110105 19491231 002X', '1101**********002X'],
    ['110105491231002', '1101*******1002'],
    ['12345678', '********'],
    ['', ''],
  ])('maskIdNumber(%j) = %s', (s, masked) => {
    expect(maskIdNumber(s)).toBe(masked);
  });

  it('never shows the birth date of an 18-character number', () => {
    expect(maskIdNumber('11010519491231002X')).not.toContain('1949');
    expect(maskIdNumber('11010519491231002X')).not.toContain('1231');
  });

  it.each([
    ['13812345678', '138****5678'],
    ['138 1234 5678', '138****5678'],
    ['138-1234-5678', '138****5678'],
    ['+86 138 1234 5678', '138****5678'],
    ['008613812345678', '138****5678'],
    ['8613812345678', '138****5678'],
    ['0734-4321234', '073****1234'], // landline with area code, separators dropped
    ['07344321234', '073****1234'],
    ['4321234', '***1234'],
    ['1234', '****'],
    ['', ''],
  ])('maskPhone(%j) = %s', (s, masked) => {
    expect(maskPhone(s)).toBe(masked);
  });
});
