// Issue 5: kill -9 of the worker in the middle of an evaluation and of a delivery batch, then restart.
// One crash with both in flight (tenant A's registry scan half-way, tenant B's outbox a quarter sent):
// the jobs the dead process held stay active in Redis until their locks lapse (30 s), then BullMQ's
// stalled check (every 5 s, WorkerHost) hands them to the new worker. That wait is most of this file's
// run time, so both faults share it.
//
// Delivery is at most once: an attempt claims its row ('sending') and commits before calling the far
// end. The robot here answers after 200 ms and, like the real ones, has posted a message once it read
// the request, so whatever is in flight when the process dies may have arrived: those rows must not be
// sent again but end as dead letters saying the outcome is unknown; everything else is sent once.
import { inScope, systemScope } from '@guanai/db';
import { expectOnce, type OnceReport } from './support/exactly-once';
import { expectedReminderKeys } from './support/oracle';
import { outboxCounts, runState } from './support/probes';
import type { ReminderFixture } from './support/fixtures';
import { workerHarness } from './support/harness';
import { waitFor } from './support/worker-process';

describe('kill -9 of the worker during an evaluation and a delivery batch', () => {
  const h = workerHarness();
  let scanned: ReminderFixture;
  let delivering: ReminderFixture;
  let expectedScan: Set<string>;
  /** Outbox rows of B a server had taken while they were still pending when the process died. */
  const window = new Set<string>();
  let atKill: {
    scanReminders: number;
    scanRun: string | null;
    scanSent: number;
    sent: number;
    pending: number;
    total: number;
  };

  beforeAll(async () => {
    // A: tens of thousands of teachers make the scan last seconds; the few due are spread over it (random ids).
    scanned = await h.fixture({
      day: '2030-06-14',
      roster: { quiet: 15_000, birthdays: 40, lunarBirthdays: 12, teaching30: 6, retirements: 6 },
    });
    expectedScan = await expectedReminderKeys(h.ds, scanned);
    // B: a few hundred messages, most to robots that take 200 ms to answer.
    delivering = await h.fixture({
      day: '2030-06-20',
      roster: { quiet: 20, birthdays: 150, lunarBirthdays: 10, teaching30: 6, retirements: 6 },
    });
    h.robots.latencyMs = 200;

    const w1 = await h.start('w1');
    await h.redis.evaluate(delivering.tenant.id, delivering.day);
    await waitFor('B evaluated', async () => (await runState(h.ds, delivering)).status === 'done', {
      timeoutMs: 30_000,
      workers: [w1],
    });
    const total = (await outboxCounts(h.ds, delivering)).total;
    await waitFor('a fifth of B sent', async () => (await outboxCounts(h.ds, delivering)).sent >= total / 5, {
      timeoutMs: 60_000,
      intervalMs: 20,
      workers: [w1],
    });
    await h.redis.evaluate(scanned.tenant.id, scanned.day);
    await waitFor(
      "A's scan to have written some reminders, not all",
      async () => {
        const s = await runState(h.ds, scanned);
        return s.status === 'running' && s.reminders > 0 && s.reminders < expectedScan.size;
      },
      { timeoutMs: 60_000, intervalMs: 10, workers: [w1] },
    );
    await w1.kill9();
    const killedAt = Date.now();

    const scan = await runState(h.ds, scanned);
    const b = await outboxCounts(h.ds, delivering);
    atKill = {
      scanReminders: scan.reminders,
      scanRun: scan.status,
      scanSent: (await outboxCounts(h.ds, scanned)).sent,
      ...b,
    };
    const pending = new Set(
      (
        await inScope(h.ds, systemScope('test'), (em) =>
          em.query(
            `SELECT id FROM notification_deliveries WHERE status IN ('pending','sending') AND user_id = ANY($1::uuid[])`,
            [delivering.users.map((u) => u.id)],
          ),
        )
      ).map((r: { id: string }) => r.id),
    );
    for (const id of [
      ...h.smtp.received.filter((m) => m.acceptedAt <= killedAt).map((m) => m.deliveryId),
      ...h.robots.requests.filter((r) => r.accepted && r.receivedAt <= killedAt).map((r) => r.deliveryId),
    ])
      if (id && pending.has(id)) window.add(id);

    const restarted = Date.now();
    const w2 = await h.start('w2');
    await waitFor(
      'A evaluated and both outboxes sent',
      async () => {
        const [run, a, b] = [
          await runState(h.ds, scanned),
          await outboxCounts(h.ds, scanned),
          await outboxCounts(h.ds, delivering),
        ];
        return run.status === 'done' && a.total > 0 && a.pending === 0 && b.pending === 0;
      },
      {
        timeoutMs: 150_000,
        intervalMs: 250,
        workers: [w2],
        describe: async () =>
          JSON.stringify({
            a: await runState(h.ds, scanned),
            b: await outboxCounts(h.ds, delivering),
            reminders: await h.redis.counts('reminders'),
            notifications: await h.redis.counts('notifications'),
          }),
      },
    );
    const [rerun] = await inScope(h.ds, systemScope('test'), (em) =>
      em.query(`SELECT started_at FROM reminder_runs WHERE org_id = $1 AND day = $2`, [
        scanned.tenant.id,
        scanned.day,
      ]),
    );
    console.log(
      `killed w1 with A's scan at ${atKill.scanReminders}/${expectedScan.size} reminders and B at ${atKill.sent}/${atKill.total} sent; ` +
        `A's evaluation resumed ${Math.round((new Date(rerun.started_at).getTime() - killedAt) / 1000)} s after the kill, ` +
        `all done ${Math.round((Date.now() - restarted) / 1000)} s after the restart`,
    );
  }, 300_000);

  it('finishes the cut-off evaluation: every due reminder once, every message once', async () => {
    expect(atKill.scanRun).toBe('running');
    expect(atKill.scanReminders).toBeGreaterThan(0);
    expect(atKill.scanReminders).toBeLessThan(expectedScan.size);
    expect(atKill.scanSent).toBe(0);
    const report = await h.check(scanned);
    expectOnce(report);
    expect(report.reminders).toBe(expectedScan.size);
    expect(report.dead).toBe(0);
  });

  it('finishes the cut-off delivery batch: every message once, or a dead letter saying its outcome is unknown', async () => {
    expect(atKill.pending).toBeGreaterThan(0);
    const report: OnceReport = await h.check(delivering);
    console.log(
      `in flight at the kill: ${window.size} messages taken by a server but not committed as sent; ` +
        `${report.dead} dead letters of unknown outcome (${report.unknownTaken.length} of them had arrived), ` +
        `${report.duplicates.length} delivered twice`,
    );
    expectOnce(report);
    // Only what was in flight can be of unknown outcome, and all that had arrived is among it.
    expect(report.dead).toBeLessThanOrEqual(h.env.config.NOTIFY_CONCURRENCY);
    for (const id of window) expect(report.unknownTaken).toContain(id);
    expect(report.sent + report.dead).toBe(atKill.total);
  });
});
