// The rules evaluated as sets in SQL rather than teacher by teacher: festivals (per unit), a tenant's
// own dates, check-ups not recorded, targets not met as a period ends, hardship visits overdue, and
// care records' follow-up dates.
import type { EntityManager } from 'typeorm';
import {
  addDays,
  calendarOccurrence,
  dueOn,
  isDue,
  periodContaining,
  reminderTitle,
  windowStart,
  type IsoDate,
  type ReminderRule,
} from '@guanai/domain';
import type { ReminderRow } from './rows';
import type { RunnableRule } from './tenant-rules';

const base = (r: RunnableRule, occursOn: IsoDate) => ({
  programmeId: r.programmeId,
  ruleKey: r.rule.key,
  occursOn,
  dueOn: dueOn(occursOn, r.rule.leadDays),
  activityType: r.rule.activityType ?? null,
  audience: r.rule.audience,
  role: r.rule.role ?? null,
});

/** Per-unit rules go to each school's officer; for the tenant's officers or a role, one for the tenant. */
const perUnit = (rule: ReminderRule) => rule.audience === 'school_officer' || rule.audience === 'teacher';

async function festival(
  em: EntityManager,
  tenantId: string,
  r: RunnableRule,
  occursOn: IsoDate,
): Promise<ReminderRow[]> {
  const t = r.rule.trigger;
  const womenOnly = t.kind === 'festival' && t.festival === 'womens_day';
  const units: { org_id: string; name: string; teachers: number }[] = await em.query(
    `SELECT o.id AS org_id, o.name, count(*)::int AS teachers
       FROM teachers t JOIN orgs o ON o.id = ${perUnit(r.rule) ? 't.org_id' : 't.tenant_id'}
      WHERE t.tenant_id = $1 AND t.status = 'active' ${womenOnly ? `AND t.sex = 'female'` : ''}
      GROUP BY o.id, o.name`,
    [tenantId],
  );
  return units.map((u) => ({
    ...base(r, occursOn),
    orgId: u.org_id,
    subjectKind: 'org' as const,
    subjectId: u.org_id,
    teacherId: null,
    title: reminderTitle(r.rule, { name: u.name, teachers: u.teachers }),
    detail: { kind: 'festival', teachers: u.teachers, ...(womenOnly ? { sex: 'female' } : {}) },
  }));
}

async function deadline(
  em: EntityManager,
  tenantId: string,
  r: RunnableRule,
  occursOn: IsoDate,
): Promise<ReminderRow[]> {
  const [tenant]: { name: string }[] = await em.query(`SELECT name FROM orgs WHERE id = $1`, [tenantId]);
  return [
    {
      ...base(r, occursOn),
      orgId: tenantId,
      subjectKind: 'org',
      subjectId: tenantId,
      teacherId: null,
      title: reminderTitle(r.rule, { name: tenant?.name ?? '' }),
      detail: { kind: 'deadline' },
    },
  ];
}

async function checkupDue(
  em: EntityManager,
  tenantId: string,
  r: RunnableRule,
  occursOn: IsoDate,
): Promise<ReminderRow[]> {
  const teachers: { id: string; org_id: string; name: string }[] = await em.query(
    `SELECT t.id, t.org_id, t.name FROM teachers t
      WHERE t.tenant_id = $1 AND t.status = 'active'
        AND NOT EXISTS (
          SELECT 1 FROM care_participants p JOIN care_records c ON c.id = p.record_id AND c.deleted_at IS NULL
           WHERE p.teacher_id = t.id AND p.activity_type = 'health_checkup'
             AND p.occurred_on >= date_trunc('year', $2::date)::date AND p.occurred_on < (date_trunc('year', $2::date) + interval '1 year')::date)`,
    [tenantId, occursOn],
  );
  return teachers.map((t) => ({
    ...base(r, occursOn),
    orgId: t.org_id,
    subjectKind: 'teacher' as const,
    subjectId: t.id,
    teacherId: t.id,
    title: reminderTitle(r.rule, { name: t.name }),
    detail: { kind: 'checkup_due', year: Number(occursOn.slice(0, 4)) },
  }));
}

async function quota(
  em: EntityManager,
  tenantId: string,
  r: RunnableRule,
  today: IsoDate,
): Promise<ReminderRow[]> {
  const indicator = r.indicator;
  if (!indicator) return [];
  // The period running now and the one that just ended (its reminder may still be caught up).
  const periods = [
    periodContaining(indicator.period, today, r.calendar),
    periodContaining(indicator.period, windowStart(today), r.calendar),
  ];
  const rows: ReminderRow[] = [];
  for (const period of new Map(periods.map((p) => [p.key, p])).values()) {
    if (!isDue(period.end, r.rule.leadDays, today)) continue;
    const units: { unit_id: string; name: string; value: string; target: string; status: string }[] =
      await em.query(
        `SELECT cr.unit_id, o.name, cr.value, cr.target, cr.status
         FROM compliance_results cr JOIN orgs o ON o.id = cr.unit_id
        WHERE cr.programme_id = $1 AND cr.period_key = $2 AND cr.indicator_key = $3 AND cr.status <> 'met'
          AND (cr.unit_id = $4) = $5`,
        [r.programmeId, period.key, indicator.key, tenantId, indicator.level === 'tenant'],
      );
    for (const u of units)
      rows.push({
        ...base(r, period.end),
        orgId: u.unit_id,
        subjectKind: 'org',
        subjectId: u.unit_id,
        teacherId: null,
        title: reminderTitle(r.rule, { name: u.name, indicatorName: indicator.name }),
        detail: {
          kind: 'quota',
          period: period.key,
          indicator: indicator.key,
          value: Number(u.value),
          target: Number(u.target),
          status: u.status,
        },
      });
  }
  return rows;
}

