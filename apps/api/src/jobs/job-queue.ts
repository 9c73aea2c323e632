import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { Queue, type JobsOptions } from 'bullmq';
import { Redis } from 'ioredis';
import { parseJobPayload, type JobName, type JobPayload, type QueueName } from '@guanai/contracts';
import type { Config } from '@guanai/db';
import { CONFIG } from '../config.module';

/**
 * Enqueues jobs of the typed registry (contracts JOBS): the payload is parsed with its schema before it
 * leaves, and the job id must be given, deterministic, so a repeated enqueue is a no-op.
 */
@Injectable()
export class JobQueue implements OnApplicationShutdown {
  private readonly queues = new Map<QueueName, Queue>();
  private connection: Redis | undefined;

  constructor(@Inject(CONFIG) private readonly config: Config) {}

  async add<Q extends QueueName, J extends JobName<Q>>(
    queue: Q,
    job: J,
    payload: JobPayload<Q, J>,
    opts: JobsOptions & { jobId: string },
  ): Promise<void> {
    await this.queue(queue).add(job, parseJobPayload(queue, job, payload), opts);
  }

  private queue(name: QueueName): Queue {
    let q = this.queues.get(name);
    if (!q) {
      this.connection ??= new Redis(this.config.REDIS_URL, { maxRetriesPerRequest: 2 });
      q = new Queue(name, { connection: this.connection, prefix: this.config.REDIS_PREFIX });
      this.queues.set(name, q);
    }
    return q;
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([...this.queues.values()].map((q) => q.close()));
    this.connection?.disconnect();
  }
}
