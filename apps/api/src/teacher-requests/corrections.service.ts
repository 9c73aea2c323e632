import { Injectable } from '@nestjs/common';
import type { Correction, CreateCorrectionRequest, Page, Teacher } from '@guanai/contracts';
import { maskIdNumber, maskPhone, todayInShanghai } from '@guanai/domain';
import { FieldCipher, isUniqueViolation } from '@guanai/db';
import { AppError } from '../common/app-error';
import { RequestContext } from '../common/request-context';
import { AuditService } from '../audit/audit.service';
import { teachersRepo } from '../teachers/teachers.repository';
import { toTeacher } from '../teachers/teachers.mapper';
import { familyOf } from '../teachers/relatives';
import { maskAddress } from '../teachers/teachers.service';

const MASKS: Partial<Record<CreateCorrectionRequest['field'], (v: string) => string>> = {
  idNumber: maskIdNumber,
  phone: maskPhone,
  address: maskAddress,
};

function toCorrection(r: Record<string, unknown>): Correction {
  return {
    id: r.id as string,
    teacherId: r.teacher_id as string,
    teacherName: r.teacher_name as string,
    orgId: r.org_id as string,
    field: r.field as Correction['field'],
    proposed: r.proposed_shown as string,
    note: (r.note as string) ?? null,
    status: r.status as Correction['status'],
    resolution: (r.resolution as string) ?? null,
    createdAt: (r.created_at as Date).toISOString(),
    resolvedAt: r.resolved_at ? (r.resolved_at as Date).toISOString() : null,
  };
}

const SELECT = `SELECT c.*, t.name AS teacher_name FROM teacher_corrections c JOIN teachers t ON t.id = c.teacher_id
  JOIN orgs o ON o.id = c.org_id`;

/** A teacher's view of their own record, their correction requests, and the officers' side of them. */
@Injectable()
export class CorrectionsService {
  constructor(
    private readonly ctx: RequestContext,
    private readonly cipher: FieldCipher,
    private readonly audit: AuditService,
  ) {}

  async myRecord(): Promise<Teacher> {
    const row = await teachersRepo.findByLinkedUser(this.ctx.em, this.ctx.principal.userId);
    if (!row) throw new AppError('NO_TEACHER_RECORD');
    return toTeacher(row, todayInShanghai(), await familyOf(this.ctx.em, row));
  }

  async mine(): Promise<Page<Correction>> {
    const rows = await this.ctx.em.query(`${SELECT} WHERE c.requested_by = $1 ORDER BY c.created_at DESC LIMIT 100`, [
      this.ctx.principal.userId,
    ]);
    return { items: rows.map(toCorrection), total: rows.length, page: 1, pageSize: 100 };
  }

  async request(input: CreateCorrectionRequest): Promise<Correction> {
    const teacher = await this.myRecord();
    const shown = MASKS[input.field]?.(input.proposed) ?? input.proposed;
    const [{ id }] = await this.ctx.em.query(
      `INSERT INTO teacher_corrections (org_id, teacher_id, requested_by, field, proposed_enc, proposed_shown, note)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [teacher.orgId, teacher.id, this.ctx.principal.userId, input.field, this.cipher.encrypt(input.proposed), shown, input.note ?? null],
    );
    await this.audit.record({ orgId: teacher.orgId, action: 'teacher.correction_request', targetType: 'teacher', targetId: teacher.id, after: { field: input.field, proposed: shown } });
    return this.find(id);
  }

  async list(status: Correction['status'] | undefined, page: number, pageSize: number): Promise<Page<Correction>> {
    const params: unknown[] = [this.ctx.principal.orgPath];
    const where = ['starts_with(o.path, $1)'];
    if (status) {
      params.push(status);
      where.push(`c.status = $${params.length}`);
    }
    const [{ total }] = await this.ctx.em.query(
      `SELECT count(*)::int AS total FROM teacher_corrections c JOIN orgs o ON o.id = c.org_id WHERE ${where.join(' AND ')}`,
      params,
    );
    const rows = await this.ctx.em.query(
      `${SELECT} WHERE ${where.join(' AND ')} ORDER BY c.created_at DESC LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
      params,
    );
    return { items: rows.map(toCorrection), total, page, pageSize };
  }

  async resolve(id: string, accept: boolean, resolution: string): Promise<Correction> {
    const before = await this.find(id);
    if (before.status !== 'pending') throw new AppError('CORRECTION_RESOLVED');
    await this.ctx.em.query(
      `UPDATE teacher_corrections SET status = $2, resolution = $3, resolved_by = $4, resolved_at = now(), version = version + 1
       WHERE id = $1`,
      [id, accept ? 'accepted' : 'rejected', resolution, this.ctx.principal.userId],
    );
    const after = await this.find(id);
    await this.audit.record({ orgId: after.orgId, action: 'teacher.correction_resolve', targetType: 'teacher', targetId: after.teacherId, before, after });
    return after;
  }

  /** The clear proposed value of a correction (shown masked in lists), for a permitted officer; audited with the reason. */
  async reveal(id: string, reason: string): Promise<{ value: string }> {
    const c = await this.find(id);
    const [row] = await this.ctx.em.query(`SELECT proposed_enc FROM teacher_corrections WHERE id = $1`, [id]);
    await this.audit.record({ orgId: c.orgId, action: 'teacher.correction_reveal', targetType: 'teacher', targetId: c.teacherId, after: { correctionId: id, field: c.field, reason } });
    return { value: this.cipher.decrypt(row.proposed_enc) };
  }

  /** Links a teacher account (role teacher, same school) to the record, or unlinks with null. */
  async linkAccount(teacherId: string, userId: string | null): Promise<Teacher> {
    const em = this.ctx.em;
    const row = await teachersRepo.find(em, this.ctx.principal.orgPath, teacherId, true);
    if (!row) throw AppError.notFound();
    if (userId) {
      const [user] = await em.query(
        `SELECT u.role, u.org_id FROM users u JOIN orgs o ON o.id = u.org_id WHERE u.id = $1 AND starts_with(o.path, $2)`,
        [userId, this.ctx.principal.orgPath],
      );
      if (!user) throw new AppError('NOT_FOUND', { fields: [{ path: 'body.userId', code: 'NOT_FOUND' }] });
      if (user.role !== 'teacher' || user.org_id !== row.org_id)
        throw new AppError('ACCOUNT_NOT_A_TEACHER', { fields: [{ path: 'body.userId', code: 'ACCOUNT_NOT_A_TEACHER' }] });
    }
    await em
      .query(`UPDATE teachers SET linked_user_id = $2, version = version + 1, updated_at = now() WHERE id = $1`, [teacherId, userId])
      .catch((e: unknown) => {
        if (isUniqueViolation(e, 'teachers_linked_user'))
          throw new AppError('ACCOUNT_ALREADY_LINKED', { fields: [{ path: 'body.userId', code: 'ACCOUNT_ALREADY_LINKED' }] });
        throw e;
      });
    await this.audit.record({ orgId: row.org_id, action: 'teacher.link_account', targetType: 'teacher', targetId: teacherId, before: { userId: row.linked_user_id }, after: { userId } });
    const after = await teachersRepo.find(em, this.ctx.principal.orgPath, teacherId);
    return toTeacher(after!, todayInShanghai(), await familyOf(this.ctx.em, after!));
  }

  private async find(id: string): Promise<Correction> {
    const [row] = await this.ctx.em.query(`${SELECT} WHERE c.id = $1 AND starts_with(o.path, $2)`, [id, this.ctx.principal.orgPath]);
    if (!row) throw AppError.notFound();
    return toCorrection(row);
  }
}
