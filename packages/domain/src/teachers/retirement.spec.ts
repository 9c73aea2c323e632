import {
  daysToRetirement,
  retirementAge,
  retirementDelayMonths,
  statutoryRetirementDate,
} from './retirement';
import type { RetirementCategory, Sex } from './types';

// Expected values worked out by hand from the 国务院 办法 (2025-01-01): the k-th birth month from the
// start month (k = 0, 1, …) adds floor(k / step) + 1 months, capped. Columns: birth date, years,
// months, retirement date (birth date + age, clamped to the month end).
type Row = [birthDate: string, years: number, months: number, retires: string];

// Men: 60 → 63, from births of 1965-01, +1 month per 4 birth months, cap 36. Same for both categories.
const MEN: Row[] = [
  ['1964-06-15', 60, 0, '2024-06-15'], // before the reform's birth cohort
  ['1964-02-29', 60, 0, '2024-02-29'],
  ['1964-12-31', 60, 0, '2024-12-31'], // last unchanged month
  ['1965-01-01', 60, 1, '2025-02-01'], // k = 0
  ['1965-01-31', 60, 1, '2025-02-28'], // clamped to February's end
  ['1965-04-30', 60, 1, '2025-05-30'], // k = 3, still +1
  ['1965-05-01', 60, 2, '2025-07-01'], // k = 4 → +2
  ['1965-08-31', 60, 2, '2025-10-31'],
  ['1968-02-29', 60, 10, '2028-12-29'], // k = 37 → 9 + 1
  ['1970-03-10', 61, 4, '2031-07-10'], // k = 62 → 15 + 1 = 16
  ['1970-12-31', 61, 6, '2032-06-30'], // k = 71 → 17 + 1 = 18; June has 30 days
  ['1976-05-01', 62, 11, '2039-04-01'], // k = 136 → 35
  ['1976-08-31', 62, 11, '2039-07-31'], // k = 139 → 34 + 1 = 35
  ['1976-09-01', 63, 0, '2039-09-01'], // k = 140 → 36: the cap is reached
  ['1980-06-15', 63, 0, '2043-06-15'], // capped
];

// Women cadres (original 55): 55 → 58, from births of 1970-01, +1 month per 4 birth months, cap 36.
const WOMEN_CADRES: Row[] = [
  ['1964-06-15', 55, 0, '2019-06-15'],
  ['1965-05-01', 55, 0, '2020-05-01'],
  ['1969-12-31', 55, 0, '2024-12-31'], // last unchanged month
  ['1970-01-01', 55, 1, '2025-02-01'], // k = 0
  ['1970-03-10', 55, 1, '2025-04-10'], // k = 2
  ['1970-04-30', 55, 1, '2025-05-30'], // k = 3
  ['1970-05-01', 55, 2, '2025-07-01'], // k = 4
  ['1976-08-31', 56, 8, '2033-04-30'], // k = 79 → 19 + 1 = 20; April has 30 days
  ['1976-09-01', 56, 9, '2033-06-01'], // k = 80 → 21
  ['1980-06-15', 57, 8, '2038-02-15'], // k = 125 → 31 + 1 = 32
  ['1981-08-31', 57, 11, '2039-07-31'], // k = 139 → 35
  ['1981-09-01', 58, 0, '2039-09-01'], // k = 140 → 36: the cap
  ['1990-01-01', 58, 0, '2048-01-01'],
];

