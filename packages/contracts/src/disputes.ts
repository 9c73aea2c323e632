import { z } from 'zod';
import { Id, PageQuery, Version, pageOf } from './common';
import { Fen } from './care-records';
import { IsoDate } from './teachers';

// Labour and personnel dispute cases (劳动人事争议维权案件, issue 6). The workflow's rules (states, who
// may take which action, what each action records, the statutory deadlines) live in packages/domain;
// these are the shapes on the wire. The lists below are the source of the domain's CASE_STATES,
// CASE_ACTIONS and CASE_OUTCOMES (contracts cannot import domain, domain imports these).

export const DISPUTE_CASE_STATES = [
  'submitted',
  'accepted',
  'declined',
  'mediation',
  'settled',
  'mediation_failed',
  'arbitration',
  'litigation',
  'closed',
  'withdrawn',
] as const;
export const DisputeCaseState = z.enum(DISPUTE_CASE_STATES);

export const DISPUTE_CASE_ACTIONS = [
  'accept',
  'decline',
  'start_mediation',
  'settle',
  'fail_mediation',
  'start_arbitration',
  'start_litigation',
  'close',
  'withdraw',
] as const;
export const DisputeCaseAction = z.enum(DISPUTE_CASE_ACTIONS);

/** upheld 全部支持, partly_upheld 部分支持, dismissed 驳回, settled 和解/调解结案, other. */
export const DISPUTE_CASE_OUTCOMES = ['upheld', 'partly_upheld', 'dismissed', 'settled', 'other'] as const;
export const DisputeCaseOutcome = z.enum(DISPUTE_CASE_OUTCOMES);

/** 欠薪, 社保公积金, 解除或辞退, 工时休假, 聘任/职称/考核, 处分, 其他. */
export const DISPUTE_CATEGORIES = [
  'wage_arrears',
  'social_insurance_housing_fund',
  'termination_dismissal',
  'hours_leave',
  'appointment_title_evaluation',
  'discipline',
  'other',
] as const;
export const DisputeCategory = z.enum(DISPUTE_CATEGORIES);

/** Who the claim is against: a school of the registry, a private school or an outside employer by name. */
export const Respondent = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('registry_school'), orgId: Id }),
  z.strictObject({ kind: z.literal('private_school'), name: z.string().trim().min(1).max(200) }),
  z.strictObject({ kind: z.literal('outside_employer'), name: z.string().trim().min(1).max(200) }),
]);
export type Respondent = z.infer<typeof Respondent>;

const CaseText = z.string().trim().max(10_000);

/** What the teacher (or the handler for them) tells: the claim and the facts, sealed at rest. */
const IntakeFields = {
  category: DisputeCategory,
  respondent: Respondent,
  /** 主张金额, integer fen. */
  claimedFen: Fen.default(0),
  /** Claims besides money (reinstatement, a contract signed, a title reviewed). Sealed. */
  otherClaims: CaseText.nullable().optional(),
  /** The facts as told. Sealed. */
  facts: CaseText.min(1),
  /** 知道或者应当知道权利被侵害之日: starts the one-year limitation; not in the future. */
  knewOn: IsoDate,
  /** Wages still owed in a continuing job: no limitation until the job ends (劳动争议调解仲裁法 第二十七条第四款). */
  wageArrearsOngoing: z.boolean().default(false),
};

export const CreateCaseRequest = z.strictObject({
  ...IntakeFields,
  /** The applicant teachers (申请人), each in the handler's scope. */
  applicantTeacherIds: z.array(Id).min(1).max(50),
});
export type CreateCaseRequest = z.infer<typeof CreateCaseRequest>;

/** A teacher asking for help (求助 / 法律援助): they are the applicant. */
export const SubmitMyCaseRequest = z.strictObject(IntakeFields);
export type SubmitMyCaseRequest = z.infer<typeof SubmitMyCaseRequest>;

export const CaseTransitionRequest = z.strictObject({
  version: Version,
  action: DisputeCaseAction,
  /** Why: required to decline; recorded for every action. */
  reason: z.string().trim().max(2000).nullable().optional(),
  /** Who mediates (调解员 or the mediation organisation): required to start mediation. */
  mediatorName: z.string().trim().max(100).nullable().optional(),
  /** When it happened: mediation applied for, agreement, mediation ended, arbitration applied for, suit filed. */
  on: IsoDate.nullable().optional(),
  outcome: DisputeCaseOutcome.nullable().optional(),
  /** Integer fen; required to close. */
  amountRecoveredFen: Fen.nullable().optional(),
  /**
   * Settling: the day the agreement is to be performed by (协议履行期限), not before the agreement. It
   * becomes a deadline of the case (warned like the handler's own), marked done once performed.
   */
  performanceDueOn: IsoDate.nullable().optional(),
});
export type CaseTransitionRequest = z.infer<typeof CaseTransitionRequest>;

export const WithdrawMyCaseRequest = z.strictObject({
  version: Version,
  reason: z.string().trim().max(2000).nullable().optional(),
});

export const AssignCaseHandlerRequest = z.strictObject({
  version: Version,
  handlerId: Id,
  reason: z.string().trim().max(2000).nullable().optional(),
});
export type AssignCaseHandlerRequest = z.infer<typeof AssignCaseHandlerRequest>;

export const CaseHandlerList = z.object({
  items: z.array(z.object({ id: Id, name: z.string(), role: z.enum(['tenant_admin', 'case_handler']) })),
});
export type CaseHandlerList = z.infer<typeof CaseHandlerList>;

