import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { JOBS } from '@guanai/contracts';
import { evaluationJobId } from '@guanai/db';
import { workerRedisUrl } from './env';

/**
 * The test's side of Redis: it enqueues evaluations as the API's "run now" or the scheduler would
 * (payload parsed by the registry's schema), and cleans up its prefix afterwards.
 */
export class TestRedis {
  readonly redis = new Redis(workerRedisUrl(), { maxRetriesPerRequest: null });
  private readonly reminders: Queue;

  constructor(readonly prefix: string) {
    this.reminders = new Queue('reminders', { connection: this.redis, prefix });
  }

  /** One evaluation of a tenant's day; by default under the deterministic id reconcile would use. */
  async evaluate(tenantId: string, day: string, jobId = evaluationJobId(tenantId, day)): Promise<void> {
    const data = JOBS.reminders['reminders.evaluate'].parse({ tenantId, day });
    await this.reminders.add('reminders.evaluate', data, {
      jobId,
      attempts: 3,
      backoff: { type: 'exponential', delay: 60_000 },
      removeOnComplete: 500,
      removeOnFail: 1000,
    });
  }

  /** A dispute case's deadline sweep, as the API enqueues it when the case changes. */
  async caseDeadlines(tenantId: string, caseId: string, jobId: string): Promise<void> {
    const data = JOBS.reminders['reminders.case_deadlines'].parse({ tenantId, caseId });
    await this.reminders.add('reminders.case_deadlines', data, { jobId, attempts: 3 });
  }

  /** A job of the reminders queue by id, with its state ('delayed', 'completed', …), or null. */
  async reminderJob(jobId: string): Promise<{ state: string; delay: number; timestamp: number } | null> {
    const job = await this.reminders.getJob(jobId);
    return job ? { state: await job.getState(), delay: job.delay, timestamp: job.timestamp } : null;
  }

  /** When an evaluation job started and finished (ms), as BullMQ recorded it. */
  async evaluationSpan(jobId: string): Promise<{ processedOn: number; finishedOn: number } | null> {
    const job = await this.reminders.getJob(jobId);
    return job?.processedOn && job.finishedOn
      ? { processedOn: job.processedOn, finishedOn: job.finishedOn }
      : null;
  }

  /** Jobs of a queue by state, for diagnostics. */
  async counts(queue: 'reminders' | 'notifications'): Promise<Record<string, number>> {
    const q =
      queue === 'reminders'
        ? this.reminders
        : new Queue(queue, { connection: this.redis, prefix: this.prefix });
    const c = await q.getJobCounts('active', 'waiting', 'delayed', 'completed', 'failed', 'prioritized');
    if (q !== this.reminders) await q.close();
    return c;
  }

  /** What FLUSHALL does to the worker: every key of the test database gone (see WORKER_TEST_REDIS_DB). */
  async flush(): Promise<void> {
    await this.redis.flushdb();
  }

  async keyCount(): Promise<number> {
    return (await this.scan(`${this.prefix}:*`)).length;
  }

  /** Removes every key of this prefix and closes the connection. */
  async cleanup(): Promise<void> {
    await this.reminders.close();
    const keys = await this.scan(`${this.prefix}:*`);
    for (let i = 0; i < keys.length; i += 500) await this.redis.del(...keys.slice(i, i + 500));
    this.redis.disconnect();
  }

  private async scan(match: string): Promise<string[]> {
    const keys: string[] = [];
    let cursor = '0';
    do {
      const [next, batch] = await this.redis.scan(cursor, 'MATCH', match, 'COUNT', 1000);
      cursor = next;
      keys.push(...batch);
    } while (cursor !== '0');
    return keys;
  }
}
