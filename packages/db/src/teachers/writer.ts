// The one place a teacher's record becomes a row: encryption of the sensitive fields, their keyed
// lookup hash and masked forms, the statutory retirement date and the postings. The API's create,
// the import job and the demo seed all write through here.
import type { EntityManager } from 'typeorm';
import type { BirthdayCalendar } from '@guanai/contracts';
import {
  maskIdNumber,
  maskPhone,
  statutoryRetirementDate,
  type RetirementCategory,
  type Sex,
} from '@guanai/domain';
import type { FieldCipher } from '../crypto/field-cipher';

export interface PostingJson {
  orgId: string;
  orgName: string;
  from: string;
  /** The last day there, inclusive; null while it lasts. */
  to: string | null;
  rural: boolean;
}

export interface TitleJson {
  level: string;
  since: string;
}

/** A teacher's record in clear, already validated (contracts) and checked (domain checkTeacherRecord). */
export interface TeacherRecord {
  name: string;
  sex: Sex;
  /** Normalised (normaliseIdNumber): 18 characters, upper-case X. */
  idNumber: string;
  birthDate: string;
  /** 'solar' when not given. */
  birthdayCalendar?: BirthdayCalendar;
  phone?: string | null;
  address?: string | null;
  healthNote?: string | null;
  ethnicity?: string | null;
  politicalStatus?: string | null;
  maritalStatus?: string | null;
  employmentType: string;
  position: string;
  positionSince?: string | null;
  subject?: string | null;
  stage: string;
  titles: readonly TitleJson[];
  teachingSince: string;
  /** The first day at the current school. */
  joinedSchoolOn: string;
  backbone: boolean;
  honours: readonly { name: string; year: number }[];
  unionJoinedOn?: string | null;
  unionStatus: string;
  retirementCategory: RetirementCategory;
  tags: readonly string[];
  notes?: string | null;
}

/** The school or department a teacher belongs to. */
export interface TeacherUnit {
  id: string;
  tenantId: string;
  name: string;
  rural: boolean;
}

/** The columns written, in the order of every INSERT below. */
export const TEACHER_COLUMNS = [
  'id',
  'org_id',
  'tenant_id',
  'name',
  'sex',
  'birth_date',
  'birthday_calendar',
  'id_number_enc',
  'id_number_hash',
  'id_number_masked',
  'phone_enc',
  'phone_masked',
  'address_enc',
  'address_masked',
  'health_note_enc',
  'ethnicity',
  'political_status',
  'marital_status',
  'employment_type',
  'position',
  'position_since',
  'subject',
  'stage',
  'title',
  'titles',
  'teaching_since',
  'joined_school_on',
  'postings',
  'backbone',
  'honours',
  'union_joined_on',
  'union_status',
  'retirement_category',
  'retirement_date',
  'tags',
  'notes',
  'import_digest',
] as const;
export type TeacherColumn = (typeof TEACHER_COLUMNS)[number];

/** One row's values by column. jsonb columns hold JSON text; tags a string array. */
export type TeacherColumns = Record<TeacherColumn, string | boolean | string[] | null>;

const SQL_TYPES: Record<TeacherColumn, string> = {
  id: 'uuid',
  org_id: 'uuid',
  tenant_id: 'uuid',
  name: 'text',
  sex: 'text',
  birth_date: 'date',
  birthday_calendar: 'text',
  id_number_enc: 'text',
  id_number_hash: 'text',
  id_number_masked: 'text',
  phone_enc: 'text',
  phone_masked: 'text',
  address_enc: 'text',
  address_masked: 'text',
  health_note_enc: 'text',
  ethnicity: 'text',
  political_status: 'text',
  marital_status: 'text',
  employment_type: 'text',
  position: 'text',
  position_since: 'date',
  subject: 'text',
  stage: 'text',
  title: 'text',
  titles: 'jsonb',
  teaching_since: 'date',
  joined_school_on: 'date',
  postings: 'jsonb',
  backbone: 'boolean',
  honours: 'jsonb',
  union_joined_on: 'date',
  union_status: 'text',
  retirement_category: 'text',
  retirement_date: 'date',
  tags: 'jsonb',
  notes: 'text',
  import_digest: 'text',
};

/** Masks an address after the first six characters (province, city, district stay readable). */
export function maskAddress(a: string): string {
  return a.length <= 6 ? '*'.repeat(a.length) : `${a.slice(0, 6)}${'*'.repeat(Math.min(a.length - 6, 10))}`;
}

/** The title held now: the one obtained last. */
export function currentTitle(titles: readonly TitleJson[]): string | null {
  return [...titles].sort((a, b) => a.since.localeCompare(b.since)).at(-1)?.level ?? null;
}

/** The posting at `unit` that starts on `from` and lasts. */
export function currentPosting(unit: TeacherUnit, from: string): PostingJson {
  return { orgId: unit.id, orgName: unit.name, from, to: null, rural: unit.rural };
}

