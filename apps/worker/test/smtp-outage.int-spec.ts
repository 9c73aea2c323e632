// Issue 5: the mail server down for a minute. Retries back off (5 s, 10 s, 20 s, 40 s…: past the
// minute within six attempts) and every email goes out once when it is back; the robots are not held
// up meanwhile. With fewer attempts than the outage lasts, the emails end dead letters with the reason.
import { expectOnce } from './support/exactly-once';
import { outboxCounts, outboxRows, runState } from './support/probes';
import { workerHarness } from './support/harness';
import { sleep, waitFor } from './support/worker-process';

describe('the mail server down', () => {
  const h = workerHarness();

  it('with too few attempts allowed: every email a dead letter with the reason, the robots delivered', async () => {
    const f = await h.fixture({
      day: '2030-07-08',
      roster: { quiet: 20, birthdays: 6, lunarBirthdays: 1, teaching30: 1, retirements: 1 },
    });
    await h.smtp.down();
    const w = await h.start('w1', { NOTIFY_MAX_ATTEMPTS: '2', NOTIFY_BACKOFF_MS: '200' });
    await h.evaluateAndSettle(f, w);
    await w.stop();

    expectOnce(await h.check(f));
    const rows = await outboxRows(h.ds, f);
    const emails = rows.filter((r) => r.channel === 'email');
    expect(emails.length).toBeGreaterThan(3);
    for (const r of emails) {
      expect([r.id, r.status, r.attempts]).toEqual([r.id, 'dead', 2]);
      expect(r.last_error).toContain(`ECONNREFUSED 127.0.0.1:${h.smtp.port}`);
    }
    for (const r of rows.filter((x) => x.channel !== 'email'))
      expect([r.id, r.status]).toEqual([r.id, 'sent']);
  });

  it('for a minute: every email delivered once after it is back', async () => {
    const f = await h.fixture({
      day: '2030-07-09',
      roster: { quiet: 20, birthdays: 6, lunarBirthdays: 1, teaching30: 1, retirements: 1 },
    });
    await h.smtp.down();
    const w = await h.start('w2', { NOTIFY_MAX_ATTEMPTS: '6', NOTIFY_BACKOFF_MS: '5000' });
    await h.redis.evaluate(f.tenant.id, f.day);
    await waitFor(
      'every email tried once, the robots sent',
      async () => {
        const rows = await outboxRows(h.ds, f);
        return (
          (await runState(h.ds, f)).status === 'done' &&
          rows.length > 0 &&
          rows.every((r) => (r.channel === 'email' ? r.attempts >= 1 : r.status === 'sent'))
        );
      },
      { timeoutMs: 30_000, workers: [w] },
    );
    const downSince = Date.now();
    await sleep(60_000);
    expect(
      (await outboxRows(h.ds, f)).filter((r) => r.channel === 'email').every((r) => r.status === 'pending'),
    ).toBe(true);
    await h.smtp.up();
    await waitFor('every email sent', async () => (await outboxCounts(h.ds, f)).pending === 0, {
      timeoutMs: 90_000,
      intervalMs: 500,
      workers: [w],
    });
    console.log(
      `mail down ${Math.round((Date.now() - downSince) / 1000)} s after the first failures; all sent`,
    );

    expectOnce(await h.check(f));
    for (const r of (await outboxRows(h.ds, f)).filter((x) => x.channel === 'email')) {
      expect([r.id, r.status, r.last_error]).toEqual([r.id, 'sent', null]);
      // Retries at 5, 15, 35 and 75 s after the first failure: the fifth attempt is the first after the minute.
      expect(r.attempts).toBe(5);
    }
  }, 300_000);
});
