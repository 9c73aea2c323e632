import type { EntityManager } from '@guanai/db';
import type {
  ListSupervisionVisitsQuery,
  SupervisionCheckResult,
  SupervisionFinding,
  SupervisionStatus,
} from '@guanai/contracts';

export interface VisitRow {
  id: string;
  org_id: string;
  union_name: string;
  school_id: string;
  school_name: string;
  school_ownership: 'public' | 'private';
  visited_on: string;
  inspectors: string[];
  wages_check: SupervisionCheckResult;
  wages_note: string | null;
  social_insurance_check: SupervisionCheckResult;
  social_insurance_note: string | null;
  housing_fund_check: SupervisionCheckResult;
  housing_fund_note: string | null;
  contracts_check: SupervisionCheckResult;
  contracts_note: string | null;
  findings: SupervisionFinding[];
  rectify_by: string | null;
  status: SupervisionStatus;
  follow_up_result: string | null;
  rectified_on: string | null;
  followed_up_at: Date | null;
  followed_up_by_name: string | null;
  created_by_name: string | null;
  created_at: Date;
  updated_at: Date;
  version: number;
}

/** The record a create or an update writes (the school stays as created). */
export interface VisitColumns {
  school_ownership: 'public' | 'private';
  visited_on: string;
  inspectors: string[];
  wages_check: SupervisionCheckResult;
  wages_note: string | null;
  social_insurance_check: SupervisionCheckResult;
  social_insurance_note: string | null;
  housing_fund_check: SupervisionCheckResult;
  housing_fund_note: string | null;
  contracts_check: SupervisionCheckResult;
  contracts_note: string | null;
  findings: SupervisionFinding[];
  rectify_by: string | null;
  status: SupervisionStatus;
  rectified_on: string | null;
}

const RECORD = [
  'school_ownership',
  'visited_on',
  'inspectors',
  'wages_check',
  'wages_note',
  'social_insurance_check',
  'social_insurance_note',
  'housing_fund_check',
  'housing_fund_note',
  'contracts_check',
  'contracts_note',
  'findings',
  'rectify_by',
  'status',
  'rectified_on',
] as const satisfies readonly (keyof VisitColumns)[];

const valuesOf = (c: VisitColumns) =>
  RECORD.map((k) => (k === 'findings' ? JSON.stringify(c.findings) : c[k]));

const D = (c: string) => `to_char(v.${c}, 'YYYY-MM-DD') AS ${c}`;
const SELECT = `SELECT v.id, v.org_id, o.name AS union_name, v.school_id, s.name AS school_name, v.school_ownership, v.inspectors,
  v.wages_check, v.wages_note, v.social_insurance_check, v.social_insurance_note, v.housing_fund_check,
  v.housing_fund_note, v.contracts_check, v.contracts_note, v.findings, v.status, v.follow_up_result,
  v.followed_up_at, v.followed_up_by_name, v.created_by_name, v.created_at, v.updated_at, v.version,
  ${['visited_on', 'rectify_by', 'rectified_on'].map(D).join(', ')}
  FROM supervision_visits v JOIN orgs o ON o.id = v.org_id JOIN orgs s ON s.id = v.school_id`;

const ORDER: Record<ListSupervisionVisitsQuery['sort'], string> = {
  recent: 'v.visited_on DESC, v.created_at DESC, v.id',
  // 民办 first (Zhejiang 二(一)3 names them), then the newest visit.
  private_first: `(v.school_ownership = 'private') DESC, v.visited_on DESC, v.created_at DESC, v.id`,
  // What needs chasing: open visits by the nearest deadline, then the rest, newest first.
  rectify_by: `(v.status = 'open') DESC, v.rectify_by ASC NULLS LAST, v.visited_on DESC, v.id`,
};

