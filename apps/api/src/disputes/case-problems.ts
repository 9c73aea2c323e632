import type { DeadlineFactsProblem, TransitionDetailsProblem } from '@guanai/domain';
import { AppError, type FieldProblem } from '../common/app-error';
import type { ErrorCode } from '../common/messages';

// The domain names what is wrong; the API says it in the catalogue's words, at the request's field.

const DETAIL_CODES: Record<TransitionDetailsProblem['code'], ErrorCode> = {
  reason_required: 'CASE_REASON_REQUIRED',
  mediator_required: 'CASE_MEDIATOR_REQUIRED',
  date_required: 'CASE_DATE_REQUIRED',
  date_invalid: 'CASE_DATE_INVALID',
  date_in_future: 'DATE_IN_FUTURE',
  outcome_invalid: 'CASE_OUTCOME_REQUIRED',
  amount_required: 'CASE_AMOUNT_REQUIRED',
  amount_not_integer_fen: 'AMOUNT_NOT_INTEGER',
  amount_negative: 'AMOUNT_NEGATIVE',
};

const FACT_CODES: Record<DeadlineFactsProblem['code'], ErrorCode> = {
  date_required: 'CASE_DATE_REQUIRED',
  date_invalid: 'CASE_DATE_INVALID',
  date_in_future: 'DATE_IN_FUTURE',
  before_limitation_start: 'CASE_DATE_OUT_OF_ORDER',
  range_inverted: 'CASE_DATE_OUT_OF_ORDER',
  ranges_overlap: 'CASE_DATE_OUT_OF_ORDER',
  out_of_order: 'CASE_DATE_OUT_OF_ORDER',
  extension_out_of_range: 'CASE_EXTENSION_OUT_OF_RANGE',
  extension_without_acceptance: 'CASE_EXTENSION_WITHOUT_ACCEPTANCE',
  duplicate_id: 'CASE_DEADLINE_DUPLICATE',
  label_missing: 'CASE_DEADLINE_LABEL_REQUIRED',
  warning_days_invalid: 'CASE_DEADLINE_WARNING_INVALID',
};

/** Where a fact of CaseDeadlineFacts came from in the request (a transition's `on`, the facts route's fields). */
const FACT_FIELDS: Record<string, string> = {
  knewOn: 'knewOn',
  'mediation.appliedOn': 'on',
  'mediation.endedOn': 'on',
  'arbitration.appliedOn': 'on',
  'arbitration.acceptedOn': 'arbitrationAcceptedOn',
  'arbitration.extensionDays': 'awardExtensionDays',
  'arbitration.awardOn': 'awardOn',
};

function factPath(path: readonly (string | number)[]): string {
  if (path[0] === 'custom') return ['body', 'customDeadlines', ...path.slice(1)].join('.');
  return `body.${FACT_FIELDS[path.join('.')] ?? path.join('.')}`;
}

export function caseInvalid(fields: FieldProblem[]): AppError {
  return new AppError('CASE_INVALID', { params: { count: fields.length }, fields });
}

export function detailProblems(problems: readonly TransitionDetailsProblem[]): FieldProblem[] {
  return problems.map((p) => ({
    path: `body.${p.path[0] === 'mediatorId' ? 'mediatorName' : p.path.join('.')}`,
    code: DETAIL_CODES[p.code],
  }));
}

export function factProblems(problems: readonly DeadlineFactsProblem[]): FieldProblem[] {
  return problems.map((p) => ({ path: factPath(p.path), code: FACT_CODES[p.code] }));
}
