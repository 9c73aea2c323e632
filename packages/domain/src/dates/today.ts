import type { IsoDate } from './calendar';
import { todayIn } from '../reminders/zone';

/**
 * The calendar date in China (Asia/Shanghai, UTC+8 all year) at the instant `now`, whatever the time
 * zone of the machine: 2025-09-09T16:00:00Z is already Teachers' Day (2025-09-10) in China.
 */
export function todayInShanghai(now: Date = new Date()): IsoDate {
  return todayIn('Asia/Shanghai', now);
}
