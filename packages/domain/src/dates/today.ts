import { type IsoDate, formatIsoDate } from './calendar';

const SHANGHAI = new Intl.DateTimeFormat('en-US', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
});

/**
 * The calendar date in China (Asia/Shanghai, UTC+8 all year) at the instant `now`, whatever the time
 * zone of the machine: 2025-09-09T16:00:00Z is already Teachers' Day (2025-09-10) in China.
 */
export function todayInShanghai(now: Date = new Date()): IsoDate {
  if (Number.isNaN(now.getTime())) throw new RangeError('invalid Date');
  const parts = SHANGHAI.formatToParts(now);
  const part = (type: 'year' | 'month' | 'day') => Number(parts.find((p) => p.type === type)?.value);
  return formatIsoDate(part('year'), part('month'), part('day'));
}
