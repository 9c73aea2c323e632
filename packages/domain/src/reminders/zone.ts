import { type IsoDate, formatIsoDate } from '../dates/calendar';

// The local date and hour at an instant in any IANA zone: todayInShanghai generalised, for teachers
// and officers whose reminders follow their own zone (most are Asia/Shanghai; Xinjiang may be
// Asia/Urumqi, which IANA keeps at UTC+6, local 新疆时间, not Beijing time).

// Building an Intl.DateTimeFormat costs far more than using one; unknown zones throw and are not kept.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  // Intl would silently take an undefined zone as the machine's own, and newer engines accept fixed
  // offsets ("+08:00"), which are not IANA zones and know nothing of daylight saving.
  if (typeof timeZone !== 'string' || /^[+-]/.test(timeZone))
    throw new RangeError(`not an IANA time zone: ${String(timeZone)}`);
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      era: 'short', // otherwise 1 BC prints as year 1
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      hourCycle: 'h23', // `hour12: false` prints midnight as 24
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

function localParts(timeZone: string, now: Date) {
  const formatter = formatterFor(timeZone);
  if (Number.isNaN(now.getTime())) throw new RangeError('invalid Date');
  const parts = formatter.formatToParts(now);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value;
  if (part('era') !== 'AD') throw new RangeError(`instant before year 1: ${now.toISOString()}`);
  const [year, month, day, hour] = (['year', 'month', 'day', 'hour'] as const).map((t) => Number(part(t)));
  return { year, month, day, hour };
}

/**
 * True for a zone Intl knows: IANA names (case-insensitively) and their aliases, e.g. Asia/Chongqing
 * for Asia/Shanghai; not fixed offsets such as "+08:00".
 */
export function isValidTimeZone(tz: string): boolean {
  try {
    formatterFor(tz);
    return true;
  } catch {
    return false;
  }
}

/**
 * The calendar date in `timeZone` at the instant `now`: 2025-09-09T16:00:00Z is 2025-09-10 in
 * Asia/Shanghai and still 2025-09-09 in UTC. RangeError for an unknown zone or an invalid Date.
 */
export function todayIn(timeZone: string, now: Date = new Date()): IsoDate {
  const { year, month, day } = localParts(timeZone, now);
  return formatIsoDate(year, month, day);
}

/** The local hour, 0–23, in `timeZone` at `now`, for sending reminders at a decent hour. */
export function hourIn(timeZone: string, now: Date = new Date()): number {
  return localParts(timeZone, now).hour;
}

/**
 * The instant the clock in `timeZone` reads `hour`:00 on `date` (when a delayed job should run). Zones
 * are whole-hour offsets here or move by whole hours, so stepping the UTC guess by the difference
 * between the hour wanted and the hour read converges in one or two steps; a local hour skipped by a
 * daylight-saving jump gives the instant just after it.
 */
export function zonedHour(date: IsoDate, hour: number, timeZone: string): Date {
  if (!Number.isInteger(hour) || hour < 0 || hour > 23) throw new RangeError(`hour ${hour}`);
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const wanted = Date.UTC(y, m - 1, d, hour);
  let at = wanted;
  for (let i = 0; i < 3; i++) {
    const p = localParts(timeZone, new Date(at));
    const read = Date.UTC(p.year, p.month - 1, p.day, p.hour);
    if (read === wanted) return new Date(at);
    at += wanted - read;
  }
  return new Date(at);
}
