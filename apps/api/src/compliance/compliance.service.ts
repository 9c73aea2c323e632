import { Injectable } from '@nestjs/common';
import type { z } from 'zod';
import type {
  ComplianceGap,
  ComplianceGapsQuery,
  ComplianceQuery,
  ComplianceReport,
  Page,
} from '@guanai/contracts';
import { can, periodContaining, todayInShanghai, type IsoDate } from '@guanai/domain';
import {
  coverageByUnit,
  defaultDay,
  evaluateProgrammeOn,
  evaluateSpec,
  indicatorSpecs,
  loadComplianceProgramme,
  measureSpending,
  missingTeachers,
  programmeYear,
  spentByMeasure,
  type ComplianceProgramme,
} from '@guanai/db';
import { AppError } from '../common/app-error';
import { RequestContext } from '../common/request-context';
import { byName, toIndicatorResult } from './compliance.mapper';
import { complianceWorkbook } from './compliance-workbook';
import { orgNames } from './compliance.repository';

type Gap = z.infer<typeof ComplianceGap>;
type GapsQuery = z.infer<typeof ComplianceGapsQuery>;

/** Which units of the programme's tenant a request is about. */
interface View {
  /** School-level indicators owed by these units only; null: every unit of the tenant. */
  units: string[] | null;
  /** The one unit the report is narrowed to (`org`, or a school officer's own school). */
  unitId: string | null;
  /** A school's officer: tenant-level indicators are the union's, not the school's. */
  schoolLevelOnly: boolean;
}

const field = (path: string, code: string, params?: Record<string, unknown>) => ({ fields: [{ path, code, params }] });

/** Live compliance of one programme (达标情况): the report, its export and what is missing behind a result. */
@Injectable()
export class ComplianceService {
  constructor(private readonly ctx: RequestContext) {}

  async report(q: ComplianceQuery): Promise<ComplianceReport> {
    return (await this.build(q)).report;
  }

  /** The report as .xlsx, with a file name saying whose and for which day. */
  async export(q: ComplianceQuery): Promise<{ file: Buffer; name: string }> {
    const { p, report } = await this.build(q);
    const file = await complianceWorkbook(report, `${p.year} 年 ${p.document.name}`);
    return { file, name: `达标情况-${report.orgName}-${report.on}.xlsx` };
  }

  private async build(q: ComplianceQuery): Promise<{ p: ComplianceProgramme; report: ComplianceReport }> {
    const em = this.ctx.em;
    const p = await this.programme(q.programme);
    const view = await this.view(p, q.org);
    const on = this.day(p, q.on);
    const today = todayInShanghai();
    const rows = await evaluateProgrammeOn(em, p, on, { today, units: view.units, schoolLevelOnly: view.schoolLevelOnly });
    const orgId = view.unitId ?? p.orgId;
    const names = await orgNames(em, [orgId, ...rows.flatMap((r) => r.outcome.units.map((u) => u.unitId))]);
    const spent = await spentByMeasure(em, [p.id], p.year, today, view.unitId);
    const report: ComplianceReport = {
      programmeId: p.id,
      orgId,
      orgName: names.get(orgId) ?? '',
      on,
      indicators: rows.map((r) => toIndicatorResult(r, names)),
      spending: measureSpending(p, spent.get(p.id)),
      computedAt: new Date().toISOString(),
    };
    return { p, report };
  }

