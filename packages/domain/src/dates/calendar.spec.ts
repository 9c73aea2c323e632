import {
  compareDates,
  daysInMonth,
  endOfYear,
  formatIsoDate,
  isIsoDate,
  isLeapYear,
  isValidDate,
  maxDate,
  minDate,
  parseIsoDate,
  requireIsoDate,
} from './calendar';

describe('calendar dates (YYYY-MM-DD, Asia/Shanghai days, no JS Date arithmetic)', () => {
  it.each([
    [2000, true], // divisible by 400
    [1900, false], // by 100, not 400
    [2024, true],
    [2023, false],
    [2100, false],
  ])('knows whether %i is a leap year', (year, leap) => {
    expect(isLeapYear(year)).toBe(leap);
  });

  it.each([
    [2024, 2, 29],
    [2023, 2, 28],
    [1900, 2, 28],
    [2000, 2, 29],
    [2025, 4, 30],
    [2025, 12, 31],
  ])('counts the days of %i-%i as %i', (y, m, days) => {
    expect(daysInMonth(y, m)).toBe(days);
  });

  it('refuses a month outside 1–12', () => {
    expect(() => daysInMonth(2025, 13)).toThrow(RangeError);
  });

  it.each([
    [2024, 2, 29, true],
    [2023, 2, 29, false],
    [1900, 2, 29, false],
    [2025, 4, 31, false],
    [2025, 0, 1, false],
    [2025, 13, 1, false],
    [2025, 1, 0, false],
    [2025, 1, 1.5, false],
    [0, 1, 1, false],
    [10000, 1, 1, false],
    [1, 1, 1, true],
    [9999, 12, 31, true],
  ])('isValidDate(%i, %i, %i) = %s', (y, m, d, valid) => {
    expect(isValidDate(y, m, d)).toBe(valid);
  });

  it.each([
    ['2025-09-10', { year: 2025, month: 9, day: 10 }],
    ['2024-02-29', { year: 2024, month: 2, day: 29 }],
    ['1949-10-01', { year: 1949, month: 10, day: 1 }],
  ])('parses %s', (s, expected) => {
    expect(parseIsoDate(s)).toEqual(expected);
    expect(isIsoDate(s)).toBe(true);
  });

  it.each([
    '2023-02-29',
    '2025-13-01',
    '2025-9-10',
    '20250910',
    '2025-09-10T00:00:00Z',
    ' 2025-09-10',
    '',
    '2025/09/10',
    '２０２５-09-10',
  ])('rejects %j', (s) => {
    expect(parseIsoDate(s)).toBeNull();
    expect(isIsoDate(s)).toBe(false);
    expect(() => requireIsoDate(s)).toThrow(RangeError);
  });

  it('formats with zero padding and refuses impossible days', () => {
    expect(formatIsoDate(2025, 3, 8)).toBe('2025-03-08');
    expect(formatIsoDate(999, 1, 1)).toBe('0999-01-01');
    expect(() => formatIsoDate(2025, 2, 29)).toThrow(RangeError);
  });

  it('compares dates and sorts with them', () => {
    expect(compareDates('2025-01-01', '2025-01-02')).toBe(-1);
    expect(compareDates('2025-01-02', '2025-01-01')).toBe(1);
    expect(compareDates('2025-01-01', '2025-01-01')).toBe(0);
    expect(compareDates('1999-12-31', '2000-01-01')).toBe(-1);
    expect(['2025-09-10', '2024-02-29', '2025-03-08'].sort(compareDates)).toEqual([
      '2024-02-29',
      '2025-03-08',
      '2025-09-10',
    ]);
    expect(() => compareDates('2025-02-30', '2025-01-01')).toThrow(RangeError);
  });

  it('finds the earliest and latest date', () => {
    expect(minDate('2025-09-10')).toBe('2025-09-10');
    expect(minDate('2025-09-10', '2019-09-01', '2024-02-29')).toBe('2019-09-01');
    expect(maxDate('2025-09-10', '2019-09-01', '2026-01-01')).toBe('2026-01-01');
    expect(() => minDate('nope')).toThrow(RangeError);
    expect(() => maxDate('2025-01-01', 'nope')).toThrow(RangeError);
  });

  it('gives the year end used by "申报当年年底" (Leiyang 23)', () => {
    expect(endOfYear('2025-03-15')).toBe('2025-12-31');
    expect(endOfYear('2024-12-31')).toBe('2024-12-31');
  });
});
