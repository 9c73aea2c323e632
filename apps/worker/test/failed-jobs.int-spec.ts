// A delivery whose job BullMQ gave up on while Postgres refused it (its attempts spent, none of them
// counted on the row, which stays pending): re-adding the same job id would be a no-op while the
// failed job is kept, so the reconcile on the next start retries that job. Postgres "refusing" is the
// application role losing UPDATE on the outbox for a while (the row lock DeliverJob takes needs it).
import { APP_ROLE, createDataSource, type DataSource } from '@guanai/db';
import { expectOnce } from './support/exactly-once';
import { outboxCounts, outboxRows, runState } from './support/probes';
import { workerHarness } from './support/harness';
import { waitFor } from './support/worker-process';

describe('a delivery job BullMQ gave up on', () => {
  const h = workerHarness({ NOTIFY_MAX_ATTEMPTS: '2', NOTIFY_BACKOFF_MS: '100' });
  let owner: DataSource;

  beforeAll(async () => {
    owner = await createDataSource({ url: process.env.GUANAI_TEST_OWNER_URL!, poolSize: 1 }).initialize();
  });
  afterAll(async () => {
    await owner?.query(`GRANT UPDATE ON notification_deliveries TO ${APP_ROLE}`);
    await owner?.destroy();
  });

  it('is retried by the reconcile on the next start, and its message goes out once', async () => {
    const f = await h.fixture({
      day: '2030-07-15',
      roster: { quiet: 10, birthdays: 4, lunarBirthdays: 1, teaching30: 0, retirements: 1 },
    });
    await owner.query(`REVOKE UPDATE ON notification_deliveries FROM ${APP_ROLE}`);
    const w1 = await h.start('w1');
    await h.redis.evaluate(f.tenant.id, f.day);
    await waitFor(
      'every delivery job failed for good',
      async () => {
        const o = await outboxCounts(h.ds, f);
        return (
          (await runState(h.ds, f)).status === 'done' &&
          o.total > 0 &&
          (await h.redis.counts('notifications')).failed === o.total
        );
      },
      { timeoutMs: 30_000, workers: [w1] },
    );
    expect(w1.logged(/permission denied for table notification_deliveries/).length).toBeGreaterThan(0);
    const stuck = await outboxRows(h.ds, f);
    expect(stuck.map((r) => [r.status, r.attempts])).toEqual(stuck.map(() => ['pending', 0]));
    await w1.stop();

    await owner.query(`GRANT UPDATE ON notification_deliveries TO ${APP_ROLE}`);
    const w2 = await h.start('w2');
    expect(w2.logged(/re-enqueued/).join('\n')).toContain(`(${stuck.length} of them from failed jobs)`);
    await waitFor('the outbox sent', async () => (await outboxCounts(h.ds, f)).pending === 0, {
      timeoutMs: 30_000,
      workers: [w2],
    });

    expectOnce(await h.check(f));
    const rows = await outboxRows(h.ds, f);
    expect(rows.map((r) => [r.status, r.attempts])).toEqual(rows.map(() => ['sent', 1]));
  });
});