/** Teachers a handler may name as applicants, found by name (a handler holds no teacher.read). */
export const CaseApplicantCandidatesQuery = z.strictObject({ q: z.string().trim().min(1).max(50) });
export const CaseApplicantCandidates = z.object({
  items: z.array(z.object({ id: Id, name: z.string(), orgName: z.string(), idNumberMasked: z.string() })),
});
export type CaseApplicantCandidates = z.infer<typeof CaseApplicantCandidates>;

export const CustomDeadlineInput = z.strictObject({
  id: z.string().trim().min(1).max(40),
  label: z.string().trim().min(1).max(100),
  due: IsoDate,
  warnDaysBefore: z.array(z.number().int().min(0).max(366)).max(10).optional(),
  doneOn: IsoDate.nullable().optional(),
});

/** The dated facts of arbitration the workflow's actions do not carry, and the handler's own deadlines. */
export const UpdateCaseFactsRequest = z.strictObject({
  version: Version,
  /** 受理日: the award period runs from it. null clears it. */
  arbitrationAcceptedOn: IsoDate.nullable().optional(),
  /** 延长: 1–15 days (第四十三条). null clears it. */
  awardExtensionDays: z.number().int().min(1).max(15).nullable().optional(),
  awardOn: IsoDate.nullable().optional(),
  customDeadlines: z.array(CustomDeadlineInput).max(30).optional(),
});
export type UpdateCaseFactsRequest = z.infer<typeof UpdateCaseFactsRequest>;

export const CaseDeadlineView = z.object({
  key: z.string(),
  kind: z.enum(['mediation', 'limitation', 'award', 'custom']),
  clause: z.string().nullable(),
  label: z.string().nullable(),
  start: IsoDate.nullable(),
  nominalDue: IsoDate,
  due: IsoDate,
  daysLeft: z.number().int(),
  closedOn: IsoDate.nullable(),
  passed: z.boolean(),
  warnings: z.array(z.object({ daysBefore: z.number().int(), on: IsoDate })),
  /** The holiday calendar has no arrangement for that year: weekends only were counted. */
  provisional: z.boolean(),
});
export type CaseDeadlineView = z.infer<typeof CaseDeadlineView>;

export const CaseDeadlines = z.object({ caseId: Id, today: IsoDate, deadlines: z.array(CaseDeadlineView) });
export type CaseDeadlines = z.infer<typeof CaseDeadlines>;

export const CaseApplicant = z.object({ teacherId: Id, name: z.string(), orgName: z.string() });

export const RespondentView = z.object({
  kind: z.enum(['registry_school', 'private_school', 'outside_employer']),
  orgId: Id.nullable(),
  name: z.string(),
});

/** A case in a list: no facts or claims, only what a handler needs to triage. */
export const CaseSummary = z.object({
  id: Id,
  orgId: Id,
  state: DisputeCaseState,
  category: DisputeCategory,
  applicants: z.array(CaseApplicant),
  respondent: RespondentView,
  claimedFen: z.number().int(),
  knewOn: IsoDate,
  handlerId: Id.nullable(),
  handlerName: z.string().nullable(),
  /** The earliest deadline still running (its act not yet done), null when none. */
  nextDueOn: IsoDate.nullable(),
  /** That deadline has gone by. */
  overdue: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: Version,
});
export type CaseSummary = z.infer<typeof CaseSummary>;
export const CaseSummaryPage = pageOf(CaseSummary);

export const CaseEvent = z.object({
  id: Id,
  action: z.string(),
  fromState: DisputeCaseState.nullable(),
  toState: DisputeCaseState,
  reason: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
  actorId: Id.nullable(),
  actorName: z.string().nullable(),
  at: z.string(),
});

/** An opened case: the facts and claims in clear (the open is audited), the timeline and what may happen next. */
export const DisputeCase = CaseSummary.extend({
  facts: z.string(),
  otherClaims: z.string().nullable(),
  wageArrearsOngoing: z.boolean(),
  mediatorName: z.string().nullable(),
  mediationAppliedOn: IsoDate.nullable(),
  mediationEndedOn: IsoDate.nullable(),
  arbitrationAppliedOn: IsoDate.nullable(),
  arbitrationAcceptedOn: IsoDate.nullable(),
  awardExtensionDays: z.number().int().nullable(),
  awardOn: IsoDate.nullable(),
  litigationFiledOn: IsoDate.nullable(),
  outcome: DisputeCaseOutcome.nullable(),
  amountRecoveredFen: z.number().int().nullable(),
  closedOn: IsoDate.nullable(),
  customDeadlines: z.array(CustomDeadlineInput),
  /** Actions the caller may take now, in workflow order. */
  allowedActions: z.array(DisputeCaseAction),
  events: z.array(CaseEvent),
});
export type DisputeCase = z.infer<typeof DisputeCase>;

export const ListCasesQuery = PageQuery.extend({
  state: DisputeCaseState.optional(),
  category: DisputeCategory.optional(),
  handlerId: Id.optional(),
  /** Cases whose next deadline falls within this many days from today (today included). */
  deadlineWithinDays: z.coerce.number().int().min(0).max(366).optional(),
  /** Only cases whose next deadline has passed (true) or has not (false). */
  overdue: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});
export type ListCasesQuery = z.infer<typeof ListCasesQuery>;

/** The applicant teacher's own view: status and deadlines, never the handler's notes. */
export const MyCase = z.object({
  id: Id,
  state: DisputeCaseState,
  category: DisputeCategory,
  respondentName: z.string(),
  claimedFen: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** The teacher may withdraw while the case is open. */
  allowedActions: z.array(DisputeCaseAction),
  deadlines: z.array(CaseDeadlineView),
  version: Version,
});
export type MyCase = z.infer<typeof MyCase>;
export const MyCaseList = z.object({ items: z.array(MyCase) });
