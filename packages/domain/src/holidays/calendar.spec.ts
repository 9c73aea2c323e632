import { addDays } from '../dates/arithmetic';
import { BUILTIN_HOLIDAY_YEARS } from './builtin';
import { holidayCalendar, mergeHolidayYears } from './calendar';
import type { HolidayYear } from './holiday-year';
import { isWeekend, isoWeekday } from './weekday';

const cal = holidayCalendar(BUILTIN_HOLIDAY_YEARS);

const HYPOTHETICAL_2027: HolidayYear = {
  year: 2027,
  source: 'test: an arrangement a platform admin typed in',
  offDays: ['2027-10-01', '2027-10-04'],
  workdays: ['2027-09-26'],
};

describe('isoWeekday', () => {
  it.each([
    ['1970-01-01', 4],
    ['2025-09-10', 3], // Teachers' Day 2025, a Wednesday
    ['2024-02-29', 4],
    ['2026-01-04', 7],
    ['1969-12-31', 3],
    ['2000-01-01', 6],
  ])('%s is ISO weekday %i', (date, wd) => {
    expect(isoWeekday(date)).toBe(wd);
  });

  it('walks Monday to Sunday across a year without drifting', () => {
    for (let i = 0; i < 400; i++) expect(isoWeekday(addDays('2024-01-01', i))).toBe((i % 7) + 1); // 2024-01-01 is a Monday
  });

  it('weekends are Saturday and Sunday', () => {
    expect(['2025-03-08', '2025-03-09', '2025-03-10'].map(isWeekend)).toEqual([true, true, false]);
  });
});

describe('holidayCalendar: rest days are weekends, plus days off, minus make-up working days', () => {
  it.each([
    ['2025-03-12', false, 'an ordinary Wednesday'],
    ['2025-03-15', true, 'an ordinary Saturday'],
    ['2025-03-16', true, 'an ordinary Sunday'],
    ['2025-01-28', true, '2025 除夕, a Tuesday off (国办发明电〔2024〕12号 二)'],
    ['2025-02-04', true, '2025 正月初七, the last day off'],
    ['2025-02-05', false, 'the Wednesday after the 2025 Spring Festival'],
    ['2025-01-26', false, 'Sunday 2025-01-26, a make-up working day (二)'],
    ['2025-02-08', false, 'Saturday 2025-02-08, a make-up working day (二)'],
    ['2025-10-08', true, 'Wednesday 2025-10-08, the merged National Day / Mid-Autumn holiday (六)'],
    ['2025-10-11', false, 'Saturday 2025-10-11, a make-up working day (六)'],
    ['2024-02-09', false, '2024 除夕, a Friday only "encouraged" off (国办发明电〔2023〕7号 二)'],
    ['2024-04-07', false, 'Sunday 2024-04-07, a make-up working day (三)'],
    ['2026-02-23', true, 'Monday 2026-02-23, 正月初七 (2026 notice 二)'],
    ['2026-02-28', false, 'Saturday 2026-02-28, a make-up working day (2026 notice 二)'],
    ['2026-09-20', false, 'Sunday 2026-09-20, a make-up working day (2026 notice 七)'],
  ])('%s is a rest day: %s (%s)', (date, rest) => {
    expect(cal.isRestDay(date)).toBe(rest);
    expect(cal.isWorkingDay(date)).toBe(!rest);
  });

  it('covers the published years and says which notice', () => {
    expect(cal.years).toEqual([2024, 2025, 2026]);
    expect([2023, 2024, 2025, 2026, 2027].map((y) => cal.covers(y))).toEqual([
      false,
      true,
      true,
      true,
      false,
    ]);
    expect(cal.coverage(2025)).toEqual({
      year: 2025,
      kind: 'published',
      source: expect.stringContaining('国办发明电〔2024〕12号'),
    });
    expect(cal.coverage(2027)).toEqual({ year: 2027, kind: 'weekends_only' });
  });

  it('falls back to weekends only in a year with no arrangement (2027 National Day unknown yet)', () => {
    expect(cal.isRestDay('2027-10-01')).toBe(false); // a Friday
    expect(cal.isRestDay('2027-10-02')).toBe(true); // a Saturday
    expect(cal.isRestDay('2023-01-02')).toBe(false); // in fact 2023 元旦 holiday, but 2023 is not shipped
  });

  it('is built from any list of years, so an admin-supplied year counts', () => {
    const withAdmin = holidayCalendar([...BUILTIN_HOLIDAY_YEARS, HYPOTHETICAL_2027]);
    expect(withAdmin.covers(2027)).toBe(true);
    expect(withAdmin.isRestDay('2027-10-01')).toBe(true);
    expect(withAdmin.isRestDay('2027-09-26')).toBe(false); // a Sunday made a working day
    expect(holidayCalendar([]).isRestDay('2025-10-08')).toBe(false); // no data: weekends only
  });

  it('refuses an invalid year or the same year twice', () => {
    expect(() => holidayCalendar([{ ...HYPOTHETICAL_2027, workdays: ['2027-09-27'] }])).toThrow(RangeError);
    expect(() => holidayCalendar([HYPOTHETICAL_2027, HYPOTHETICAL_2027])).toThrow(/twice/);
  });

  it('refuses a malformed date', () => {
    expect(() => cal.isRestDay('2025-02-30')).toThrow(RangeError);
  });
});

describe('mergeHolidayYears: stored years over the built-in ones', () => {
  it('replaces a built-in year whole, adds new ones, sorted by year', () => {
    const corrected2025: HolidayYear = { ...BUILTIN_HOLIDAY_YEARS[1], source: 'corrected', workdays: [] };
    const merged = mergeHolidayYears(BUILTIN_HOLIDAY_YEARS, [HYPOTHETICAL_2027, corrected2025]);
    expect(merged.map((y) => [y.year, y.source.slice(0, 9)])).toEqual([
      [2024, BUILTIN_HOLIDAY_YEARS[0].source.slice(0, 9)],
      [2025, 'corrected'],
      [2026, BUILTIN_HOLIDAY_YEARS[2].source.slice(0, 9)],
      [2027, HYPOTHETICAL_2027.source.slice(0, 9)],
    ]);
    expect(holidayCalendar(merged).isRestDay('2025-02-08')).toBe(true); // no longer a make-up day
  });
});
