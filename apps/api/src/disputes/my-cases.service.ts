import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { MyCase, SubmitMyCaseRequest } from '@guanai/contracts';
import {
  allowedCaseActions,
  canSubmitCase,
  caseTransition,
  todayInShanghai,
  type HolidayCalendar,
} from '@guanai/domain';
import { AppError, type FieldProblem } from '../common/app-error';
import { RequestContext } from '../common/request-context';
import { AuditService } from '../audit/audit.service';
import { HolidaysService } from '../holidays/holidays.service';
import { JobQueue } from '../jobs/job-queue';
import { sweepCaseDeadlinesSoon } from '../jobs/case-deadline-jobs';
import { teachersRepo } from '../teachers/teachers.repository';
import { disputesRepo, type CaseRow } from './disputes.repository';
import { caseInvalid } from './case-problems';
import { nextDueOn, toMyCase } from './disputes.mapper';
import { applyAction, columnsOf, DisputesService, intakeFacts } from './disputes.service';

/**
 * The applicant teacher's side (求助 / 法律援助): ask for help, follow the case's status and deadlines,
 * withdraw it. A teacher sits at a school and their case belongs to the union, so these queries go through
 * the applicant policy of the dispute tables (the case's rows of the teacher linked to this user), never
 * through a wider scope. Audit events go to the teacher's own school, the chain their scope may write.
 */
@Injectable()
export class MyCasesService {
  constructor(
    private readonly ctx: RequestContext,
    private readonly audit: AuditService,
    private readonly cases: DisputesService,
    private readonly holidays: HolidaysService,
    private readonly jobs: JobQueue,
  ) {}

  private async myTeacher() {
    const row = await teachersRepo.findByLinkedUser(this.ctx.em, this.ctx.principal.userId);
    if (!row) throw new AppError('NO_TEACHER_RECORD');
    return row;
  }

  async list(): Promise<{ items: MyCase[] }> {
    const rows = await disputesRepo.mine(this.ctx.em, this.ctx.principal.userId);
    const today = todayInShanghai();
    const calendar = await this.holidays.calendar(this.ctx.em);
    return { items: rows.map((r) => this.view(r, today, calendar)) };
  }

  async submit(input: SubmitMyCaseRequest): Promise<MyCase> {
    const p = this.ctx.principal;
    if (!canSubmitCase(p.role)) throw new AppError('FORBIDDEN');
    const teacher = await this.myTeacher();
    const em = this.ctx.em;
    const [tenant]: { path: string }[] = await em.query(`SELECT path FROM orgs WHERE id = $1`, [
      teacher.tenant_id,
    ]);
    const problems: FieldProblem[] = [];
    // A registry school named by a teacher: one of their own union's (the teacher sees their own school).
    const respondentName = await this.cases.respondentName(input.respondent, tenant!.path, problems);
    const today = todayInShanghai();
    problems.push(...this.cases.intakeProblems(input, today));
    if (problems.length) throw caseInvalid(problems);
    const id = randomUUID();
    await disputesRepo.insert(
      em,
      {
        id,
        orgId: teacher.tenant_id,
        ...this.cases.sealedIntake(input, respondentName),
        handlerId: null,
        submittedBy: p.userId,
        nextDueOn: nextDueOn({ ...intakeFacts(input), state: 'submitted' }, today, await this.calendar()),
      },
      [teacher.id],
    );
    await disputesRepo.addEvent(em, {
      caseId: id,
      orgId: teacher.tenant_id,
      actorId: p.userId,
      actorName: p.displayName,
      action: 'submit',
      from: null,
      to: 'submitted',
      reason: null,
      details: { selfService: true },
    });
    await this.audit.record({
      orgId: teacher.org_id,
      action: 'case.submit',
      targetType: 'case',
      targetId: id,
      after: { category: input.category },
    });
    await sweepCaseDeadlinesSoon(this.jobs, teacher.tenant_id, id);
    return this.view(await this.require(id), today, await this.calendar());
  }

  async withdraw(id: string, version: number, reason: string | null): Promise<MyCase> {
    const p = this.ctx.principal;
    const teacher = await this.myTeacher();
    const row = await this.require(id, true);
    if (row.version !== version) throw new AppError('STALE_VERSION');
    const result = caseTransition(row.state, 'withdraw', p.role, true);
    if (!result.ok) throw new AppError('CASE_TRANSITION_NOT_ALLOWED', { allowed: result.allowed });
    const today = todayInShanghai();
    const next = applyAction(columnsOf(row), 'withdraw', result.to, {}, p.userId, today);
    next.next_due_on = null;
    await disputesRepo.update(this.ctx.em, id, next);
    await disputesRepo.addEvent(this.ctx.em, {
      caseId: id,
      orgId: row.org_id,
      actorId: p.userId,
      actorName: p.displayName,
      action: 'withdraw',
      from: row.state,
      to: result.to,
      reason,
      details: { selfService: true },
    });
    await this.audit.record({
      orgId: teacher.org_id,
      action: 'case.transition',
      targetType: 'case',
      targetId: id,
      before: { state: row.state },
      after: { state: result.to, action: 'withdraw', selfService: true },
    });
    return this.view(await this.require(id), today, await this.calendar());
  }

  private calendar() {
    return this.holidays.calendar(this.ctx.em);
  }

  private view(r: CaseRow, today: string, calendar: HolidayCalendar): MyCase {
    return toMyCase(r, allowedCaseActions(r.state, this.ctx.principal.role, true), today, calendar);
  }

  private async require(id: string, lock = false): Promise<CaseRow> {
    const [row] = await disputesRepo.mine(this.ctx.em, this.ctx.principal.userId, id, lock);
    if (!row) throw AppError.notFound();
    return row;
  }
}
