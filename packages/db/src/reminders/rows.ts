import type { EntityManager } from 'typeorm';

/** One reminder to create; the unique key (tenant, rule, subject, occurrence) drops it when it exists. */
export interface ReminderRow {
  orgId: string;
  programmeId: string | null;
  ruleKey: string;
  subjectKind: 'teacher' | 'org' | 'care_record' | 'case' | 'supervision_visit';
  subjectId: string;
  teacherId: string | null;
  occursOn: string;
  dueOn: string;
  title: string;
  detail: Record<string, unknown>;
  activityType: string | null;
  audience: string;
  role: string | null;
}

/** Inserts reminders in one statement; those already there are skipped. Returns how many were new. */
export async function insertReminders(
  em: EntityManager,
  tenantId: string,
  rows: readonly ReminderRow[],
): Promise<number> {
  if (!rows.length) return 0;
  const col = <K extends keyof ReminderRow>(k: K) => rows.map((r) => r[k]);
  const inserted: unknown[] = await em.query(
    `INSERT INTO reminders (tenant_id, org_id, programme_id, rule_key, subject_kind, subject_id, teacher_id,
                            occurs_on, due_on, title, detail, activity_type, audience, role)
     SELECT $1, u.org_id, u.programme_id, u.rule_key, u.subject_kind, u.subject_id, u.teacher_id,
            u.occurs_on, u.due_on, u.title, u.detail::jsonb, u.activity_type, u.audience, u.role
       FROM unnest($2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::uuid[], $7::uuid[], $8::date[], $9::date[],
                   $10::text[], $11::text[], $12::text[], $13::text[], $14::text[])
         AS u(org_id, programme_id, rule_key, subject_kind, subject_id, teacher_id, occurs_on, due_on,
              title, detail, activity_type, audience, role)
     ON CONFLICT (tenant_id, rule_key, subject_kind, subject_id, occurs_on) DO NOTHING
     RETURNING 1`,
    [
      tenantId,
      col('orgId'),
      col('programmeId'),
      col('ruleKey'),
      col('subjectKind'),
      col('subjectId'),
      col('teacherId'),
      col('occursOn'),
      col('dueOn'),
      col('title'),
      rows.map((r) => JSON.stringify(r.detail)),
      col('activityType'),
      col('audience'),
      col('role'),
    ],
  );
  return inserted.length;
}