/** The care activities that count as a visit to a teacher in hardship. */
const VISITS = ['visit', 'hardship_assistance', 'hardship_survey', 'illness_care'];

async function hardship(
  em: EntityManager,
  tenantId: string,
  r: RunnableRule,
  today: IsoDate,
): Promise<ReminderRow[]> {
  const t = r.rule.trigger;
  if (t.kind !== 'hardship_followup') return [];
  // Never visited: counted from when the record was created, so the occurrence stays the same day
  // after day and the reminder is created once.
  const teachers: {
    id: string;
    org_id: string;
    name: string;
    occurs_on: string;
    last_visit: string | null;
  }[] = await em.query(
    `SELECT * FROM (
       SELECT t.id, t.org_id, t.name, to_char(v.last, 'YYYY-MM-DD') AS last_visit,
              to_char(coalesce(v.last, (t.created_at AT TIME ZONE 'Asia/Shanghai')::date) + $3::int, 'YYYY-MM-DD') AS occurs_on
         FROM teachers t
         LEFT JOIN LATERAL (
           SELECT max(p.occurred_on) AS last FROM care_participants p
             JOIN care_records c ON c.id = p.record_id AND c.deleted_at IS NULL
            WHERE p.teacher_id = t.id AND p.activity_type = ANY($4::text[])) v ON true
        WHERE t.tenant_id = $1 AND t.status = 'active' AND $2 = ANY(t.tags)) x
      WHERE occurs_on::date BETWEEN $5::date AND $6::date`,
    [
      tenantId,
      t.tag,
      t.afterDays,
      [...VISITS, ...(r.rule.activityType ? [r.rule.activityType] : [])],
      windowStart(today),
      addDays(today, r.rule.leadDays),
    ],
  );
  return teachers.map((x) => ({
    ...base(r, x.occurs_on),
    orgId: x.org_id,
    subjectKind: 'teacher' as const,
    subjectId: x.id,
    teacherId: x.id,
    title: reminderTitle(r.rule, { name: x.name, days: t.afterDays }),
    detail: { kind: 'hardship_followup', lastVisit: x.last_visit, tag: t.tag },
  }));
}

async function careFollowUp(
  em: EntityManager,
  tenantId: string,
  r: RunnableRule,
  today: IsoDate,
): Promise<ReminderRow[]> {
  const records: {
    id: string;
    org_id: string;
    title: string;
    follow_up_on: string;
    activity_type: string;
  }[] = await em.query(
    `SELECT id, org_id, title, to_char(follow_up_on, 'YYYY-MM-DD') AS follow_up_on, activity_type
       FROM care_records
      WHERE tenant_id = $1 AND deleted_at IS NULL AND follow_up_on BETWEEN $2::date AND $3::date`,
    [tenantId, windowStart(today), addDays(today, r.rule.leadDays)],
  );
  return records.map((c) => ({
    ...base(r, c.follow_up_on),
    activityType: r.rule.activityType ?? c.activity_type,
    orgId: c.org_id,
    subjectKind: 'care_record' as const,
    subjectId: c.id,
    teacherId: null,
    title: reminderTitle(r.rule, { name: c.title }),
    detail: { kind: 'care_followup', recordId: c.id },
  }));
}

/** The due reminders of one set rule on `today` (not yet inserted). */
export async function unitRuleRows(
  em: EntityManager,
  tenantId: string,
  r: RunnableRule,
  today: IsoDate,
): Promise<ReminderRow[]> {
  switch (r.rule.trigger.kind) {
    case 'festival':
    case 'deadline':
    case 'checkup_due': {
      const occursOn = calendarOccurrence(r.rule, today);
      if (!occursOn) return [];
      if (r.rule.trigger.kind === 'festival') return festival(em, tenantId, r, occursOn);
      if (r.rule.trigger.kind === 'deadline') return deadline(em, tenantId, r, occursOn);
      return checkupDue(em, tenantId, r, occursOn);
    }
    case 'quota':
      return quota(em, tenantId, r, today);
    case 'hardship_followup':
      return hardship(em, tenantId, r, today);
    case 'care_followup':
      return careFollowUp(em, tenantId, r, today);
    default:
      return [];
  }
}
