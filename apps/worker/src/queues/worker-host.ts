import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { JOBS, SCHEDULES, type QueueName } from '@guanai/contracts';
import { DataSource, type Config } from '@guanai/db';
import { CONFIG } from '../config';
import { JOB_HANDLERS, type HandlerMap } from './handlers';

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
  private readonly queues: Queue[] = [];
  private readonly connections: Redis[] = [];

  constructor(
    @Inject(CONFIG) private readonly config: Config,
    @Inject(JOB_HANDLERS) private readonly handlers: HandlerMap,
    private readonly ds: DataSource,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    assertHandlersComplete(this.handlers);
    const connection = () => {
      const c = new Redis(this.config.REDIS_URL, { maxRetriesPerRequest: null });
      this.connections.push(c);
      return c;
    };
    for (const name of Object.keys(JOBS) as QueueName[]) {
      const queue = new Queue(name, { connection: connection(), prefix: this.config.REDIS_PREFIX });
      this.queues.push(queue);
      const worker = new Worker(
        name,
        async (job) => {
          const jobs = JOBS[name] as Record<string, { parse(v: unknown): unknown }>;
          const schema = jobs[job.name];
          if (!schema) throw new Error(`no job ${job.name} in queue ${name}`);
          const handler = (this.handlers[name] as Record<string, (p: unknown, id: string) => Promise<unknown>>)[job.name]!;
          return handler(schema.parse(job.data), String(job.id));
        },
        { connection: connection(), prefix: this.config.REDIS_PREFIX, concurrency: 2 },
      );
      worker.on('failed', (job, err) => this.logger.warn(`${name}/${job?.name} ${job?.id} failed: ${err.message}`));
      this.workers.push(worker);
    }
    for (const s of SCHEDULES) {
      const queue = this.queues.find((q) => q.name === s.queue)!;
      await queue.upsertJobScheduler(s.id, { pattern: s.pattern, tz: s.tz }, {
        name: s.job,
        data: s.data,
        opts: { attempts: 3, backoff: { type: 'exponential', delay: 60_000 }, removeOnComplete: 100, removeOnFail: 1000 },
      });
    }
    this.logger.log(`workers running for ${this.workers.length} queues, ${SCHEDULES.length} schedules`);
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.close()));
    await Promise.all(this.queues.map((q) => q.close()));
    this.connections.forEach((c) => c.disconnect());
    if (this.ds.isInitialized) await this.ds.destroy();
  }
}
