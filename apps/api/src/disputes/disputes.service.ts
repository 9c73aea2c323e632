import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { ListTeachersQuery } from '@guanai/contracts';
import type {
  AssignCaseHandlerRequest,
  CaseApplicantCandidates,
  CaseDeadlines,
  CaseHandlerList,
  CaseSummary,
  CaseTransitionRequest,
  CreateCaseRequest,
  DisputeCase,
  ListCasesQuery,
  Page,
  Respondent,
  UpdateCaseFactsRequest,
} from '@guanai/contracts';
import {
  allowedCaseActions,
  caseTransition,
  checkDeadlineFacts,
  checkTransitionDetails,
  todayInShanghai,
  type CaseAction,
  type CaseState,
} from '@guanai/domain';
import { FieldCipher } from '@guanai/db';
import { AppError, type FieldProblem } from '../common/app-error';
import { RequestContext } from '../common/request-context';
import { AuditService } from '../audit/audit.service';
import { HolidaysService } from '../holidays/holidays.service';
import { JobQueue } from '../jobs/job-queue';
import { sweepCaseDeadlinesSoon } from '../jobs/case-deadline-jobs';
import { TeachersService } from '../teachers/teachers.service';
import { disputesRepo, type CaseColumns, type CaseRow } from './disputes.repository';
import { caseInvalid, detailProblems, factProblems } from './case-problems';
import {
  deadlineFactsOf,
  deadlinesOf,
  nextDueOn,
  toCaseSummary,
  toDeadlineView,
  toDisputeCase,
} from './disputes.mapper';

/** The deadline a settlement's performance date becomes (the handler marks it done once performed). */
export const PERFORMANCE_DEADLINE = 'agreement-performance';

/** The columns a write carries over from the row it changes. */
export function columnsOf(r: CaseRow): CaseColumns {
  return {
    state: r.state,
    handler_id: r.handler_id,
    mediator_name: r.mediator_name,
    mediation_applied_on: r.mediation_applied_on,
    mediation_ended_on: r.mediation_ended_on,
    arbitration_applied_on: r.arbitration_applied_on,
    arbitration_accepted_on: r.arbitration_accepted_on,
    award_extension_days: r.award_extension_days,
    award_on: r.award_on,
    litigation_filed_on: r.litigation_filed_on,
    outcome: r.outcome,
    recovered_fen: r.recovered_fen === null ? null : Number(r.recovered_fen),
    closed_on: r.closed_on,
    custom_deadlines: r.custom_deadlines ?? [],
    next_due_on: r.next_due_on,
  };
}

/** What an action records on the case besides its state (the dates feed the deadlines; next_due_on is the caller's, once they are checked). */
export function applyAction(
  before: CaseColumns,
  action: CaseAction,
  to: CaseState,
  input: {
    mediatorName?: string | null;
    on?: string | null;
    outcome?: string | null;
    amountRecoveredFen?: number | null;
    performanceDueOn?: string | null;
  },
  actorId: string,
  today: string,
): CaseColumns {
  const next: CaseColumns = { ...before, state: to };
  const on = input.on ?? null;
  if (action === 'accept') next.handler_id = before.handler_id ?? actorId;
  if (action === 'start_mediation')
    Object.assign(next, { mediator_name: input.mediatorName?.trim() ?? null, mediation_applied_on: on });
  if (action === 'settle' || action === 'fail_mediation') next.mediation_ended_on = on;
  if (action === 'settle' && input.performanceDueOn)
    next.custom_deadlines = [
      ...before.custom_deadlines.filter((d) => d.id !== PERFORMANCE_DEADLINE),
      { id: PERFORMANCE_DEADLINE, label: '调解协议履行期限', due: input.performanceDueOn },
    ];
  if (action === 'start_arbitration') next.arbitration_applied_on = on;
  if (action === 'start_litigation') next.litigation_filed_on = on;
  if (action === 'close')
    Object.assign(next, { outcome: input.outcome, recovered_fen: input.amountRecoveredFen });
  if (action === 'close' || action === 'decline' || action === 'withdraw') next.closed_on = today;
  return next;
}

/** Dispute cases on the handlers' side (维权专员 and the union administrator): intake, list, open, workflow. */
@Injectable()
export class DisputesService {
  constructor(
    private readonly ctx: RequestContext,
    private readonly cipher: FieldCipher,
    private readonly audit: AuditService,
    private readonly holidays: HolidaysService,
    private readonly jobs: JobQueue,
    private readonly teachers: TeachersService,
  ) {}

