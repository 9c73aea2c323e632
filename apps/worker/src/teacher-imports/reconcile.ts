import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { DataSource, IMPORT_JOB_OPTIONS, importsRepo, inScope, systemScope, type Config } from '@guanai/db';
import { CONFIG } from '../config';

/**
 * Redis holds only transient state: at boot, every import the database says is queued or running gets
 * its job back if Redis lost it (same deterministic id, so a job still there is left alone), and one
 * whose job BullMQ already gave up on is marked failed.
 */
@Injectable()
export class TeacherImportsReconciler implements OnApplicationBootstrap {
  private readonly logger = new Logger('teachers.import:reconcile');

  constructor(
    @Inject(CONFIG) private readonly config: Config,
    private readonly ds: DataSource,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const pending = await inScope(this.ds, systemScope('teachers.import:reconcile'), (em) =>
      importsRepo.pending(em),
    );
    if (!pending.length) return;
    const connection = new Redis(this.config.REDIS_URL, { maxRetriesPerRequest: null });
    const queue = new Queue('imports', { connection, prefix: this.config.REDIS_PREFIX });
    try {
      for (const p of pending) {
        if (!p.job_id) continue;
        const job = await queue.getJob(p.job_id);
        if (!job) {
          await queue.add('teachers.import', { importId: p.id }, { ...IMPORT_JOB_OPTIONS, jobId: p.job_id });
          this.logger.log(`re-enqueued import ${p.id}`);
        } else if (await job.isFailed()) {
          await inScope(this.ds, { path: p.org_path, requestId: 'job:teachers.import:reconcile' }, (em) =>
            importsRepo.update(em, p.id, {
              status: 'failed',
              error: '导入失败，未写入任何数据；请重新开始导入',
              finished_at: new Date(),
            }),
          );
        }
      }
    } finally {
      await queue.close();
      connection.disconnect();
    }
  }
}