export interface TeacherColumnOptions {
  id: string;
  /** Every posting, the current one last; by default `previousPostings` and one at `unit` from joinedSchoolOn. */
  postings?: readonly PostingJson[];
  previousPostings?: readonly PostingJson[];
  /** Set by imports: a keyed digest of the row as the file gave it (see importDigest). */
  importDigest?: string | null;
  /** The ID number's lookup hash, when the caller has computed it already. */
  idHash?: string;
}

/** A record as the registry stores it: sealed, hashed, masked and with its retirement date. */
export function teacherColumns(
  r: TeacherRecord,
  unit: TeacherUnit,
  cipher: FieldCipher,
  opts: TeacherColumnOptions,
): TeacherColumns {
  const sealed = (v: string | null | undefined) => (v ? cipher.encrypt(v) : null);
  const postings = opts.postings ?? [
    ...(opts.previousPostings ?? []),
    currentPosting(unit, r.joinedSchoolOn),
  ];
  return {
    id: opts.id,
    org_id: unit.id,
    tenant_id: unit.tenantId,
    name: r.name,
    sex: r.sex,
    birth_date: r.birthDate,
    birthday_calendar: r.birthdayCalendar ?? 'solar',
    id_number_enc: cipher.encrypt(r.idNumber),
    id_number_hash: opts.idHash ?? cipher.lookupHash(r.idNumber),
    id_number_masked: maskIdNumber(r.idNumber),
    phone_enc: sealed(r.phone),
    phone_masked: r.phone ? maskPhone(r.phone) : null,
    address_enc: sealed(r.address),
    address_masked: r.address ? maskAddress(r.address) : null,
    health_note_enc: sealed(r.healthNote),
    ethnicity: r.ethnicity ?? null,
    political_status: r.politicalStatus ?? null,
    marital_status: r.maritalStatus ?? null,
    employment_type: r.employmentType,
    position: r.position,
    position_since: r.positionSince ?? null,
    subject: r.subject ?? null,
    stage: r.stage,
    title: currentTitle(r.titles),
    titles: JSON.stringify(r.titles),
    teaching_since: r.teachingSince,
    joined_school_on: r.joinedSchoolOn,
    postings: JSON.stringify(postings),
    backbone: r.backbone,
    honours: JSON.stringify(r.honours),
    union_joined_on: r.unionJoinedOn ?? null,
    union_status: r.unionStatus,
    retirement_category: r.retirementCategory,
    retirement_date: statutoryRetirementDate(r.birthDate, r.sex, r.retirementCategory),
    tags: [...r.tags],
    notes: r.notes ?? null,
    import_digest: opts.importDigest ?? null,
  };
}

/**
 * A keyed digest of what a file said about a person (already normalised), to tell an unchanged row
 * from a changed one: the sealed columns cannot be compared, since every encryption draws a new IV.
 * Keyed (HMAC), so nobody holding the table can test guesses of a phone number or address against it.
 */
export function importDigest(cipher: FieldCipher, canonical: unknown): string {
  return cipher.keyedDigest(JSON.stringify(canonical));
}

/** Inserts one record; a second record for the same ID number in the tenant fails with 23505 on teachers_tenant_id_number. */
export async function insertTeacher(em: EntityManager, row: TeacherColumns): Promise<void> {
  const placeholders = TEACHER_COLUMNS.map((_, i) => `$${i + 1}`).join(', ');
  await em.query(
    `INSERT INTO teachers (${TEACHER_COLUMNS.join(', ')}) VALUES (${placeholders})`,
    TEACHER_COLUMNS.map((c) => row[c]),
  );
}

const NEEDS_ESCAPE = /["\\]/;

/**
 * A PostgreSQL array literal (`{"a","b",NULL}`) of text, sent as one string parameter and cast in SQL.
 * What pg would build, without its two regular-expression replacements per element: an import of
 * 100,000 teachers sends 3.5 million of them.
 */
export function arrayLiteral(values: readonly (string | boolean | null)[]): string {
  const out = new Array<string>(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === null || v === undefined) out[i] = 'NULL';
    else if (typeof v === 'boolean') out[i] = v ? 't' : 'f';
    else out[i] = `"${NEEDS_ESCAPE.test(v) ? v.replace(/["\\]/g, '\\$&') : v}"`;
  }
  return `{${out.join(',')}}`;
}

/** What an import needs to know about a record that already exists, to merge the file's row into it. */
export interface ExistingTeacher {
  id: string;
  tenant_id: string;
  id_number_hash: string;
  org_id: string;
  import_digest: string | null;
  sex: Sex;
  birth_date: string;
  birthday_calendar: BirthdayCalendar;
  phone_enc: string | null;
  phone_masked: string | null;
  address_enc: string | null;
  address_masked: string | null;
  ethnicity: string | null;
  political_status: string | null;
  marital_status: string | null;
  subject: string | null;
  position: string;
  position_since: string | null;
  titles: TitleJson[];
  teaching_since: string;
  joined_school_on: string;
  postings: PostingJson[];
  backbone: boolean;
  union_joined_on: string | null;
  union_status: string;
  retirement_category: RetirementCategory;
  tags: string[];
  notes: string | null;
}

