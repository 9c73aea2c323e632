import { daysBetween } from '../dates/arithmetic';
import type { IsoDate } from '../dates/calendar';

const THURSDAY_1970_01_01 = 4;

/** ISO weekday of a date: 1 = Monday … 6 = Saturday, 7 = Sunday. Pure day arithmetic, no Date. */
export function isoWeekday(date: IsoDate): number {
  const n = daysBetween('1970-01-01', date) + THURSDAY_1970_01_01 - 1;
  return (((n % 7) + 7) % 7) + 1;
}

export function isWeekend(date: IsoDate): boolean {
  return isoWeekday(date) >= 6;
}