  private get scope() {
    return this.ctx.principal.orgPath;
  }

  async list(q: ListCasesQuery): Promise<Page<CaseSummary>> {
    const today = todayInShanghai();
    const { items, total } = await disputesRepo.page(this.ctx.em, this.scope, q, today);
    return { items: items.map((r) => toCaseSummary(r, today)), total, page: q.page, pageSize: q.pageSize };
  }

  async create(input: CreateCaseRequest): Promise<DisputeCase> {
    const em = this.ctx.em;
    const p = this.ctx.principal;
    const problems: FieldProblem[] = [];
    const teachers: { id: string }[] = await em.query(
      `SELECT t.id FROM teachers t JOIN orgs o ON o.id = t.org_id WHERE t.id = ANY($1::uuid[]) AND starts_with(o.path, $2)`,
      [input.applicantTeacherIds, this.scope],
    );
    const found = new Set(teachers.map((t) => t.id));
    input.applicantTeacherIds.forEach((id, i) => {
      if (!found.has(id))
        problems.push({ path: `body.applicantTeacherIds.${i}`, code: 'CASE_APPLICANT_NOT_IN_SCOPE' });
    });
    const respondentName = await this.respondentName(input.respondent, this.scope, problems);
    const today = todayInShanghai();
    problems.push(...this.intakeProblems(input, today));
    if (problems.length) throw caseInvalid(problems);

    const orgId = await this.tenantOf(p.orgId);
    const id = randomUUID();
    await disputesRepo.insert(
      em,
      {
        id,
        orgId,
        ...this.sealedIntake(input, respondentName),
        handlerId: p.userId,
        submittedBy: p.userId,
        nextDueOn: nextDueOn({ ...intakeFacts(input), state: 'submitted' }, today, await this.calendar()),
      },
      [...found],
    );
    await disputesRepo.addEvent(em, {
      caseId: id,
      orgId,
      actorId: p.userId,
      actorName: p.displayName,
      action: 'submit',
      from: null,
      to: 'submitted',
      reason: null,
      details: { applicants: input.applicantTeacherIds.length },
    });
    // Ids and the category only: the facts and claims never reach the audit log.
    await this.audit.record({
      orgId,
      action: 'case.create',
      targetType: 'case',
      targetId: id,
      after: { category: input.category, applicants: [...found] },
    });
    await sweepCaseDeadlinesSoon(this.jobs, orgId, id);
    return this.view(await this.require(id));
  }

  /** Opens a case with its facts and claims in clear: every open is audited. */
  async open(id: string): Promise<DisputeCase> {
    const row = await this.require(id);
    await this.audit.record({ orgId: row.org_id, action: 'case.open', targetType: 'case', targetId: id });
    return this.view(row);
  }

  async deadlines(id: string): Promise<CaseDeadlines> {
    const row = await this.require(id);
    const today = todayInShanghai();
    const calendar = await this.calendar();
    return { caseId: id, today, deadlines: deadlinesOf(row, today, calendar).map(toDeadlineView) };
  }

  async transition(id: string, input: CaseTransitionRequest): Promise<DisputeCase> {
    const p = this.ctx.principal;
    const row = await this.require(id, true);
    if (row.version !== input.version) throw new AppError('STALE_VERSION');
    const result = caseTransition(row.state, input.action, p.role, false);
    if (!result.ok)
      throw new AppError(
        result.reason === 'skips_mediation' ? 'CASE_SKIPS_MEDIATION' : 'CASE_TRANSITION_NOT_ALLOWED',
        {
          allowed: result.allowed,
        },
      );
    const today = todayInShanghai();
    const details = { ...input, mediatorId: input.mediatorName };
    const problems = detailProblems(checkTransitionDetails(input.action, details, today));
    if (
      input.performanceDueOn &&
      (input.action !== 'settle' || (input.on && input.performanceDueOn < input.on))
    )
      problems.push({ path: 'body.performanceDueOn', code: 'CASE_DATE_OUT_OF_ORDER' });
    if (problems.length) throw caseInvalid(problems);
    const next = applyAction(columnsOf(row), input.action, result.to, input, p.userId, today);
    const factIssues = factProblems(checkDeadlineFacts(deadlineFactsOf({ ...row, ...next }), today));
    if (factIssues.length) throw caseInvalid(factIssues);
    next.next_due_on = nextDueOn({ ...row, ...next }, today, await this.calendar());
    await this.write(row, next, input.action, input.reason ?? null, {
      ...(input.mediatorName ? { mediatorName: input.mediatorName } : {}),
      ...(input.on ? { on: input.on } : {}),
      ...(input.outcome ? { outcome: input.outcome } : {}),
      ...(input.amountRecoveredFen !== undefined && input.amountRecoveredFen !== null
        ? { amountRecoveredFen: input.amountRecoveredFen }
        : {}),
      ...(input.performanceDueOn ? { performanceDueOn: input.performanceDueOn } : {}),
    });
    return this.view(await this.require(id));
  }

