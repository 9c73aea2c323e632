import { z } from 'zod';
import { Id, Name, PageQuery, Version, pageOf } from './common';
import { IsoDate } from './teachers';
import { r, type RouteContract } from './route-contract';

// Labour-law supervision visits to schools, their findings and rectification (劳动法律监督, issue 6;
// Zhejiang 二(一)2–3, Leiyang 2: wages in full and on time, social insurance and housing fund paid,
// contracts signed — private schools above all). A visit belongs to the tenant union that made it.

/** 工资按时足额发放, 社会保险缴纳, 住房公积金缴纳, 劳动/聘用合同签订. */
export const SUPERVISION_CHECKS = ['wages', 'socialInsurance', 'housingFund', 'contracts'] as const;
export const SupervisionCheck = z.enum(SUPERVISION_CHECKS);
export type SupervisionCheck = z.infer<typeof SupervisionCheck>;

/** 合规, 发现问题, 未检查. */
export const SUPERVISION_CHECK_RESULTS = ['compliant', 'finding', 'not_checked'] as const;
export const SupervisionCheckResult = z.enum(SUPERVISION_CHECK_RESULTS);
export type SupervisionCheckResult = z.infer<typeof SupervisionCheckResult>;

/** What a finding is about: one of the four checks, or something else the inspectors saw (其他). */
export const SUPERVISION_FINDING_SUBJECTS = [...SUPERVISION_CHECKS, 'other'] as const;
export const SupervisionFindingSubject = z.enum(SUPERVISION_FINDING_SUBJECTS);

/**
 * 公办 / 民办. The registry's orgs carry no ownership, so each visit records what the inspectors found
 * the school to be; the list filters and sorts by it (private schools first).
 */
export const SchoolOwnership = z.enum(['public', 'private']);
export type SchoolOwnership = z.infer<typeof SchoolOwnership>;

/** open 待整改 (has findings, not yet rectified), rectified 已整改, no_findings 未发现问题. */
export const SUPERVISION_STATUSES = ['open', 'rectified', 'no_findings'] as const;
export const SupervisionStatus = z.enum(SUPERVISION_STATUSES);
export type SupervisionStatus = z.infer<typeof SupervisionStatus>;

const Note = z.string().trim().max(1000);

export const SupervisionCheckEntry = z.strictObject({
  result: SupervisionCheckResult,
  note: Note.nullable().optional(),
});

export const SupervisionChecks = z.strictObject({
  wages: SupervisionCheckEntry,
  socialInsurance: SupervisionCheckEntry,
  housingFund: SupervisionCheckEntry,
  contracts: SupervisionCheckEntry,
});
export type SupervisionChecks = z.infer<typeof SupervisionChecks>;

export const SupervisionFinding = z.strictObject({
  check: SupervisionFindingSubject,
  description: z.string().trim().min(1).max(2000),
});
export type SupervisionFinding = z.infer<typeof SupervisionFinding>;

/**
 * What the inspectors record. Rules the server checks besides the shapes (422 at the field): a
 * rectification deadline with any finding and only then, not before the visit; the visit not in the
 * future; a check marked `finding` has a finding described, and a finding about a check marks it so.
 */
const VisitFields = {
  /** 检查日期. */
  visitedOn: IsoDate,
  /** 检查人员: names, as they sign the record. */
  inspectors: z.array(Name).min(1).max(20),
  schoolOwnership: SchoolOwnership,
  checks: SupervisionChecks,
  findings: z.array(SupervisionFinding).max(50).default([]),
  /** 整改期限. */
  rectifyBy: IsoDate.nullable().optional(),
};

export const CreateSupervisionVisitRequest = z.strictObject({
  /** A school (kind school) in the caller's scope. */
  schoolId: Id,
  ...VisitFields,
});
export type CreateSupervisionVisitRequest = z.infer<typeof CreateSupervisionVisitRequest>;

/** Replaces the visit's record (the school stays); the status follows from the findings. */
export const UpdateSupervisionVisitRequest = z.strictObject({ version: Version, ...VisitFields });
export type UpdateSupervisionVisitRequest = z.infer<typeof UpdateSupervisionVisitRequest>;

/**
 * 整改情况: what the school did. With `rectifiedOn` the visit is rectified (not before the visit, not in
 * the future); without it, the progress is recorded and the visit stays open (reopened if it was closed).
 */
export const SupervisionFollowUpRequest = z.strictObject({
  version: Version,
  result: z.string().trim().min(1).max(2000),
  rectifiedOn: IsoDate.nullable().optional(),
});
export type SupervisionFollowUpRequest = z.infer<typeof SupervisionFollowUpRequest>;

