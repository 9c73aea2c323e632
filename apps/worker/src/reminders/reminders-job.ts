import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  DataSource,
  insertReminders,
  loadHolidayCalendar,
  notify,
  sweepCaseDeadlines,
  type InTenant,
  evaluateTenantDay,
  evaluationSchedulerId,
  inScope,
  reminderTenants,
  systemScope,
  tenantSchedule,
  type Config,
  type EvaluationResult,
  type PendingDelivery,
} from '@guanai/db';
import { todayIn, zonedHour } from '@guanai/domain';
import { CONFIG } from '../config';
import { enqueueDeliveries } from '../notifications/enqueue';
import { WorkerQueues } from '../queues/queues';

export const EVALUATION_JOB_OPTIONS = {
  attempts: 3,
  backoff: { type: 'exponential' as const, delay: 60_000 },
  removeOnComplete: 500,
  removeOnFail: 1000,
};

/**
 * `reminders/reminders.evaluate` and `reminders/reminders.sync_schedules`. Evaluation runs in the
 * tenant's scope; afterwards every outbox row of the tenant still pending is handed to the delivery
 * queue (not only today's: a run that died after writing them left them there).
 */
@Injectable()
export class RemindersJob {
  private readonly logger = new Logger('reminders');

  constructor(
    private readonly ds: DataSource,
    private readonly queues: WorkerQueues,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  /** Test hook: called after each registry batch (the fault tests kill the process here). */
  onScanBatch?: (scanned: number) => Promise<void>;

  async evaluate(tenantId: string, day?: string): Promise<EvaluationResult | null> {
    const tenant = await inScope(this.ds, systemScope('reminders.evaluate'), (em) =>
      tenantSchedule(em, tenantId),
    );
    if (!tenant) return null;
    const today = day ?? todayIn(tenant.timeZone);
    const result = await evaluateTenantDay(this.ds, tenant, today, { onScanBatch: this.onScanBatch });
    const pending = await inScope(this.ds, { path: tenant.path, requestId: 'job:reminders.evaluate' }, (em) =>
      em.query(
        `SELECT id, greatest(not_before, sending_until) AS not_before FROM notification_deliveries
          WHERE status IN ('pending','sending') ORDER BY created_at LIMIT 100000`,
      ),
    );
    await enqueueDeliveries(
      this.queues,
      this.config,
      pending.map((d: { id: string; not_before: Date }): PendingDelivery => ({
        id: d.id,
        notBefore: new Date(d.not_before),
      })),
    );
    this.logger.log(
      `tenant ${tenantId} ${today}: ${result.rules} rules, ${result.scanned} teachers, ${result.created} new reminders, ${result.notified} notifications`,
    );
    if (result.skippedCases.length)
      this.logger.warn(
        `tenant ${tenantId} ${today}: ${result.skippedCases.length} dispute case(s) with inconsistent dates left out of the deadline sweep: ${result.skippedCases.slice(0, 20).join(', ')}`,
      );
    return { ...result, deliveries: [] };
  }

  /**
   * One case's deadlines now (or every open case of the tenant): the reminders due today and their
   * notifications, and a delayed job at the case's next warning so it is told that morning even if the
   * daily run is later in the day. The job id is the case and day, so re-enqueueing it adds nothing.
   */
  async caseDeadlines(
    tenantId: string,
    caseId?: string,
  ): Promise<{ created: number; notified: number } | null> {
    const tenant = await inScope(this.ds, systemScope('reminders.case_deadlines'), (em) =>
      tenantSchedule(em, tenantId),
    );
    if (!tenant) return null;
    const today = todayIn(tenant.timeZone);
    const tx: InTenant = (work) =>
      inScope(this.ds, { path: tenant.path, requestId: `job:reminders.case_deadlines:${today}` }, work);
    const sweep = await tx(async (em) =>
      sweepCaseDeadlines(em, tenant.id, today, await loadHolidayCalendar(em), caseId),
    );
    if (sweep.skipped.length)
      this.logger.warn(
        `tenant ${tenantId}: dispute case(s) with inconsistent dates not swept: ${sweep.skipped.join(', ')}`,
      );
    const created = await tx((em) => insertReminders(em, tenant.id, sweep.rows));
    const { notified, deliveries } = await notify(tx, tenant, today);
    await enqueueDeliveries(this.queues, this.config, deliveries);
    if (caseId)
      for (const next of sweep.nextWarnings) {
        const at = zonedHour(next.on, tenant.hour, tenant.timeZone);
        await this.queues.add(
          'reminders',
          'reminders.case_deadlines',
          { tenantId, caseId: next.caseId },
          {
            ...EVALUATION_JOB_OPTIONS,
            jobId: `case-deadlines-${next.caseId}-${next.on}`,
            delay: Math.max(0, at.getTime() - Date.now()),
          },
        );
      }
    return { created, notified };
  }

  /** Every tenant's daily scheduler at its hour in its zone; schedulers of tenants gone are removed. */
  async syncSchedules(): Promise<{ tenants: number }> {
    const tenants = await inScope(this.ds, systemScope('reminders.sync_schedules'), (em) =>
      reminderTenants(em),
    );
    const queue = this.queues.queue('reminders');
    const wanted = new Set<string>();
    for (const t of tenants) {
      const id = evaluationSchedulerId(t.id);
      wanted.add(id);
      await queue.upsertJobScheduler(
        id,
        { pattern: `0 0 ${t.hour} * * *`, tz: t.timeZone },
        { name: 'reminders.evaluate', data: { tenantId: t.id }, opts: EVALUATION_JOB_OPTIONS },
      );
    }
    for (const s of await queue.getJobSchedulers(0, -1))
      if (s.key.startsWith('reminders-evaluate-') && !wanted.has(s.key))
        await queue.removeJobScheduler(s.key);
    return { tenants: tenants.length };
  }
}
