import { Injectable } from '@nestjs/common';
import type { z } from 'zod';
import type { ComplianceOverview, OverviewQuery } from '@guanai/contracts';
import { periodContaining, todayInShanghai, type ProgrammeTemplate } from '@guanai/domain';
import { indicatorSpecs, loadComplianceProgrammes, spentByMeasure, type ComplianceProgramme } from '@guanai/db';
import { AppError } from '../common/app-error';
import { RequestContext } from '../common/request-context';
import { ComplianceService } from './compliance.service';
import { storedTenantResults, templateHead, tenantsFor } from './compliance.repository';

type Overview = ComplianceOverview;
type TenantRow = Overview['tenants'][number];

/**
 * The province's overview (全省达标与经费): every union under it with the template's programme of a
 * year side by side. Results are the stored ones (compliance_results, written by the refresh job):
 * the province never aggregates its tenants' millions of rows per request. Spending is summed live,
 * index-only (care_records_programme_spend).
 */
@Injectable()
export class ComplianceOverviewService {
  constructor(
    private readonly ctx: RequestContext,
    private readonly compliance: ComplianceService,
  ) {}

  async overview(q: z.infer<typeof OverviewQuery>): Promise<Overview> {
    const em = this.ctx.em;
    const template = await templateHead(em, q.template);
    if (!template) throw new AppError('NOT_FOUND', { fields: [{ path: 'query.template', code: 'NOT_FOUND' }] });
    const on = this.compliance.day({ year: q.year }, q.on);
    const today = todayInShanghai();

    const adopted = await loadComplianceProgrammes(em, template.id, q.year);
    const tenants = await tenantsFor(em, this.ctx.principal.orgPath, template.orgPath, adopted.map((p) => p.orgId));
    const programmes = adopted.filter((p) => tenants.some((t) => t.id === p.orgId));
    const stored = await storedTenantResults(em, programmes);
    const spent = await spentByMeasure(em, programmes.map((p) => p.id), q.year, today);

    const documents = [template.latest, ...programmes.map((p) => p.document)].filter(
      (d): d is ProgrammeTemplate => d !== null,
    );
    const indicators = new Map<string, Overview['indicators'][number]>();
    const areas = new Map<string, Overview['areas'][number]>();
    for (const doc of documents)
      for (const area of doc.areas) {
        if (!areas.has(area.key)) areas.set(area.key, { key: area.key, title: area.title });
        for (const m of area.measures)
          for (const i of m.indicators)
            if (!indicators.has(i.key)) indicators.set(i.key, { key: i.key, name: i.name, measureClause: m.clause, kind: i.kind });
      }

    const row = (tenant: { id: string; name: string }): TenantRow => {
      const p = programmes.find((x) => x.orgId === tenant.id);
      if (!p)
        return {
          orgId: tenant.id,
          orgName: tenant.name,
          programmeId: null,
          versionNumber: null,
          results: {},
          budgetFen: 0,
          spentFen: 0,
          spentByArea: {},
          computedAt: null,
        };
      const mine = stored.filter((r) => r.programmeId === p.id);
      return {
        orgId: tenant.id,
        orgName: tenant.name,
        programmeId: p.id,
        versionNumber: p.versionNumber,
        results: resultsOn(p, on, mine),
        budgetFen: Object.values(p.budgets).reduce((sum, fen) => sum + fen, 0),
        ...spending(p, spent.get(p.id)),
        computedAt: mine.reduce<string | null>((max, r) => (max === null || r.computedAt > max ? r.computedAt : max), null),
      };
    };
    return { templateId: template.id, year: q.year, on, indicators: [...indicators.values()], areas: [...areas.values()], tenants: tenants.map(row) };
  }
}

/** Each indicator's stored tenant result for the period of its kind containing `on` (absent until refreshed). */
function resultsOn(p: ComplianceProgramme, on: string, stored: readonly { periodKey: string; indicatorKey: string; value: number; target: number; status: TenantRow['results'][string]['status'] }[]) {
  const results: TenantRow['results'] = {};
  for (const { indicator } of indicatorSpecs(p)) {
    const key = periodContaining(indicator.period, on, p.calendar).key;
    const r = stored.find((s) => s.indicatorKey === indicator.key && s.periodKey === key);
    if (r) results[indicator.key] = { value: r.value, target: r.target, status: r.status };
  }
  return results;
}

/** All spent under the programme, and per area of its document (measures it no longer has: in the total only). */
function spending(p: ComplianceProgramme, spent: ReadonlyMap<string, number> | undefined) {
  const spentByArea: Record<string, number> = {};
  for (const area of p.document.areas) {
    const fen = area.measures.reduce((sum, m) => sum + (spent?.get(m.key) ?? 0), 0);
    if (fen > 0) spentByArea[area.key] = fen;
  }
  return { spentFen: [...(spent?.values() ?? [])].reduce((sum, fen) => sum + fen, 0), spentByArea };
}
