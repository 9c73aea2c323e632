import type { CaseDeadlineView, CaseSummary, DisputeCase, MyCase } from '@guanai/contracts';
import {
  BUILTIN_HOLIDAY_YEARS,
  caseDeadlines,
  holidayCalendar,
  isOpenCaseState,
  type CaseAction,
  type CaseDeadline,
  type CaseDeadlineFacts,
  type IsoDate,
} from '@guanai/domain';
import type { CaseColumns, CaseEventRow, CaseRow } from './disputes.repository';

/** The State Council's published arrangements; a year not yet published counts weekends only (flagged). */
export const CASE_CALENDAR = holidayCalendar(BUILTIN_HOLIDAY_YEARS);

type FactsSource = Pick<
  CaseRow,
  | 'knew_on'
  | 'wage_arrears_ongoing'
  | 'mediation_applied_on'
  | 'mediation_ended_on'
  | 'arbitration_applied_on'
  | 'arbitration_accepted_on'
  | 'award_extension_days'
  | 'award_on'
  | 'custom_deadlines'
>;

/** The dated facts the statutory deadlines are computed from. */
export function deadlineFactsOf(r: FactsSource): CaseDeadlineFacts {
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

export function deadlinesOf(r: FactsSource, today: IsoDate): CaseDeadline[] {
  return caseDeadlines(deadlineFactsOf(r), today, CASE_CALENDAR);
}

/** The earliest deadline whose act is not yet done, while the case is open; stored for the list's filters. */
export function nextDueOn(r: FactsSource & Pick<CaseColumns, 'state'>, today: IsoDate): IsoDate | null {
  if (!isOpenCaseState(r.state)) return null;
  const open = deadlinesOf(r, today)
    .filter((d) => d.closedOn === null)
    .map((d) => d.due)
    .sort();
  return open[0] ?? null;
}

export function toDeadlineView(d: CaseDeadline): CaseDeadlineView {
  return {
    key: d.key,
    kind: d.kind,
    clause: d.clause,
    label: d.label,
    start: d.start,
    nominalDue: d.nominalDue,
    due: d.due,
    daysLeft: d.daysLeft,
    closedOn: d.closedOn,
    passed: d.passed,
    warnings: d.warnings.map((w) => ({ daysBefore: w.daysBefore, on: w.on })),
    provisional: d.provisional,
  };
}

const iso = (d: Date) => new Date(d).toISOString();

export function toCaseSummary(r: CaseRow, today: IsoDate): CaseSummary {
  return {
    id: r.id,
    orgId: r.org_id,
    state: r.state,
    category: r.category as CaseSummary['category'],
    applicants: r.applicants ?? [],
    respondent: { kind: r.respondent_kind, orgId: r.respondent_org_id, name: r.respondent_name },
    claimedFen: Number(r.claimed_fen),
    knewOn: r.knew_on,
    handlerId: r.handler_id,
    handlerName: r.handler_name,
    nextDueOn: r.next_due_on,
    overdue: r.next_due_on !== null && r.next_due_on < today,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
    version: r.version,
  };
}

export function toDisputeCase(
  r: CaseRow,
  clear: { facts: string; otherClaims: string | null },
  events: CaseEventRow[],
  allowed: CaseAction[],
  today: IsoDate,
): DisputeCase {
  return {
    ...toCaseSummary(r, today),
    facts: clear.facts,
    otherClaims: clear.otherClaims,
    wageArrearsOngoing: r.wage_arrears_ongoing,
    mediatorName: r.mediator_name,
    mediationAppliedOn: r.mediation_applied_on,
    mediationEndedOn: r.mediation_ended_on,
    arbitrationAppliedOn: r.arbitration_applied_on,
    arbitrationAcceptedOn: r.arbitration_accepted_on,
    awardExtensionDays: r.award_extension_days,
    awardOn: r.award_on,
    litigationFiledOn: r.litigation_filed_on,
    outcome: r.outcome as DisputeCase['outcome'],
    amountRecoveredFen: r.recovered_fen === null ? null : Number(r.recovered_fen),
    closedOn: r.closed_on,
    customDeadlines: (r.custom_deadlines ?? []).map(({ warnDaysBefore, ...c }) => ({
      ...c,
      ...(warnDaysBefore ? { warnDaysBefore: [...warnDaysBefore] } : {}),
    })),
    allowedActions: allowed,
    events: events.map((e) => ({
      id: e.id,
      action: e.action,
      fromState: e.from_state,
      toState: e.to_state,
      reason: e.reason,
      details: e.details ?? {},
      actorId: e.actor_id,
      actorName: e.actor_name,
      at: iso(e.created_at),
    })),
  };
}

export function toMyCase(r: CaseRow, allowed: CaseAction[], today: IsoDate): MyCase {
  return {
    id: r.id,
    state: r.state,
    category: r.category as MyCase['category'],
    respondentName: r.respondent_name,
    claimedFen: Number(r.claimed_fen),
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
    allowedActions: allowed,
    deadlines: deadlinesOf(r, today).map(toDeadlineView),
    version: r.version,
  };
}