export const SupervisionVisit = z.object({
  id: Id,
  /** The tenant union that made the visit. */
  orgId: Id,
  unionName: z.string(),
  schoolId: Id,
  schoolName: z.string(),
  schoolOwnership: SchoolOwnership,
  visitedOn: IsoDate,
  inspectors: z.array(z.string()),
  checks: z.object({
    wages: z.object({ result: SupervisionCheckResult, note: z.string().nullable() }),
    socialInsurance: z.object({ result: SupervisionCheckResult, note: z.string().nullable() }),
    housingFund: z.object({ result: SupervisionCheckResult, note: z.string().nullable() }),
    contracts: z.object({ result: SupervisionCheckResult, note: z.string().nullable() }),
  }),
  findings: z.array(z.object({ check: SupervisionFindingSubject, description: z.string() })),
  rectifyBy: IsoDate.nullable(),
  status: SupervisionStatus,
  /** Still open past the rectification deadline (today in Asia/Shanghai). */
  overdue: z.boolean(),
  /** Days from today to the deadline while open (negative when passed); null otherwise. */
  daysLeft: z.number().int().nullable(),
  followUpResult: z.string().nullable(),
  rectifiedOn: IsoDate.nullable(),
  followedUpAt: z.string().nullable(),
  followedUpByName: z.string().nullable(),
  createdByName: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: Version,
});
export type SupervisionVisit = z.infer<typeof SupervisionVisit>;
export const SupervisionVisitPage = pageOf(SupervisionVisit);

/** The list's status filter: `open` includes the overdue ones; `overdue` is open past the deadline. */
export const SupervisionStatusFilter = z.enum(['open', 'overdue', 'rectified', 'no_findings']);

export const SUPERVISION_SORTS = ['recent', 'private_first', 'rectify_by'] as const;

export const ListSupervisionVisitsQuery = PageQuery.extend({
  schoolId: Id.optional(),
  status: SupervisionStatusFilter.optional(),
  /** Open visits whose deadline falls within this many days from today (today included). */
  dueWithinDays: z.coerce.number().int().min(0).max(366).optional(),
  ownership: SchoolOwnership.optional(),
  /** recent: newest visit first; private_first: 民办 first, then newest; rectify_by: nearest deadline first. */
  sort: z.enum(SUPERVISION_SORTS).default('recent'),
});
export type ListSupervisionVisitsQuery = z.infer<typeof ListSupervisionVisitsQuery>;

/** A school's supervision record, for its page: every visit, newest first, with the findings. */
export const SchoolSupervisionHistory = z.object({
  schoolId: Id,
  schoolName: z.string(),
  /** As recorded on the latest visit; null before the first. */
  ownership: SchoolOwnership.nullable(),
  openFindings: z.number().int(),
  visits: z.array(SupervisionVisit),
});
export type SchoolSupervisionHistory = z.infer<typeof SchoolSupervisionHistory>;

export const SUPERVISION_ROUTES = {
  listSupervisionVisits: r({
    method: 'get',
    path: '/v1/supervision-visits',
    summary:
      'Labour-law supervision visits of my union (or the province’s unions): by school, status, deadline, ownership',
    tag: 'supervision',
    access: 'supervision.read',
    query: ListSupervisionVisitsQuery,
    response: SupervisionVisitPage,
  }),
  createSupervisionVisit: r({
    method: 'post',
    path: '/v1/supervision-visits',
    summary: 'Record a supervision visit to a school: the four checks, findings, rectification deadline',
    tag: 'supervision',
    access: 'supervision.write',
    body: CreateSupervisionVisitRequest,
    response: SupervisionVisit,
    status: 201,
  }),
  getSupervisionVisit: r({
    method: 'get',
    path: '/v1/supervision-visits/:id',
    summary: 'One supervision visit',
    tag: 'supervision',
    access: 'supervision.read',
    response: SupervisionVisit,
  }),
  updateSupervisionVisit: r({
    method: 'patch',
    path: '/v1/supervision-visits/:id',
    summary: 'Correct a supervision visit’s record (stale version → 409)',
    tag: 'supervision',
    access: 'supervision.write',
    body: UpdateSupervisionVisitRequest,
    response: SupervisionVisit,
  }),
  recordSupervisionFollowUp: r({
    method: 'post',
    path: '/v1/supervision-visits/:id/follow-up',
    summary: 'Record the rectification follow-up; a date rectified closes the visit',
    tag: 'supervision',
    access: 'supervision.write',
    body: SupervisionFollowUpRequest,
    response: SupervisionVisit,
  }),
  schoolSupervisionHistory: r({
    method: 'get',
    path: '/v1/orgs/:id/supervision-visits',
    summary: 'A school’s supervision visits and findings, newest first',
    tag: 'supervision',
    access: 'supervision.read',
    response: SchoolSupervisionHistory,
  }),
} satisfies Record<string, RouteContract>;
