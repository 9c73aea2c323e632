import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type {
  AddLegalAidAssignmentRequest,
  CaseLegalAid,
  LegalAidAssignment,
  UpdateLegalAidAssignmentRequest,
} from '@guanai/contracts';
import { todayInShanghai } from '@guanai/domain';
import { isUniqueViolation } from '@guanai/db';
import { AppError, type FieldProblem } from '../common/app-error';
import { RequestContext } from '../common/request-context';
import { AuditService } from '../audit/audit.service';
import { addCaseEvent, FINISHED_STATES, invalid, requireCase, type CaseLink } from './case-link';
import { assignmentsRepo, type AssignmentColumns, type AssignmentRow } from './assignments.repository';

const iso = (d: Date) => new Date(d).toISOString();

function toView(r: AssignmentRow): LegalAidAssignment {
  return {
    id: r.id,
    caseId: r.case_id,
    providerId: r.provider_id,
    providerName: r.provider_name,
    providerKind: r.provider_kind,
    providerOrganisation: r.provider_organisation,
    role: r.role,
    assignedOn: r.assigned_on,
    endedOn: r.ended_on,
    minutes: r.minutes,
    costFen: Number(r.cost_fen),
    notes: r.notes,
    createdByName: r.created_by_name,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
    version: r.version,
  };
}

/** Two handlers assigning the same entry at once: the second meets the unique index, and hears why. */
async function alreadyAssignedOnRace<T>(write: Promise<T>): Promise<T> {
  try {
    return await write;
  } catch (e) {
    if (isUniqueViolation(e, 'legal_aid_assignments_open')) throw new AppError('LEGAL_AID_ALREADY_ASSIGNED');
    throw e;
  }
}

/** What the timeline and the audit log show of an assignment: no notes. */
function shown(c: AssignmentColumns) {
  return {
    role: c.role,
    assignedOn: c.assigned_on,
    endedOn: c.ended_on,
    minutes: c.minutes,
    costFen: c.cost_fen,
  };
}

/** Dates of an assignment: not in the future, and it ends no earlier than it began. */
function dateProblems(c: AssignmentColumns, today: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (c.assigned_on > today) problems.push({ path: 'body.assignedOn', code: 'DATE_IN_FUTURE' });
  if (c.ended_on !== null && c.ended_on > today)
    problems.push({ path: 'body.endedOn', code: 'DATE_IN_FUTURE' });
  else if (c.ended_on !== null && c.ended_on < c.assigned_on)
    problems.push({ path: 'body.endedOn', code: 'LEGAL_AID_ENDED_BEFORE_ASSIGNED' });
  return problems;
}

/**
 * A case's legal aid: who of the roster helps the teacher, in what role, from when to when, the time
 * spent (whole minutes) and the cost (integer fen). Each change lands on the case's timeline and in the
 * audit log.
 */
@Injectable()
export class LegalAidAssignmentsService {
  constructor(
    private readonly ctx: RequestContext,
    private readonly audit: AuditService,
  ) {}

  async list(caseId: string): Promise<CaseLegalAid> {
    await requireCase(this.ctx.em, this.ctx.principal.orgPath, caseId);
    const items = (await assignmentsRepo.ofCase(this.ctx.em, caseId)).map(toView);
    return {
      caseId,
      items,
      totals: {
        minutes: items.reduce((s, a) => s + a.minutes, 0),
        costFen: items.reduce((s, a) => s + a.costFen, 0),
      },
    };
  }

