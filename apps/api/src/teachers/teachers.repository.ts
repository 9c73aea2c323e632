import type { ListTeachersQuery, Page } from '@guanai/contracts';
import type { EntityManager } from '@guanai/db';

export interface PostingJson {
  orgId: string;
  orgName: string;
  from: string;
  to: string | null;
  rural: boolean;
}

export interface FamilyJson {
  id: string;
  kind: 'spouse' | 'parent' | 'child' | 'grandparent' | 'grandchild';
  relativeId: string | null;
  relativeName: string;
  inEducation: boolean;
  note: string | null;
}

export interface TeacherRow {
  id: string;
  org_id: string;
  tenant_id: string;
  org_name: string;
  org_rural: boolean;
  name: string;
  sex: 'male' | 'female';
  birth_date: string;
  birthday_calendar: 'solar' | 'lunar';
  id_number_enc: string;
  id_number_masked: string;
  phone_enc: string | null;
  phone_masked: string | null;
  address_enc: string | null;
  address_masked: string | null;
  health_note_enc: string | null;
  ethnicity: string | null;
  political_status: string | null;
  marital_status: string | null;
  employment_type: string;
  position: string;
  position_since: string | null;
  subject: string | null;
  stage: string;
  title: string | null;
  titles: { level: string; since: string }[];
  teaching_since: string;
  joined_school_on: string;
  postings: PostingJson[];
  backbone: boolean;
  honours: { name: string; year: number }[];
  family: FamilyJson[];
  union_joined_on: string | null;
  union_status: string;
  retirement_category: 'cadre' | 'worker';
  retirement_date: string;
  status: 'active' | 'retired' | 'transferred_out' | 'deceased';
  tags: string[];
  notes: string | null;
  linked_user_id: string | null;
  version: number;
}

// Dates come back as 'YYYY-MM-DD' strings, never JS Dates shifted by a time zone.
const D = (c: string) => `to_char(t.${c}, 'YYYY-MM-DD') AS ${c}`;
const SELECT = `SELECT t.id, t.org_id, t.tenant_id, o.name AS org_name, o.rural AS org_rural, t.name, t.sex,
  ${D('birth_date')}, t.birthday_calendar, t.id_number_enc, t.id_number_masked, t.phone_enc, t.phone_masked, t.address_enc,
  t.address_masked, t.health_note_enc, t.ethnicity, t.political_status, t.marital_status, t.employment_type,
  t.position, ${D('position_since')}, t.subject, t.stage, t.title, t.titles, ${D('teaching_since')}, ${D('joined_school_on')}, t.postings,
  t.backbone, t.honours, t.family, ${D('union_joined_on')}, t.union_status, t.retirement_category,
  ${D('retirement_date')}, t.status, t.tags, t.notes, t.linked_user_id, t.version
  FROM teachers t JOIN orgs o ON o.id = t.org_id`;

/** A sort as SQL: the column, its direction, and how a row's value of it is cast back for keyset paging. */
interface SortKey {
  column: string;
  /** The column's value in a TeacherRow (dates as 'YYYY-MM-DD'). */
  field: 'name' | 'birth_date' | 'retirement_date' | 'teaching_since';
  type: 'text' | 'date';
  desc: boolean;
}

// Names in pinyin order (migration TeacherNamePinyin: the collation and the index built in it).
const COLLATE: Partial<Record<SortKey['field'], string>> = { name: ' COLLATE guanai_pinyin' };

const sortKey = (column: SortKey['field'], type: SortKey['type'], desc: boolean): SortKey => ({
  column: `t.${column}${COLLATE[column] ?? ''}`,
  field: column,
  type,
  desc,
});

const SORTS: Record<ListTeachersQuery['sort'], SortKey> = {
  name: sortKey('name', 'text', false),
  '-name': sortKey('name', 'text', true),
  birthDate: sortKey('birth_date', 'date', false),
  '-birthDate': sortKey('birth_date', 'date', true),
  retirementDate: sortKey('retirement_date', 'date', false),
  '-retirementDate': sortKey('retirement_date', 'date', true),
  teachingSince: sortKey('teaching_since', 'date', false),
  '-teachingSince': sortKey('teaching_since', 'date', true),
};

/**
 * The sort column, then the id in the same direction as a tie-break: a total order (every sort
 * column is NOT NULL), which a `(tenant_id, column, id)` index can return as is, read forwards or
 * backwards, and which keyset paging can resume with one row comparison.
 */
