import { Inject, Injectable } from '@nestjs/common';
import type { z } from 'zod';
import type { Delivery, ListDeliveriesQuery, Page } from '@guanai/contracts';
import { deliveryJobId, deliveryJobOptions, returnedRows, type Config } from '@guanai/db';
import { RequestContext } from '../common/request-context';
import { CONFIG } from '../config.module';
import { JobQueue } from '../jobs/job-queue';

/** The outbox seen by admins: dead letters with their reasons, and retrying them. */
@Injectable()
export class DeliveriesService {
  constructor(
    private readonly ctx: RequestContext,
    private readonly jobs: JobQueue,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  async list(q: z.infer<typeof ListDeliveriesQuery>): Promise<Page<Delivery>> {
    const params: unknown[] = [this.ctx.principal.orgPath, q.status];
    const channel = q.channel ? `AND d.channel = $${params.push(q.channel)}` : '';
    const where = `WHERE starts_with(o.path, $1) AND d.status = $2 ${channel}`;
    const from = `FROM notification_deliveries d JOIN orgs o ON o.id = d.org_id JOIN users u ON u.id = d.user_id`;
    const [{ total }] = await this.ctx.em.query(`SELECT count(*)::int AS total ${from} ${where}`, params);
    const rows = await this.ctx.em.query(
      `SELECT d.id, d.notification_id, d.user_id, u.display_name AS user_name, o.name AS org_name, d.channel, d.status,
              d.attempts, d.last_error, d.title, d.created_at, d.sent_at, d.dead_at
         ${from} ${where} ORDER BY coalesce(d.dead_at, d.created_at) DESC, d.id LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`,
      params,
    );
    const iso = (v: Date | null) => (v ? new Date(v).toISOString() : null);
    return {
      items: rows.map((r: Record<string, never>) => ({
        id: r.id,
        notificationId: r.notification_id,
        userId: r.user_id,
        userName: r.user_name,
        orgName: r.org_name,
        channel: r.channel,
        status: r.status,
        attempts: r.attempts,
        lastError: r.last_error,
        title: r.title,
        createdAt: iso(r.created_at)!,
        sentAt: iso(r.sent_at),
        deadAt: iso(r.dead_at),
      })),
      total,
      page: q.page,
      pageSize: q.pageSize,
    };
  }

  /** Dead letters in scope go back to pending with their attempts reset, each on a new job. */
  async retry(ids: string[]): Promise<{ retried: number }> {
    const rows = returnedRows<{ id: string }>(
      await this.ctx.em.query(
        `UPDATE notification_deliveries d SET status = 'pending', attempts = 0, dead_at = NULL, not_before = now()
         FROM orgs o
        WHERE o.id = d.org_id AND starts_with(o.path, $1) AND d.id = ANY($2::uuid[]) AND d.status = 'dead'
        RETURNING d.id`,
        [this.ctx.principal.orgPath, ids],
      ),
    );
    const generation = Date.now();
    for (const r of rows)
      await this.jobs.add(
        'notifications',
        'notifications.deliver',
        { deliveryId: r.id },
        {
          ...deliveryJobOptions(this.config),
          jobId: deliveryJobId(r.id, generation),
          delay: 1_000,
        },
      );
    return { retried: rows.length };
  }
}
