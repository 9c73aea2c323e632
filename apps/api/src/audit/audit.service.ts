import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@guanai/db';
import { RequestContext } from '../common/request-context';

export interface AuditEntry {
  /** The organisation whose chain the event joins: the one the target belongs to. */
  orgId: string;
  action: string;
  targetType?: string;
  targetId?: string;
  before?: unknown;
  after?: unknown;
}

/** Writes audit events in the same transaction as the change they describe. */
@Injectable()
export class AuditService {
  constructor(private readonly ctx: RequestContext) {}

  async record(entry: AuditEntry, em: EntityManager = this.ctx.em, actor = this.ctx.principalOrNull): Promise<void> {
    await em.query(
      `INSERT INTO audit_events (org_id, actor_id, actor_name, action, target_type, target_id, before, after, request_id, ip)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        entry.orgId,
        actor?.userId ?? null,
        actor?.username ?? null,
        entry.action,
        entry.targetType ?? null,
        entry.targetId ?? null,
        entry.before === undefined ? null : JSON.stringify(entry.before),
        entry.after === undefined ? null : JSON.stringify(entry.after),
        this.ctx.requestId || null,
        this.ctx.ip,
      ],
    );
  }
}