const orderBy = (k: SortKey) => `${k.column} ${k.desc ? 'DESC' : 'ASC'}, t.id ${k.desc ? 'DESC' : 'ASC'}`;

/** Rows per query of the export (`each`). A setting object rather than a constant so tests can lower it. */
export const exportPaging = { batchSize: 500 };

interface Filters {
  where: string[];
  params: unknown[];
  /** Adds a condition; each `?` in it becomes the next parameter. */
  add(sql: string, ...values: unknown[]): void;
}

/** The list's filters without paging or sort: what other capabilities select teachers by (care participants). */
export type TeacherFilter = Omit<ListTeachersQuery, 'page' | 'pageSize' | 'sort'>;

/**
 * The list's conditions, all on `teachers t` alone, so the count needs no join and a page can be
 * chosen from one index before its rows are read. What depends on the organisation (the scope, the
 * org filter, rural) becomes one `t.org_id = ANY(ARRAY(SELECT id FROM orgs …))`: an InitPlan run once,
 * where `IN (SELECT …)` would be planned as a join driven from orgs, reading every row of the union
 * to sort them for one page.
 */
function filters(
  scopePath: string,
  tenantId: string | null,
  q: TeacherFilter,
  today: string,
  idHash?: string,
): Filters {
  const f: Filters = {
    where: [],
    params: [scopePath],
    add(sql, ...values) {
      let s = sql;
      for (const v of values) {
        f.params.push(v);
        s = s.replace('?', `$${f.params.length}`);
      }
      f.where.push(s);
    },
  };
  const { add } = f;
  // The caller's union, when the scope lies inside one. Row-level security already admits only the
  // scope's rows and the org condition below says so again; this says it a third time in a form the
  // (tenant_id, sort column, id) indexes serve, so a union's first page is the first entries of its
  // part of one index, and its count reads only that part.
  if (tenantId) add('t.tenant_id = ?', tenantId);
  const orgs = ['starts_with(path, $1)'];
  if (q.orgId) {
    f.params.push(q.orgId);
    orgs.push(`starts_with(path, (SELECT path FROM orgs WHERE id = $${f.params.length}))`);
  }
  if (q.rural !== undefined) {
    f.params.push(q.rural);
    orgs.push(`rural = $${f.params.length}`);
  }
  f.where.push(`t.org_id = ANY(ARRAY(SELECT id FROM orgs WHERE ${orgs.join(' AND ')}))`);
  if (q.q) add('t.name ILIKE ?', `%${q.q.replace(/[%_\\]/g, '\\$&')}%`);
  if (idHash) add('t.id_number_hash = ?', idHash);
  if (q.sex) add('t.sex = ?', q.sex);
  if (q.title) add('t.title = ?', q.title);
  if (q.position) add('t.position = ?', q.position);
  if (q.status) add('t.status = ?', q.status);
  if (q.backbone !== undefined) add('t.backbone = ?', q.backbone);
  if (q.tag) add('t.tags @> ARRAY[?]::text[]', q.tag);
  // Age in full years on `today`: at least N means born on or before today minus N years.
  if (q.ageMin !== undefined)
    add(`t.birth_date <= (?::date - make_interval(years => ?))::date`, today, q.ageMin);
  if (q.ageMax !== undefined)
    add(`t.birth_date > (?::date - make_interval(years => ?))::date`, today, q.ageMax + 1);
  if (q.teachingYearsMin !== undefined)
    add(`t.teaching_since <= (?::date - make_interval(years => ?))::date`, today, q.teachingYearsMin);
  if (q.teachingYearsMax !== undefined)
    add(`t.teaching_since > (?::date - make_interval(years => ?))::date`, today, q.teachingYearsMax + 1);
  // The current posting's start; the record page refines it across short gaps (CONTINUITY_GAP_DAYS).
  if (q.yearsAtSchoolMin !== undefined)
    add(`t.joined_school_on <= (?::date - make_interval(years => ?))::date`, today, q.yearsAtSchoolMin);
  if (q.retiringWithinDays !== undefined)
    add(`t.retirement_date BETWEEN ?::date AND ?::date + ?::int`, today, today, q.retiringWithinDays);
  return f;
}

/**
 * The one union every organisation of the scope belongs to, or null when the scope spans several (a
 * province; a city union with county unions under it, each a tenant of its own) or lies above them.
 * Only then may a list say `t.tenant_id = …`: every teacher of the scope carries that tenant.
 */
