import type { Reminder } from '@guanai/contracts';
import { daysBetween, todayInShanghai, type IsoDate } from '@guanai/domain';
import type { ReminderRow } from './reminders.repository';

export function toReminder(r: ReminderRow, today: IsoDate = todayInShanghai()): Reminder {
  return {
    id: r.id,
    orgId: r.org_id,
    orgName: r.org_name,
    programmeId: r.programme_id,
    ruleKey: r.rule_key,
    kind: String(r.detail?.kind ?? ''),
    subjectKind: r.subject_kind,
    subjectId: r.subject_id,
    teacherId: r.teacher_id,
    title: r.title,
    occursOn: r.occurs_on,
    dueOn: r.due_on,
    daysLeft: daysBetween(today, r.occurs_on),
    detail: r.detail ?? {},
    activityType: r.activity_type as Reminder['activityType'],
    audience: r.audience as Reminder['audience'],
    status: r.status,
    snoozedUntil: r.snoozed_until,
    dismissReason: r.dismiss_reason,
    careRecordId: r.care_record_id,
    resolvedAt: r.resolved_at ? new Date(r.resolved_at).toISOString() : null,
    version: r.version,
  };
}
