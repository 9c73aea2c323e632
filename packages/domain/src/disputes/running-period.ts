// A period whose clock can restart (中断: counted again from the interruption) or pause (中止: not
// counted while an obstacle lasts), as the arbitration limitation of 劳动争议调解仲裁法 第二十七条
// 第二款、第三款 and the award period of 劳动人事争议仲裁办案规则 第四十六条 can.
import { addDays, addYears, daysBetween } from '../dates/arithmetic';
import { type IsoDate, compareDates, maxDate } from '../dates/calendar';
import type { HolidayCalendar } from '../holidays/calendar';
import { firstWorkingDayFrom } from './periods';

/** From `from` to `to`, as dates an obstacle began and was removed. */
export interface DateRange {
  readonly from: IsoDate;
  readonly to: IsoDate;
}

export type PeriodLength = { readonly days: number } | { readonly years: number };

export interface RunningPeriod {
  /** The day the period (last) began: its start, or the latest effective restart. */
  readonly start: IsoDate;
  /** The last day before the rest-day extension. */
  readonly nominalEnd: IsoDate;
  readonly end: IsoDate;
  /** Restarts and pauses that came after the period had already ended, and so changed nothing. */
  readonly ignored: readonly IsoDate[];
}

type Event =
  { readonly kind: 'restart'; readonly on: IsoDate } | { readonly kind: 'pause'; readonly range: DateRange };

const eventDate = (e: Event) => (e.kind === 'restart' ? e.on : e.range.from);

function nominalEnd(start: IsoDate, length: PeriodLength, pausedDays: number): IsoDate {
  const base = 'days' in length ? addDays(start, length.days) : addYears(start, length.years);
  return addDays(base, pausedDays);
}

/**
 * Walks the events in date order while the period still runs (an event on its last day, extended past
 * rest days, still counts; a later one cannot revive an ended period):
 * - a restart begins the whole period again from its date, which is itself not counted; pauses before
 *   it no longer matter;
 * - a pause adds the days from `from` up to, not including, `to` ("从中止时效的原因消除之日起，仲裁时效
 *   期间继续计算": counting resumes on the day the obstacle is removed), those after the current start
 *   only. Counting the removal day as paused too would give one day more; the shorter reading is kept,
 *   a deadline shown a day early being the safe error.
 * On the same day, a restart is taken before a pause that begins then.
 */
export function runningPeriod(
  start: IsoDate,
  length: PeriodLength,
  restarts: readonly IsoDate[],
  pauses: readonly DateRange[],
  cal: Pick<HolidayCalendar, 'isRestDay'>,
): RunningPeriod {
  const events: Event[] = [
    ...restarts.map((on): Event => ({ kind: 'restart', on })),
    ...pauses.map((range): Event => ({ kind: 'pause', range })),
  ].sort(
    (a, b) =>
      compareDates(eventDate(a), eventDate(b)) || (a.kind === b.kind ? 0 : a.kind === 'restart' ? -1 : 1),
  );

  let current = start;
  const applied: DateRange[] = [];
  const ignored: IsoDate[] = [];
  // Only the part of a pause after the current start counts: a restart during an obstacle keeps the
  // rest of it paused.
  const paused = () =>
    applied.reduce((sum, r) => sum + Math.max(0, daysBetween(maxDate(r.from, current), r.to)), 0);
  const nominal = () => nominalEnd(current, length, paused());
  for (const event of events) {
    if (compareDates(eventDate(event), firstWorkingDayFrom(nominal(), cal)) > 0)
      ignored.push(eventDate(event));
    else if (event.kind === 'restart') current = event.on;
    else applied.push(event.range);
  }
  return { start: current, nominalEnd: nominal(), end: firstWorkingDayFrom(nominal(), cal), ignored };
}
