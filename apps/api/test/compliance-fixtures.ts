// Arranging compliance tests behind the API's back: teachers, programmes and care records written
// straight into the tables (in the system scope), with only the columns the engine reads filled in
// meaningfully. The sealed columns hold placeholders: nothing here decrypts them.
import { randomBytes, randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import { complianceRefreshJobId } from '@guanai/db';
import { refreshDebounce } from '../src/compliance/compliance-refresher';
import type { EntityManager } from '@guanai/db';
import type { ProgrammeTemplate } from '@guanai/domain';

export interface PostingSpec {
  orgId: string;
  from: string;
  to: string | null;
}

export interface TeacherSpec {
  id?: string;
  orgId: string;
  tenantId: string;
  name?: string;
  sex?: 'male' | 'female';
  birthDate?: string;
  status?: 'active' | 'retired' | 'transferred_out' | 'deceased';
  statusSince?: string | null;
  employment?: 'establishment' | 'contract' | 'private';
  stage?: string;
  position?: string;
  positionSince?: string | null;
  backbone?: boolean;
  postings: PostingSpec[];
}

export async function insertTeacher(em: EntityManager, t: TeacherSpec): Promise<string> {
  const id = t.id ?? randomUUID();
  const postings = t.postings.map((p) => ({
    orgId: p.orgId,
    orgName: '',
    from: p.from,
    to: p.to,
    rural: false,
  }));
  const first = t.postings[0]?.from ?? '2010-09-01';
  await em.query(
    `INSERT INTO teachers (id, org_id, tenant_id, name, sex, birth_date, id_number_enc, id_number_hash, id_number_masked,
       employment_type, position, position_since, stage, teaching_since, joined_school_on, postings, backbone,
       retirement_date, status, status_since)
     VALUES ($1, $2, $3, $4, $5, $6, 'sealed', $7, '3301**********0000', $8, $9, $10, $11, $12, $13, $14, $15,
       '2060-01-01', $16, $17)`,
    [
      id,
      t.orgId,
      t.tenantId,
      t.name ?? `教师${randomBytes(2).toString('hex')}`,
      t.sex ?? 'female',
      t.birthDate ?? '1985-05-05',
      randomBytes(16).toString('hex'),
      t.employment ?? 'establishment',
      t.position ?? 'teacher',
      t.positionSince ?? null,
      t.stage ?? 'primary',
      first < '2000-01-01' ? first : '2000-01-01',
      t.postings.at(-1)?.from ?? first,
      JSON.stringify(postings),
      t.backbone ?? false,
      t.status ?? 'active',
      t.statusSince ?? null,
    ],
  );
  return id;
}

export interface RecordSpec {
  orgId: string;
  tenantId: string;
  type: string;
  on: string;
  amountFen?: number;
  deleted?: boolean;
  programmeId?: string | null;
  measureKey?: string | null;
  /** Teachers reached, with the unit each was at (care_participants.org_id). */
  participants?: { teacherId: string; orgId: string }[];
}

export async function insertRecord(em: EntityManager, r: RecordSpec): Promise<string> {
  const id = randomUUID();
  const participants = r.participants ?? [];
  await em.query(
    `INSERT INTO care_records (id, org_id, tenant_id, programme_id, measure_key, activity_type, title, occurred_on,
       amount_fen, participant_count, deleted_at, delete_reason)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
    [
      id,
      r.orgId,
      r.tenantId,
      r.programmeId ?? null,
      r.measureKey ?? null,
      r.type,
      `${r.type} ${r.on}`,
      r.on,
      r.amountFen ?? 0,
      participants.length,
      r.deleted ? new Date() : null,
      r.deleted ? '录入错误' : null,
    ],
  );
  if (participants.length)
    await em.query(
      `INSERT INTO care_participants (record_id, teacher_id, org_id, tenant_id, activity_type, occurred_on)
       SELECT $1, p.teacher_id, p.org_id, $2, $3, $4 FROM unnest($5::uuid[], $6::uuid[]) AS p(teacher_id, org_id)`,
      [id, r.tenantId, r.type, r.on, participants.map((p) => p.teacherId), participants.map((p) => p.orgId)],
    );
  return id;
}

export interface ProgrammeSpec {
  provinceId: string;
  tenantId: string;
  year: number;
  document: ProgrammeTemplate;
  targets?: Record<string, number>;
  budgets?: Record<string, number>;
  settings?: Record<string, unknown>;
  /** Reuse a template (several tenants adopting the same one). */
  template?: { templateId: string; versionId: string };
}

export async function insertTemplate(
  em: EntityManager,
  provinceId: string,
  document: ProgrammeTemplate,
): Promise<{ templateId: string; versionId: string }> {
  const [t] = await em.query(
    `INSERT INTO programme_templates (org_id, key, name, draft, latest_version) VALUES ($1, $2, $3, $4, 1) RETURNING id`,
    [provinceId, `t${randomBytes(4).toString('hex')}`, document.name, JSON.stringify(document)],
  );
  const [v] = await em.query(
    `INSERT INTO programme_versions (org_id, template_id, number, document) VALUES ($1, $2, 1, $3) RETURNING id`,
    [provinceId, t.id, JSON.stringify(document)],
  );
  return { templateId: t.id, versionId: v.id };
}

export async function insertProgramme(
  em: EntityManager,
  p: ProgrammeSpec,
): Promise<{ id: string; templateId: string; versionId: string }> {
  const template = p.template ?? (await insertTemplate(em, p.provinceId, p.document));
  const [row] = await em.query(
    `INSERT INTO programmes (org_id, template_id, version_id, year, targets, budgets, settings)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [
      p.tenantId,
      template.templateId,
      template.versionId,
      p.year,
      JSON.stringify(p.targets ?? {}),
      JSON.stringify(p.budgets ?? {}),
      JSON.stringify(p.settings ?? {}),
    ],
  );
  return { id: row.id, ...template };
}

/** Whether a write has asked the worker to refresh the programme's stored results (this minute's or the last one's job). */
export async function refreshQueued(
  config: { REDIS_URL: string; REDIS_PREFIX: string },
  programmeId: string,
): Promise<boolean> {
  const queue = new Queue('compliance', {
    connection: { url: config.REDIS_URL },
    prefix: config.REDIS_PREFIX,
  });
  try {
    const window = Math.floor(Date.now() / refreshDebounce.windowMs);
    const jobs = await Promise.all(
      [window - 1, window].map((w) => queue.getJob(complianceRefreshJobId(programmeId, w))),
    );
    return jobs.some((j) => j?.data.programmeId === programmeId);
  } finally {
    await queue.close();
  }
}
