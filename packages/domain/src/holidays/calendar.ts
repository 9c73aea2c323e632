// Which days are rest days (休息日) in China: Saturdays and Sundays, plus the days off of the State
// Council's yearly arrangement, minus its make-up working days. A year without a published arrangement
// falls back to weekends only, and says so, so a deadline computed on it can be shown as provisional.
import { requireIsoDate, type IsoDate } from '../dates/calendar';
import { type HolidayYear, validateHolidayYear } from './holiday-year';
import { isWeekend } from './weekday';

export type HolidayCoverage =
  | { readonly year: number; readonly kind: 'published'; readonly source: string }
  | { readonly year: number; readonly kind: 'weekends_only' };

export interface HolidayCalendar {
  /** The years with a published arrangement, ascending. */
  readonly years: readonly number[];
  /** A Saturday or Sunday that is not a make-up working day, or a day off of the arrangement. */
  isRestDay(date: IsoDate): boolean;
  isWorkingDay(date: IsoDate): boolean;
  /** True when the year's arrangement is known; otherwise only weekends count as rest days. */
  covers(year: number): boolean;
  coverage(year: number): HolidayCoverage;
}

/**
 * A calendar over the given arrangements (BUILTIN_HOLIDAY_YEARS, or those merged with an admin's).
 * RangeError when a year fails validateHolidayYear or appears twice.
 */
export function holidayCalendar(years: readonly HolidayYear[]): HolidayCalendar {
  const byYear = new Map<number, HolidayYear>();
  const offDays = new Set<IsoDate>();
  const workdays = new Set<IsoDate>();
  for (const y of years) {
    const problems = validateHolidayYear(y);
    if (problems.length > 0)
      throw new RangeError(`invalid holiday year ${y.year}: ${JSON.stringify(problems)}`);
    if (byYear.has(y.year)) throw new RangeError(`holiday year ${y.year} given twice`);
    byYear.set(y.year, y);
    y.offDays.forEach((d) => offDays.add(d));
    y.workdays.forEach((d) => workdays.add(d));
  }
  const isRestDay = (date: IsoDate): boolean => {
    requireIsoDate(date);
    if (workdays.has(date)) return false;
    return offDays.has(date) || isWeekend(date);
  };
  return {
    years: [...byYear.keys()].sort((a, b) => a - b),
    isRestDay,
    isWorkingDay: (date) => !isRestDay(date),
    covers: (year) => byYear.has(year),
    coverage: (year) => {
      const y = byYear.get(year);
      return y ? { year, kind: 'published', source: y.source } : { year, kind: 'weekends_only' };
    },
  };
}

/**
 * The built-in years with an admin's stored ones laid over them: a stored year replaces the built-in
 * year of the same number whole (a correction), others are added. Sorted by year.
 */
export function mergeHolidayYears(
  builtin: readonly HolidayYear[],
  stored: readonly HolidayYear[],
): HolidayYear[] {
  const merged = new Map<number, HolidayYear>(builtin.map((y) => [y.year, y]));
  stored.forEach((y) => merged.set(y.year, y));
  return [...merged.values()].sort((a, b) => a.year - b.year);
}
