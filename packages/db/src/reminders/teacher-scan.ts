import type { EntityManager } from 'typeorm';
import { type IsoDate, dueOn, lunarLabel, reminderTitle, teacherOccurrences } from '@guanai/domain';
import { insertReminders, type ReminderRow } from './rows';
import type { RunnableRule } from './tenant-rules';

interface TeacherRow {
  id: string;
  org_id: string;
  name: string;
  birth_date: string;
  birthday_calendar: 'solar' | 'lunar';
  teaching_since: string;
  union_joined_on: string | null;
  retirement_date: string;
}

export const SCAN_BATCH = 5000;

/** Runs work in one short transaction of the tenant's scope. */
export type InTenant = <T>(work: (em: EntityManager) => Promise<T>) => Promise<T>;

/**
 * Birthdays and anniversaries: the tenant's active teachers, streamed in keyset batches (memory stays
 * bounded whatever the registry's size), each batch read and its due reminders inserted in a short
 * transaction of its own: a process killed half-way keeps what it wrote, and the next run skips it.
 */
export async function scanTeachers(
  tx: InTenant,
  tenantId: string,
  rules: readonly RunnableRule[],
  today: IsoDate,
  onBatch?: (scanned: number) => Promise<void>,
): Promise<{ scanned: number; created: number }> {
  if (!rules.length) return { scanned: 0, created: 0 };
  let after = '00000000-0000-0000-0000-000000000000';
  let scanned = 0;
  let created = 0;
  for (;;) {
    const teachers: TeacherRow[] = await tx((em) =>
      em.query(
        `SELECT id, org_id, name, to_char(birth_date, 'YYYY-MM-DD') AS birth_date, birthday_calendar,
              to_char(teaching_since, 'YYYY-MM-DD') AS teaching_since,
              to_char(union_joined_on, 'YYYY-MM-DD') AS union_joined_on,
              to_char(retirement_date, 'YYYY-MM-DD') AS retirement_date
         FROM teachers WHERE tenant_id = $1 AND status = 'active' AND id > $2 ORDER BY id LIMIT $3`,
        [tenantId, after, SCAN_BATCH],
      ),
    );
    if (!teachers.length) break;
    const rows: ReminderRow[] = [];
    for (const t of teachers) {
      const facts = {
        birthDate: t.birth_date,
        birthdayCalendar: t.birthday_calendar,
        teachingSince: t.teaching_since,
        unionJoinedOn: t.union_joined_on,
        retirementDate: t.retirement_date,
      };
      for (const { programmeId, rule } of rules)
        for (const o of teacherOccurrences(rule, facts, today)) {
          const lunar = rule.trigger.kind === 'birthday' && t.birthday_calendar === 'lunar';
          const lunarDay = lunar ? lunarLabel(t.birth_date) : undefined;
          rows.push({
            orgId: t.org_id,
            programmeId,
            ruleKey: rule.key,
            subjectKind: 'teacher',
            subjectId: t.id,
            teacherId: t.id,
            occursOn: o.occursOn,
            dueOn: dueOn(o.occursOn, rule.leadDays),
            title: reminderTitle(rule, { name: t.name, years: o.years, lunarLabel: lunarDay }),
            detail: {
              kind: rule.trigger.kind,
              ...(o.years ? { years: o.years } : {}),
              ...(lunar ? { lunar: lunarDay } : {}),
            },
            activityType: rule.activityType ?? null,
            audience: rule.audience,
            role: rule.role ?? null,
          });
        }
    }
    created += await tx((em) => insertReminders(em, tenantId, rows));
    scanned += teachers.length;
    after = teachers[teachers.length - 1]!.id;
    await onBatch?.(scanned);
    if (teachers.length < SCAN_BATCH) break;
  }
  return { scanned, created };
}