export const teacherKey = (tenantId: string, idHash: string) => `${tenantId}|${idHash}`;

/**
 * The records the keys name, locked until the transaction ends, by teacherKey. Rows outside the
 * transaction's scope stay invisible (row-level security), as they should.
 */
export async function lockExistingTeachers(
  em: EntityManager,
  keys: readonly { tenantId: string; idHash: string }[],
): Promise<Map<string, ExistingTeacher>> {
  if (keys.length === 0) return new Map();
  const D = (c: string) => `to_char(t.${c}, 'YYYY-MM-DD') AS ${c}`;
  const rows: ExistingTeacher[] = await em.query(
    `SELECT t.id, t.tenant_id, t.id_number_hash, t.org_id, t.import_digest, t.sex, ${D('birth_date')}, t.birthday_calendar, t.phone_enc,
            t.phone_masked, t.address_enc, t.address_masked, t.ethnicity, t.political_status, t.marital_status,
            t.subject, t.position, ${D('position_since')}, t.titles, ${D('teaching_since')}, ${D('joined_school_on')}, t.postings, t.backbone,
            ${D('union_joined_on')}, t.union_status, t.retirement_category, t.tags, t.notes
       FROM teachers t
      WHERE (t.tenant_id, t.id_number_hash) IN (SELECT * FROM unnest($1::uuid[], $2::text[]))
      FOR UPDATE`,
    [keys.map((k) => k.tenantId), keys.map((k) => k.idHash)],
  );
  return new Map(rows.map((r) => [teacherKey(r.tenant_id, r.id_number_hash), r]));
}

/** Columns an upsert may overwrite on an existing record: never its id, tenant or lookup hash. */
export type UpdatableTeacherColumn = Exclude<
  TeacherColumn,
  'id' | 'tenant_id' | 'id_number_hash' | 'import_digest'
>;

export interface UpsertCounts {
  created: number;
  updated: number;
  /** Rows whose record already carried the same import digest: left as they were. */
  unchanged: number;
}

/**
 * Writes many records in one statement: new ID numbers are inserted; a known one (same tenant and
 * lookup hash) gets `update` columns from the row, its version bumped, unless its stored import
 * digest equals the row's, in which case nothing changes. Arrays go as one parameter per column
 * (unnest), so a batch costs one round trip and no parameter limit applies.
 */
export async function upsertTeachers(
  em: EntityManager,
  rows: readonly TeacherColumns[],
  update: readonly UpdatableTeacherColumn[],
): Promise<UpsertCounts> {
  return upsertTeacherParams(em, teacherParams(rows), rows.length, update);
}

/** The rows as upsertTeacherParams takes them: one array literal per column of TEACHER_COLUMNS. */
export function teacherParams(rows: readonly TeacherColumns[]): string[] {
  return TEACHER_COLUMNS.map((c) =>
    arrayLiteral(
      rows.map((r) => (c === 'tags' ? JSON.stringify(r.tags ?? []) : (r[c] as string | boolean | null))),
    ),
  );
}

/** upsertTeachers with the rows already turned into parameters (by teacherParams, maybe on another thread). */
export async function upsertTeacherParams(
  em: EntityManager,
  params: readonly string[],
  count: number,
  update: readonly UpdatableTeacherColumn[],
): Promise<UpsertCounts> {
  if (count === 0) return { created: 0, updated: 0, unchanged: 0 };
  const unnest = TEACHER_COLUMNS.map((c, i) => `$${i + 1}::${SQL_TYPES[c]}[]`).join(', ');
  const select = TEACHER_COLUMNS.map((c) =>
    c === 'tags' ? `ARRAY(SELECT jsonb_array_elements_text(v.tags))` : `v.${c}`,
  ).join(', ');
  const set = [...new Set(update)].map((c) => `${c} = EXCLUDED.${c}`);
  const result: { inserted: boolean }[] = await em.query(
    `INSERT INTO teachers (${TEACHER_COLUMNS.join(', ')})
     SELECT ${select} FROM unnest(${unnest}) AS v(${TEACHER_COLUMNS.join(', ')})
     ON CONFLICT (tenant_id, id_number_hash) DO UPDATE SET
       ${[...set, 'import_digest = EXCLUDED.import_digest', 'version = teachers.version + 1', 'updated_at = now()'].join(',\n       ')}
     WHERE teachers.import_digest IS DISTINCT FROM EXCLUDED.import_digest
     RETURNING (xmax = 0) AS inserted`,
    [...params],
  );
  const created = result.filter((r) => r.inserted).length;
  return { created, updated: result.length - created, unchanged: count - result.length };
}
