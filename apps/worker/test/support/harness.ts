import type { DataSource } from '@guanai/db';
import { appDataSource, testEnv, type TestEnv } from './env';
import { checkExactlyOnce, checkNothingStray, type OnceReport } from './exactly-once';
import { createReminderFixture, retireFixture, type FixtureOptions, type ReminderFixture } from './fixtures';
import { TestRedis } from './redis';
import { SmtpSink } from './smtp-sink';
import { WebhookSink } from './webhook-sink';
import { outboxCounts, runState } from './probes';
import { WorkerProcess, waitFor } from './worker-process';

/** What one test file runs against: its database connection, fake servers, Redis prefix and workers. */
export interface Harness {
  ds: DataSource;
  env: TestEnv;
  smtp: SmtpSink;
  robots: WebhookSink;
  redis: TestRedis;
  workers: WorkerProcess[];
  fixtures: ReminderFixture[];
  /** Starts a worker on the file's prefix and servers; `env` overrides settings for this process only. */
  start(name: string, env?: Record<string, string>): Promise<WorkerProcess>;
  fixture(opts: FixtureOptions): Promise<ReminderFixture>;
  /** checkExactlyOnce for one fixture, plus the servers' stray messages across the file's fixtures. */
  check(f: ReminderFixture): Promise<OnceReport>;
  /** Evaluates the fixture's day on the worker and waits until its outbox has settled (every row sent or dead). */
  evaluateAndSettle(f: ReminderFixture, worker: WorkerProcess, timeoutMs?: number): Promise<void>;
}

/**
 * Registers beforeAll/afterAll for a test file: a unique REDIS_PREFIX (its keys deleted afterwards),
 * an SMTP server and a robot server, and at the end every worker killed and every tenant retired.
 */
export function workerHarness(settings: Record<string, string> = {}): Harness {
  const h = { workers: [], fixtures: [] } as unknown as Harness;
  beforeAll(async () => {
    h.ds = await appDataSource();
    h.smtp = await SmtpSink.start();
    h.robots = await WebhookSink.start();
    h.env = testEnv({ SMTP_URL: h.smtp.url, ...settings });
    h.redis = new TestRedis(h.env.prefix);
    h.start = async (name, env = {}) => {
      const w = await WorkerProcess.start(name, { ...h.env.env, ...env });
      h.workers.push(w);
      return w;
    };
    h.fixture = async (opts) => {
      const f = await createReminderFixture(h.ds, h.env.cipher, h.robots, opts);
      h.fixtures.push(f);
      return f;
    };
    h.evaluateAndSettle = async (f, worker, timeoutMs = 60_000) => {
      await h.redis.evaluate(f.tenant.id, f.day);
      await waitFor(
        'every row sent or dead',
        async () =>
          (await runState(h.ds, f)).status === 'done' && (await outboxCounts(h.ds, f)).pending === 0,
        { timeoutMs, workers: [worker] },
      );
    };
    h.check = async (f) => {
      const report = await checkExactlyOnce(h.ds, f, { smtp: h.smtp, robots: h.robots });
      report.problems.push(
        ...(await checkNothingStray(h.ds, h.fixtures, { smtp: h.smtp, robots: h.robots })),
      );
      return report;
    };
  });
  afterAll(async () => {
    for (const w of h.workers) await w.kill9();
    if (h.ds) for (const f of h.fixtures) await retireFixture(h.ds, f);
    await h.redis?.cleanup();
    await h.robots?.close();
    await h.smtp?.down();
    await h.ds?.destroy();
  });
  return h;
}
