import { type IsoDate, daysInMonth, formatIsoDate, isLeapYear, requireIsoDate } from './calendar';

// Days since 1970-01-01 of a proleptic Gregorian date, and back (H. Hinnant's days_from_civil /
// civil_from_days). Pure integer arithmetic: no Date, no time zone, no DST.
function toDayNumber(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function fromDayNumber(n: number): IsoDate {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return formatIsoDate(year, month, day);
}

function requireInteger(n: number, what: string): void {
  if (!Number.isInteger(n)) throw new RangeError(`${what} must be an integer: ${n}`);
}

export function addDays(date: IsoDate, n: number): IsoDate {
  requireInteger(n, 'days');
  const { year, month, day } = requireIsoDate(date);
  return fromDayNumber(toDayNumber(year, month, day) + n);
}

/**
 * Adds calendar months, clamping to the end of a shorter month (2024-01-31 + 1 month = 2024-02-29),
 * as 民法典 art. 202 does for a period without a corresponding day. n may be negative.
 */
export function addMonths(date: IsoDate, n: number): IsoDate {
  requireInteger(n, 'months');
  const { year, month, day } = requireIsoDate(date);
  const index = year * 12 + (month - 1) + n;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  return formatIsoDate(y, m, Math.min(day, daysInMonth(y, m)));
}

/** addMonths(date, 12 n): 2024-02-29 + 1 year = 2025-02-28. */
export function addYears(date: IsoDate, n: number): IsoDate {
  requireInteger(n, 'years');
  return addMonths(date, 12 * n);
}

/** Signed number of days from a to b: daysBetween('2024-02-28', '2024-03-01') = 2; negative when b < a. */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  const x = requireIsoDate(a);
  const y = requireIsoDate(b);
  return toDayNumber(y.year, y.month, y.day) - toDayNumber(x.year, x.month, x.day);
}

/**
 * The day on which `months` whole months from `start` are complete. Same day of the month; when the
 * target month has no such day (31 April, 29 February in a common year), the 1st of the next month.
 * This is the anniversary rule of fullYearsBetween; addMonths, by contrast, clamps to the month end.
 */
export function monthiversary(start: IsoDate, months: number): IsoDate {
  requireInteger(months, 'months');
  const { day } = requireIsoDate(start);
  const sameMonth = addMonths(start, months);
  const clamped = requireIsoDate(sameMonth).day;
  return clamped === day ? sameMonth : addDays(sameMonth, 1);
}

/**
 * Whole months from a to b under the anniversary rule of fullYearsBetween (a month is complete on the
 * same day of the month, or on the 1st of the next month when that day does not exist).
 * Negative when b < a: fullMonthsBetween(a, b) = -fullMonthsBetween(b, a).
 */
export function fullMonthsBetween(a: IsoDate, b: IsoDate): number {
  if (daysBetween(a, b) < 0) return -fullMonthsBetween(b, a);
  const x = requireIsoDate(a);
  const y = requireIsoDate(b);
  const estimate = (y.year - x.year) * 12 + (y.month - x.month);
  // The estimate's monthiversary falls in b's month or, rolled over, on the 1st of the next: one step back at most.
  return daysBetween(monthiversary(a, estimate), b) >= 0 ? estimate : estimate - 1;
}

/**
 * Whole years from a to b, as age (周岁) and years of service are counted here: the count goes up ON
 * the anniversary. For a 29 February start the anniversary in a common year is 1 March (the period
 * has no 29 February, so it completes at the end of 28 February — 民法典 art. 202 — and the year is
 * reached the next day): born 2000-02-29 → 0 on 2001-02-28, 1 on 2001-03-01, 4 on 2004-02-29.
 *
 * Criminal law counts 周岁 from the day after the birthday (最高人民法院 法释〔2006〕1号 art. 2); that
 * convention is deliberately not used for the administrative rules here.
 * Negative when b < a: fullYearsBetween(a, b) = -fullYearsBetween(b, a).
 */
export function fullYearsBetween(a: IsoDate, b: IsoDate): number {
  if (daysBetween(a, b) < 0) return -fullYearsBetween(b, a);
  const x = requireIsoDate(a);
  const y = requireIsoDate(b);
  const years = y.year - x.year;
  const [annMonth, annDay] = x.month === 2 && x.day === 29 && !isLeapYear(y.year) ? [3, 1] : [x.month, x.day];
  const beforeAnniversary = y.month < annMonth || (y.month === annMonth && y.day < annDay);
  return beforeAnniversary ? years - 1 : years;
}