// Women workers (original 50): 50 → 55, from births of 1975-01, +1 month per 2 birth months, cap 60.
const WOMEN_WORKERS: Row[] = [
  ['1964-06-15', 50, 0, '2014-06-15'],
  ['1965-05-01', 50, 0, '2015-05-01'],
  ['1970-03-10', 50, 0, '2020-03-10'],
  ['1974-12-31', 50, 0, '2024-12-31'], // last unchanged month
  ['1975-01-31', 50, 1, '2025-02-28'], // k = 0, clamped
  ['1975-02-28', 50, 1, '2025-03-28'], // k = 1, still +1
  ['1975-03-01', 50, 2, '2025-05-01'], // k = 2 → +2
  ['1976-08-31', 50, 10, '2027-06-30'], // k = 19 → 9 + 1 = 10
  ['1976-09-01', 50, 11, '2027-08-01'], // k = 20 → 11
  ['1980-06-15', 52, 9, '2033-03-15'], // k = 65 → 32 + 1 = 33
  ['1984-10-31', 54, 11, '2039-09-30'], // k = 117 → 58 + 1 = 59
  ['1984-11-01', 55, 0, '2039-11-01'], // k = 118 → 60: the cap
  ['1984-12-15', 55, 0, '2039-12-15'], // k = 119 → capped at 60
  ['1990-01-01', 55, 0, '2045-01-01'],
];

const cases: [Sex, RetirementCategory, Row[]][] = [
  ['male', 'cadre', MEN],
  ['male', 'worker', MEN],
  ['female', 'cadre', WOMEN_CADRES],
  ['female', 'worker', WOMEN_WORKERS],
];

describe('statutory retirement age (渐进式延迟法定退休年龄, from 2025-01-01)', () => {
  describe.each(cases)('%s, %s', (sex, category, rows) => {
    it.each(rows)('born %s retires at %i years %i months, on %s', (birthDate, years, months, retires) => {
      expect(retirementAge(birthDate, sex, category)).toEqual({ years, months });
      expect(statutoryRetirementDate(birthDate, sex, category)).toBe(retires);
    });
  });

  it('ignores the day of birth within the month', () => {
    for (let day = 1; day <= 31; day++) {
      const birth = `1976-08-${String(day).padStart(2, '0')}`;
      expect(retirementAge(birth, 'male', 'cadre')).toEqual({ years: 62, months: 11 });
    }
  });

  it('never shrinks from one birth month to the next, and stops at the cap', () => {
    for (const [sex, category, cap] of [
      ['male', 'cadre', 63 * 12],
      ['female', 'cadre', 58 * 12],
      ['female', 'worker', 55 * 12],
    ] as const) {
      let previous = 0;
      for (let i = 0; i < 12 * 30; i++) {
        const y = 1960 + Math.floor(i / 12);
        const birth = `${y}-${String((i % 12) + 1).padStart(2, '0')}-01`;
        const { years, months } = retirementAge(birth, sex, category);
        const total = years * 12 + months;
        expect(total).toBeGreaterThanOrEqual(previous);
        if (i > 0) expect(total - previous).toBeLessThanOrEqual(1);
        expect(total).toBeLessThanOrEqual(cap);
        previous = total;
      }
      expect(previous).toBe(cap);
    }
  });

  it('gives the delay in months alone', () => {
    expect(retirementDelayMonths('1964-12-31', 'male', 'cadre')).toBe(0);
    expect(retirementDelayMonths('1965-05-20', 'male', 'worker')).toBe(2);
    expect(retirementDelayMonths('1975-03-01', 'female', 'worker')).toBe(2);
    expect(retirementDelayMonths('1975-03-01', 'female', 'cadre')).toBe(16); // k = (1975 − 1970) × 12 + 2 = 62 → 15 + 1
  });

  it('counts the days left, zero on the day, negative after', () => {
    // man born 1965-01-01 retires 2025-02-01
    expect(daysToRetirement('1965-01-01', 'male', 'cadre', '2025-01-01')).toBe(31);
    expect(daysToRetirement('1965-01-01', 'male', 'cadre', '2025-02-01')).toBe(0);
    expect(daysToRetirement('1965-01-01', 'male', 'cadre', '2025-02-02')).toBe(-1);
  });

  it('refuses a malformed birth date', () => {
    expect(() => retirementAge('1965-02-30', 'male', 'cadre')).toThrow(RangeError);
  });
});
