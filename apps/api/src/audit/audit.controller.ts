import { Controller } from '@nestjs/common';
import type { AuditEvent, ListAuditEventsQuery, Page } from '@guanai/contracts';
import { QueryOf, Route } from '../common/route';
import { RequestContext } from '../common/request-context';

@Controller()
export class AuditController {
  constructor(private readonly ctx: RequestContext) {}

  @Route('listAuditEvents')
  async list(@QueryOf('listAuditEvents') q: ListAuditEventsQuery): Promise<Page<AuditEvent>> {
    const where = ['starts_with(o.path, $1)'];
    const params: unknown[] = [this.ctx.principal.orgPath];
    const add = (sql: string, v: unknown) => {
      params.push(v);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (q.actorId) add('e.actor_id = ?', q.actorId);
    if (q.orgId) add('starts_with(o.path, (SELECT path FROM orgs WHERE id = ?))', q.orgId);
    if (q.action) add('e.action LIKE ?', `${q.action.replace(/[%_\\]/g, '\\$&')}%`);
    if (q.from) add('e.created_at >= ?', q.from);
    if (q.to) add('e.created_at < ?', q.to);
    const whereSql = where.join(' AND ');
    const from = 'FROM audit_events e JOIN orgs o ON o.id = e.org_id';
    const [{ total }] = await this.ctx.em.query(`SELECT count(*)::int AS total ${from} WHERE ${whereSql}`, params);
    const rows = await this.ctx.em.query(
      `SELECT e.* ${from} WHERE ${whereSql} ORDER BY e.created_at DESC, e.seq DESC
       LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`,
      params,
    );
    return {
      total,
      page: q.page,
      pageSize: q.pageSize,
      items: rows.map((r: Record<string, unknown>) => ({
        id: r.id,
        orgId: r.org_id,
        seq: Number(r.seq),
        actorId: r.actor_id,
        actorName: r.actor_name,
        action: r.action,
        targetType: r.target_type,
        targetId: r.target_id,
        before: r.before,
        after: r.after,
        requestId: r.request_id,
        ip: r.ip,
        createdAt: (r.created_at as Date).toISOString(),
      })),
    };
  }
}
