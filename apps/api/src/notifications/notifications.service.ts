import { Injectable } from '@nestjs/common';
import type { z } from 'zod';
import type { ListNotificationsQuery, Notification, Page } from '@guanai/contracts';
import { AppError } from '../common/app-error';
import { RequestContext } from '../common/request-context';

interface Row {
  id: string;
  kind: 'reminder' | 'digest';
  title: string;
  body: string;
  link: string | null;
  reminder_id: string | null;
  read_at: Date | null;
  created_at: Date;
}

/** The logged-in user's inbox. Row-level security also hides everyone else's notifications. */
@Injectable()
export class NotificationsService {
  constructor(private readonly ctx: RequestContext) {}

  private get me() {
    return this.ctx.principal.userId;
  }

  async list(q: z.infer<typeof ListNotificationsQuery>): Promise<Page<Notification>> {
    const unread =
      q.unread === true ? 'AND read_at IS NULL' : q.unread === false ? 'AND read_at IS NOT NULL' : '';
    const [{ total }] = await this.ctx.em.query(
      `SELECT count(*)::int AS total FROM notifications WHERE user_id = $1 ${unread}`,
      [this.me],
    );
    const rows: Row[] = await this.ctx.em.query(
      `SELECT id, kind, title, body, link, reminder_id, read_at, created_at FROM notifications
        WHERE user_id = $1 ${unread} ORDER BY created_at DESC, id DESC LIMIT $2 OFFSET $3`,
      [this.me, q.pageSize, (q.page - 1) * q.pageSize],
    );
    return {
      items: rows.map((r) => ({
        id: r.id,
        kind: r.kind,
        title: r.title,
        body: r.body,
        link: r.link,
        reminderId: r.reminder_id,
        read: r.read_at !== null,
        createdAt: new Date(r.created_at).toISOString(),
      })),
      total,
      page: q.page,
      pageSize: q.pageSize,
    };
  }

  async unread(): Promise<{ unread: number }> {
    const [{ n }] = await this.ctx.em.query(
      `SELECT count(*)::int AS n FROM notifications WHERE user_id = $1 AND read_at IS NULL`,
      [this.me],
    );
    return { unread: n };
  }

  async read(id: string): Promise<{ ok: true }> {
    const rows = await this.ctx.em.query(`SELECT id FROM notifications WHERE id = $1 AND user_id = $2`, [
      id,
      this.me,
    ]);
    if (!rows.length) throw new AppError('NOT_FOUND');
    await this.ctx.em.query(`UPDATE notifications SET read_at = coalesce(read_at, now()) WHERE id = $1`, [
      id,
    ]);
    return { ok: true };
  }

  async readAll(): Promise<{ ok: true }> {
    await this.ctx.em.query(
      `UPDATE notifications SET read_at = now() WHERE user_id = $1 AND read_at IS NULL`,
      [this.me],
    );
    return { ok: true };
  }
}
