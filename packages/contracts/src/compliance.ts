import { z } from 'zod';
import { Id, PageQuery, pageOf } from './common';
import { IndicatorKind, IndicatorLevel, PeriodKind } from './programmes';
import { IsoDate } from './teachers';

// Compliance (达标情况): each indicator's value against its target for a period, per school and for
// the tenant; and for the province, every tenant's results side by side with its spending.

export const COMPLIANCE_STATUSES = ['met', 'on_track', 'at_risk', 'missed'] as const;
export const ComplianceStatus = z.enum(COMPLIANCE_STATUSES);
export type ComplianceStatus = z.infer<typeof ComplianceStatus>;

/** '2026' (calendar year), '2026-2027' (school year) or '2026-2027-1' / '-2' (autumn / spring semester). */
export const PeriodKey = z.string().regex(/^\d{4}(-\d{4}(-[12])?)?$/, 'PERIOD_FORMAT');

export const ComplianceQuery = z.strictObject({
  programme: Id,
  /** Which period of each indicator's kind: the one containing this day (default today). */
  on: IsoDate.optional(),
  /** Only this school (or department); default the whole tenant. */
  org: Id.optional(),
});
export type ComplianceQuery = z.infer<typeof ComplianceQuery>;

export const UnitResult = z.object({
  orgId: Id,
  orgName: z.string(),
  value: z.number().int(),
  denominator: z.number().int().nullable(),
  target: z.number().int(),
  status: ComplianceStatus,
});
export type UnitResult = z.infer<typeof UnitResult>;

export const IndicatorResult = z.object({
  key: z.string(),
  name: z.string(),
  kind: IndicatorKind,
  level: IndicatorLevel,
  periodKind: PeriodKind,
  period: z.object({ key: PeriodKey, from: IsoDate, to: IsoDate }),
  areaKey: z.string(),
  measureKey: z.string(),
  measureClause: z.string(),
  measureTitle: z.string(),
  target: z.number().int(),
  value: z.number().int(),
  denominator: z.number().int().nullable(),
  status: ComplianceStatus,
  /** How much is still owed: activities, teachers or fen. */
  shortfall: z.number().int(),
  /** Per school for school-level indicators; empty for tenant-level ones. */
  units: z.array(UnitResult),
});
export type IndicatorResult = z.infer<typeof IndicatorResult>;

export const MeasureSpending = z.object({
  areaKey: z.string(),
  measureKey: z.string(),
  measureClause: z.string(),
  measureTitle: z.string(),
  budgetFen: z.number().int(),
  spentFen: z.number().int(),
});

export const ComplianceReport = z.object({
  programmeId: Id,
  orgId: Id,
  orgName: z.string(),
  on: IsoDate,
  indicators: z.array(IndicatorResult),
  spending: z.array(MeasureSpending),
  computedAt: z.string(),
});
export type ComplianceReport = z.infer<typeof ComplianceReport>;

/** What is missing behind one cell: the schools short of a count, or the teachers not yet reached. */
export const ComplianceGapsQuery = PageQuery.extend({
  programme: Id,
  indicator: z.string().max(64),
  on: IsoDate.optional(),
  org: Id.optional(),
});
export const ComplianceGap = z.object({
  kind: z.enum(['school', 'teacher']),
  id: Id,
  name: z.string(),
  orgId: Id,
  orgName: z.string(),
  /** For a school: activities held (or fen spent) so far; for a teacher: 0. */
  value: z.number().int(),
});
export const ComplianceGapPage = pageOf(ComplianceGap);

// ——— The province's overview ———

export const OverviewQuery = z.strictObject({
  template: Id,
  year: z.coerce.number().int().min(2000).max(2100),
  on: IsoDate.optional(),
});

export const TenantOverview = z.object({
  orgId: Id,
  orgName: z.string(),
  programmeId: Id.nullable(),
  versionNumber: z.number().int().nullable(),
  /** Per indicator key. Absent: the tenant has not adopted the programme. */
  results: z.record(z.string(), z.object({ value: z.number().int(), target: z.number().int(), status: ComplianceStatus })),
  budgetFen: z.number().int(),
  spentFen: z.number().int(),
  /** Spending per area key, in fen. */
  spentByArea: z.record(z.string(), z.number().int()),
  computedAt: z.string().nullable(),
});

export const ComplianceOverview = z.object({
  templateId: Id,
  year: z.number().int(),
  on: IsoDate,
  indicators: z.array(z.object({ key: z.string(), name: z.string(), measureClause: z.string(), kind: IndicatorKind })),
  areas: z.array(z.object({ key: z.string(), title: z.string() })),
  tenants: z.array(TenantOverview),
});
export type ComplianceOverview = z.infer<typeof ComplianceOverview>;