/** SQL for supervision visits; every read is bounded by the caller's scope on the visit's union. */
export const supervisionRepo = {
  async page(
    em: EntityManager,
    scope: string,
    q: ListSupervisionVisitsQuery,
    today: string,
  ): Promise<{ items: VisitRow[]; total: number }> {
    const where = ['starts_with(o.path, $1)'];
    const params: unknown[] = [scope];
    const add = (sql: string, ...values: unknown[]) => {
      let s = sql;
      for (const v of values) {
        params.push(v);
        s = s.replace('?', `$${params.length}`);
      }
      where.push(s);
    };
    if (q.schoolId) add('v.school_id = ?', q.schoolId);
    if (q.ownership) add('v.school_ownership = ?', q.ownership);
    if (q.status === 'overdue') add(`v.status = 'open' AND v.rectify_by < ?::date`, today);
    else if (q.status) add('v.status = ?', q.status);
    if (q.dueWithinDays !== undefined)
      add(
        `v.status = 'open' AND v.rectify_by BETWEEN ?::date AND ?::date + ?::int`,
        today,
        today,
        q.dueWithinDays,
      );
    const sql = where.join(' AND ');
    const [{ total }] = await em.query(
      `SELECT count(*)::int AS total FROM supervision_visits v JOIN orgs o ON o.id = v.org_id WHERE ${sql}`,
      params,
    );
    const items = await em.query(
      `${SELECT} WHERE ${sql} ORDER BY ${ORDER[q.sort]} LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`,
      params,
    );
    return { items, total };
  },

  async find(em: EntityManager, scope: string, id: string, lock = false): Promise<VisitRow | undefined> {
    const [row] = await em.query(
      `${SELECT} WHERE v.id = $2 AND starts_with(o.path, $1)${lock ? ' FOR UPDATE OF v' : ''}`,
      [scope, id],
    );
    return row;
  },

  /** A school's visits, newest first (a school sees a few a year: 200 is years of them). */
  async ofSchool(em: EntityManager, scope: string, schoolId: string): Promise<VisitRow[]> {
    return em.query(
      `${SELECT} WHERE v.school_id = $2 AND starts_with(o.path, $1) ORDER BY ${ORDER.recent} LIMIT 200`,
      [scope, schoolId],
    );
  },

  /** A school in `scope` by id, or undefined. */
  async school(
    em: EntityManager,
    scope: string,
    id: string,
  ): Promise<{ id: string; name: string } | undefined> {
    const [row] = await em.query(
      `SELECT id, name FROM orgs WHERE id = $1 AND kind = 'school' AND starts_with(path, $2)`,
      [id, scope],
    );
    return row;
  },

  /**
   * An active school whose union lies in `scope` (so the visit, owned by that union, is the caller's to
   * write), with that union's id.
   */
  async visitableSchool(
    em: EntityManager,
    scope: string,
    id: string,
  ): Promise<{ id: string; tenant_id: string } | undefined> {
    const [row] = await em.query(
      `SELECT s.id, t.id AS tenant_id FROM orgs s JOIN orgs t ON t.id = s.tenant_id
        WHERE s.id = $1 AND s.kind = 'school' AND s.active AND starts_with(t.path, $2)`,
      [id, scope],
    );
    return row;
  },

  async insert(
    em: EntityManager,
    v: { id: string; orgId: string; schoolId: string; createdBy: string; createdByName: string },
    c: VisitColumns,
  ): Promise<void> {
    const cols = ['id', 'org_id', 'school_id', 'created_by', 'created_by_name', ...RECORD];
    await em.query(
      `INSERT INTO supervision_visits (${cols.join(', ')}) VALUES (${cols.map((_, i) => `$${i + 1}`).join(', ')})`,
      [v.id, v.orgId, v.schoolId, v.createdBy, v.createdByName, ...valuesOf(c)],
    );
  },

  async update(em: EntityManager, id: string, c: VisitColumns): Promise<void> {
    await em.query(
      `UPDATE supervision_visits SET ${RECORD.map((k, i) => `${k} = $${i + 2}`).join(', ')},
         updated_at = now(), version = version + 1 WHERE id = $1`,
      [id, ...valuesOf(c)],
    );
  },

  async followUp(
    em: EntityManager,
    id: string,
    f: {
      result: string;
      rectifiedOn: string | null;
      status: SupervisionStatus;
      byId: string;
      byName: string;
    },
  ): Promise<void> {
    await em.query(
      `UPDATE supervision_visits SET follow_up_result = $2, rectified_on = $3, status = $4, followed_up_at = now(),
         followed_up_by = $5, followed_up_by_name = $6, updated_at = now(), version = version + 1
       WHERE id = $1`,
      [id, f.result, f.rectifiedOn, f.status, f.byId, f.byName],
    );
  },
};