  async updateFacts(id: string, input: UpdateCaseFactsRequest): Promise<DisputeCase> {
    const row = await this.require(id, true);
    if (row.version !== input.version) throw new AppError('STALE_VERSION');
    const next = columnsOf(row);
    if (input.arbitrationAcceptedOn !== undefined) next.arbitration_accepted_on = input.arbitrationAcceptedOn;
    if (input.awardExtensionDays !== undefined) next.award_extension_days = input.awardExtensionDays;
    if (input.awardOn !== undefined) next.award_on = input.awardOn;
    if (input.customDeadlines !== undefined) next.custom_deadlines = input.customDeadlines;
    const today = todayInShanghai();
    const problems: FieldProblem[] = [];
    // Acceptance and award belong to an arbitration applied for (start_arbitration records its date).
    const arbitrationFacts = [input.arbitrationAcceptedOn, input.awardExtensionDays, input.awardOn].some(
      (v) => v !== undefined && v !== null,
    );
    if (arbitrationFacts && !row.arbitration_applied_on)
      problems.push({ path: 'body.arbitrationAcceptedOn', code: 'CASE_DATE_OUT_OF_ORDER' });
    problems.push(...factProblems(checkDeadlineFacts(deadlineFactsOf({ ...row, ...next }), today)));
    if (problems.length) throw caseInvalid(problems);
    next.next_due_on = nextDueOn({ ...row, ...next }, today, await this.calendar());
    await this.write(row, next, 'update_facts', null, {
      arbitrationAcceptedOn: next.arbitration_accepted_on,
      awardExtensionDays: next.award_extension_days,
      awardOn: next.award_on,
      customDeadlines: next.custom_deadlines.length,
    });
    return this.view(await this.require(id));
  }

  /** Hands the case to another handler: an active case handler or administrator of the case's union. */
  async assignHandler(id: string, input: AssignCaseHandlerRequest): Promise<DisputeCase> {
    const row = await this.require(id, true);
    if (row.version !== input.version) throw new AppError('STALE_VERSION');
    const [handler]: { id: string; display_name: string }[] = await this.ctx.em.query(
      `SELECT id, display_name FROM users
        WHERE id = $1 AND org_id = $2 AND status = 'active' AND role IN ('case_handler', 'tenant_admin')`,
      [input.handlerId, row.org_id],
    );
    if (!handler) throw caseInvalid([{ path: 'body.handlerId', code: 'CASE_HANDLER_INVALID' }]);
    const next = { ...columnsOf(row), handler_id: handler.id };
    await this.write(row, next, 'assign_handler', input.reason ?? null, {
      handlerId: handler.id,
      handlerName: handler.display_name,
      ...(row.handler_id ? { previousHandlerId: row.handler_id } : {}),
    });
    return this.view(await this.require(id));
  }

  /**
   * Teachers of the caller's scope by name, any status (a retired teacher may still claim), with only
   * what tells namesakes apart: the registry itself stays with those who hold teacher.read.
   */
  async applicantCandidates(q: string): Promise<CaseApplicantCandidates> {
    const page = await this.teachers.list(ListTeachersQuery.parse({ q, pageSize: 20, sort: 'name' }));
    return {
      items: page.items.map((t) => ({
        id: t.id,
        name: t.name,
        orgName: t.orgName,
        idNumberMasked: t.idNumberMasked,
      })),
    };
  }

  /** Who may be given the caller's union's cases. */
  async handlers(): Promise<CaseHandlerList> {
    const tenantId = await this.tenantOf(this.ctx.principal.orgId);
    const rows: { id: string; name: string; role: 'tenant_admin' | 'case_handler' }[] =
      await this.ctx.em.query(
        `SELECT id, display_name AS name, role FROM users
        WHERE org_id = $1 AND status = 'active' AND role IN ('case_handler', 'tenant_admin')
        ORDER BY role DESC, display_name`,
        [tenantId],
      );
    return { items: rows };
  }

