import { z } from 'zod';
import { Id } from './common';
import { DisputeCaseOutcome, DisputeCaseState, DisputeCategory } from './disputes';
import { r, type RouteContract } from './route-contract';
import { IsoDate } from './teachers';

// Dispute-case reports per tenant and rolled up to the province (维权案件统计, issue 6). Aggregates only:
// no facts, claims or names of teachers ever leave in a report, so the province may read one.

export const CaseReportQuery = z
  .strictObject({
    /** First day a case was taken in (Asia/Shanghai); default 1 January of `to`'s year, else this year. */
    from: IsoDate.optional(),
    /** Last day (inclusive); default 31 December of `from`'s year, else this year. */
    to: IsoDate.optional(),
    /** One tenant union of the caller's scope (the province picking one); default all of them. */
    orgId: Id.optional(),
  })
  .refine((q) => q.from === undefined || q.to === undefined || q.from <= q.to, {
    message: 'CASE_REPORT_RANGE_INVERTED',
    path: ['to'],
  });
export type CaseReportQuery = z.infer<typeof CaseReportQuery>;

/**
 * Stages whose length is reported, from the case's timeline: the time between entering a state and
 * leaving it (stays still running are not counted), and `intake_to_close` from intake to `closed`.
 */
export const CASE_REPORT_STAGES = [
  'submitted',
  'mediation',
  'arbitration',
  'litigation',
  'intake_to_close',
] as const;
export const CaseReportStage = z.enum(CASE_REPORT_STAGES);
export type CaseReportStage = z.infer<typeof CaseReportStage>;

export const StageDays = z.object({
  /** Completed stays counted. */
  cases: z.number().int(),
  /** Days, one decimal; null when no stay was completed. */
  averageDays: z.number().nullable(),
  medianDays: z.number().nullable(),
});
export type StageDays = z.infer<typeof StageDays>;

/** The statutory deadlines a report counts when they went by (custom deadlines are the handler's own). */
export const MISSED_DEADLINE_KINDS = ['mediation', 'limitation', 'award'] as const;

const Count = z.number().int().min(0);

export const CaseFigures = z.object({
  /** Cases taken in within the range. */
  cases: Count,
  byCategory: z.record(DisputeCategory, Count),
  /** Where those cases stand now. */
  byState: z.record(DisputeCaseState, Count),
  /** Closed cases by outcome. */
  byOutcome: z.record(DisputeCaseOutcome, Count),
  stages: z.record(CaseReportStage, StageDays),
  /** 主张金额 of every case, integer fen. */
  claimedFen: Count,
  /** 主张金额 of the closed cases: what `recoveredFen` is set against. */
  closedClaimedFen: Count,
  /** 追回金额 of the closed cases, integer fen. */
  recoveredFen: Count,
  /** Open cases whose earliest running deadline has passed (next_due_on before today). */
  overdue: Count,
  /**
   * Cases that ended (closed, declined, withdrawn) after a statutory deadline had gone by without its
   * act (mediation: no agreement within 15 days, 第十四条; limitation: arbitration not applied for
   * within the year, 第二十七条; award: no award within 45 days of acceptance plus any extension,
   * 第四十三条), judged on the day the case ended; and how many of each kind.
   */
  missed: z.object({ cases: Count, mediation: Count, limitation: Count, award: Count }),
});
export type CaseFigures = z.infer<typeof CaseFigures>;

export const CaseReportTenant = z.object({ orgId: Id, orgName: z.string() });

export const CaseReport = z.object({
  from: IsoDate,
  to: IsoDate,
  /** The day `overdue` is judged on. */
  today: IsoDate,
  /** The tenant asked for, null for every tenant of the scope. */
  orgId: Id.nullable(),
  /** The tenant unions of the caller's scope (a union's own officers: just their union). */
  tenants: z.array(CaseReportTenant),
  totals: CaseFigures,
  /** Per tenant union, in the order of `tenants` (only the one asked for, when one was). */
  byTenant: z.array(CaseFigures.extend(CaseReportTenant.shape)),
  computedAt: z.string(),
});
export type CaseReport = z.infer<typeof CaseReport>;

export const CASE_REPORT_ROUTES = {
  caseReport: r({
    method: 'get',
    path: '/v1/case-reports',
    summary:
      'Dispute cases in figures: by category, state and outcome, stage lengths, amounts, deadlines missed',
    tag: 'cases',
    access: 'case.report',
    query: CaseReportQuery,
    response: CaseReport,
  }),
  exportCaseReport: r({
    method: 'get',
    path: '/v1/case-reports/export.xlsx',
    summary: 'The same as .xlsx',
    tag: 'cases',
    access: 'case.report',
    query: CaseReportQuery,
    produces: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  }),
} satisfies Record<string, RouteContract>;
