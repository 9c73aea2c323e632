import { Injectable } from '@nestjs/common';
import type { Page, TenantTransfer } from '@guanai/contracts';
import { isUniqueViolation } from '@guanai/db';
import { AppError } from '../common/app-error';
import { RequestContext } from '../common/request-context';
import { AuditService } from '../audit/audit.service';
import { orgsRepo } from '../orgs/orgs.repository';
import { teachersRepo } from '../teachers/teachers.repository';

const D = (c: string) => `to_char(x.${c}, 'YYYY-MM-DD') AS ${c}`;
const SELECT = `SELECT x.id, x.teacher_id, x.teacher_name, x.sex, ${D('birth_date')}, x.id_number_masked,
  x.from_tenant_id, x.from_tenant_name, x.to_tenant_id, x.to_tenant_name, x.to_org_id, ${D('on_date')}, x.note,
  x.status, x.reason, x.created_at, x.decided_at FROM tenant_transfers x`;

function toTransfer(r: Record<string, unknown>): TenantTransfer {
  return {
    id: r.id as string,
    teacherId: r.teacher_id as string,
    teacherName: r.teacher_name as string,
    sex: r.sex as TenantTransfer['sex'],
    birthDate: r.birth_date as string,
    idNumberMasked: r.id_number_masked as string,
    fromTenantId: r.from_tenant_id as string,
    fromTenantName: r.from_tenant_name as string,
    toTenantId: r.to_tenant_id as string,
    toTenantName: r.to_tenant_name as string,
    toOrgId: (r.to_org_id as string) ?? null,
    on: r.on_date as string,
    note: (r.note as string) ?? null,
    status: r.status as TenantTransfer['status'],
    reason: (r.reason as string) ?? null,
    createdAt: (r.created_at as Date).toISOString(),
    decidedAt: r.decided_at ? (r.decided_at as Date).toISOString() : null,
  };
}

/**
 * Transfers between unions (跨单位调动): the sending union asks, the receiving union sees only the
 * name, sex, birth date and masked ID until it accepts into one of its schools; then the record moves.
 */
@Injectable()
export class TenantTransfersService {
  constructor(
    private readonly ctx: RequestContext,
    private readonly audit: AuditService,
  ) {}

  async directory() {
    const rows: { id: string; name: string; kind: string; parent_name: string }[] = await this.ctx.em.query(
      'SELECT * FROM tenant_directory()',
    );
    return { items: rows.map((r) => ({ id: r.id, name: r.name, kind: r.kind, parentName: r.parent_name })) };
  }

  async request(teacherId: string, toTenantId: string, on: string, note?: string): Promise<TenantTransfer> {
    const em = this.ctx.em;
    const t = await teachersRepo.find(em, this.ctx.principal.orgPath, teacherId, true);
    if (!t) throw AppError.notFound();
    if (t.status !== 'active') throw new AppError('TEACHER_NOT_ACTIVE');
    const [to] = await em.query('SELECT * FROM tenant_directory() WHERE id = $1', [toTenantId]);
    if (!to || toTenantId === t.tenant_id)
      throw new AppError('TRANSFER_TARGET_INVALID', { fields: [{ path: 'body.toTenantId', code: 'TRANSFER_TARGET_INVALID' }] });
    const from = await orgsRepo.find(em, '/', t.tenant_id);
    const [{ id }] = await em
      .query(
        `INSERT INTO tenant_transfers (teacher_id, from_tenant_id, to_tenant_id, on_date, note, teacher_name, sex,
           birth_date, id_number_masked, from_tenant_name, to_tenant_name, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
        [t.id, t.tenant_id, toTenantId, on, note ?? null, t.name, t.sex, t.birth_date, t.id_number_masked,
          from?.name ?? '', to.name, this.ctx.principal.userId],
      )
      .catch((e: unknown) => {
        if (isUniqueViolation(e, 'tenant_transfers_one_pending')) throw new AppError('TRANSFER_PENDING');
        throw e;
      });
    await this.audit.record({ orgId: t.org_id, action: 'teacher.transfer_request', targetType: 'teacher', targetId: t.id, after: { transferId: id, toTenantId, on } });
    return this.find(id);
  }

  async list(direction: 'incoming' | 'outgoing' | undefined, status: string | undefined, page: number, pageSize: number): Promise<Page<TenantTransfer>> {
    const mine = 'IN (SELECT id FROM orgs WHERE starts_with(path, $1))';
    const where = [direction === 'incoming' ? `x.to_tenant_id ${mine}` : direction === 'outgoing' ? `x.from_tenant_id ${mine}` : `(x.to_tenant_id ${mine} OR x.from_tenant_id ${mine})`];
    const params: unknown[] = [this.ctx.principal.orgPath];
    if (status) {
      params.push(status);
      where.push(`x.status = $${params.length}`);
    }
    const [{ total }] = await this.ctx.em.query(`SELECT count(*)::int AS total FROM tenant_transfers x WHERE ${where.join(' AND ')}`, params);
    const rows = await this.ctx.em.query(
      `${SELECT} WHERE ${where.join(' AND ')} ORDER BY x.created_at DESC LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
      params,
    );
    return { items: rows.map(toTransfer), total, page, pageSize };
  }

