// Dates here are ISO days in Asia/Shanghai (the API's "today"): a browser elsewhere, or at 00:30 in
// Beijing with a UTC clock, must not count a day off.

const DAY_MS = 86_400_000;

/** Today in Shanghai as YYYY-MM-DD. */
export function todayInShanghai(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(now);
}

/** Whole days from `from` to `to` (both YYYY-MM-DD); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** How urgent a running deadline looks: passed (red), within a week (orange), or neither. */
export type Urgency = 'passed' | 'soon' | 'later';

/** Passed once its day is gone; 0–7 days left is soon (a week to act). */
export function urgencyOf(daysLeft: number): Urgency {
  if (daysLeft < 0) return 'passed';
  return daysLeft <= 7 ? 'soon' : 'later';
}
