import type { DataSource, EntityManager } from 'typeorm';
import { type IsoDate, isTeacherScanRule, requireIsoDate } from '@guanai/domain';
import { loadHolidayCalendar } from '../holidays/holiday-years';
import { inScope } from '../tenancy/scope';
import { sweepCaseDeadlines } from './case-deadlines';
import { sweepRectifications } from './supervision-deadlines';
import { FANOUT_BATCH, fanOutBatch, writeDigests, type PendingDelivery } from './fanout';
import { insertReminders } from './rows';
import { scanTeachers, SCAN_BATCH, type InTenant } from './teacher-scan';
import { loadTenantRules } from './tenant-rules';
import { unitRuleRows } from './unit-rules';

export interface TenantRef {
  id: string;
  path: string;
  timeZone: string;
}

export interface EvaluationResult {
  day: IsoDate;
  rules: number;
  scanned: number;
  created: number;
  notified: number;
  deliveries: PendingDelivery[];
  /** Dispute cases left out of the sweep because their dates are inconsistent (ids, for the log). */
  skippedCases: string[];
}

export interface EvaluationHooks {
  /** After each registry batch is written (tests stop the process here; the bench counts). */
  onScanBatch?: (scanned: number) => Promise<void>;
}

/**
 * One tenant's reminders for one day, from start to end: wake snoozed reminders, create every due one
 * (registry scan, then the set rules), notify their recipients and write the digests. Every step is
 * idempotent and commits in short transactions, so running a day twice, a job retried after a crash,
 * or two workers at once create nothing twice. The new outbox rows are returned; the worker enqueues
 * every pending row of the tenant instead (a run that died after writing some left them too).
 */
export async function evaluateTenantDay(
  ds: DataSource,
  tenant: TenantRef,
  day: IsoDate,
  hooks: EvaluationHooks = {},
): Promise<EvaluationResult> {
  const tx: InTenant = (work) =>
    inScope(ds, { path: tenant.path, requestId: `job:reminders.evaluate:${day}` }, work);
  await tx((em) =>
    em.query(
      `INSERT INTO reminder_runs (org_id, day, status) VALUES ($1, $2, 'running')
       ON CONFLICT (org_id, day) DO UPDATE SET status = 'running', started_at = now(), finished_at = NULL, error = NULL`,
      [tenant.id, day],
    ),
  );
  try {
    const result = await evaluate(tx, tenant, day, hooks);
    await tx((em) =>
      em.query(
        `UPDATE reminder_runs SET status = 'done', finished_at = now(), created = $3, notified = $4 WHERE org_id = $1 AND day = $2`,
        [tenant.id, day, result.created, result.notified],
      ),
    );
    return result;
  } catch (e) {
    await tx((em) =>
      em.query(
        `UPDATE reminder_runs SET status = 'failed', finished_at = now(), error = $3 WHERE org_id = $1 AND day = $2`,
        [tenant.id, day, String(e instanceof Error ? e.message : e).slice(0, 500)],
      ),
    ).catch(() => undefined);
    throw e;
  }
}

async function evaluate(
  tx: InTenant,
  tenant: TenantRef,
  day: IsoDate,
  hooks: EvaluationHooks,
): Promise<EvaluationResult> {
  // A snoozed reminder comes back on its day as a new round, so its recipients are told again.
  await tx((em) =>
    em.query(
      `UPDATE reminders SET status = 'open', snoozed_until = NULL, round = round + 1, updated_at = now(), version = version + 1
        WHERE tenant_id = $1 AND status = 'snoozed' AND snoozed_until <= $2`,
      [tenant.id, day],
    ),
  );
  const rules = await tx((em) => loadTenantRules(em, tenant.id, requireIsoDate(day).year));
  const scan = await scanTeachers(
    tx,
    tenant.id,
    rules.filter((r) => isTeacherScanRule(r.rule)),
    day,
    hooks.onScanBatch,
  );
  let created = scan.created;
  for (const r of rules.filter((x) => !isTeacherScanRule(x.rule))) {
    const rows = await tx((em) => unitRuleRows(em, tenant.id, r, day));
    for (let i = 0; i < rows.length; i += SCAN_BATCH)
      created += await tx((em) => insertReminders(em, tenant.id, rows.slice(i, i + SCAN_BATCH)));
  }

  // Dispute cases: warnings and passed deadlines, and each case's next deadline recounted.
  const sweep = await tx(async (em) => sweepCaseDeadlines(em, tenant.id, day, await loadHolidayCalendar(em)));
  created += await tx((em) => insertReminders(em, tenant.id, sweep.rows));
  // Supervision visits: the schools' rectification deadlines.
  const rectifications = await tx((em) => sweepRectifications(em, tenant.id, day));
  created += await tx((em) => insertReminders(em, tenant.id, rectifications));

  const { notified, deliveries } = await notify(tx, tenant, day);
  return {
    day,
    rules: rules.length,
    scanned: scan.scanned,
    created,
    notified,
    deliveries,
    skippedCases: sweep.skipped,
  };
}

/** Notifies every due reminder not yet notified this round, in batches, then writes the digests. */
export async function notify(
  tx: InTenant,
  tenant: TenantRef,
  day: IsoDate,
): Promise<{ notified: number; deliveries: PendingDelivery[] }> {
  const deliveries: PendingDelivery[] = [];
  let notified = 0;
  for (;;) {
    const batch = await tx((em: EntityManager) => fanOutBatch(em, tenant.id, day, tenant.timeZone));
    notified += batch.notifications;
    deliveries.push(...batch.deliveries);
    if (batch.reminders < FANOUT_BATCH) break;
  }
  deliveries.push(...(await tx((em) => writeDigests(em, day, tenant.timeZone))));
  return { notified, deliveries };
}
