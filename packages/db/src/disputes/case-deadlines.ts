// A case's deadlines from its stored columns: shared by the API (what a case shows, next_due_on on each
// write) and the worker (the daily sweep, the warnings). Dates are columns in clear; facts stay sealed.
import {
  caseDeadlines,
  isOpenCaseState,
  type CaseDeadline,
  type CaseDeadlineFacts,
  type CaseState,
  type CustomDeadline,
  type HolidayCalendar,
  type IsoDate,
} from '@guanai/domain';

/** The dispute_cases columns the deadlines are computed from. */
export interface CaseDeadlineColumns {
  knew_on: string;
  wage_arrears_ongoing: boolean;
  mediation_applied_on: string | null;
  mediation_ended_on: string | null;
  arbitration_applied_on: string | null;
  arbitration_accepted_on: string | null;
  award_extension_days: number | null;
  award_on: string | null;
  custom_deadlines: readonly CustomDeadline[] | null;
}

const DATES = [
  'knew_on',
  'mediation_applied_on',
  'mediation_ended_on',
  'arbitration_applied_on',
  'arbitration_accepted_on',
  'award_on',
];

/** The same columns as a SELECT list over dispute_cases aliased `alias` (dates as ISO text). */
export function caseDeadlineColumns(alias: string): string {
  return [
    ...DATES.map((c) => `to_char(${alias}.${c}, 'YYYY-MM-DD') AS ${c}`),
    `${alias}.wage_arrears_ongoing`,
    `${alias}.award_extension_days`,
    `${alias}.custom_deadlines`,
  ].join(', ');
}

/** The dated facts the statutory deadlines are computed from. */
export function deadlineFactsOf(r: CaseDeadlineColumns): CaseDeadlineFacts {
  return {
    knewOn: r.knew_on,
    // 第二十七条第四款: wages owed while the job lasts run no limitation until it ends.
    wageArrears: r.wage_arrears_ongoing ? { employmentEndedOn: null } : null,
    mediation: r.mediation_applied_on
      ? { appliedOn: r.mediation_applied_on, endedOn: r.mediation_ended_on }
      : null,
    arbitration: r.arbitration_applied_on
      ? {
          appliedOn: r.arbitration_applied_on,
          acceptedOn: r.arbitration_accepted_on,
          extensionDays: r.award_extension_days,
          awardOn: r.award_on,
        }
      : null,
    custom: r.custom_deadlines ?? [],
  };
}

export function deadlinesOf(
  r: CaseDeadlineColumns,
  today: IsoDate,
  calendar: HolidayCalendar,
): CaseDeadline[] {
  return caseDeadlines(deadlineFactsOf(r), today, calendar);
}

/** The earliest deadline whose act is not yet done, while the case is open; stored for the list's filters. */
export function nextDueOn(
  r: CaseDeadlineColumns & { state: CaseState },
  today: IsoDate,
  calendar: HolidayCalendar,
): IsoDate | null {
  if (!isOpenCaseState(r.state)) return null;
  const open = deadlinesOf(r, today, calendar)
    .filter((d) => d.closedOn === null)
    .map((d) => d.due)
    .sort();
  return open[0] ?? null;
}
