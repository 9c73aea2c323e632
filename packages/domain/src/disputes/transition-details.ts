// What each workflow action must record besides who and when (issue 6: "every transition records who,
// when and why"). The shapes come from the zod contract; these are the rules a schema cannot say.
import { DISPUTE_CASE_OUTCOMES } from '@guanai/contracts';
import { type IsoDate, compareDates, isIsoDate } from '../dates/calendar';
import type { CaseAction } from './workflow';

/** How a closed case ended. */
export const CASE_OUTCOMES = DISPUTE_CASE_OUTCOMES;
export type CaseOutcome = (typeof CASE_OUTCOMES)[number];

export interface TransitionDetails {
  readonly reason?: string | null;
  readonly mediatorId?: string | null;
  /** The day the recorded event happened: mediation applied for, agreement signed, mediation ended,
   * arbitration applied for, suit filed. It feeds the deadlines (CaseDeadlineFacts). */
  readonly on?: IsoDate | null;
  readonly outcome?: CaseOutcome | null;
  /** Integer fen (分); a fraction of a fen is refused. */
  readonly amountRecoveredFen?: number | null;
}

export type TransitionDetailsProblemCode =
  | 'reason_required'
  | 'mediator_required'
  | 'date_required'
  | 'date_invalid'
  | 'date_in_future'
  | 'outcome_invalid'
  | 'amount_required'
  | 'amount_not_integer_fen'
  | 'amount_negative';

export interface TransitionDetailsProblem {
  readonly code: TransitionDetailsProblemCode;
  readonly path: readonly string[];
}

/** Actions that record the date of what happened (for the deadlines). */
const DATED: readonly CaseAction[] = [
  'start_mediation',
  'settle',
  'fail_mediation',
  'start_arbitration',
  'start_litigation',
];

const blank = (s: string | null | undefined) => typeof s !== 'string' || s.trim() === '';

/** Every problem of the details given for `action` as of `today`; empty when they can be recorded. */
export function checkTransitionDetails(
  action: CaseAction,
  details: TransitionDetails,
  today: IsoDate,
): TransitionDetailsProblem[] {
  const problems: TransitionDetailsProblem[] = [];
  const add = (code: TransitionDetailsProblemCode, field: keyof TransitionDetails) =>
    problems.push({ code, path: [field] });
  if (action === 'decline' && blank(details.reason)) add('reason_required', 'reason');
  if (action === 'start_mediation' && blank(details.mediatorId)) add('mediator_required', 'mediatorId');
  if (DATED.includes(action)) {
    const on = details.on;
    if (on === null || on === undefined) add('date_required', 'on');
    else if (typeof on !== 'string' || !isIsoDate(on)) add('date_invalid', 'on');
    else if (compareDates(on, today) > 0) add('date_in_future', 'on');
  }
  if (action === 'close') {
    if (!(CASE_OUTCOMES as readonly unknown[]).includes(details.outcome)) add('outcome_invalid', 'outcome');
    const amount = details.amountRecoveredFen;
    if (amount === null || amount === undefined) add('amount_required', 'amountRecoveredFen');
    else if (!Number.isSafeInteger(amount)) add('amount_not_integer_fen', 'amountRecoveredFen');
    else if (amount < 0) add('amount_negative', 'amountRecoveredFen');
  }
  return problems;
}
