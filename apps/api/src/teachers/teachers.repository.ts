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
  ${D('birth_date')}, t.id_number_enc, t.id_number_masked, t.phone_enc, t.phone_masked, t.address_enc,
  t.address_masked, t.health_note_enc, t.ethnicity, t.political_status, t.marital_status, t.employment_type,
  t.position, ${D('position_since')}, t.subject, t.stage, t.title, t.titles, ${D('teaching_since')}, ${D('joined_school_on')}, t.postings,
  t.backbone, t.honours, t.family, ${D('union_joined_on')}, t.union_status, t.retirement_category,
  ${D('retirement_date')}, t.status, t.tags, t.notes, t.linked_user_id, t.version
  FROM teachers t JOIN orgs o ON o.id = t.org_id`;

const SORTS: Record<ListTeachersQuery['sort'], string> = {
  name: 't.name ASC, t.id',
  '-name': 't.name DESC, t.id',
  birthDate: 't.birth_date ASC, t.id',
  '-birthDate': 't.birth_date DESC, t.id',
  retirementDate: 't.retirement_date ASC, t.id',
  '-retirementDate': 't.retirement_date DESC, t.id',
  teachingSince: 't.teaching_since ASC, t.id',
  '-teachingSince': 't.teaching_since DESC, t.id',
};

/**
 * SQL for the registry. Row-level security limits every query to the caller's subtree; the
 * `starts_with(o.path, $1)` says the same in code.
 */
export const teachersRepo = {
  async page(em: EntityManager, scopePath: string, q: ListTeachersQuery, today: string, idHash?: string): Promise<Page<TeacherRow>> {
    const where = ['starts_with(o.path, $1)'];
    const params: unknown[] = [scopePath];
    const add = (sql: string, ...values: unknown[]) => {
      let s = sql;
      for (const v of values) {
        params.push(v);
        s = s.replace('?', `$${params.length}`);
      }
      where.push(s);
    };
    if (q.q) add('t.name ILIKE ?', `%${q.q.replace(/[%_\\]/g, '\\$&')}%`);
    if (idHash) add('t.id_number_hash = ?', idHash);
    if (q.orgId) add('starts_with(o.path, (SELECT path FROM orgs WHERE id = ?))', q.orgId);
    if (q.sex) add('t.sex = ?', q.sex);
    if (q.title) add('t.title = ?', q.title);
    if (q.position) add('t.position = ?', q.position);
    if (q.status) add('t.status = ?', q.status);
    if (q.backbone !== undefined) add('t.backbone = ?', q.backbone);
    if (q.rural !== undefined) add('o.rural = ?', q.rural);
    if (q.tag) add('t.tags @> ARRAY[?]::text[]', q.tag);
    // Age in full years on `today`: at least N means born on or before today minus N years.
    if (q.ageMin !== undefined) add(`t.birth_date <= (?::date - make_interval(years => ?))::date`, today, q.ageMin);
    if (q.ageMax !== undefined) add(`t.birth_date > (?::date - make_interval(years => ?))::date`, today, q.ageMax + 1);
    if (q.teachingYearsMin !== undefined)
      add(`t.teaching_since <= (?::date - make_interval(years => ?))::date`, today, q.teachingYearsMin);
    if (q.teachingYearsMax !== undefined)
      add(`t.teaching_since > (?::date - make_interval(years => ?))::date`, today, q.teachingYearsMax + 1);
    // The current posting's start; the record page refines it across short gaps (CONTINUITY_GAP_DAYS).
    if (q.yearsAtSchoolMin !== undefined)
      add(`t.joined_school_on <= (?::date - make_interval(years => ?))::date`, today, q.yearsAtSchoolMin);
    if (q.retiringWithinDays !== undefined)
      add(`t.retirement_date BETWEEN ?::date AND ?::date + ?::int`, today, today, q.retiringWithinDays);
    const whereSql = where.join(' AND ');
    const [{ total }] = await em.query(
      `SELECT count(*)::int AS total FROM teachers t JOIN orgs o ON o.id = t.org_id WHERE ${whereSql}`,
      params,
    );
    const items: TeacherRow[] = await em.query(
      `${SELECT} WHERE ${whereSql} ORDER BY ${SORTS[q.sort]} LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`,
      params,
    );
    return { items, total, page: q.page, pageSize: q.pageSize };
  },

  async find(em: EntityManager, scopePath: string, id: string, lock = false): Promise<TeacherRow | undefined> {
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

  /** All rows the filters match, in pages, for the export (bounded memory). */
  async *each(em: EntityManager, scopePath: string, q: ListTeachersQuery, today: string, idHash?: string) {
    for (let page = 1; ; page++) {
      const batch = await teachersRepo.page(em, scopePath, { ...q, page, pageSize: 200 }, today, idHash);
      yield* batch.items;
      if (page * 200 >= batch.total) return;
    }
  },
};
