import type { Page } from '@guanai/contracts';
import { returnedRows, type EntityManager } from '@guanai/db';

export interface ParticipantRow {
  teacher_id: string;
  name: string;
  org_id: string;
  org_name: string;
  id_number_masked: string;
}

export interface TeacherCareRow {
  record_id: string;
  activity_type: string;
  title: string;
  occurred_on: string;
  org_name: string;
}

/** Who to add: teacher ids, and optionally the teacher list's WHERE clause (teacherFilterSql) with its parameters. */
export interface ParticipantChoice {
  teacherIds: string[];
  filter?: { where: string; params: unknown[] };
}

const IN_SCOPE = `FROM teachers t JOIN orgs o ON o.id = t.org_id WHERE starts_with(o.path, $1) AND t.tenant_id = $2`;

/**
 * SQL for a record's participants. Every teacher is looked up in the caller's scope and union
 * (row-level security agrees); rows copy the teacher's unit and union at the time, and the
 * record's type and day, for the coverage indexes.
 */
export const participantsRepo = {
  /** Of `ids`, those naming a teacher in the scope and union. */
  async teachersInScope(
    em: EntityManager,
    scopePath: string,
    tenantId: string,
    ids: string[],
  ): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows: { id: string }[] = await em.query(`SELECT t.id ${IN_SCOPE} AND t.id = ANY($3::uuid[])`, [
      scopePath,
      tenantId,
      ids,
    ]);
    return new Set(rows.map((r) => r.id));
  },

  /** Teacher ids by ID-number lookup hash, for the hashes that name a teacher in the scope and union. */
  async teachersByIdHash(
    em: EntityManager,
    scopePath: string,
    tenantId: string,
    hashes: string[],
  ): Promise<Map<string, string>> {
    if (hashes.length === 0) return new Map();
    const rows: { id: string; id_number_hash: string }[] = await em.query(
      `SELECT t.id, t.id_number_hash ${IN_SCOPE} AND t.id_number_hash = ANY($3::text[])`,
      [scopePath, tenantId, hashes],
    );
    return new Map(rows.map((r) => [r.id_number_hash, r.id]));
  },

  /**
   * Adds the chosen teachers in one INSERT … SELECT (ids as one array parameter, the filter as a
   * subquery), skipping those already on the record; answers the ids added. Each branch selects the
   * columns itself rather than joining the union back to teachers: right after an import the planner's
   * row estimates are stale, and that join turned into a nested loop of 12 million comparisons.
   */
  async add(
    em: EntityManager,
    p: {
      recordId: string;
      scopePath: string;
      tenantId: string;
      choice: ParticipantChoice;
      activityType: string;
      occurredOn: string;
    },
  ): Promise<string[]> {
    const filter = p.choice.filter;
    const base = filter?.params.length ?? 0;
    const $ = (i: number) => `$${base + i}`;
    const columns = 't.id, t.org_id, t.tenant_id FROM teachers t JOIN orgs o ON o.id = t.org_id';
    const inScope = `starts_with(o.path, ${$(1)}) AND t.tenant_id = ${$(2)}::uuid`;
    const byId = `SELECT ${columns} WHERE t.id = ANY(${$(3)}::uuid[]) AND ${inScope}`;
    const chosen = filter ? `SELECT ${columns} WHERE ${filter.where} AND ${inScope} UNION ${byId}` : byId;
    const rows = returnedRows<{ teacher_id: string }>(
      await em.query(
        `WITH chosen AS (${chosen})
         INSERT INTO care_participants (record_id, teacher_id, org_id, tenant_id, activity_type, occurred_on)
         SELECT ${$(4)}::uuid, c.id, c.org_id, c.tenant_id, ${$(5)}, ${$(6)}::date FROM chosen c
         ON CONFLICT (record_id, teacher_id) DO NOTHING
         RETURNING teacher_id`,
        [
          ...(filter?.params ?? []),
          p.scopePath,
          p.tenantId,
          p.choice.teacherIds,
          p.recordId,
          p.activityType,
          p.occurredOn,
        ],
      ),
    );
    return rows.map((r) => r.teacher_id);
  },

  /** Of `ids`, those on the record (and visible to the caller). */
  async present(em: EntityManager, recordId: string, ids: string[]): Promise<Set<string>> {
    const rows: { teacher_id: string }[] = await em.query(
      `SELECT teacher_id FROM care_participants WHERE record_id = $1 AND teacher_id = ANY($2::uuid[])`,
      [recordId, ids],
    );
    return new Set(rows.map((r) => r.teacher_id));
  },

  async remove(em: EntityManager, recordId: string, ids: string[]): Promise<string[]> {
    const rows = returnedRows<{ teacher_id: string }>(
      await em.query(
        `DELETE FROM care_participants WHERE record_id = $1 AND teacher_id = ANY($2::uuid[]) RETURNING teacher_id`,
        [recordId, ids],
      ),
    );
    return rows.map((r) => r.teacher_id);
  },

  /** The participants the caller can see (row-level security hides those of units outside the scope). */
  async countVisible(em: EntityManager, recordId: string): Promise<number> {
    const [{ n }] = await em.query(`SELECT count(*)::int AS n FROM care_participants WHERE record_id = $1`, [
      recordId,
    ]);
    return n;
  },

  /** Keeps the copied type and day in step with the record. */
  async restamp(
    em: EntityManager,
    recordId: string,
    activityType: string,
    occurredOn: string,
  ): Promise<void> {
    await em.query(`UPDATE care_participants SET activity_type = $2, occurred_on = $3 WHERE record_id = $1`, [
      recordId,
      activityType,
      occurredOn,
    ]);
  },

  /**
   * A page of the record's participants with their unit at the time. A teacher who has since left
   * the caller's scope (moved to another school, or another union) drops out of the page, never
   * shown as a blank.
   */
  async page(
    em: EntityManager,
    recordId: string,
    scopePath: string,
    page: number,
    pageSize: number,
  ): Promise<Page<ParticipantRow>> {
    const from = `FROM care_participants p JOIN teachers t ON t.id = p.teacher_id JOIN orgs o ON o.id = p.org_id
      WHERE p.record_id = $1 AND starts_with(o.path, $2)`;
    const [{ total }] = await em.query(`SELECT count(*)::int AS total ${from}`, [recordId, scopePath]);
    const items: ParticipantRow[] = await em.query(
      `SELECT p.teacher_id, t.name, p.org_id, o.name AS org_name, t.id_number_masked ${from}
       ORDER BY t.name, t.id LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
      [recordId, scopePath],
    );
    return { items, total, page, pageSize };
  },

  /** The records a teacher took part in, newest first; deleted ones never. */
  async teacherCare(
    em: EntityManager,
    teacherId: string,
    scopePath: string,
    page: number,
    pageSize: number,
  ): Promise<Page<TeacherCareRow>> {
    const from = `FROM care_participants p JOIN care_records r ON r.id = p.record_id JOIN orgs o ON o.id = r.org_id
      WHERE p.teacher_id = $1 AND r.deleted_at IS NULL AND starts_with(o.path, $2)`;
    const [{ total }] = await em.query(`SELECT count(*)::int AS total ${from}`, [teacherId, scopePath]);
    const items: TeacherCareRow[] = await em.query(
      `SELECT r.id AS record_id, r.activity_type, r.title, to_char(r.occurred_on, 'YYYY-MM-DD') AS occurred_on, o.name AS org_name
       ${from} ORDER BY r.occurred_on DESC, r.created_at DESC, r.id DESC LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
      [teacherId, scopePath],
    );
    return { items, total, page, pageSize };
  },

  /** Whether the teacher is in the caller's scope (any status). */
  async teacherVisible(em: EntityManager, scopePath: string, teacherId: string): Promise<boolean> {
    const rows = await em.query(
      `SELECT 1 FROM teachers t JOIN orgs o ON o.id = t.org_id WHERE t.id = $1 AND starts_with(o.path, $2)`,
      [teacherId, scopePath],
    );
    return rows.length > 0;
  },
};
