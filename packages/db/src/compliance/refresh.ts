// The pre-aggregation the province's overview reads (compliance_results): every indicator of one
// programme, for every period of its kind that shares a day with the programme's year and has begun,
// per school and for the tenant, replaced in one transaction.
import type { EntityManager } from 'typeorm';
import type { IsoDate } from '@guanai/domain';
import { EvaluationCache, evaluateSpec } from './programme-evaluation';
import { indicatorSpecs, loadComplianceProgramme, periodsOfYear } from './programme';

export interface RefreshResult {
  programmeId: string;
  rows: number;
}

/** Deterministic and short: one refresh per programme per minute however many writes (BullMQ ids may not contain ':'). */
export function complianceRefreshJobId(programmeId: string, bucket: string | number): string {
  return `compliance-refresh-${programmeId}-${bucket}`;
}

/**
 * Recomputes one programme's stored results as of `today`, in the caller's transaction, which must
 * be scoped to (or above) the programme's tenant. Ended periods are evaluated too, so their final
 * status ('missed') replaces the last running one. Null when the programme is not visible.
 *
 * Idempotent: the programme's rows are deleted and written again under a transaction-level advisory
 * lock on the programme, so two refreshes at once run one after the other and the later one wins;
 * rows of indicators or schools that are gone (an upgraded version, a school closed) go with them.
 */
export async function refreshComplianceResults(
  em: EntityManager,
  programmeId: string,
  today: IsoDate,
): Promise<RefreshResult | null> {
  await em.query(`SELECT pg_advisory_xact_lock(hashtext('compliance_results'), hashtext($1))`, [programmeId]);
  const p = await loadComplianceProgramme(em, programmeId);
  if (!p) return null;
  const cache = new EvaluationCache(em, p.orgId);
  const rows: {
    period: string;
    indicator: string;
    unit: string;
    value: number;
    denominator: number | null;
    target: number;
    status: string;
  }[] = [];
  for (const spec of indicatorSpecs(p)) {
    for (const period of periodsOfYear(spec.indicator.period, p.year, p.calendar)) {
      if (period.start > today) continue;
      const { outcome } = await evaluateSpec(em, p, spec, period, { today, cache });
      const base = { period: period.key, indicator: spec.indicator.key, target: outcome.target };
      rows.push({ ...base, unit: p.orgId, value: outcome.value, denominator: outcome.denominator, status: outcome.status });
      for (const u of outcome.units)
        rows.push({ ...base, unit: u.unitId, value: u.value, denominator: u.denominator, status: u.status });
    }
  }
  await em.query(`DELETE FROM compliance_results WHERE programme_id = $1`, [programmeId]);
  // org_id is the unit itself: a school's officer reads its own rows, the tenant and province all of them.
  await em.query(
    `INSERT INTO compliance_results
       (programme_id, period_key, indicator_key, unit_id, org_id, value, denominator, target, status, computed_at)
     SELECT $1::uuid, r.period_key, r.indicator_key, r.unit_id, r.unit_id, r.value, r.denominator, r.target, r.status, now()
       FROM unnest($2::text[], $3::text[], $4::uuid[], $5::bigint[], $6::bigint[], $7::bigint[], $8::text[])
         AS r(period_key, indicator_key, unit_id, value, denominator, target, status)
     ON CONFLICT (programme_id, period_key, indicator_key, unit_id) DO UPDATE SET
       value = EXCLUDED.value, denominator = EXCLUDED.denominator, target = EXCLUDED.target,
       status = EXCLUDED.status, org_id = EXCLUDED.org_id, computed_at = EXCLUDED.computed_at`,
    [
      programmeId,
      rows.map((r) => r.period),
      rows.map((r) => r.indicator),
      rows.map((r) => r.unit),
      rows.map((r) => r.value),
      rows.map((r) => r.denominator),
      rows.map((r) => r.target),
      rows.map((r) => r.status),
    ],
  );
  return { programmeId, rows: rows.length };
}
