// The daily deadline sweep over the benchmark's dispute cases (issue 6): what the worker's daily
// evaluation does for cases in each union — every open case's deadlines recounted on the holiday
// calendar, the warnings and passed flags due today written as reminders, next_due_on brought up to
// date — timed over all unions one after another (as one worker would), then again to show the second
// run of a day creates nothing.
import {
  inScope,
  insertReminders,
  loadHolidayCalendar,
  sweepCaseDeadlines,
  systemScope,
  type DataSource,
} from '@guanai/db';
import type { IsoDate } from '@guanai/domain';

export interface SweepFigures {
  unions: number;
  openCases: number;
  seconds: number;
  /** The slowest union's sweep. */
  maxUnionMs: number;
  remindersCreated: number;
  nextDueChanged: number;
  /** The same day again: seconds, and reminders created (0 when the sweep is idempotent). */
  again: { seconds: number; created: number };
  rssPeakMiB: number;
}

interface SweepUnion {
  id: string;
  path: string;
}

async function sweepAll(ds: DataSource, unions: readonly SweepUnion[], day: IsoDate) {
  let created = 0;
  let changed = 0;
  let open = 0;
  let maxUnionMs = 0;
  let rss = process.memoryUsage().rss;
  const started = performance.now();
  for (const u of unions) {
    const t = performance.now();
    const tx = <T>(work: Parameters<typeof inScope<T>>[2]) =>
      inScope(ds, { path: u.path, requestId: `bench:cases.sweep:${day}` }, work);
    const sweep = await tx(async (em) => sweepCaseDeadlines(em, u.id, day, await loadHolidayCalendar(em)));
    created += await tx((em) => insertReminders(em, u.id, sweep.rows));
    changed += sweep.nextDueChanged;
    open += sweep.nextWarnings.length;
    maxUnionMs = Math.max(maxUnionMs, performance.now() - t);
    rss = Math.max(rss, process.memoryUsage().rss);
  }
  return { seconds: (performance.now() - started) / 1000, created, changed, open, maxUnionMs, rss };
}

/** Sweeps every union's cases for `day`, twice. `ds` is an application-role connection (RLS applies). */
export async function measureDeadlineSweep(
  ds: DataSource,
  unions: readonly SweepUnion[],
  day: IsoDate,
): Promise<SweepFigures> {
  const first = await sweepAll(ds, unions, day);
  const again = await sweepAll(ds, unions, day);
  const [{ open }] = (await inScope(ds, systemScope('bench:cases.sweep'), (em) =>
    em.query(
      `SELECT count(*)::int AS open FROM dispute_cases WHERE state NOT IN ('declined','closed','withdrawn')`,
    ),
  )) as { open: number }[];
  return {
    unions: unions.length,
    openCases: open,
    seconds: first.seconds,
    maxUnionMs: first.maxUnionMs,
    remindersCreated: first.created,
    nextDueChanged: first.changed,
    again: { seconds: again.seconds, created: again.created },
    rssPeakMiB: Math.round(Math.max(first.rss, again.rss) / 2 ** 20),
  };
}
