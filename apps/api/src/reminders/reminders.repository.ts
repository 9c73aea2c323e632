import type { EntityManager } from '@guanai/db';
import type { ListRemindersQuery } from '@guanai/contracts';

export interface ReminderRow {
  id: string;
  org_id: string;
  org_name: string;
  tenant_id: string;
  programme_id: string | null;
  rule_key: string;
  subject_kind: 'teacher' | 'org' | 'care_record' | 'case';
  subject_id: string;
  teacher_id: string | null;
  occurs_on: string;
  due_on: string;
  title: string;
  detail: Record<string, unknown>;
  activity_type: string | null;
  audience: string;
  status: 'open' | 'snoozed' | 'done' | 'dismissed';
  snoozed_until: string | null;
  dismiss_reason: string | null;
  care_record_id: string | null;
  resolved_at: Date | null;
  version: number;
}

const D = (c: string) => `to_char(r.${c}, 'YYYY-MM-DD') AS ${c}`;
const SELECT = `SELECT r.id, r.org_id, o.name AS org_name, r.tenant_id, r.programme_id, r.rule_key, r.subject_kind,
  r.subject_id, r.teacher_id, ${D('occurs_on')}, ${D('due_on')}, r.title, r.detail, r.activity_type, r.audience,
  r.status, ${D('snoozed_until')}, r.dismiss_reason, r.care_record_id, r.resolved_at, r.version
  FROM reminders r JOIN orgs o ON o.id = r.org_id`;

/** SQL for reminders in a scope (the officer's org and below). */
export const remindersRepo = {
  async page(
    em: EntityManager,
    scope: string,
    q: ListRemindersQuery,
  ): Promise<{ items: ReminderRow[]; total: number }> {
    const where = ['starts_with(o.path, $1)'];
    const params: unknown[] = [scope];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replaceAll('?', `$${params.length}`));
    };
    if (q.status) add('r.status = ?', q.status);
    if (q.kind) add(`r.detail->>'kind' = ?`, q.kind);
    if (q.orgId) add('starts_with(o.path, (SELECT path FROM orgs WHERE id = ?))', q.orgId);
    if (q.teacherId) add('r.teacher_id = ?', q.teacherId);
    if (q.from) add('r.occurs_on >= ?', q.from);
    if (q.to) add('r.occurs_on <= ?', q.to);
    if (q.q)
      add(
        `r.title ILIKE '%' || ? || '%'`,
        q.q.replace(/[\\%_]/g, (c) => `\\${c}`),
      );
    const sql = where.join(' AND ');
    const [{ total }] = await em.query(
      `SELECT count(*)::int AS total FROM reminders r JOIN orgs o ON o.id = r.org_id WHERE ${sql}`,
      params,
    );
    const items = await em.query(
      `${SELECT} WHERE ${sql} ORDER BY r.occurs_on, r.id LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`,
      params,
    );
    return { items, total };
  },

  async find(em: EntityManager, scope: string, id: string, lock = false): Promise<ReminderRow | undefined> {
    const [row] = await em.query(
      `${SELECT} WHERE r.id = $2 AND starts_with(o.path, $1)${lock ? ' FOR UPDATE OF r' : ''}`,
      [scope, id],
    );
    return row;
  },

  async resolve(
    em: EntityManager,
    id: string,
    change: {
      status: 'done' | 'dismissed' | 'snoozed';
      userId: string;
      snoozedUntil?: string;
      reason?: string;
      careRecordId?: string | null;
    },
  ): Promise<void> {
    await em.query(
      `UPDATE reminders SET status = $2, snoozed_until = $3, dismiss_reason = $4, care_record_id = coalesce($5, care_record_id),
              resolved_by = CASE WHEN $2 = 'snoozed' THEN resolved_by ELSE $6::uuid END,
              resolved_at = CASE WHEN $2 = 'snoozed' THEN resolved_at ELSE now() END,
              updated_at = now(), version = version + 1
        WHERE id = $1`,
      [
        id,
        change.status,
        change.snoozedUntil ?? null,
        change.reason ?? null,
        change.careRecordId ?? null,
        change.userId,
      ],
    );
  },
};
