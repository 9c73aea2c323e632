import { addDays, addMonths, daysBetween } from '../dates/arithmetic';
import { BUILTIN_HOLIDAY_YEARS } from '../holidays/builtin';
import { holidayCalendar } from '../holidays/calendar';
import { firstWorkingDayFrom, periodEnd, periodEndMonths, periodEndYears } from './periods';

const cal = holidayCalendar(BUILTIN_HOLIDAY_YEARS);

describe('periodEnd: days (民事诉讼法 第八十五条)', () => {
  it.each([
    ['starting day not counted: 15 days from Mon 2025-03-03 end Tue 03-18', '2025-03-03', 15, '2025-03-18'],
    ['1 day from a Monday ends on the Tuesday', '2025-03-03', 1, '2025-03-04'],
    ['last day Sunday 2025-03-16 → Monday 03-17', '2025-03-01', 15, '2025-03-17'],
    ['last day Saturday 2025-03-15 → Monday 03-17', '2025-02-28', 15, '2025-03-17'],
    [
      'last day in the 2025 Spring Festival (01-30) → first day after it, Wed 02-05',
      '2025-01-15',
      15,
      '2025-02-05',
    ],
    ['last day 2025 除夕 (01-28) → 02-05', '2025-01-13', 15, '2025-02-05'],
    ['last day in the 2026 Spring Festival (02-16) → Tue 02-24', '2026-02-01', 15, '2026-02-24'],
    ['last day 2026-02-23 (正月初七) → 02-24', '2026-02-08', 15, '2026-02-24'],
    ['last day 2025-10-01 (National Day + Mid-Autumn, 8 days) → Thu 10-09', '2025-09-16', 15, '2025-10-09'],
    ['last day 2025-10-08 → 10-09', '2025-09-23', 15, '2025-10-09'],
    ['last day 2026-10-03 (National Day) → Thu 10-08', '2026-09-18', 15, '2026-10-08'],
    ['last day 2024-10-01 (National Day) → Tue 10-08', '2024-09-16', 15, '2024-10-08'],
    ['make-up working day Sat 2025-02-08 counts as a working day', '2025-01-24', 15, '2025-02-08'],
    ['make-up working day Sun 2026-09-20 counts as a working day', '2026-09-05', 15, '2026-09-20'],
    ['make-up working day Sat 2026-10-10 ends a period', '2026-09-25', 15, '2026-10-10'],
    ['make-up working day Sun 2025-01-26, just before the holiday', '2025-01-11', 15, '2025-01-26'],
    [
      'a holiday inside the period is counted, not skipped (45 days across 2025 国庆)',
      '2025-09-01',
      45,
      '2025-10-16',
    ],
    ['a year with no arrangement: weekends only (Fri 2027-10-01 stays)', '2027-09-16', 15, '2027-10-01'],
    ['crossing into a new year', '2025-12-25', 15, '2026-01-09'],
  ])('%s', (_, start, days, expected) => {
    expect(periodEnd(start, days, cal)).toBe(expected);
  });

  it('crossing the New Year holiday: 2026-01-01..03 off, Sunday 01-04 a make-up working day', () => {
    expect(periodEnd('2025-12-17', 15, cal)).toBe('2026-01-04');
    expect(periodEnd('2025-12-18', 15, cal)).toBe('2026-01-04');
    expect(periodEnd('2025-12-16', 15, cal)).toBe('2025-12-31'); // a Wednesday: no move
    expect(periodEnd('2025-12-15', 15, cal)).toBe('2025-12-30');
  });

  it('refuses a non-positive or fractional length', () => {
    expect(() => periodEnd('2025-03-03', 0, cal)).toThrow(RangeError);
    expect(() => periodEnd('2025-03-03', -1, cal)).toThrow(RangeError);
    expect(() => periodEnd('2025-03-03', 1.5, cal)).toThrow(RangeError);
  });

  // Invariant: the end is a working day, never before the nominal last day, and every day between the
  // nominal last day and the end is a rest day (the end is the FIRST working day after it).
  it('ends on the first working day on or after start + n, for every start in 2024–2026', () => {
    const failures: string[] = [];
    for (let s = 0; s < 1096; s++) {
      const start = addDays('2024-01-01', s);
      for (const n of [1, 2, 3, 5, 7, 10, 15, 30, 45, 60]) {
        const nominal = addDays(start, n);
        const end = periodEnd(start, n, cal);
        const gap = daysBetween(nominal, end);
        const skipped = Array.from({ length: Math.max(gap, 0) }, (_, k) => addDays(nominal, k));
        if (!cal.isWorkingDay(end) || gap < 0 || !skipped.every((d) => cal.isRestDay(d)))
          failures.push(`${start} + ${n} → ${end}`);
      }
    }
    expect(failures).toEqual([]);
  });
});

