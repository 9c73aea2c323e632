/**
 * A calendar date in Asia/Shanghai, written `YYYY-MM-DD` (e.g. `2025-09-10`).
 *
 * Dates in this package are never JS `Date` objects: a `Date` is an instant, and turning it into a
 * calendar day depends on the time zone of whoever runs the code. Arithmetic is done on y/m/d integers.
 */
export type IsoDate = string;

export interface CalendarDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

/** Days in a month (1–12) of the proleptic Gregorian calendar. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2 && isLeapYear(year)) return 29;
  const days = DAYS_IN_MONTH[month - 1];
  if (days === undefined) throw new RangeError(`month out of range: ${month}`);
  return days;
}

/** True when y/m/d are integers naming a real day between 0001-01-01 and 9999-12-31. */
export function isValidDate(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    year >= 1 &&
    year <= 9999 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

/** Parses a strict `YYYY-MM-DD` string; `null` when it is malformed or names no real day (2023-02-29). */
export function parseIsoDate(s: string): CalendarDate | null {
  const m = ISO_DATE.exec(s);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return isValidDate(year, month, day) ? { year, month, day } : null;
}

export function isIsoDate(s: string): s is IsoDate {
  return parseIsoDate(s) !== null;
}

/** Formats y/m/d as `YYYY-MM-DD`; throws a RangeError when they name no real day. */
export function formatIsoDate(year: number, month: number, day: number): IsoDate {
  if (!isValidDate(year, month, day)) throw new RangeError(`not a date: ${year}-${month}-${day}`);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Like parseIsoDate, for callers whose input was already validated: a bad date is a programming error. */
export function requireIsoDate(s: IsoDate): CalendarDate {
  const d = parseIsoDate(s);
  if (!d) throw new RangeError(`not an ISO date (YYYY-MM-DD): ${JSON.stringify(s)}`);
  return d;
}

/** -1, 0 or 1, for sorting (`dates.sort(compareDates)`). Throws on a malformed date. */
export function compareDates(a: IsoDate, b: IsoDate): -1 | 0 | 1 {
  // Validated strict YYYY-MM-DD strings order lexicographically exactly as the days they name.
  requireIsoDate(a);
  requireIsoDate(b);
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The earliest of the dates. */
export function minDate(first: IsoDate, ...rest: IsoDate[]): IsoDate {
  requireIsoDate(first);
  return rest.reduce((min, d) => (compareDates(d, min) < 0 ? d : min), first);
}

/** The latest of the dates. */
export function maxDate(first: IsoDate, ...rest: IsoDate[]): IsoDate {
  requireIsoDate(first);
  return rest.reduce((max, d) => (compareDates(d, max) > 0 ? d : max), first);
}

/** 31 December of the date's year: "申报当年年底" (Leiyang 23) and other year-end cut-offs. */
export function endOfYear(date: IsoDate): IsoDate {
  return formatIsoDate(requireIsoDate(date).year, 12, 31);
}
