// Birthdays, anniversaries and festivals for the reminder engine: which solar day to greet a teacher on.
// Lunar conversions come from lunar-typescript (new moons and solar terms computed astronomically for
// Beijing time, 寿星万年历); nothing here keeps a lunar table of its own.
import { type LunarMonth, LunarYear } from 'lunar-typescript';
import { addDays, addYears, daysBetween } from '../dates/arithmetic';
import { type IsoDate, compareDates, formatIsoDate, requireIsoDate } from '../dates/calendar';

export type BirthdayCalendar = 'solar' | 'lunar';

export type FestivalCode =
  'spring_festival' | 'dragon_boat' | 'mid_autumn' | 'double_ninth' | 'womens_day' | 'teachers_day';

/** A day of the Chinese calendar: month 1–12, `leap` for a leap month (闰月), day 1–30. */
export interface LunarDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly leap: boolean;
}

// lunar-typescript counts days as Julian Day numbers (at noon), and its Solar switches to the Julian
// calendar before 1582-10-15 whereas IsoDate is proleptic Gregorian: going through day numbers, never
// Solar, keeps the two in step for every date.
const EPOCH: IsoDate = '1970-01-01';
const EPOCH_JULIAN_DAY = 2440588;

function julianDayOf(date: IsoDate): number {
  return EPOCH_JULIAN_DAY + daysBetween(EPOCH, date);
}

function dateOfJulianDay(julianDay: number): IsoDate {
  return addDays(EPOCH, julianDay - EPOCH_JULIAN_DAY);
}

// LunarYear.fromYear keeps only the last year it built, and building one is a millisecond of
// astronomy; a birthday check touches two or three years, a registry scan thousands of teachers.
const LUNAR_YEARS_KEPT = 256;
const lunarYears = new Map<number, LunarYear>();

function lunarYear(year: number): LunarYear {
  let found = lunarYears.get(year);
  if (found === undefined) {
    found = LunarYear.fromYear(year);
    if (lunarYears.size >= LUNAR_YEARS_KEPT) lunarYears.delete(lunarYears.keys().next().value as number);
    lunarYears.set(year, found);
  }
  return found;
}

/** The lunar date of a solar day: 2025-07-25 is 2025 闰六月初一. */
export function lunarOf(date: IsoDate): LunarDate {
  const julianDay = julianDayOf(date);
  // As Lunar.fromSolar does: the months of lunar year N run from the 11th month of N − 1 into N + 1,
  // so they hold every day of solar year N.
  const month = lunarYear(requireIsoDate(date).year)
    .getMonths()
    .find((m) => julianDay >= m.getFirstJulianDay() && julianDay < m.getFirstJulianDay() + m.getDayCount());
  if (month === undefined) throw new RangeError(`no lunar date for ${date}`);
  // The library writes a leap month as a negative month number.
  return {
    year: month.getYear(),
    month: Math.abs(month.getMonth()),
    day: julianDay - month.getFirstJulianDay() + 1,
    leap: month.isLeap(),
  };
}

function requireLunarFields(year: number, month: number, day: number): void {
  const integers = Number.isInteger(year) && Number.isInteger(month) && Number.isInteger(day);
  if (!integers || month < 1 || month > 12 || day < 1 || day > 30)
    throw new RangeError(`not a lunar date: ${year}-${month}-${day}`);
}

function lunarMonth(year: number, month: number, leap: boolean): LunarMonth {
  const months = lunarYear(year);
  // A leap month recurs only some years (闰六月: 2025, then 2036); in the others the month of the same
  // number stands in, as families do when keeping a 闰月 birthday.
  const found = (leap ? months.getMonth(-month) : null) ?? months.getMonth(month);
  if (found === null) throw new RangeError(`no lunar month ${month} in ${year}`);
  return found;
}

function julianDayOfLunar(year: number, month: number, day: number, leap: boolean): number {
  requireLunarFields(year, month, day);
  const m = lunarMonth(year, month, leap);
  // A lunar month has 29 or 30 days; the 30th of a short month is kept on its last day, the 29th
  // (so a 除夕 birthday stays on 除夕 in years without 年三十).
  return m.getFirstJulianDay() + Math.min(day, m.getDayCount()) - 1;
}

/**
 * The solar day of a lunar date in lunar year `year`. A leap month that year lacks falls back to the
 * ordinary month of that number, and day 30 of a 29-day month to day 29. RangeError on fields outside
 * month 1–12 / day 1–30, or a result outside 0001–9999.
 */
export function solarOfLunar(year: number, month: number, day: number, leap: boolean): IsoDate {
  return dateOfJulianDay(julianDayOfLunar(year, month, day, leap));
}