async function tenantOf(em: EntityManager, scopePath: string): Promise<string | null> {
  const [row] = await em.query(
    `SELECT CASE WHEN count(*) = count(tenant_id) AND count(DISTINCT tenant_id) = 1 THEN min(tenant_id::text) END AS tenant_id
       FROM orgs WHERE starts_with(path, $1)`,
    [scopePath],
  );
  return row?.tenant_id ?? null;
}

/**
 * The rows of one page: their ids first, from `teachers` alone (for a union, the first entries of one
 * index, without reading a row), then those rows with their school.
 */
const pageSql = (where: string[], key: SortKey, limit: number, offset = 0) =>
  `${SELECT} WHERE t.id IN (SELECT t.id FROM teachers t WHERE ${where.join(' AND ')}
     ORDER BY ${orderBy(key)} LIMIT ${limit}${offset ? ` OFFSET ${offset}` : ''})
   ORDER BY ${orderBy(key)}`;

/**
 * The list's filters as a WHERE clause over `teachers t JOIN orgs o ON o.id = t.org_id`, its
 * parameters numbered from $1, so another query (care participants) selects exactly the teachers
 * GET /v1/teachers would list.
 */
export async function teacherFilterSql(
  em: EntityManager,
  scopePath: string,
  q: TeacherFilter,
  today: string,
  idHash?: string,
): Promise<{ where: string; params: unknown[] }> {
  const f = filters(scopePath, await tenantOf(em, scopePath), q, today, idHash);
  return { where: f.where.join(' AND '), params: f.params };
}

/**
 * SQL for the registry. Row-level security limits every query to the caller's subtree; the
 * `starts_with(o.path, $1)` (for lists, on the org ids they may show) says the same in code.
 */
export const teachersRepo = {
  async page(
    em: EntityManager,
    scopePath: string,
    q: ListTeachersQuery,
    today: string,
    idHash?: string,
  ): Promise<Page<TeacherRow>> {
    const { where, params } = filters(scopePath, await tenantOf(em, scopePath), q, today, idHash);
    const [{ total }] = await em.query(
      `SELECT count(*)::int AS total FROM teachers t WHERE ${where.join(' AND ')}`,
      params,
    );
    const items: TeacherRow[] = await em.query(
      pageSql(where, SORTS[q.sort], q.pageSize, (q.page - 1) * q.pageSize),
      params,
    );
    return { items, total, page: q.page, pageSize: q.pageSize };
  },

  async find(
    em: EntityManager,
    scopePath: string,
    id: string,
    lock = false,
  ): Promise<TeacherRow | undefined> {
    const [row] = await em.query(
      `${SELECT} WHERE t.id = $1 AND starts_with(o.path, $2)${lock ? ' FOR UPDATE OF t' : ''}`,
      [id, scopePath],
    );
    return row;
  },

  /** The record a teacher account is linked to (self-service reads only this). */
  async findByLinkedUser(em: EntityManager, userId: string): Promise<TeacherRow | undefined> {
    const [row] = await em.query(`${SELECT} WHERE t.linked_user_id = $1`, [userId]);
    return row;
  },

  /**
   * Every row the filters match, in the list's order, for the export: batches of
   * `exportPaging.batchSize` by keyset (the next batch starts after the last row's sort value and id),
   * so each query costs the same however deep the export is, no count is needed, and a row is never
   * skipped or repeated when rows before it change meanwhile.
   */
  async *each(
    em: EntityManager,
    scopePath: string,
    q: ListTeachersQuery,
    today: string,
    idHash?: string,
  ): AsyncGenerator<TeacherRow> {
    const key = SORTS[q.sort];
    const tenantId = await tenantOf(em, scopePath);
    const size = exportPaging.batchSize;
    let after: TeacherRow | undefined;
    for (;;) {
      const f = filters(scopePath, tenantId, q, today, idHash);
      if (after)
        f.add(
          `(${key.column}, t.id) ${key.desc ? '<' : '>'} (?::${key.type}, ?::uuid)`,
          after[key.field],
          after.id,
        );
      const batch: TeacherRow[] = await em.query(pageSql(f.where, key, size), f.params);
      yield* batch;
      if (batch.length < size) return;
      after = batch[batch.length - 1];
    }
  },
};
