import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { Queue, type JobsOptions } from 'bullmq';
import { Redis } from 'ioredis';
import { parseJobPayload, type JobName, type JobPayload, type QueueName } from '@guanai/contracts';
import type { Config } from '@guanai/db';
import { CONFIG } from '../config';

/** The worker's producers: one Queue per name on one connection, payloads parsed before they leave. */
@Injectable()
export class WorkerQueues implements OnApplicationShutdown {
  private readonly queues = new Map<QueueName, Queue>();
  private connection: Redis | undefined;

  constructor(@Inject(CONFIG) private readonly config: Config) {}

  queue(name: QueueName): Queue {
    let q = this.queues.get(name);
    if (!q) {
      this.connection ??= new Redis(this.config.REDIS_URL, { maxRetriesPerRequest: null });
      q = new Queue(name, { connection: this.connection, prefix: this.config.REDIS_PREFIX });
      this.queues.set(name, q);
    }
    return q;
  }

  async add<Q extends QueueName, J extends JobName<Q>>(
    queue: Q,
    job: J,
    payload: JobPayload<Q, J>,
    opts: JobsOptions & { jobId: string },
  ): Promise<void> {
    await this.queue(queue).add(job, parseJobPayload(queue, job, payload), opts);
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([...this.queues.values()].map((q) => q.close()));
    this.connection?.disconnect();
  }
}
