import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { DelayedError, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { JOBS, SCHEDULES, parseJobPayload, type JobName, type QueueName } from '@guanai/contracts';
import { DataSource, type Config } from '@guanai/db';
import { CONFIG } from '../config';
import { JOB_HANDLERS, type HandlerMap, type JobContext } from './handlers';
import { WorkerQueues } from './queues';

/** Checks that every job in the registry has exactly one handler and nothing else is handled. */
export function assertHandlersComplete(handlers: HandlerMap): void {
  for (const queue of Object.keys(JOBS) as QueueName[]) {
    const expected = Object.keys(JOBS[queue]).sort();
    const actual = Object.keys(handlers[queue] ?? {}).sort();
    if (expected.join() !== actual.join())
      throw new Error(`queue ${queue}: jobs [${expected}] but handlers [${actual}]`);
  }
  const extra = Object.keys(handlers).filter((q) => !(q in JOBS));
  if (extra.length) throw new Error(`handlers for unknown queues: ${extra}`);
}

/**
 * Runs a BullMQ worker per queue. Payloads are parsed with their zod schema before a handler sees
 * them. On start the schedulers are (re)created from code: Redis holds only transient state.
 */
@Injectable()
export class WorkerHost implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('WorkerHost');
  private readonly workers: Worker[] = [];
  private readonly connections: Redis[] = [];

  constructor(
    @Inject(CONFIG) private readonly config: Config,
    @Inject(JOB_HANDLERS) private readonly handlers: HandlerMap,
    private readonly ds: DataSource,
    private readonly queues: WorkerQueues,
  ) {}

  /** Deliveries wait on the network, not on this process: more of them run at once. */
  private concurrency(name: QueueName): number {
    return name === 'notifications' ? this.config.NOTIFY_CONCURRENCY : 2;
  }

  async onApplicationBootstrap(): Promise<void> {
    assertHandlersComplete(this.handlers);
    const connection = () => {
      const c = new Redis(this.config.REDIS_URL, { maxRetriesPerRequest: null });
      this.connections.push(c);
      return c;
    };
    for (const name of Object.keys(JOBS) as QueueName[]) {
      const worker = new Worker(
        name,
        async (job, token) => {
          const payload = parseJobPayload(name, job.name as JobName<typeof name>, job.data);
          const handler = (
            this.handlers[name] as Record<string, (p: unknown, ctx: JobContext) => Promise<unknown>>
          )[job.name]!;
          const ctx: JobContext = {
            id: String(job.id),
            delayUntil: async (at) => {
              await job.moveToDelayed(at.getTime(), token);
              throw new DelayedError();
            },
          };
          return handler(payload, ctx);
        },
        {
          connection: connection(),
          prefix: this.config.REDIS_PREFIX,
          concurrency: this.concurrency(name),
          // A job whose worker died (kill -9, OOM) stays active until its lock (30 s) lapses and a
          // stalled check sees it: checking every 5 s rather than BullMQ's 30 s resumes it within
          // ~35 s instead of up to ~90 s (the check is one small script per queue, shared by all workers).
          stalledInterval: 5_000,
        },
      );
      worker.on('failed', (job, err) =>
        this.logger.warn(`${name}/${job?.name} ${job?.id} failed: ${err.message}`),
      );
      this.workers.push(worker);
    }
    for (const s of SCHEDULES) {
      await this.queues.queue(s.queue).upsertJobScheduler(
        s.id,
        { pattern: s.pattern, tz: s.tz },
        {
          name: s.job,
          data: s.data,
          opts: {
            attempts: 3,
            backoff: { type: 'exponential', delay: 60_000 },
            removeOnComplete: 100,
            removeOnFail: 1000,
          },
        },
      );
    }
    this.logger.log(`workers running for ${this.workers.length} queues, ${SCHEDULES.length} schedules`);
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.close()));
    this.connections.forEach((c) => c.disconnect());
    if (this.ds.isInitialized) await this.ds.destroy();
  }
}