  async add(caseId: string, input: AddLegalAidAssignmentRequest): Promise<LegalAidAssignment> {
    const em = this.ctx.em;
    const p = this.ctx.principal;
    const c = await requireCase(em, p.orgPath, caseId, true);
    if (FINISHED_STATES.includes(c.state)) throw new AppError('LEGAL_AID_CASE_CLOSED');
    const cols: AssignmentColumns = {
      role: input.role,
      assigned_on: input.assignedOn,
      ended_on: input.endedOn ?? null,
      minutes: input.minutes,
      cost_fen: input.costFen,
      notes: input.notes || null,
    };
    // Unknown and not serving this union answer alike: the union cannot tell another's entries exist.
    const provider = await assignmentsRepo.provider(em, c.org_id, input.providerId);
    const problems: FieldProblem[] = [];
    if (!provider) problems.push({ path: 'body.providerId', code: 'LEGAL_AID_PROVIDER_NOT_SERVING' });
    else if (!provider.active)
      problems.push({ path: 'body.providerId', code: 'LEGAL_AID_PROVIDER_INACTIVE' });
    problems.push(...dateProblems(cols, todayInShanghai()));
    if (problems.length) throw invalid(problems);
    if (cols.ended_on === null && (await assignmentsRepo.openOther(em, caseId, provider!.id, null)))
      throw new AppError('LEGAL_AID_ALREADY_ASSIGNED');

    const id = randomUUID();
    await alreadyAssignedOnRace(
      assignmentsRepo.insert(em, {
        ...cols,
        id,
        orgId: c.org_id,
        caseId,
        provider: provider!,
        createdBy: p.userId,
        createdByName: p.displayName,
      }),
    );
    const details = {
      assignmentId: id,
      providerId: provider!.id,
      providerName: provider!.name,
      ...shown(cols),
    };
    await this.record(c, 'legal_aid_assigned', 'case.legal_aid.assign', id, undefined, details);
    return toView((await assignmentsRepo.find(em, caseId, id))!);
  }

  async update(
    caseId: string,
    id: string,
    input: UpdateLegalAidAssignmentRequest,
  ): Promise<LegalAidAssignment> {
    const em = this.ctx.em;
    const c = await requireCase(em, this.ctx.principal.orgPath, caseId, true);
    const row = await assignmentsRepo.find(em, caseId, id, true);
    if (!row) throw AppError.notFound();
    if (row.version !== input.version) throw new AppError('STALE_VERSION');
    const before: AssignmentColumns = {
      role: row.role,
      assigned_on: row.assigned_on,
      ended_on: row.ended_on,
      minutes: row.minutes,
      cost_fen: Number(row.cost_fen),
      notes: row.notes,
    };
    const next = { ...before };
    if (input.role !== undefined) next.role = input.role;
    if (input.assignedOn !== undefined) next.assigned_on = input.assignedOn;
    if (input.endedOn !== undefined) next.ended_on = input.endedOn;
    if (input.minutes !== undefined) next.minutes = input.minutes;
    if (input.costFen !== undefined) next.cost_fen = input.costFen;
    if (input.notes !== undefined) next.notes = input.notes || null;
    const problems = dateProblems(next, todayInShanghai());
    if (problems.length) throw invalid(problems);
    if (next.ended_on === null && (await assignmentsRepo.openOther(em, caseId, row.provider_id, id)))
      throw new AppError('LEGAL_AID_ALREADY_ASSIGNED');
    if (!(await alreadyAssignedOnRace(assignmentsRepo.update(em, id, row.version, next))))
      throw new AppError('STALE_VERSION');
    await this.record(c, 'legal_aid_updated', 'case.legal_aid.update', id, before, {
      assignmentId: id,
      providerName: row.provider_name,
      ...shown(next),
    });
    return toView((await assignmentsRepo.find(em, caseId, id))!);
  }

  /** The timeline entry (what the handlers read on the case) and the audit event. */
  private async record(
    c: CaseLink,
    event: string,
    action: string,
    id: string,
    before: AssignmentColumns | undefined,
    details: Record<string, unknown>,
  ) {
    await addCaseEvent(this.ctx.em, c, this.ctx.principal, event, details);
    await this.audit.record({
      orgId: c.org_id,
      action,
      targetType: 'legal_aid_assignment',
      targetId: id,
      ...(before ? { before: shown(before) } : {}),
      after: { caseId: c.id, ...details },
    });
  }
}
