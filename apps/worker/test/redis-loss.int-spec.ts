// Issue 5: Redis emptied between runs (FLUSHALL; here FLUSHDB of the worker tests' own database, see
// WORKER_TEST_REDIS_DB). Before the flush: tenant A's day evaluated but its messages not yet sent
// (servers down, retries scheduled a minute out in Redis), tenant B's evaluation cut off by kill -9
// half-way. After it, Redis knows nothing; the restarted worker's reconcile reads Postgres and
// re-enqueues B's evaluation of today and every pending outbox row, each of which goes out once.
import { todayIn } from '@guanai/domain';
import { expectOnce } from './support/exactly-once';
import { expectedReminderKeys } from './support/oracle';
import { outboxCounts, outboxRows, runState } from './support/probes';
import { TIME_ZONE, type ReminderFixture } from './support/fixtures';
import { workerHarness } from './support/harness';
import { waitFor } from './support/worker-process';

describe('Redis flushed between runs', () => {
  const h = workerHarness();
  let a: ReminderFixture;
  let b: ReminderFixture;

  it('the reconcile on start re-enqueues the missed evaluation and the pending messages; everything once', async () => {
    // Reconcile only looks at today: these tenants evaluate today, at hour 0 (always passed).
    const day = todayIn(TIME_ZONE);
    a = await h.fixture({
      day,
      evaluateToday: true,
      digestUser: true,
      roster: { quiet: 20, birthdays: 12, lunarBirthdays: 3, teaching30: 2, retirements: 2 },
    });
    h.robots.failAll(500);
    await h.smtp.down();
    // The worker's own reconcile enqueues A's evaluation; every message fails and is retried a minute later.
    const w1 = await h.start('w1', { NOTIFY_BACKOFF_MS: '60000' });
    await waitFor(
      'A evaluated and every message tried once',
      async () => {
        const o = await outboxCounts(h.ds, a);
        return (
          (await runState(h.ds, a)).status === 'done' &&
          o.total > 0 &&
          (await h.redis.counts('notifications')).delayed === o.total
        );
      },
      { timeoutMs: 30_000, workers: [w1] },
    );

    // B joins after the start (so that its evaluation comes from its scheduler, here the test) with a
    // registry large enough for the scan to be cut; its check-up rule (due for every teacher in
    // October) is off so that the day costs the same whatever today is.
    b = await h.fixture({
      day,
      evaluateToday: true,
      roster: { quiet: 15_000, birthdays: 20, lunarBirthdays: 6, teaching30: 3, retirements: 3 },
      reminderSettings: { rules: { health_checkup_due: { enabled: false } } },
    });
    const expectedB = await expectedReminderKeys(h.ds, b);
    await h.redis.evaluate(b.tenant.id, day);
    await waitFor(
      "B's scan half-way",
      async () => {
        const r = await runState(h.ds, b);
        return r.status === 'running' && r.reminders > 0 && r.reminders < expectedB.size;
      },
      { timeoutMs: 60_000, intervalMs: 10, workers: [w1] },
    );
    await w1.kill9();
    const pendingA = await outboxCounts(h.ds, a);
    expect(pendingA.pending).toBe(pendingA.total);
    expect((await runState(h.ds, b)).status).toBe('running');

    await h.redis.flush();
    expect(await h.redis.keyCount()).toBe(0);
    h.robots.heal();
    await h.smtp.up();

    const w2 = await h.start('w2');
    expect(w2.logged(/re-enqueued/).join('\n')).toContain(
      `re-enqueued 1 evaluations and ${pendingA.pending} pending deliveries`,
    );
    await waitFor(
      'B evaluated and both outboxes sent',
      async () => {
        const [rb, oa, ob] = [
          await runState(h.ds, b),
          await outboxCounts(h.ds, a),
          await outboxCounts(h.ds, b),
        ];
        return rb.status === 'done' && oa.pending === 0 && ob.total > 0 && ob.pending === 0;
      },
      { timeoutMs: 60_000, intervalMs: 250, workers: [w2] },
    );

    for (const f of [a, b]) expectOnce(await h.check(f));
    // Each of A's messages failed once before the flush and went through once after it.
    const rows = await outboxRows(h.ds, a);
    expect(rows.map((r) => r.attempts)).toEqual(rows.map(() => 2));
    // The digest taker: one digest email of the day, no email per reminder.
    const taker = a.users.find((u) => u.digest)!;
    expect(rows.filter((r) => r.user_id === taker.id)).toHaveLength(1);
  });
});
