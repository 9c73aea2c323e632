import type { CaseDeadlineView, CaseSummary, DisputeCase, MyCase } from '@guanai/contracts';
import { deadlinesOf } from '@guanai/db';
import type { CaseAction, CaseDeadline, HolidayCalendar, IsoDate } from '@guanai/domain';
import type { CaseEventRow, CaseRow } from './disputes.repository';

export { deadlineFactsOf, deadlinesOf, nextDueOn } from '@guanai/db';

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

export function toMyCase(
  r: CaseRow,
  allowed: CaseAction[],
  today: IsoDate,
  calendar: HolidayCalendar,
): MyCase {
  return {
    id: r.id,
    state: r.state,
    category: r.category as MyCase['category'],
    respondentName: r.respondent_name,
    claimedFen: Number(r.claimed_fen),
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
    allowedActions: allowed,
    deadlines: deadlinesOf(r, today, calendar).map(toDeadlineView),
    version: r.version,
  };
}
