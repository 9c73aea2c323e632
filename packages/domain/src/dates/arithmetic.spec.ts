import {
  addDays,
  addMonths,
  addYears,
  daysBetween,
  fullMonthsBetween,
  fullYearsBetween,
  monthiversary,
} from './arithmetic';

describe('date arithmetic on y/m/d integers', () => {
  it.each([
    ['2024-02-28', 1, '2024-02-29'],
    ['2023-02-28', 1, '2023-03-01'],
    ['2024-12-31', 1, '2025-01-01'],
    ['2025-01-01', -1, '2024-12-31'],
    ['2025-03-01', -1, '2025-02-28'],
    ['2019-09-01', 0, '2019-09-01'],
    ['2000-01-01', 366, '2001-01-01'],
    ['1900-02-28', 1, '1900-03-01'],
    ['1970-01-01', -1, '1969-12-31'],
  ])('addDays(%s, %i) = %s', (date, n, expected) => {
    expect(addDays(date, n)).toBe(expected);
  });

  it.each([
    ['2024-01-31', 1, '2024-02-29'], // clamps to the leap-year month end
    ['2023-01-31', 1, '2023-02-28'],
    ['2025-01-31', 3, '2025-04-30'],
    ['2025-03-31', -1, '2025-02-28'],
    ['2025-05-15', 0, '2025-05-15'],
    ['2025-11-15', 2, '2026-01-15'],
    ['2025-01-15', -1, '2024-12-15'],
    ['1965-01-31', 721, '2025-02-28'], // a man born 31 Jan 1965 retires at 60 years 1 month
    ['2024-02-29', 12, '2025-02-28'],
    ['2024-02-29', 48, '2028-02-29'],
  ])('addMonths(%s, %i) = %s', (date, n, expected) => {
    expect(addMonths(date, n)).toBe(expected);
  });

  it.each([
    ['2024-02-29', 1, '2025-02-28'],
    ['2024-02-29', 4, '2028-02-29'],
    ['2025-09-10', -30, '1995-09-10'],
    ['1964-07-01', 60, '2024-07-01'],
  ])('addYears(%s, %i) = %s', (date, n, expected) => {
    expect(addYears(date, n)).toBe(expected);
  });

  it('refuses fractional steps and malformed dates', () => {
    expect(() => addDays('2025-01-01', 0.5)).toThrow(RangeError);
    expect(() => addMonths('2025-01-01', 1.5)).toThrow(RangeError);
    expect(() => addYears('2025-01-01', 0.5)).toThrow(RangeError);
    expect(() => addMonths('2025-02-30', 1)).toThrow(RangeError);
  });

  it.each([
    ['2024-02-28', '2024-03-01', 2],
    ['2023-02-28', '2023-03-01', 1],
    ['2025-01-01', '2025-01-01', 0],
    ['2025-01-02', '2025-01-01', -1],
    ['2000-01-01', '2001-01-01', 366],
    ['1900-01-01', '1901-01-01', 365],
    ['1970-01-01', '2000-01-01', 10957],
    ['1995-09-01', '2025-09-01', 10958], // 8 leap days
    ['1997-03-01', '2027-03-01', 10957], // 7 leap days
  ])('daysBetween(%s, %s) = %i', (a, b, days) => {
    expect(daysBetween(a, b)).toBe(days);
  });

  it('round-trips addDays and daysBetween over four centuries', () => {
    for (let n = -73050; n <= 73050; n += 997) {
      expect(daysBetween('2000-02-29', addDays('2000-02-29', n))).toBe(n);
    }
  });

  describe('fullYearsBetween: the age goes up on the anniversary', () => {
    it.each([
      ['1990-09-10', '2025-09-09', 34],
      ['1990-09-10', '2025-09-10', 35], // on the birthday
      ['1990-09-10', '2025-09-11', 35],
      ['2025-09-10', '2025-09-10', 0],
      ['1990-12-31', '2025-01-01', 34],
      ['1990-01-01', '2024-12-31', 34],
      // 29 February: in common years the anniversary is 1 March
      ['2000-02-29', '2001-02-28', 0],
      ['2000-02-29', '2001-03-01', 1],
      ['2000-02-29', '2004-02-28', 3],
      ['2000-02-29', '2004-02-29', 4], // leap year: the real anniversary
      ['2000-02-29', '2100-02-28', 99], // 2100 is not leap
      ['2000-02-29', '2100-03-01', 100],
      // a 28 February birthday is not affected by leap years
      ['2001-02-28', '2004-02-28', 3],
      ['2001-02-28', '2004-02-27', 2],
    ])('from %s to %s: %i', (a, b, years) => {
      expect(fullYearsBetween(a, b)).toBe(years);
    });

    it('is negative, mirror-wise, when b is before a', () => {
      expect(fullYearsBetween('2025-09-10', '1990-09-10')).toBe(-35);
      expect(fullYearsBetween('2025-09-09', '1990-09-10')).toBe(-34);
    });
  });

  describe('fullMonthsBetween and monthiversary follow the same anniversary rule', () => {
    it.each([
      ['2025-01-15', '2025-02-14', 0],
      ['2025-01-15', '2025-02-15', 1],
      ['2024-01-31', '2024-02-29', 0], // no 31 Feb: the month completes on 1 March
      ['2024-01-31', '2024-03-01', 1],
      ['2024-01-31', '2024-03-30', 1],
      ['2024-01-31', '2024-03-31', 2],
      ['2000-02-29', '2001-02-28', 11],
      ['2000-02-29', '2001-03-01', 12],
      ['1995-09-01', '2025-09-01', 360],
      ['1995-09-01', '2025-08-31', 359],
      ['2025-02-15', '2025-01-15', -1],
    ])('fullMonthsBetween(%s, %s) = %i', (a, b, months) => {
      expect(fullMonthsBetween(a, b)).toBe(months);
    });

    it.each([
      ['2025-01-15', 1, '2025-02-15'],
      ['2024-01-31', 1, '2024-03-01'],
      ['2025-01-31', 1, '2025-03-01'],
      ['2025-03-31', 1, '2025-05-01'],
      ['2000-02-29', 12, '2001-03-01'],
      ['2000-02-29', 48, '2004-02-29'],
      ['2025-05-31', 0, '2025-05-31'],
    ])('monthiversary(%s, %i) = %s', (start, months, expected) => {
      expect(monthiversary(start, months)).toBe(expected);
    });

    it('agrees with fullYearsBetween for every day of a leap and a common year', () => {
      for (const start of ['2000-02-29', '1999-03-31', '1990-01-31', '1992-12-31']) {
        for (let i = 0; i < 2 * 366; i++) {
          const end = addDays('2031-01-01', i);
          expect(Math.floor(fullMonthsBetween(start, end) / 12)).toBe(fullYearsBetween(start, end));
        }
      }
    });
  });
});
