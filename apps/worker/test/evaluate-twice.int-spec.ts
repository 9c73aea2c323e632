// Issue 5: the same day evaluated twice: by two jobs at once on two workers (a "run now" racing the
// scheduler, two replicas), and once more after they finished. Every step is keyed (reminder per
// rule, subject and occurrence; notification per reminder, recipient and round; outbox row per
// notification and channel), so the runs share the work and nothing is created or sent twice.
import { expectOnce } from './support/exactly-once';
import { expectedReminderKeys } from './support/oracle';
import { outboxCounts, runState } from './support/probes';
import { workerHarness } from './support/harness';
import { waitFor, type WorkerProcess } from './support/worker-process';

/** Sums the counts of the workers' "tenant … N new reminders, M notifications" lines for a tenant. */
function logged(
  workers: readonly WorkerProcess[],
  tenantId: string,
): { runs: number; created: number; notified: number } {
  const lines = workers.flatMap((w) => w.logged(new RegExp(`tenant ${tenantId} `)));
  const sum = { runs: 0, created: 0, notified: 0 };
  for (const l of lines) {
    const m = /(\d+) new reminders, (\d+) notifications/.exec(l);
    if (!m) continue;
    sum.runs++;
    sum.created += Number(m[1]);
    sum.notified += Number(m[2]);
  }
  return sum;
}

describe('the same day evaluated twice', () => {
  const h = workerHarness();

  it('by concurrent jobs on two workers, then again: every reminder, notification and message once', async () => {
    // Enough teachers that the concurrent runs overlap (a scan of a few seconds).
    const f = await h.fixture({
      day: '2030-06-25',
      roster: { quiet: 10_000, birthdays: 60, lunarBirthdays: 10, teaching30: 6, retirements: 6 },
    });
    const expected = await expectedReminderKeys(h.ds, f);
    const workers = [await h.start('w1'), await h.start('w2')];

    // Four jobs for the day at once (ids of their own, as the scheduler's and a "run now" have): each
    // worker runs two evaluations at a time, so they overlap, on both workers.
    await Promise.all(['a', 'b', 'c', 'd'].map((x) => h.redis.evaluate(f.tenant.id, f.day, `twice-${x}`)));
    await waitFor('four runs logged', async () => logged(workers, f.tenant.id).runs === 4, {
      timeoutMs: 60_000,
      workers,
    });
    const concurrent = logged(workers, f.tenant.id);
    for (const w of workers) expect(w.logged(new RegExp(`tenant ${f.tenant.id} `)).length).toBeGreaterThan(0);
    const spans = await Promise.all(
      ['a', 'b', 'c', 'd'].map(async (x) => (await h.redis.evaluationSpan(`twice-${x}`))!),
    );
    // They ran at once: the last to start began before the first to finish ended.
    expect(Math.max(...spans.map((s) => s.processedOn))).toBeLessThan(
      Math.min(...spans.map((s) => s.finishedOn)),
    );

    // And once more, alone, after the others finished: nothing new.
    await h.redis.evaluate(f.tenant.id, f.day, 'twice-again');
    await waitFor('the fifth run', async () => logged(workers, f.tenant.id).runs === 5, {
      timeoutMs: 60_000,
      workers,
    });
    const all = logged(workers, f.tenant.id);
    expect(all.created).toBe(concurrent.created);
    expect(all.notified).toBe(concurrent.notified);

    await waitFor('the outbox sent', async () => (await outboxCounts(h.ds, f)).pending === 0, {
      timeoutMs: 60_000,
      workers,
    });
    expect((await runState(h.ds, f)).status).toBe('done');
    const report = await h.check(f);
    expectOnce(report);
    // The runs together created each reminder and notification exactly once.
    expect(report.reminders).toBe(expected.size);
    expect(concurrent.created).toBe(expected.size);
    expect(concurrent.notified).toBe(report.notifications);
  });
});
