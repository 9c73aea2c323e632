// A tenant's programme as the compliance engine reads it: the adopted version's document with the
// tenant's own targets, budgets and calendar applied.
import type { EntityManager } from 'typeorm';
import {
  DEFAULT_AT_RISK_AFTER_BP,
  DEFAULT_SEMESTER_CALENDAR,
  addDays,
  periodContaining,
  type Indicator,
  type IsoDate,
  type Period,
  type PeriodKind,
  type ProgrammeTemplate,
  type SemesterCalendar,
} from '@guanai/domain';

export interface ComplianceProgramme {
  id: string;
  /** The tenant (county/city or university union) that adopted it. */
  orgId: string;
  orgName: string;
  orgPath: string;
  templateId: string;
  versionId: string;
  versionNumber: number;
  year: number;
  document: ProgrammeTemplate;
  targets: Record<string, number>;
  budgets: Record<string, number>;
  calendar: SemesterCalendar;
  atRiskAfterBp: number;
}

/** One indicator of the document, with where it sits and the tenant's target in place. */
export interface IndicatorSpec {
  area: { key: string; title: string; clause: string };
  measure: { key: string; title: string; clause: string };
  /** The version's indicator with `target` replaced by the tenant's own where it set one. */
  indicator: Indicator;
}

interface ProgrammeDbRow {
  id: string;
  org_id: string;
  org_name: string;
  org_path: string;
  template_id: string;
  version_id: string;
  version_number: number;
  year: number;
  document: ProgrammeTemplate;
  targets: Record<string, number>;
  budgets: Record<string, number>;
  settings: { semester?: SemesterCalendar; atRiskAfterBp?: number };
}

const SELECT = `SELECT p.id, p.org_id, o.name AS org_name, o.path AS org_path, p.template_id, p.version_id,
  v.number AS version_number, p.year, v.document, p.targets, p.budgets, p.settings
  FROM programmes p JOIN orgs o ON o.id = p.org_id JOIN programme_versions v ON v.id = p.version_id`;

export function toComplianceProgramme(r: ProgrammeDbRow): ComplianceProgramme {
  return {
    id: r.id,
    orgId: r.org_id,
    orgName: r.org_name,
    orgPath: r.org_path,
    templateId: r.template_id,
    versionId: r.version_id,
    versionNumber: r.version_number,
    year: r.year,
    document: r.document,
    targets: r.targets ?? {},
    budgets: r.budgets ?? {},
    calendar: r.settings?.semester ?? DEFAULT_SEMESTER_CALENDAR,
    atRiskAfterBp: r.settings?.atRiskAfterBp ?? DEFAULT_AT_RISK_AFTER_BP,
  };
}

/** The programme, if the transaction's scope can read it. */
export async function loadComplianceProgramme(em: EntityManager, id: string): Promise<ComplianceProgramme | null> {
  const [row] = (await em.query(`${SELECT} WHERE p.id = $1`, [id])) as ProgrammeDbRow[];
  return row ? toComplianceProgramme(row) : null;
}

/** Every programme of a template and year that the scope can read (the province's overview). */
export async function loadComplianceProgrammes(
  em: EntityManager,
  templateId: string,
  year: number,
): Promise<ComplianceProgramme[]> {
  const rows = (await em.query(`${SELECT} WHERE p.template_id = $1 AND p.year = $2`, [templateId, year])) as ProgrammeDbRow[];
  return rows.map(toComplianceProgramme);
}

/** The document's indicators in document order, each with the tenant's target where it set one. */
export function indicatorSpecs(p: ComplianceProgramme): IndicatorSpec[] {
  return p.document.areas.flatMap((area) =>
    area.measures.flatMap((measure) =>
      measure.indicators.map((i) => ({
        area: { key: area.key, title: area.title, clause: area.clause },
        measure: { key: measure.key, title: measure.title, clause: measure.clause },
        indicator: { ...i, target: p.targets[i.key] ?? i.target },
      })),
    ),
  );
}

/**
 * An amount indicator counted per calendar year is measured against the measure's budget when the
 * tenant set one: the budget is for the programme's year, and China's budget year is the calendar
 * year (预算法: 公历1月1日起至12月31日止). Otherwise, and for amounts per semester or school year (a
 * part of a year's budget would be a guess), the indicator's target.
 */
export function budgetFor(p: ComplianceProgramme, spec: IndicatorSpec): number | undefined {
  if (spec.indicator.kind !== 'amount' || spec.indicator.period !== 'calendar_year') return undefined;
  return p.budgets[spec.measure.key];
}

/** The programme's year as a date range: its budget year, and the days `on` may name. */
export function programmeYear(p: Pick<ComplianceProgramme, 'year'>): { start: IsoDate; end: IsoDate } {
  return { start: `${p.year}-01-01`, end: `${p.year}-12-31` };
}

/** `today` moved into the programme's year: the default day a report is for. */
export function defaultDay(p: Pick<ComplianceProgramme, 'year'>, today: IsoDate): IsoDate {
  const { start, end } = programmeYear(p);
  return today < start ? start : today > end ? end : today;
}

/**
 * The periods of a kind that share a day with the programme's year, in order: a programme of 2026
 * has the semesters 2025-2026-1 (its January), 2025-2026-2 and 2026-2027-1; the school years
 * 2025-2026 and 2026-2027; the calendar year 2026.
 */
export function periodsOfYear(kind: PeriodKind, year: number, calendar: SemesterCalendar): Period[] {
  const periods: Period[] = [];
  for (let p = periodContaining(kind, `${year}-01-01`, calendar); p.start <= `${year}-12-31`; ) {
    periods.push(p);
    p = periodContaining(kind, addDays(p.end, 1), calendar);
  }
  return periods;
}
