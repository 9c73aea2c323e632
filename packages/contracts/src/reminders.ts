import { z } from 'zod';
import { REMINDER_AUDIENCES } from './care-catalogue';
import { Id, PageQuery, Version, pageOf } from './common';
import { ActivityTypeCode, DocKey, ReminderRuleDoc } from './programmes';
import { Fen } from './care-records';
import { Role } from './roles';
import { IsoDate } from './teachers';

// Reminders (提醒): what the worker's daily evaluation found due — a birthday, a festival, an
// anniversary, a check-up not yet done, a target at risk, a follow-up — each once per rule, subject
// and occurrence. Officers act on them: done (recording the suggested care), snoozed, or dismissed.

export const REMINDER_STATUSES = ['open', 'snoozed', 'done', 'dismissed'] as const;
export const ReminderStatus = z.enum(REMINDER_STATUSES);
export const REMINDER_SUBJECTS = ['teacher', 'org', 'care_record', 'case', 'supervision_visit'] as const;
export const ReminderSubject = z.enum(REMINDER_SUBJECTS);

/**
 * Who a reminder goes to: a programme rule's audiences, and the engine's own for a dispute case or a
 * supervision visit (its handler; without one, the union's administrators and case handlers).
 */
export const ReminderAudience = z.enum([...REMINDER_AUDIENCES, 'case_handler']);

export const Reminder = z.object({
  id: Id,
  orgId: Id,
  orgName: z.string(),
  programmeId: Id.nullable(),
  ruleKey: z.string(),
  /** The trigger's kind: birthday, festival, anniversary, checkup_due, quota, deadline, hardship_followup, care_followup. */
  kind: z.string(),
  subjectKind: ReminderSubject,
  subjectId: Id,
  teacherId: Id.nullable(),
  title: z.string(),
  /** The occurrence: the birthday, festival or deadline itself. */
  occursOn: IsoDate,
  /** From when it is shown and sent (occursOn minus the rule's lead days). */
  dueOn: IsoDate,
  daysLeft: z.number().int(),
  detail: z.record(z.string(), z.unknown()),
  activityType: ActivityTypeCode.nullable(),
  audience: ReminderAudience,
  status: ReminderStatus,
  snoozedUntil: IsoDate.nullable(),
  dismissReason: z.string().nullable(),
  careRecordId: Id.nullable(),
  resolvedAt: z.string().nullable(),
  version: Version,
});
export type Reminder = z.infer<typeof Reminder>;
export const ReminderPage = pageOf(Reminder);

export const ListRemindersQuery = PageQuery.extend({
  status: ReminderStatus.optional(),
  kind: z.string().max(30).optional(),
  orgId: Id.optional(),
  teacherId: Id.optional(),
  /** Occurring on or after / on or before (inclusive). */
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  q: z.string().trim().max(50).optional(),
});
export type ListRemindersQuery = z.infer<typeof ListRemindersQuery>;

/** Done: records the suggested care activity for the teacher (or the unit) unless recordCare is false. */
export const CompleteReminderRequest = z.strictObject({
  version: Version,
  recordCare: z.boolean().default(true),
  occurredOn: IsoDate.optional(),
  amountFen: Fen.default(0),
  notes: z.string().trim().max(2000).optional(),
});
export type CompleteReminderRequest = z.infer<typeof CompleteReminderRequest>;

export const SnoozeReminderRequest = z.strictObject({ version: Version, until: IsoDate });
export const DismissReminderRequest = z.strictObject({
  version: Version,
  reason: z.string().trim().min(2).max(200),
});

// ——— A tenant's reminder settings ———

/** A tenant's changes to one of its programme's rules. */
export const RuleOverride = z.strictObject({
  enabled: z.boolean(),
  leadDays: z.number().int('LEAD_DAYS_NOT_INTEGER').min(0, 'LEAD_DAYS_NEGATIVE').max(366).optional(),
  audience: z.enum(REMINDER_AUDIENCES).optional(),
  role: Role.optional(),
});

export const ReminderSettings = z.strictObject({
  /** Per rule key of the programme's version; a rule not named here is on, as the version says. */
  rules: z.record(DocKey, RuleOverride).default({}),
  /** Rules the tenant adds (its own dates, festivals, anniversaries); keys must not clash with the version's. */
  custom: z.array(ReminderRuleDoc).max(30).default([]),
});
export type ReminderSettings = z.infer<typeof ReminderSettings>;

export const UpdateReminderSettingsRequest = ReminderSettings.extend({ version: Version });

/** One effective rule of a programme, for the settings page. */
export const EffectiveRule = z.object({
  key: z.string(),
  name: z.string(),
  measureKey: z.string().nullable(),
  custom: z.boolean(),
  enabled: z.boolean(),
  rule: ReminderRuleDoc,
});
export const ProgrammeReminderSettings = z.object({
  programmeId: Id,
  settings: ReminderSettings,
  rules: z.array(EffectiveRule),
  version: Version,
});
export type ProgrammeReminderSettings = z.infer<typeof ProgrammeReminderSettings>;

/** When the tenant's daily evaluation runs: an hour of the day in its time zone. */
export const ReminderSchedule = z.strictObject({
  hour: z.number().int().min(0).max(23),
  timeZone: z.string().min(1).max(60),
});
export type ReminderSchedule = z.infer<typeof ReminderSchedule>;
export const DEFAULT_REMINDER_SCHEDULE: ReminderSchedule = { hour: 7, timeZone: 'Asia/Shanghai' };

export const ReminderRun = z.object({
  day: IsoDate,
  status: z.enum(['running', 'done', 'failed']),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  created: z.number().int(),
  notified: z.number().int(),
  error: z.string().nullable(),
});
export const TenantReminderSchedule = ReminderSchedule.extend({
  orgId: Id,
  lastRuns: z.array(ReminderRun),
});
export type TenantReminderSchedule = z.infer<typeof TenantReminderSchedule>;

export const EvaluateNowResponse = z.object({ queued: z.boolean(), day: IsoDate });
