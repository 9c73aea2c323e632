// Issue 5: a group robot that answers 500 three times, then 200: each message goes out once, on its
// fourth attempt, and the outbox row counts four. With fewer attempts allowed than the robot fails,
// the row ends a dead letter with the robot's answer as its reason, and nothing went through.
import { expectOnce } from './support/exactly-once';
import { outboxRows } from './support/probes';
import { workerHarness } from './support/harness';

describe('a robot that fails before it answers', () => {
  const h = workerHarness({ NOTIFY_BACKOFF_MS: '200' });

  it('500 three times then 200: delivered once, attempts = 4', async () => {
    const f = await h.fixture({
      day: '2030-07-02',
      roster: { quiet: 20, birthdays: 9, lunarBirthdays: 2, teaching30: 1, retirements: 1 },
    });
    h.robots.failEachDelivery(3, 500);
    const w = await h.start('w1');
    await h.evaluateAndSettle(f, w);

    const report = await h.check(f);
    expectOnce(report);
    const rows = await outboxRows(h.ds, f);
    const robotRows = rows.filter((r) => r.channel !== 'email');
    expect(robotRows.length).toBeGreaterThan(10);
    const requests = h.robots.requestsById();
    for (const r of robotRows) {
      expect([r.id, r.status, r.attempts, r.last_error]).toEqual([r.id, 'sent', 4, null]);
      expect([r.id, requests.get(r.id)!.map((x) => x.status)]).toEqual([r.id, [500, 500, 500, 200]]);
    }
    for (const r of rows.filter((x) => x.channel === 'email')) expect([r.id, r.attempts]).toEqual([r.id, 1]);
    await w.stop();
  });

  it('fails more often than attempts are allowed: a dead letter with the reason, never delivered', async () => {
    const f = await h.fixture({
      day: '2030-07-03',
      roster: { quiet: 20, birthdays: 6, lunarBirthdays: 1, teaching30: 1, retirements: 1 },
    });
    h.robots.failEachDelivery(10, 502);
    const w = await h.start('w2', { NOTIFY_MAX_ATTEMPTS: '3' });
    await h.evaluateAndSettle(f, w);

    const report = await h.check(f);
    expectOnce(report);
    const rows = await outboxRows(h.ds, f);
    const requests = h.robots.requestsById();
    for (const r of rows.filter((x) => x.channel !== 'email')) {
      expect([r.id, r.status, r.attempts]).toEqual([r.id, 'dead', 3]);
      expect(r.last_error).toMatch(/^HTTP 502: .*system busy/);
      expect(requests.get(r.id)!.map((x) => x.status)).toEqual([502, 502, 502]);
    }
    for (const r of rows.filter((x) => x.channel === 'email')) expect(r.status).toBe('sent');
    expect(report.dead).toBe(rows.filter((x) => x.channel !== 'email').length);
    await w.stop();
  });
});
