import type { CaseFigures, CaseReport, CaseReportQuery } from '@guanai/contracts';
import { deadlinesOf, loadHolidayCalendar, type EntityManager } from '@guanai/db';
import { AppError } from '../common/app-error';
import { addCounts, addMissed, emptyFigures, missedKinds, setStage } from './case-figures';
import { caseReportsRepo, type ReportFilter } from './case-reports.repository';

const field = (path: string, code: string) => ({ fields: [{ path, code }] });

/** The range asked for; a missing end is taken from the other end's year, or this year. */
export function reportRange(
  q: Pick<CaseReportQuery, 'from' | 'to'>,
  today: string,
): { from: string; to: string } {
  const yearOf = (d: string) => d.slice(0, 4);
  return {
    from: q.from ?? `${yearOf(q.to ?? today)}-01-01`,
    to: q.to ?? `${yearOf(q.from ?? today)}-12-31`,
  };
}

/**
 * The report of the scope `scopePath` (the caller's), in the caller's RLS-bound transaction. Free of
 * Nest so the benchmark runs exactly this against the database (infra/bench/src/cases-bench.ts).
 */
export async function computeCaseReport(
  em: EntityManager,
  scopePath: string,
  q: CaseReportQuery,
  today: string,
): Promise<CaseReport> {
  const { from, to } = reportRange(q, today);
  const tenants = await caseReportsRepo.tenants(em, scopePath);
  const orgId = q.orgId ?? null;
  if (orgId !== null && !tenants.some((t) => t.id === orgId)) {
    // A school of the scope is not a union; anything outside the scope does not exist for the caller.
    if (await caseReportsRepo.orgKind(em, scopePath, orgId))
      throw new AppError(
        'CASE_REPORT_ORG_NOT_A_TENANT',
        field('query.orgId', 'CASE_REPORT_ORG_NOT_A_TENANT'),
      );
    throw new AppError('NOT_FOUND', field('query.orgId', 'NOT_FOUND'));
  }
  const filter: ReportFilter = { scopePath, orgId, from, to };
  // The planner charges row-level security's subplans once per case when it reads each case's timeline by
  // its index (LATERAL): an estimate near a million that crosses the JIT thresholds, and compiling would
  // cost a second for statements that run in milliseconds. Off for this transaction (this request) only.
  await em.query(`SET LOCAL jit = off`);

  const totals = emptyFigures();
  const byOrg = new Map<string, CaseFigures>();
  for (const t of tenants) if (orgId === null || t.id === orgId) byOrg.set(t.id, emptyFigures());
  const of = (id: string) => {
    let f = byOrg.get(id);
    if (!f) byOrg.set(id, (f = emptyFigures()));
    return f;
  };

  for (const r of await caseReportsRepo.counts(em, filter, today)) {
    addCounts(totals, r);
    addCounts(of(r.org_id), r);
  }
  for (const r of await caseReportsRepo.stages(em, filter))
    setStage(r.org_id === null ? totals : of(r.org_id), r);
  const ended = await caseReportsRepo.endedLate(em, filter);
  if (ended.length > 0) {
    // The calendar the cases' deadlines are counted on (built-in years and those a platform admin entered).
    const calendar = await loadHolidayCalendar(em);
    for (const row of ended) {
      const kinds = missedKinds(deadlinesOf(row, today, calendar), row.closed_on);
      addMissed(totals, kinds);
      addMissed(of(row.org_id), kinds);
    }
  }

  // Unions that had cases but are no longer listed (moved, say) keep their figures under their name.
  const names = new Map(tenants.map((t) => [t.id, t.name]));
  const unnamed = [...byOrg.keys()].filter((id) => !names.has(id));
  for (const [id, name] of await caseReportsRepo.orgNames(em, unnamed)) names.set(id, name);
  return {
    from,
    to,
    today,
    orgId,
    tenants: tenants.map((t) => ({ orgId: t.id, orgName: t.name })),
    totals,
    byTenant: [...byOrg].map(([id, f]) => ({ orgId: id, orgName: names.get(id) ?? '', ...f })),
    computedAt: new Date().toISOString(),
  };
}
