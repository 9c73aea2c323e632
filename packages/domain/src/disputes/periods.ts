// Periods (期间) counted as the Civil Procedure Law counts them — 民事诉讼法 第八十五条 (2021 and 2023
// texts; 第八十二条 before 2022): "期间开始的时和日，不计算在期间内。期间届满的最后一日是法定休假日的，
// 以法定休假日后的第一日为期间届满的日期。" 民法典 第二百零一条、第二百零三条 say the same for civil
// law, and 第二百零二条 adds the rule for months and years: "按照年、月计算期间的，到期月的对应日为期间
// 的最后一日；没有对应日的，月末日为期间的最后一日。" Labour arbitration borrows these rules
// (劳动人事争议仲裁办案规则 第十九条: periods it does not regulate are counted as in civil procedure).
//
// 法定休假日 is read as every rest day: Saturdays and Sundays (国务院关于职工工作时间的规定 第七条) and
// the holidays of the yearly arrangement; a make-up working day (调休上班) is a working day, when
// courts and arbitration commissions are open, so a period can end on it.
import { addDays, addMonths, addYears } from '../dates/arithmetic';
import type { IsoDate } from '../dates/calendar';
import type { HolidayCalendar } from '../holidays/calendar';

/** Longer than any run of rest days a real arrangement has (9 days: 2026 Spring Festival). */
const MAX_REST_RUN = 31;

function requirePositive(n: number, what: string): void {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`${what} must be a positive integer: ${n}`);
}

/** `date` when it is a working day, else the first working day after it. */
export function firstWorkingDayFrom(date: IsoDate, cal: Pick<HolidayCalendar, 'isRestDay'>): IsoDate {
  let day = date;
  for (let i = 0; cal.isRestDay(day); i++) {
    // A calendar saying a month is all rest days is corrupt data, not a reason to loop for ever.
    if (i >= MAX_REST_RUN) throw new RangeError(`no working day within ${MAX_REST_RUN} days of ${date}`);
    day = addDays(day, 1);
  }
  return day;
}

/**
 * The last day of a period of `days` days beginning on `start`: the starting day is not counted, so
 * the nominal last day is start + days (15 days from 2025-03-03 end on 2025-03-18); when that is a rest
 * day, the first working day after it (民事诉讼法 第八十五条).
 */
export function periodEnd(start: IsoDate, days: number, cal: Pick<HolidayCalendar, 'isRestDay'>): IsoDate {
  requirePositive(days, 'days');
  return firstWorkingDayFrom(addDays(start, days), cal);
}

/**
 * The last day of a period of `months` months beginning on `start`: the day of the last month that
 * corresponds to `start`, or that month's last day when it has none (2024-01-31 + 1 month ends on
 * 2024-02-29; 民法典 第二百零二条), moved past rest days as periodEnd does. Not the day before: the
 * starting day is not counted, so the month runs from the day after `start` through the corresponding day.
 */
export function periodEndMonths(
  start: IsoDate,
  months: number,
  cal: Pick<HolidayCalendar, 'isRestDay'>,
): IsoDate {
  requirePositive(months, 'months');
  return firstWorkingDayFrom(addMonths(start, months), cal);
}

/**
 * periodEndMonths for years. A year from 29 February ends on 28 February of a common year: the last
 * month has no 29th, so its last day is the last day of the period (2024-02-29 + 1 year → 2025-02-28).
 */
export function periodEndYears(
  start: IsoDate,
  years: number,
  cal: Pick<HolidayCalendar, 'isRestDay'>,
): IsoDate {
  requirePositive(years, 'years');
  return firstWorkingDayFrom(addYears(start, years), cal);
}
