import type { TemplateProblem, TemplateProblemCode, TenantTargetProblem } from '@guanai/domain';
import { AppError, type FieldProblem } from '../common/app-error';
import type { ErrorCode } from '../common/messages';

// The domain's problem codes as the API's stable error codes (messages.ts holds both languages).

const TEMPLATE_CODES: Record<TemplateProblemCode, ErrorCode> = {
  empty_key: 'TEMPLATE_EMPTY_KEY',
  duplicate_key: 'TEMPLATE_DUPLICATE_KEY',
  unknown_activity_type: 'TEMPLATE_UNKNOWN_ACTIVITY_TYPE',
  no_activity_types: 'TEMPLATE_NO_ACTIVITY_TYPES',
  activity_type_not_in_measure: 'TEMPLATE_ACTIVITY_TYPE_NOT_IN_MEASURE',
  activity_type_without_amount: 'TEMPLATE_ACTIVITY_TYPE_WITHOUT_AMOUNT',
  target_not_integer: 'TEMPLATE_TARGET_NOT_INTEGER',
  target_negative: 'TEMPLATE_TARGET_NEGATIVE',
  ratio_out_of_range: 'TEMPLATE_RATIO_OUT_OF_RANGE',
  adjustable_invalid: 'TEMPLATE_ADJUSTABLE_INVALID',
  target_outside_adjustable: 'TEMPLATE_TARGET_OUTSIDE_ADJUSTABLE',
  eligible_group_missing: 'TEMPLATE_ELIGIBLE_GROUP_MISSING',
  eligible_group_unexpected: 'TEMPLATE_ELIGIBLE_GROUP_UNEXPECTED',
  level_not_supported: 'TEMPLATE_LEVEL_NOT_SUPPORTED',
  clause_quote_not_in_text: 'TEMPLATE_CLAUSE_QUOTE_NOT_IN_TEXT',
  lead_days_not_integer: 'TEMPLATE_LEAD_DAYS_NOT_INTEGER',
  lead_days_negative: 'TEMPLATE_LEAD_DAYS_NEGATIVE',
  role_required: 'TEMPLATE_ROLE_REQUIRED',
  role_unexpected: 'TEMPLATE_ROLE_UNEXPECTED',
  years_required: 'TEMPLATE_YEARS_REQUIRED',
  years_unexpected: 'TEMPLATE_YEARS_UNEXPECTED',
  unknown_indicator: 'TEMPLATE_UNKNOWN_INDICATOR',
  invalid_month_day: 'TEMPLATE_INVALID_MONTH_DAY',
};

const TARGET_CODES: Record<TenantTargetProblem, ErrorCode> = {
  target_not_integer: 'TARGET_NOT_INTEGER',
  target_negative: 'TARGET_NEGATIVE',
  ratio_out_of_range: 'TARGET_RATIO_OUT_OF_RANGE',
  not_adjustable: 'TARGET_NOT_ADJUSTABLE',
  below_min: 'TARGET_BELOW_MIN',
  above_max: 'TARGET_ABOVE_MAX',
};

export const targetCode = (p: TenantTargetProblem): ErrorCode => TARGET_CODES[p];

/** A template's problems as field errors under `at`. */
export function templateFields(problems: readonly TemplateProblem[], at: string): FieldProblem[] {
  return problems.map((p) => ({ path: [at, ...p.path.map(String)].join('.'), code: TEMPLATE_CODES[p.code] }));
}

/** Every problem of a template as a field error under `at` (e.g. `body.draft.areas.0.measures.2.key`). */
export function templateInvalid(
  problems: readonly TemplateProblem[],
  at: string,
  more: FieldProblem[] = [],
): AppError {
  const fields = [
    ...more,
    ...problems.map((p) => ({ path: [at, ...p.path.map(String)].join('.'), code: TEMPLATE_CODES[p.code] })),
  ];
  return new AppError('TEMPLATE_INVALID', { params: { count: fields.length }, fields });
}

export function programmeInvalid(fields: FieldProblem[]): AppError {
  return new AppError('PROGRAMME_INVALID', { params: { count: fields.length }, fields });
}