  private async tenantOf(orgId: string): Promise<string> {
    const [{ tenant_id }]: { tenant_id: string }[] = await this.ctx.em.query(
      `SELECT coalesce(tenant_id, id) AS tenant_id FROM orgs WHERE id = $1`,
      [orgId],
    );
    return tenant_id;
  }

  /** Saves the change, its event on the timeline and the audit event (ids, states and dates only). */
  private async write(
    row: CaseRow,
    next: CaseColumns,
    action: string,
    reason: string | null,
    details: Record<string, unknown>,
  ) {
    const p = this.ctx.principal;
    await disputesRepo.update(this.ctx.em, row.id, next);
    await disputesRepo.addEvent(this.ctx.em, {
      caseId: row.id,
      orgId: row.org_id,
      actorId: p.userId,
      actorName: p.displayName,
      action,
      from: row.state,
      to: next.state,
      reason,
      details,
    });
    await this.audit.record({
      orgId: row.org_id,
      action:
        action === 'update_facts'
          ? 'case.update_facts'
          : action === 'assign_handler'
            ? 'case.assign_handler'
            : 'case.transition',
      targetType: 'case',
      targetId: row.id,
      before: { state: row.state },
      after: { state: next.state, action, ...details },
    });
    await sweepCaseDeadlinesSoon(this.jobs, row.org_id, row.id);
  }

  private calendar() {
    return this.holidays.calendar(this.ctx.em);
  }

  private async view(row: CaseRow): Promise<DisputeCase> {
    const events = await disputesRepo.events(this.ctx.em, row.id);
    const clear = {
      facts: this.cipher.decrypt(row.facts_enc),
      otherClaims: row.claims_enc ? this.cipher.decrypt(row.claims_enc) : null,
    };
    const allowed = allowedCaseActions(row.state, this.ctx.principal.role, false);
    return toDisputeCase(row, clear, events, allowed, todayInShanghai());
  }

  private async require(id: string, lock = false): Promise<CaseRow> {
    const row = await disputesRepo.find(this.ctx.em, this.scope, id, lock);
    if (!row) throw AppError.notFound();
    return row;
  }

  /** The intake's own checks: the knowledge date not in the future (and a real date). */
  intakeProblems(
    input: Pick<CreateCaseRequest, 'knewOn' | 'wageArrearsOngoing'>,
    today: string,
  ): FieldProblem[] {
    return factProblems(checkDeadlineFacts(deadlineFactsOf(intakeFacts(input)), today));
  }

  /** The respondent's display name; a registry school must be a school or department in `scope`. */
  async respondentName(respondent: Respondent, scope: string, problems: FieldProblem[]): Promise<string> {
    if (respondent.kind !== 'registry_school') return respondent.name;
    const [org]: { name: string }[] = await this.ctx.em.query(
      `SELECT name FROM orgs WHERE id = $1 AND kind IN ('school', 'department') AND starts_with(path, $2)`,
      [respondent.orgId, scope],
    );
    if (!org) problems.push({ path: 'body.respondent.orgId', code: 'CASE_RESPONDENT_NOT_A_SCHOOL' });
    return org?.name ?? '';
  }

  /** The intake's columns, facts and claims sealed. */
  sealedIntake(input: Omit<CreateCaseRequest, 'applicantTeacherIds'>, respondentName: string) {
    const r = input.respondent;
    return {
      category: input.category,
      respondentKind: r.kind,
      respondentOrgId: r.kind === 'registry_school' ? r.orgId : null,
      respondentName,
      claimedFen: input.claimedFen,
      claimsEnc: input.otherClaims ? this.cipher.encrypt(input.otherClaims) : null,
      factsEnc: this.cipher.encrypt(input.facts),
      knewOn: input.knewOn,
      wageArrearsOngoing: input.wageArrearsOngoing,
    };
  }
}

/** The facts of a case just taken in: the knowledge date only. */
export function intakeFacts(input: Pick<CreateCaseRequest, 'knewOn' | 'wageArrearsOngoing'>) {
  return {
    knew_on: input.knewOn,
    wage_arrears_ongoing: input.wageArrearsOngoing,
    mediation_applied_on: null,
    mediation_ended_on: null,
    arbitration_applied_on: null,
    arbitration_accepted_on: null,
    award_extension_days: null,
    award_on: null,
    custom_deadlines: [],
  };
}