/** The same month and day in `year`; a 29 February falls on 28 February in common years (as addYears). */
export function solarAnniversary(since: IsoDate, year: number): IsoDate {
  return addYears(since, year - requireIsoDate(since).year);
}

function requireCalendar(calendar: BirthdayCalendar): void {
  if (calendar !== 'solar' && calendar !== 'lunar') throw new RangeError(`unknown calendar: ${calendar}`);
}

/**
 * The birthday celebrated in solar year `year`. Solar: solarAnniversary. Lunar: the birth's lunar
 * month and day (leap and day-30 fallbacks as in solarOfLunar) in whichever lunar year puts it in
 * `year`. Lunar years are 354–385 days long, so a birthday late in the 11th or 12th month can fall
 * twice in one solar year (腊月初一: 2024-01-11 and 2024-12-31) — the earlier is returned — and then
 * not at all in the next (none in 2025): null. Years before the birth are not refused.
 */
export function birthdayOn(birthDate: IsoDate, calendar: BirthdayCalendar, year: number): IsoDate | null {
  requireCalendar(calendar);
  if (calendar === 'solar') return solarAnniversary(birthDate, year);
  const { month, day, leap } = lunarOf(birthDate);
  const first = julianDayOf(formatIsoDate(year, 1, 1));
  const last = julianDayOf(formatIsoDate(year, 12, 31));
  // Lunar year N begins between 21 January and 20 February of solar year N, so only lunar years
  // year − 1 (its last months reach into January) and year can land in solar `year`, in that order.
  for (const candidate of [year - 1, year]) {
    const julianDay = julianDayOfLunar(candidate, month, day, leap);
    if (julianDay >= first && julianDay <= last) return dateOfJulianDay(julianDay);
  }
  return null;
}

/**
 * The first birthday on or after `onOrAfter` and after the birth itself. Lunar birthdays are walked
 * by lunar year, so the second of two in one solar year (see birthdayOn) is not skipped.
 */
export function nextBirthday(birthDate: IsoDate, calendar: BirthdayCalendar, onOrAfter: IsoDate): IsoDate {
  requireCalendar(calendar);
  const from = compareDates(onOrAfter, birthDate) > 0 ? onOrAfter : addDays(birthDate, 1);
  const lunar = calendar === 'lunar' ? lunarOf(birthDate) : null;
  const occurrence = (year: number): IsoDate =>
    lunar ? solarOfLunar(year, lunar.month, lunar.day, lunar.leap) : solarAnniversary(birthDate, year);
  // One occurrence per (solar or lunar) year, inside that year: this year's or else next year's.
  const year = lunar ? lunarOf(from).year : requireIsoDate(from).year;
  const thisYear = occurrence(year);
  return compareDates(thisYear, from) >= 0 ? thisYear : occurrence(year + 1);
}

interface Festival {
  readonly calendar: BirthdayCalendar;
  readonly month: number;
  readonly day: number;
}

const FESTIVALS: Readonly<Record<FestivalCode, Festival>> = {
  spring_festival: { calendar: 'lunar', month: 1, day: 1 }, // 春节, 正月初一
  dragon_boat: { calendar: 'lunar', month: 5, day: 5 }, // 端午, 五月初五
  mid_autumn: { calendar: 'lunar', month: 8, day: 15 }, // 中秋, 八月十五
  double_ninth: { calendar: 'lunar', month: 9, day: 9 }, // 重阳 (敬老节), 九月初九
  womens_day: { calendar: 'solar', month: 3, day: 8 },
  teachers_day: { calendar: 'solar', month: 9, day: 10 }, // 教师节 since 1985
};

/** The festival in solar year `year`; lunar festivals are those of the lunar year beginning in it. */
export function festivalDate(festival: FestivalCode, year: number): IsoDate {
  // hasOwn: a code read from storage could be 'toString'.
  const f = Object.hasOwn(FESTIVALS, festival) ? FESTIVALS[festival] : undefined;
  if (f === undefined) throw new RangeError(`unknown festival: ${festival}`);
  // Festivals keep to the ordinary month: in 2028, which has a 闰五月, 端午 is 五月初五.
  return f.calendar === 'solar'
    ? formatIsoDate(year, f.month, f.day)
    : solarOfLunar(year, f.month, f.day, false);
}

/** The festival on or after `onOrAfter`: festivalDate always lies in its own solar year. */
export function nextFestival(festival: FestivalCode, onOrAfter: IsoDate): IsoDate {
  const { year } = requireIsoDate(onOrAfter);
  const thisYear = festivalDate(festival, year);
  return compareDates(thisYear, onOrAfter) >= 0 ? thisYear : festivalDate(festival, year + 1);
}
