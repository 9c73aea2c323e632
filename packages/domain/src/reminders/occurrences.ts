// When a rule's moment falls, and whether its reminder is due on a day. A reminder is due from its
// occurrence minus the lead days until CATCH_UP_DAYS after it: so a day the worker did not run (down,
// Redis lost) is made up the next time it does, and a reminder is never created for a moment long past.
import { addDays } from '../dates/arithmetic';
import { type IsoDate, compareDates, formatIsoDate, requireIsoDate } from '../dates/calendar';
import type { MonthDay, ReminderRule } from '../programmes/types';
import { type BirthdayCalendar, nextBirthday, nextFestival, solarAnniversary } from './calendar';

/** How many days after an occurrence a missed reminder is still created. */
export const CATCH_UP_DAYS = 7;

/** The earliest occurrence a reminder may still be created for on `today`. */
export const windowStart = (today: IsoDate): IsoDate => addDays(today, -CATCH_UP_DAYS);

/** Whether a reminder for `occursOn` with `leadDays` is due on `today`: occursOn − lead ≤ today ≤ occursOn + catch-up. */
export function isDue(occursOn: IsoDate, leadDays: number, today: IsoDate): boolean {
  return (
    compareDates(addDays(occursOn, -leadDays), today) <= 0 && compareDates(windowStart(today), occursOn) <= 0
  );
}

/** The day a reminder comes due (shown and sent from then). */
export const dueOn = (occursOn: IsoDate, leadDays: number): IsoDate => addDays(occursOn, -leadDays);

/** The first MM-DD on or after a day (this year's or next year's). MM-DD is never 02-29 (validateTemplate). */
export function nextMonthDay(monthDay: MonthDay, onOrAfter: IsoDate): IsoDate {
  const { year } = requireIsoDate(onOrAfter);
  const [m, d] = monthDay.split('-').map(Number) as [number, number];
  const thisYear = formatIsoDate(year, m, d);
  return compareDates(thisYear, onOrAfter) >= 0 ? thisYear : formatIsoDate(year + 1, m, d);
}

/** What a per-teacher rule needs of the registry. */
export interface ReminderTeacher {
  readonly birthDate: IsoDate;
  readonly birthdayCalendar: BirthdayCalendar;
  readonly teachingSince: IsoDate;
  readonly unionJoinedOn: IsoDate | null;
  readonly retirementDate: IsoDate;
}

/** One due occurrence of a per-teacher rule; `years` for anniversaries. */
export interface TeacherOccurrence {
  readonly occursOn: IsoDate;
  readonly years?: number;
}

function anniversaries(
  since: IsoDate | null,
  years: readonly number[],
  lead: number,
  today: IsoDate,
): TeacherOccurrence[] {
  if (!since) return [];
  const from = requireIsoDate(since).year;
  return years
    .map((n) => ({ occursOn: solarAnniversary(since, from + n), years: n }))
    .filter((o) => isDue(o.occursOn, lead, today));
}

/**
 * The due occurrences of a per-teacher rule (birthday, anniversary) for one teacher on `today`: none,
 * or one (two only for milestones that fall within one window). Other triggers are not per teacher
 * in the registry scan and give none.
 */
export function teacherOccurrences(
  rule: ReminderRule,
  t: ReminderTeacher,
  today: IsoDate,
): TeacherOccurrence[] {
  const lead = rule.leadDays;
  const tr = rule.trigger;
  if (tr.kind === 'birthday') {
    const next = nextBirthday(t.birthDate, t.birthdayCalendar, windowStart(today));
    return isDue(next, lead, today) ? [{ occursOn: next }] : [];
  }
  if (tr.kind !== 'anniversary') return [];
  switch (tr.anniversary) {
    case 'teaching_30_years':
      return anniversaries(t.teachingSince, [30], lead, today);
    case 'teaching_years':
      return anniversaries(t.teachingSince, tr.years ?? [], lead, today);
    case 'union_years':
      return anniversaries(t.unionJoinedOn, tr.years ?? [], lead, today);
    case 'retirement':
      return isDue(t.retirementDate, lead, today) ? [{ occursOn: t.retirementDate }] : [];
    default:
      return [];
  }
}

/** Whether a rule is evaluated by scanning the registry teacher by teacher. */
export const isTeacherScanRule = (rule: ReminderRule): boolean =>
  rule.trigger.kind === 'birthday' || rule.trigger.kind === 'anniversary';

/** The due occurrence of a calendar rule (festival, deadline, check-up date) on `today`, or null. */
export function calendarOccurrence(rule: ReminderRule, today: IsoDate): IsoDate | null {
  const tr = rule.trigger;
  const from = windowStart(today);
  let next: IsoDate;
  if (tr.kind === 'festival') next = nextFestival(tr.festival, from);
  else if (tr.kind === 'deadline') next = nextMonthDay(tr.monthDay, from);
  else if (tr.kind === 'checkup_due') next = nextMonthDay(tr.byMonthDay ?? DEFAULT_CHECKUP_BY, from);
  else return null;
  return isDue(next, rule.leadDays, today) ? next : null;
}

/** Check-ups not recorded by 31 October leave November and December to catch up before the year ends. */
export const DEFAULT_CHECKUP_BY: MonthDay = '10-31';
