// The periods indicators are counted over (每学期, 每学年, 每年), as inclusive ranges of Asia/Shanghai
// calendar dates. Neither document fixes semester dates, so they are configuration: by default the
// autumn semester (第一学期) runs 1 September – 31 January and the spring semester (第二学期)
// 1 February – 31 August. Semesters tile the year with no gap, holidays included, so every activity
// falls in exactly one semester; the school year is the two semesters together.
import { addDays, daysBetween } from '../dates/arithmetic';
import { type IsoDate, compareDates, formatIsoDate, requireIsoDate } from '../dates/calendar';
import type { MonthDay, PeriodKind } from '../programmes/types';
import { isMonthDay } from '../programmes/template-rules';

export interface Period {
  readonly kind: PeriodKind;
  /** '2025' (calendar year), '2025-2026' (school year), '2025-2026-1' / '2025-2026-2' (autumn / spring semester). */
  readonly key: string;
  /** First day, inclusive. */
  readonly start: IsoDate;
  /** Last day, inclusive. */
  readonly end: IsoDate;
}

/** The first days of the two semesters, 'MM-DD'; the spring semester must start earlier in the year. */
export interface SemesterCalendar {
  readonly autumnStart: MonthDay;
  readonly springStart: MonthDay;
}

export const DEFAULT_SEMESTER_CALENDAR: SemesterCalendar = { autumnStart: '09-01', springStart: '02-01' };

function onDay(year: number, monthDay: MonthDay): IsoDate {
  const [month, day] = monthDay.split('-').map(Number);
  return formatIsoDate(year, month, day);
}

function requireCalendar(c: SemesterCalendar): void {
  if (!isMonthDay(c.autumnStart) || !isMonthDay(c.springStart) || c.springStart >= c.autumnStart)
    throw new RangeError(`invalid semester calendar: ${JSON.stringify(c)}`);
}

function schoolYear(startYear: number, c: SemesterCalendar): Period {
  return {
    kind: 'school_year',
    key: `${startYear}-${startYear + 1}`,
    start: onDay(startYear, c.autumnStart),
    end: addDays(onDay(startYear + 1, c.autumnStart), -1),
  };
}

function semester(startYear: number, which: 1 | 2, c: SemesterCalendar): Period {
  const springStart = onDay(startYear + 1, c.springStart);
  const year = schoolYear(startYear, c);
  return {
    kind: 'semester',
    key: `${year.key}-${which}`,
    start: which === 1 ? year.start : springStart,
    end: which === 1 ? addDays(springStart, -1) : year.end,
  };
}

/** The period of the given kind that contains `date`. */
export function periodContaining(
  kind: PeriodKind,
  date: IsoDate,
  calendar: SemesterCalendar = DEFAULT_SEMESTER_CALENDAR,
): Period {
  requireCalendar(calendar);
  const { year } = requireIsoDate(date);
  if (kind === 'calendar_year')
    return { kind, key: String(year), start: formatIsoDate(year, 1, 1), end: formatIsoDate(year, 12, 31) };
  const startYear = compareDates(date, onDay(year, calendar.autumnStart)) >= 0 ? year : year - 1;
  if (kind === 'school_year') return schoolYear(startYear, calendar);
  return compareDates(date, onDay(startYear + 1, calendar.springStart)) < 0
    ? semester(startYear, 1, calendar)
    : semester(startYear, 2, calendar);
}

const KEY = /^(\d{4})(?:-(\d{4})(?:-([12]))?)?$/;

/** The period a key names ('2025', '2025-2026', '2025-2026-2'); null when the key is malformed. */
export function periodByKey(
  key: string,
  calendar: SemesterCalendar = DEFAULT_SEMESTER_CALENDAR,
): Period | null {
  requireCalendar(calendar);
  const m = KEY.exec(key);
  if (!m) return null;
  const year = Number(m[1]);
  if (year < 1 || year > 9998) return null;
  if (m[2] === undefined) return periodContaining('calendar_year', formatIsoDate(year, 1, 1), calendar);
  if (Number(m[2]) !== year + 1) return null;
  if (m[3] === undefined) return schoolYear(year, calendar);
  return semester(year, m[3] === '1' ? 1 : 2, calendar);
}

/** Whether `date` lies in the period (both ends inclusive). */
export function periodIncludes(p: Period, date: IsoDate): boolean {
  return compareDates(p.start, date) <= 0 && compareDates(date, p.end) <= 0;
}

/** Number of days in the period. */
export function periodDays(p: Period): number {
  return daysBetween(p.start, p.end) + 1;
}

/**
 * Days of the period wholly past on `today`: 0 up to and including the first day, periodDays − 1 on
 * the last day, periodDays from the day after the end. Today itself is not counted as past — work
 * can still be done and recorded on it.
 */
export function elapsedDays(p: Period, today: IsoDate): number {
  return Math.min(Math.max(daysBetween(p.start, today), 0), periodDays(p));
}

/** elapsedDays / periodDays, in [0, 1]. */
export function elapsedShare(p: Period, today: IsoDate): number {
  return elapsedDays(p, today) / periodDays(p);
}

/** True from the day after the period's last day. */
export function hasEnded(p: Period, today: IsoDate): boolean {
  return compareDates(today, p.end) > 0;
}