  async accept(id: string, orgId: string): Promise<TenantTransfer> {
    const tr = await this.requireIncoming(id);
    const org = await orgsRepo.find(this.ctx.em, this.ctx.principal.orgPath, orgId);
    if (!org || org.tenant_id !== tr.toTenantId || (org.kind !== 'school' && org.kind !== 'department'))
      throw new AppError('NOT_FOUND', { fields: [{ path: 'body.orgId', code: 'NOT_FOUND' }] });
    const p = this.ctx.principal;
    await this.ctx.em
      .query('SELECT accept_tenant_transfer($1, $2, $3, $4)', [id, orgId, p.userId, p.username])
      .catch((e: unknown) => {
        if (isUniqueViolation(e, 'teachers_tenant_id_number')) throw new AppError('TEACHER_EXISTS');
        throw e;
      });
    await this.audit.record({ orgId, action: 'teacher.transferred_in', targetType: 'teacher', targetId: tr.teacherId, after: { transferId: id, fromTenantId: tr.fromTenantId, on: tr.on } });
    return this.find(id);
  }

  async reject(id: string, reason: string): Promise<TenantTransfer> {
    const tr = await this.requireIncoming(id);
    await this.ctx.em.query(
      `UPDATE tenant_transfers SET status = 'rejected', reason = $2, decided_by = $3, decided_at = now() WHERE id = $1`,
      [id, reason, this.ctx.principal.userId],
    );
    await this.audit.record({ orgId: tr.toTenantId, action: 'teacher.transfer_reject', targetType: 'tenant_transfer', targetId: id, after: { reason } });
    return this.find(id);
  }

  /** The sending union withdraws a pending request; the receiving one then sees it as cancelled. */
  async cancel(id: string, reason: string | undefined): Promise<TenantTransfer> {
    const tr = await this.find(id);
    const [mine] = await this.ctx.em.query('SELECT 1 FROM orgs WHERE id = $1 AND starts_with(path, $2)', [tr.fromTenantId, this.ctx.principal.orgPath]);
    if (!mine) throw AppError.notFound(); // the receiver declines instead
    if (tr.status !== 'pending') throw new AppError('TRANSFER_NOT_PENDING');
    await this.ctx.em.query(
      `UPDATE tenant_transfers SET status = 'cancelled', reason = $2, decided_by = $3, decided_at = now() WHERE id = $1`,
      [id, reason ?? null, this.ctx.principal.userId],
    );
    await this.audit.record({ orgId: tr.fromTenantId, action: 'teacher.transfer_cancel', targetType: 'tenant_transfer', targetId: id, after: { reason: reason ?? null } });
    return this.find(id);
  }

  private async requireIncoming(id: string): Promise<TenantTransfer> {
    const tr = await this.find(id);
    const [mine] = await this.ctx.em.query('SELECT 1 FROM orgs WHERE id = $1 AND starts_with(path, $2)', [tr.toTenantId, this.ctx.principal.orgPath]);
    if (!mine) throw AppError.notFound(); // the sender cannot accept its own request
    if (tr.status !== 'pending') throw new AppError('TRANSFER_NOT_PENDING');
    return tr;
  }

  private async find(id: string): Promise<TenantTransfer> {
    const [row] = await this.ctx.em.query(`${SELECT} WHERE x.id = $1`, [id]);
    if (!row) throw AppError.notFound();
    return toTransfer(row);
  }
}