  /**
   * What is missing behind one indicator's result. Counts and amounts: the schools short of the
   * target, with what they have done. Ratios: the teachers not yet reached — names only for callers
   * who may read teachers (the tenant's officers); the province, which sees no teacher's personal
   * data, gets per school how far its teachers are reached instead (value in basis points).
   */
  async gaps(q: GapsQuery): Promise<Page<Gap>> {
    const em = this.ctx.em;
    const p = await this.programme(q.programme);
    const spec = indicatorSpecs(p).find((s) => s.indicator.key === q.indicator);
    if (!spec)
      throw new AppError('COMPLIANCE_INDICATOR_NOT_FOUND', field('query.indicator', 'COMPLIANCE_INDICATOR_NOT_FOUND'));
    const view = await this.view(p, q.org);
    if (view.schoolLevelOnly && spec.indicator.level === 'tenant') throw new AppError('COMPLIANCE_TENANT_LEVEL');
    const on = this.day(p, q.on);
    const period = periodContaining(spec.indicator.period, on, p.calendar);
    const row = await evaluateSpec(em, p, spec, period, { today: todayInShanghai(), units: view.units });
    const offset = (q.page - 1) * q.pageSize;
    const page = (items: Gap[], total: number) => ({ items, total, page: q.page, pageSize: q.pageSize });
    const school = (id: string, name: string, value: number): Gap => ({ kind: 'school', id, name, orgId: id, orgName: name, value });

    if (spec.indicator.kind === 'activity_count' || spec.indicator.kind === 'amount') {
      // A tenant-level count or amount is owed by the union, not by any school: nothing per school is missing.
      const short = row.outcome.units.filter((u) => u.status !== 'met');
      const names = await orgNames(em, short.map((u) => u.unitId));
      const sorted = short.sort((a, b) => a.value - b.value || byName(names, a.unitId, b.unitId));
      const gaps = sorted.map((u) => school(u.unitId, names.get(u.unitId) ?? '', u.value));
      return page(gaps.slice(offset, offset + q.pageSize), gaps.length);
    }
    if (can(this.ctx.principal.role, 'teacher.read')) {
      const found = await missingTeachers(
        em,
        row.query,
        row.outcome,
        { limit: q.pageSize, offset, onlyUnit: view.unitId ?? undefined },
        row.eligible,
      );
      const gaps = found.items.map(
        (t): Gap => ({ kind: 'teacher', id: t.teacherId, name: t.name, orgId: t.unitId, orgName: t.unitName, value: 0 }),
      );
      return page(gaps, found.total);
    }
    const units = (await coverageByUnit(em, row.query, row.outcome, row.eligible)).filter(
      (u) => view.unitId === null || u.unitId === view.unitId,
    );
    const gaps = units.map((u) => school(u.unitId, u.unitName, u.valueBp));
    return page(gaps.slice(offset, offset + q.pageSize), gaps.length);
  }

  async programme(id: string): Promise<ComplianceProgramme> {
    const p = await loadComplianceProgramme(this.ctx.em, id);
    if (!p) throw new AppError('NOT_FOUND', field('query.programme', 'NOT_FOUND'));
    return p;
  }

  /** The day a report is for: `on` within the programme's year, by default today moved into it. */
  day(p: Pick<ComplianceProgramme, 'year'>, on: IsoDate | undefined): IsoDate {
    if (on === undefined) return defaultDay(p, todayInShanghai());
    const { start, end } = programmeYear(p);
    if (on < start || on > end)
      throw new AppError('COMPLIANCE_DAY_OUTSIDE_YEAR', {
        params: { year: p.year },
        ...field('query.on', 'COMPLIANCE_DAY_OUTSIDE_YEAR', { year: p.year }),
      });
    return on;
  }

  /**
   * Tenant officers and the province see every unit, or the one `org` names. A school's officer sees
   * the school-level indicators of their own school (RLS shows them nothing else anyway).
   */
  private async view(p: ComplianceProgramme, org: string | undefined): Promise<View> {
    const principal = this.ctx.principal;
    if (principal.orgPath !== p.orgPath && principal.orgPath.startsWith(p.orgPath)) {
      if (org !== undefined && org !== principal.orgId) throw new AppError('NOT_FOUND', field('query.org', 'NOT_FOUND'));
      return { units: [principal.orgId], unitId: principal.orgId, schoolLevelOnly: true };
    }
    if (org === undefined || org === p.orgId) return { units: null, unitId: null, schoolLevelOnly: false };
    const [unit] = (await this.ctx.em.query(
      `SELECT kind, tenant_id FROM orgs WHERE id = $1 AND starts_with(path, $2)`,
      [org, principal.orgPath],
    )) as { kind: string; tenant_id: string | null }[];
    if (!unit) throw new AppError('NOT_FOUND', field('query.org', 'NOT_FOUND'));
    if (unit.tenant_id !== p.orgId || (unit.kind !== 'school' && unit.kind !== 'department'))
      throw new AppError('COMPLIANCE_ORG_NOT_A_UNIT', field('query.org', 'COMPLIANCE_ORG_NOT_A_UNIT'));
    return { units: [org], unitId: org, schoolLevelOnly: false };
  }
}