describe('periodEndMonths / periodEndYears (民法典 第二百零二条, then 民事诉讼法 第八十五条)', () => {
  it.each([
    ['corresponding day: 2025-05-28 + 3 months → 2025-08-28 (Thu)', '2025-05-28', 3, '2025-08-28'],
    ['no 31 February: 2025-01-31 + 1 month → month end 2025-02-28 (Fri)', '2025-01-31', 1, '2025-02-28'],
    ['leap February: 2024-01-31 + 1 month → 2024-02-29 (Thu)', '2024-01-31', 1, '2024-02-29'],
    ['no 31 September: 2025-08-31 + 1 month → 2025-09-30 (Tue)', '2025-08-31', 1, '2025-09-30'],
    [
      'corresponding day in National Day: 2025-09-01 + 1 month → 10-01 → 10-09',
      '2025-09-01',
      1,
      '2025-10-09',
    ],
    ['month end on a Sunday: 2025-10-31 + 1 month → 11-30 (Sun) → 12-01', '2025-10-31', 1, '2025-12-01'],
  ])('%s', (_, start, months, expected) => {
    expect(periodEndMonths(start, months, cal)).toBe(expected);
  });

  it.each([
    [
      '2024-02-29 + 1 year: 2025 has no 29 February → 2025-02-28 (Fri), not 03-01',
      '2024-02-29',
      1,
      '2025-02-28',
    ],
    ['2023-02-28 + 1 year → 2024-02-28 (Wed), not the leap day', '2023-02-28', 1, '2024-02-28'],
    ['2023-03-01 + 1 year → 2024-03-01 (Fri)', '2023-03-01', 1, '2024-03-01'],
    ['2024-03-01 + 1 year → 2025-03-01 (Sat) → Mon 03-03', '2024-03-01', 1, '2025-03-03'],
    ['2024-02-29 + 4 years → 2028-02-29', '2024-02-29', 4, '2028-02-29'],
    ['corresponding day in 2025 国庆: 2024-10-05 + 1 year → 2025-10-09', '2024-10-05', 1, '2025-10-09'],
    [
      'corresponding day in the 2026 Spring Festival: 2025-02-16 + 1 year → 2026-02-24',
      '2025-02-16',
      1,
      '2026-02-24',
    ],
    [
      'corresponding day a make-up working day: 2025-02-14 + 1 year → Sat 2026-02-14',
      '2025-02-14',
      1,
      '2026-02-14',
    ],
  ])('%s', (_, start, years, expected) => {
    expect(periodEndYears(start, years, cal)).toBe(expected);
  });

  it('a month period is addMonths then the rest-day move, for every start of 2025', () => {
    for (let s = 0; s < 365; s++) {
      const start = addDays('2025-01-01', s);
      expect(periodEndMonths(start, 1, cal)).toBe(firstWorkingDayFrom(addMonths(start, 1), cal));
    }
  });

  it('refuses a non-positive or fractional length', () => {
    expect(() => periodEndMonths('2025-03-03', 0, cal)).toThrow(RangeError);
    expect(() => periodEndYears('2025-03-03', 0.5, cal)).toThrow(RangeError);
  });
});

describe('firstWorkingDayFrom', () => {
  it('keeps a working day, moves a rest day', () => {
    expect(firstWorkingDayFrom('2025-03-03', cal)).toBe('2025-03-03');
    expect(firstWorkingDayFrom('2025-01-27', cal)).toBe('2025-01-27'); // Monday before 除夕
    expect(firstWorkingDayFrom('2025-01-28', cal)).toBe('2025-02-05');
  });

  it('stops on a calendar claiming every day is a rest day, rather than looping', () => {
    expect(() => firstWorkingDayFrom('2025-03-03', { isRestDay: () => true })).toThrow(RangeError);
  });
});
