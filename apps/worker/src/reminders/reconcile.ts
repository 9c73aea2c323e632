import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import {
  DataSource,
  evaluationJobId,
  inScope,
  reminderTenants,
  systemScope,
  type Config,
  type PendingDelivery,
} from '@guanai/db';
import { hourIn, todayIn } from '@guanai/domain';
import { CONFIG } from '../config';
import { enqueueDeliveries, retryFailedDeliveries } from '../notifications/enqueue';
import { WorkerQueues } from '../queues/queues';
import { EVALUATION_JOB_OPTIONS, RemindersJob } from './reminders-job';

/**
 * Redis holds only transient state. On worker start, from Postgres: every tenant's scheduler is
 * re-created; a tenant whose hour has passed today without a finished run gets today's evaluation;
 * every outbox row still pending goes back on the delivery queue (same job ids: a job Redis still has
 * is left alone, unless BullMQ gave up on it).
 */
@Injectable()
export class RemindersReconciler implements OnApplicationBootstrap {
  private readonly logger = new Logger('reminders:reconcile');

  constructor(
    private readonly ds: DataSource,
    private readonly queues: WorkerQueues,
    private readonly reminders: RemindersJob,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.reconcile();
  }

  async reconcile(now: Date = new Date()): Promise<{ evaluations: number; deliveries: number }> {
    await this.reminders.syncSchedules();
    const { tenants, done, pending } = await inScope(
      this.ds,
      systemScope('reminders:reconcile'),
      async (em) => ({
        tenants: await reminderTenants(em),
        done: new Set(
          (
            await em.query(
              `SELECT org_id, to_char(day, 'YYYY-MM-DD') AS day FROM reminder_runs WHERE status = 'done' AND day >= current_date - 2`,
            )
          ).map((r: { org_id: string; day: string }) => `${r.org_id}/${r.day}`),
        ),
        // A row an attempt was sending when Redis or the process went: its job looks again when the lease ends.
        pending: (
          await em.query(
            `SELECT id, greatest(not_before, sending_until) AS not_before FROM notification_deliveries WHERE status IN ('pending','sending')`,
          )
        ).map((d: { id: string; not_before: Date }): PendingDelivery => ({
          id: d.id,
          notBefore: new Date(d.not_before),
        })),
      }),
    );
    let evaluations = 0;
    for (const t of tenants) {
      const day = todayIn(t.timeZone, now);
      if (hourIn(t.timeZone, now) < t.hour || done.has(`${t.id}/${day}`)) continue;
      await this.queues.add(
        'reminders',
        'reminders.evaluate',
        { tenantId: t.id, day },
        { ...EVALUATION_JOB_OPTIONS, jobId: evaluationJobId(t.id, day) },
      );
      evaluations++;
    }
    await enqueueDeliveries(this.queues, this.config, pending);
    const retried = await retryFailedDeliveries(this.queues, pending);
    if (evaluations || pending.length)
      this.logger.log(
        `re-enqueued ${evaluations} evaluations and ${pending.length} pending deliveries (${retried} of them from failed jobs)`,
      );
    return { evaluations, deliveries: pending.length };
  }
}
