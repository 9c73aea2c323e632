import type { ListUsersQuery, Page, User } from '@guanai/contracts';
import type { EntityManager } from '@guanai/db';

export interface UserRow {
  id: string;
  username: string;
  display_name: string;
  role: User['role'];
  org_id: string;
  org_name: string;
  org_path: string;
  org_kind: string;
  org_active: boolean;
  status: User['status'];
  locked_until: Date | null;
  totp_enabled: boolean;
  must_change_password: boolean;
  last_login_at: Date | null;
  created_at: Date;
  version: number;
}

export function toUser(r: UserRow): User {
  return {
    id: r.id,
    username: r.username,
    displayName: r.display_name,
    role: r.role,
    orgId: r.org_id,
    orgName: r.org_name,
    status: r.status,
    lockedUntil: r.locked_until && r.locked_until.getTime() > Date.now() ? r.locked_until.toISOString() : null,
    mfaEnabled: r.totp_enabled,
    mustChangePassword: r.must_change_password,
    lastLoginAt: r.last_login_at?.toISOString() ?? null,
    createdAt: r.created_at.toISOString(),
    version: r.version,
  };
}

const SELECT = `SELECT u.id, u.username, u.display_name, u.role, u.org_id, o.name AS org_name, o.path AS org_path,
  o.kind AS org_kind, o.active AS org_active, u.status, u.locked_until, u.totp_enabled, u.must_change_password,
  u.last_login_at, u.created_at, u.version
  FROM users u JOIN orgs o ON o.id = u.org_id`;

const SORTS: Record<ListUsersQuery['sort'], string> = {
  username: 'u.username ASC',
  '-username': 'u.username DESC',
  createdAt: 'u.created_at ASC, u.id',
  '-createdAt': 'u.created_at DESC, u.id',
  lastLoginAt: 'u.last_login_at ASC NULLS FIRST, u.id',
  '-lastLoginAt': 'u.last_login_at DESC NULLS LAST, u.id',
};

/** SQL for accounts; scope is enforced by RLS and repeated here as `starts_with(o.path, $1)`. */
export const usersRepo = {
  async page(em: EntityManager, scopePath: string, q: ListUsersQuery): Promise<Page<UserRow>> {
    const where = ['starts_with(o.path, $1)'];
    const params: unknown[] = [scopePath];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (q.q) {
      params.push(`%${q.q.replace(/[%_\\]/g, '\\$&')}%`);
      where.push(`(u.username ILIKE $${params.length} OR u.display_name ILIKE $${params.length})`);
    }
    if (q.orgId) add(`starts_with(o.path, (SELECT path FROM orgs WHERE id = ?))`, q.orgId);
    if (q.role) add('u.role = ?', q.role);
    if (q.status) add('u.status = ?', q.status);
    const whereSql = where.join(' AND ');
    const [{ total }] = await em.query(
      `SELECT count(*)::int AS total FROM users u JOIN orgs o ON o.id = u.org_id WHERE ${whereSql}`,
      params,
    );
    const items: UserRow[] = await em.query(
      `${SELECT} WHERE ${whereSql} ORDER BY ${SORTS[q.sort]} LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`,
      params,
    );
    return { items, total, page: q.page, pageSize: q.pageSize };
  },

  async find(em: EntityManager, scopePath: string, id: string, lock = false): Promise<UserRow | undefined> {
    const [row] = await em.query(
      `${SELECT} WHERE u.id = $1 AND starts_with(o.path, $2)${lock ? ' FOR UPDATE OF u' : ''}`,
      [id, scopePath],
    );
    return row;
  },

  async endSessions(em: EntityManager, userId: string, reason: string): Promise<void> {
    await em.query(
      `UPDATE sessions SET revoked_at = now(), revoke_reason = $2 WHERE user_id = $1 AND revoked_at IS NULL`,
      [userId, reason],
    );
  },
};
