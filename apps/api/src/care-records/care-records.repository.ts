import type { ListCareRecordsQuery, Page, ProgrammeDocument } from '@guanai/contracts';
import { returnedRows, type EntityManager } from '@guanai/db';

export interface CareRecordRow {
  id: string;
  org_id: string;
  tenant_id: string;
  org_name: string;
  programme_id: string | null;
  measure_key: string | null;
  activity_type: string;
  title: string;
  occurred_on: string;
  follow_up_on: string | null;
  /** bigint, as pg returns it. */
  amount_fen: string;
  participant_count: number;
  notes: string | null;
  created_by_name: string | null;
  created_at: Date;
  version: number;
}

// Dates as 'YYYY-MM-DD' strings, never JS Dates shifted by a time zone. The creator's name shows
// only when the caller can see that user (a school officer does not see the union's admins).
const SELECT = `SELECT r.id, r.org_id, r.tenant_id, o.name AS org_name, r.programme_id, r.measure_key, r.activity_type,
  r.title, to_char(r.occurred_on, 'YYYY-MM-DD') AS occurred_on, to_char(r.follow_up_on, 'YYYY-MM-DD') AS follow_up_on, r.amount_fen, r.participant_count, r.notes,
  u.display_name AS created_by_name, r.created_at, r.version
  FROM care_records r JOIN orgs o ON o.id = r.org_id LEFT JOIN users u ON u.id = r.created_by`;

// Each sort ends with the id, so the order is total and paging never repeats or skips a row.
const SORTS: Record<ListCareRecordsQuery['sort'], string> = {
  '-occurredOn': 'r.occurred_on DESC, r.created_at DESC, r.id DESC',
  occurredOn: 'r.occurred_on ASC, r.created_at ASC, r.id ASC',
  '-amountFen': 'r.amount_fen DESC, r.occurred_on DESC, r.id DESC',
  '-participantCount': 'r.participant_count DESC, r.occurred_on DESC, r.id DESC',
};

function filters(scopePath: string, tenantId: string | null, q: ListCareRecordsQuery) {
  const where = ['starts_with(o.path, $1)', 'r.deleted_at IS NULL'];
  const params: unknown[] = [scopePath];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    where.push(sql.replace('?', `$${params.length}`));
  };
  // Row-level security admits only the scope's rows; this says it again for the (tenant_id, …) index.
  if (tenantId) add('r.tenant_id = ?', tenantId);
  if (q.orgId) add('starts_with(o.path, (SELECT path FROM orgs WHERE id = ?))', q.orgId);
  if (q.programmeId) add('r.programme_id = ?', q.programmeId);
  if (q.measureKey) add('r.measure_key = ?', q.measureKey);
  if (q.activityType) add('r.activity_type = ?', q.activityType);
  if (q.from) add('r.occurred_on >= ?::date', q.from);
  if (q.to) add('r.occurred_on <= ?::date', q.to);
  if (q.teacherId)
    add(
      'EXISTS (SELECT 1 FROM care_participants p WHERE p.record_id = r.id AND p.teacher_id = ?)',
      q.teacherId,
    );
  if (q.q) add('r.title ILIKE ?', `%${q.q.replace(/[%_\\]/g, '\\$&')}%`);
  return { where: where.join(' AND '), params };
}

export interface NewCareRecord {
  orgId: string;
  tenantId: string;
  programmeId: string | null;
  measureKey: string | null;
  activityType: string;
  title: string;
  occurredOn: string;
  followUpOn: string | null;
  amountFen: number;
  notes: string | null;
  createdBy: string;
}

/**
 * SQL for care records. Row-level security limits every query to the caller's subtree; the
 * `starts_with(o.path, $scope)` says the same in code. Deleted records are invisible here.
 */
export const careRecordsRepo = {
  /** The union the scope lies in, or null above the unions. */
  async tenantOf(em: EntityManager, scopePath: string): Promise<string | null> {
    const [row] = await em.query(`SELECT tenant_id FROM orgs WHERE path = $1`, [scopePath]);
    return row?.tenant_id ?? null;
  },

  async page(em: EntityManager, scopePath: string, q: ListCareRecordsQuery): Promise<Page<CareRecordRow>> {
    const { where, params } = filters(scopePath, await this.tenantOf(em, scopePath), q);
    const [{ total }] = await em.query(
      `SELECT count(*)::int AS total FROM care_records r JOIN orgs o ON o.id = r.org_id WHERE ${where}`,
      params,
    );
    const items: CareRecordRow[] = await em.query(
      `${SELECT} WHERE ${where} ORDER BY ${SORTS[q.sort]} LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`,
      params,
    );
    return { items, total, page: q.page, pageSize: q.pageSize };
  },

  async find(
    em: EntityManager,
    scopePath: string,
    id: string,
    lock = false,
  ): Promise<CareRecordRow | undefined> {
    const [row] = await em.query(
      `${SELECT} WHERE r.id = $1 AND starts_with(o.path, $2) AND r.deleted_at IS NULL${lock ? ' FOR UPDATE OF r' : ''}`,
      [id, scopePath],
    );
    return row;
  },

  async insert(em: EntityManager, r: NewCareRecord): Promise<string> {
    const [{ id }] = await em.query(
      `INSERT INTO care_records (org_id, tenant_id, programme_id, measure_key, activity_type, title, occurred_on, follow_up_on, amount_fen, notes, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
      [
        r.orgId,
        r.tenantId,
        r.programmeId,
        r.measureKey,
        r.activityType,
        r.title,
        r.occurredOn,
        r.followUpOn,
        r.amountFen,
        r.notes,
        r.createdBy,
      ],
    );
    return id;
  },

  /** Sets the given columns (undefined ones are left alone) and bumps the version. */
  async update(em: EntityManager, id: string, set: Record<string, unknown>): Promise<void> {
    const entries = Object.entries(set).filter(([, v]) => v !== undefined);
    const assignments = entries.map(([k], i) => `${k} = $${i + 2}, `).join('');
    await em.query(
      `UPDATE care_records SET ${assignments}version = version + 1, updated_at = now() WHERE id = $1`,
      [id, ...entries.map(([, v]) => v)],
    );
  },

  async softDelete(em: EntityManager, id: string, userId: string, reason: string): Promise<void> {
    await em.query(
      `UPDATE care_records SET deleted_at = now(), deleted_by = $2, delete_reason = $3, version = version + 1, updated_at = now()
       WHERE id = $1 AND deleted_at IS NULL`,
      [id, userId, reason],
    );
  },

  /** Adds `delta` to the record's participant count and answers the new count. */
  async addToCount(em: EntityManager, id: string, delta: number): Promise<number> {
    const [row] = returnedRows<{ participant_count: number }>(
      await em.query(
        `UPDATE care_records SET participant_count = participant_count + $2 WHERE id = $1 RETURNING participant_count`,
        [id, delta],
      ),
    );
    return row!.participant_count;
  },

  /** The adopted version's document of one of the union's programmes (a school reads its union's). */
  async programmeDocument(
    em: EntityManager,
    programmeId: string,
    tenantId: string,
  ): Promise<ProgrammeDocument | undefined> {
    const [row] = await em.query(
      `SELECT v.document FROM programmes p JOIN programme_versions v ON v.id = p.version_id WHERE p.id = $1 AND p.org_id = $2`,
      [programmeId, tenantId],
    );
    return row?.document;
  },
};
