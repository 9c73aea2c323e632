// Reminder triggers as people set and read them, shared by the template editor (a province's rules)
// and a union's own rules on its programme's page.
import type { Role } from '@guanai/contracts';
import type { Translate } from '@/app/i18n/lang';
import { label, type Doc, type ReminderDoc, type TriggerKind } from './labels';

export type Trigger = ReminderDoc['trigger'];

/** check-ups are due by this day unless the rule says (the contract's default). */
export const DEFAULT_CHECKUP_DAY = '10-31';
export const DEFAULT_HARDSHIP_TAG = '困难教师';
export const DEFAULT_HARDSHIP_DAYS = 90;
/** The milestones offered first for teaching and union years (any 1–60 may be typed). */
export const COMMON_YEARS = [5, 10, 15, 20, 25, 30, 35, 40];

/** Roles a rule may remind by name (audience 'role'): those a union's own users hold. */
export const REMINDER_ROLES: readonly Role[] = [
  'tenant_admin',
  'unit_officer',
  'case_handler',
  'judge',
  'teacher',
];

/** Anniversaries counted in years the rule lists (teaching_years, union_years); the others take none. */
export const takesYears = (anniversary: string) =>
  anniversary === 'teaching_years' || anniversary === 'union_years';

/** A trigger of another kind, with its parameters set to sensible first values. */
export function triggerOf(kind: TriggerKind, firstIndicator: string): Trigger {
  switch (kind) {
    case 'festival':
      return { kind, festival: 'teachers_day' };
    case 'anniversary':
      return { kind, anniversary: 'retirement' };
    case 'quota':
      return { kind, indicatorKey: firstIndicator };
    case 'deadline':
      return { kind, monthDay: '01-01' };
    case 'hardship_followup':
      return { kind, tag: DEFAULT_HARDSHIP_TAG, afterDays: DEFAULT_HARDSHIP_DAYS };
    case 'birthday':
    case 'checkup_due':
    case 'care_followup':
      return { kind };
  }
}

/** Indicator names by key, across the document (a quota trigger names one). */
export const indicatorNames = (doc: Doc) =>
  new Map(
    doc.areas.flatMap((a) => a.measures.flatMap((m) => m.indicators.map((i) => [i.key, i.name] as const))),
  );

/** A trigger in a few words: "节日：教师节", "从教满 10、20、30 年", "每年 09-01". */
export function describeTrigger(
  t: Translate,
  trigger: Trigger,
  indicators?: ReadonlyMap<string, string>,
): string {
  switch (trigger.kind) {
    case 'festival':
      return t('programme.reminder.desc.festival', { festival: label(t, 'festival', trigger.festival) });
    case 'anniversary':
      if (takesYears(trigger.anniversary) && trigger.years?.length)
        return t(
          trigger.anniversary === 'teaching_years'
            ? 'programme.reminder.desc.teachingYears'
            : 'programme.reminder.desc.unionYears',
          { years: trigger.years.join('、') },
        );
      return label(t, 'anniversary', trigger.anniversary);
    case 'checkup_due':
      return t('programme.reminder.desc.checkupBy', { day: trigger.byMonthDay ?? DEFAULT_CHECKUP_DAY });
    case 'quota':
      return t('programme.reminder.desc.quota', {
        indicator: indicators?.get(trigger.indicatorKey) || trigger.indicatorKey,
      });
    case 'deadline':
      return t('programme.reminder.desc.deadline', { day: trigger.monthDay });
    case 'hardship_followup':
      return t('programme.reminder.desc.hardship', { tag: trigger.tag, days: trigger.afterDays });
    case 'birthday':
    case 'care_followup':
      return label(t, 'trigger', trigger.kind);
  }
}

/** Typed milestone years: whole numbers 1–60, each once, in order. */
export function yearsOf(values: readonly (string | number)[]): number[] {
  const years = values.map((v) => Number(v)).filter((n) => Number.isInteger(n) && n >= 1 && n <= 60);
  return [...new Set(years)].sort((a, b) => a - b);
}
