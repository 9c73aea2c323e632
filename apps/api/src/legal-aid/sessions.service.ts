import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type {
  AddCaseSessionRequest,
  CaseSession,
  CaseSessionKind,
  CaseSessionList,
  UpdateCaseSessionRequest,
} from '@guanai/contracts';
import { FieldCipher } from '@guanai/db';
import { AppError } from '../common/app-error';
import { RequestContext } from '../common/request-context';
import { AuditService } from '../audit/audit.service';
import { addCaseEvent, invalid, requireCase, type CaseLink } from './case-link';
import { allowedSessionKinds, checkSessionDate } from './session-stage';
import { sessionsRepo, type SessionColumns, type SessionRow } from './sessions.repository';

const iso = (d: Date) => new Date(d).toISOString();

/**
 * A case's mediation sessions and hearings (调解会、仲裁庭审、法院庭审), each within the stage it belongs to
 * (session-stage.ts). Participants and results are sealed at rest; listing them in clear is audited.
 */
@Injectable()
export class CaseSessionsService {
  constructor(
    private readonly ctx: RequestContext,
    private readonly cipher: FieldCipher,
    private readonly audit: AuditService,
  ) {}

  async list(caseId: string): Promise<CaseSessionList> {
    const c = await requireCase(this.ctx.em, this.ctx.principal.orgPath, caseId);
    const rows = await sessionsRepo.ofCase(this.ctx.em, caseId);
    if (rows.some((r) => r.participants_enc || r.result_enc))
      await this.audit.record({
        orgId: c.org_id,
        action: 'case.sessions.read',
        targetType: 'case',
        targetId: caseId,
        after: { sessions: rows.length },
      });
    return { caseId, items: rows.map((r) => this.view(r)), allowedKinds: allowedSessionKinds(c) };
  }

  async add(caseId: string, input: AddCaseSessionRequest): Promise<CaseSession> {
    const em = this.ctx.em;
    const p = this.ctx.principal;
    const c = await requireCase(em, p.orgPath, caseId, true);
    this.checkDate(c, input.kind, input.heldOn);
    const id = randomUUID();
    await sessionsRepo.insert(em, {
      id,
      orgId: c.org_id,
      caseId,
      kind: input.kind,
      recordedBy: p.userId,
      recordedByName: p.displayName,
      held_on: input.heldOn,
      starts_at: input.startsAt ?? null,
      place: input.place || null,
      participants_enc: this.seal(input.participants),
      result_enc: this.seal(input.result),
    });
    await this.record(c, 'session_recorded', 'case.session.create', id, {
      sessionId: id,
      kind: input.kind,
      heldOn: input.heldOn,
    });
    return this.view((await sessionsRepo.find(em, caseId, id))!);
  }

  async update(caseId: string, id: string, input: UpdateCaseSessionRequest): Promise<CaseSession> {
    const em = this.ctx.em;
    const c = await requireCase(em, this.ctx.principal.orgPath, caseId, true);
    const row = await sessionsRepo.find(em, caseId, id, true);
    if (!row) throw AppError.notFound();
    if (row.version !== input.version) throw new AppError('STALE_VERSION');
    const next: SessionColumns = {
      held_on: input.heldOn ?? row.held_on,
      starts_at: input.startsAt !== undefined ? input.startsAt : row.starts_at,
      place: input.place !== undefined ? input.place || null : row.place,
      participants_enc:
        input.participants !== undefined ? this.seal(input.participants) : row.participants_enc,
      result_enc: input.result !== undefined ? this.seal(input.result) : row.result_enc,
    };
    if (input.heldOn !== undefined) this.checkDate(c, row.kind, next.held_on);
    if (!(await sessionsRepo.update(em, id, row.version, next))) throw new AppError('STALE_VERSION');
    await this.record(c, 'session_updated', 'case.session.update', id, {
      sessionId: id,
      kind: row.kind,
      heldOn: next.held_on,
      ...(next.held_on !== row.held_on ? { previousHeldOn: row.held_on } : {}),
    });
    return this.view((await sessionsRepo.find(em, caseId, id))!);
  }

  /** 409 when the case never reached the stage; 422 at body.heldOn when the date lies outside it. */
  private checkDate(c: CaseLink, kind: CaseSessionKind, heldOn: string) {
    const check = checkSessionDate(kind, heldOn, c);
    if (check.ok) return;
    if (check.problem === 'stage_not_reached')
      throw new AppError('SESSION_STAGE_NOT_REACHED', { allowed: allowedSessionKinds(c) });
    throw invalid([
      check.problem === 'before_stage'
        ? { path: 'body.heldOn', code: 'SESSION_BEFORE_STAGE', params: { from: check.from } }
        : { path: 'body.heldOn', code: 'SESSION_AFTER_STAGE', params: { to: check.to } },
    ]);
  }

  private async record(
    c: CaseLink,
    event: string,
    action: string,
    id: string,
    details: Record<string, unknown>,
  ) {
    await addCaseEvent(this.ctx.em, c, this.ctx.principal, event, details);
    // Kind and dates only: the participants and result never reach the log.
    await this.audit.record({
      orgId: c.org_id,
      action,
      targetType: 'case_session',
      targetId: id,
      after: { caseId: c.id, ...details },
    });
  }

  private seal(text: string | null | undefined): string | null {
    return text ? this.cipher.encrypt(text) : null;
  }

  private view(r: SessionRow): CaseSession {
    return {
      id: r.id,
      caseId: r.case_id,
      kind: r.kind,
      heldOn: r.held_on,
      startsAt: r.starts_at,
      place: r.place,
      participants: r.participants_enc ? this.cipher.decrypt(r.participants_enc) : null,
      result: r.result_enc ? this.cipher.decrypt(r.result_enc) : null,
      recordedById: r.recorded_by,
      recordedByName: r.recorded_by_name,
      createdAt: iso(r.created_at),
      updatedAt: iso(r.updated_at),
      version: r.version,
    };
  }
}
