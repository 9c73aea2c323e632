// Rules for a template a province edits (copy of a built-in or its own) and for the targets a tenant
// sets when it adopts one. Problems carry a zod-style path so the API can point at the field.
import { activityType, isActivityTypeCode } from './activity-types';
import {
  type Area,
  FULL_RATIO_BP,
  type Indicator,
  type IndicatorKind,
  type Measure,
  type ProgrammeTemplate,
  type ReminderRule,
} from './types';

export type TemplateProblemCode =
  | 'empty_key'
  | 'duplicate_key'
  | 'unknown_activity_type'
  | 'no_activity_types'
  /** An indicator counts, or a reminder asks for, a type its measure does not list. */
  | 'activity_type_not_in_measure'
  /** An amount indicator over a type whose records carry no amount. */
  | 'activity_type_without_amount'
  | 'target_not_integer'
  | 'target_negative'
  | 'ratio_out_of_range'
  | 'adjustable_invalid'
  | 'target_outside_adjustable'
  | 'eligible_group_missing'
  | 'eligible_group_unexpected'
  /** eligible_ratio is tenant-level only: the group is the tenant's, and a move changes the school. */
  | 'level_not_supported'
  | 'clause_quote_not_in_text'
  | 'lead_days_not_integer'
  | 'lead_days_negative'
  /** audience 'role' names the role; other audiences name none. */
  | 'role_required'
  | 'role_unexpected'
  /** teaching_years and union_years need their milestones; the fixed anniversaries take none. */
  | 'years_required'
  | 'years_unexpected'
  | 'unknown_indicator'
  | 'invalid_month_day';

export interface TemplateProblem {
  readonly code: TemplateProblemCode;
  /** Path into the template, as zod reports it: ['areas', 0, 'measures', 2, 'indicators', 0, 'target']. */
  readonly path: readonly (string | number)[];
}

const isRatio = (kind: IndicatorKind) => kind === 'coverage' || kind === 'eligible_ratio';

/** Problems of a target value alone: integer, not negative, a ratio at most 100 %. */
function targetValueProblem(
  kind: IndicatorKind,
  target: number,
): 'target_not_integer' | 'target_negative' | 'ratio_out_of_range' | null {
  if (!Number.isSafeInteger(target)) return 'target_not_integer';
  if (target < 0) return 'target_negative';
  if (isRatio(kind) && target > FULL_RATIO_BP) return 'ratio_out_of_range';
  return null;
}

const MONTH_DAY = /^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const COMMON_YEAR_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** 'MM-DD' naming a day of every year (02-29 is refused: it is not). */
export function isMonthDay(s: string): boolean {
  const m = MONTH_DAY.exec(s);
  return m !== null && Number(m[2]) <= COMMON_YEAR_DAYS[Number(m[1]) - 1];
}

function indicatorProblems(
  indicator: Indicator,
  measure: Measure,
  at: readonly (string | number)[],
): TemplateProblem[] {
  const problems: TemplateProblem[] = [];
  const add = (code: TemplateProblemCode, ...field: (string | number)[]) =>
    problems.push({ code, path: [...at, ...field] });

  if (indicator.activityTypes.length === 0) add('no_activity_types', 'activityTypes');
  indicator.activityTypes.forEach((code, i) => {
    if (!isActivityTypeCode(code)) add('unknown_activity_type', 'activityTypes', i);
    else if (!measure.activityTypes.includes(code)) add('activity_type_not_in_measure', 'activityTypes', i);
    else if (indicator.kind === 'amount' && !activityType(code).carriesAmount)
      add('activity_type_without_amount', 'activityTypes', i);
  });

  const targetProblem = targetValueProblem(indicator.kind, indicator.target);
  if (targetProblem) add(targetProblem, 'target');

  const range = indicator.adjustable;
  if (range) {
    const bad =
      targetValueProblem(indicator.kind, range.min) !== null ||
      targetValueProblem(indicator.kind, range.max) !== null ||
      range.min > range.max;
    if (bad) add('adjustable_invalid', 'adjustable');
    else if (!targetProblem && (indicator.target < range.min || indicator.target > range.max))
      add('target_outside_adjustable', 'target');
  }

  if (indicator.kind === 'eligible_ratio') {
    if (!indicator.eligibleGroup) add('eligible_group_missing', 'eligibleGroup');
    if (indicator.level !== 'tenant') add('level_not_supported', 'level');
  } else if (indicator.eligibleGroup !== undefined) {
    add('eligible_group_unexpected', 'eligibleGroup');
  }

  if (!measure.text.includes(indicator.clauseQuote) || indicator.clauseQuote === '')
    add('clause_quote_not_in_text', 'clauseQuote');
  return problems;
}

function reminderProblems(
  rule: ReminderRule,
  measure: Measure,
  indicatorKeys: ReadonlySet<string>,
  at: readonly (string | number)[],
): TemplateProblem[] {
  const problems: TemplateProblem[] = [];
  if (!Number.isSafeInteger(rule.leadDays))
    problems.push({ code: 'lead_days_not_integer', path: [...at, 'leadDays'] });
  else if (rule.leadDays < 0) problems.push({ code: 'lead_days_negative', path: [...at, 'leadDays'] });
  if (rule.audience === 'role' && !rule.role) problems.push({ code: 'role_required', path: [...at, 'role'] });
  if (rule.audience !== 'role' && rule.role)
    problems.push({ code: 'role_unexpected', path: [...at, 'role'] });

  if (rule.activityType !== undefined && !isActivityTypeCode(rule.activityType))
    problems.push({ code: 'unknown_activity_type', path: [...at, 'activityType'] });
  else if (rule.activityType !== undefined && !measure.activityTypes.includes(rule.activityType))
    problems.push({ code: 'activity_type_not_in_measure', path: [...at, 'activityType'] });
  const t = rule.trigger;
  // "N years of teaching" and union milestones need their N; the fixed anniversaries take none.
  const counted =
    t.kind === 'anniversary' && (t.anniversary === 'teaching_years' || t.anniversary === 'union_years');
  if (counted && !t.years?.length)
    problems.push({ code: 'years_required', path: [...at, 'trigger', 'years'] });
  if (t.kind === 'anniversary' && !counted && t.years)
    problems.push({ code: 'years_unexpected', path: [...at, 'trigger', 'years'] });
  if (t.kind === 'quota' && !indicatorKeys.has(t.indicatorKey))
    problems.push({ code: 'unknown_indicator', path: [...at, 'trigger', 'indicatorKey'] });
  if (t.kind === 'deadline' && !isMonthDay(t.monthDay))
    problems.push({ code: 'invalid_month_day', path: [...at, 'trigger', 'monthDay'] });
  return problems;
}

/**
 * Every problem of a template, empty when it may be saved. Keys must be non-empty and unique per
 * kind of node across the whole template (areas, measures, indicators, reminder rules), because
 * compliance results, reminders and version diffs refer to them without their parents.
 */
export function validateTemplate(template: ProgrammeTemplate): TemplateProblem[] {
  const problems: TemplateProblem[] = [];
  const seen = {
    areas: new Set<string>(),
    measures: new Set<string>(),
    indicators: new Set<string>(),
    reminders: new Set<string>(),
  };
  const checkKey = (set: Set<string>, key: string, path: (string | number)[]) => {
    if (key.trim() === '') problems.push({ code: 'empty_key', path: [...path, 'key'] });
    else if (set.has(key)) problems.push({ code: 'duplicate_key', path: [...path, 'key'] });
    set.add(key);
  };
  if (template.key.trim() === '') problems.push({ code: 'empty_key', path: ['key'] });

  const indicatorKeys = new Set(
    template.areas.flatMap((a) => a.measures.flatMap((m) => m.indicators.map((i) => i.key))),
  );

  template.areas.forEach((area, ai) => {
    const areaPath = ['areas', ai];
    checkKey(seen.areas, area.key, areaPath);
    area.measures.forEach((measure, mi) => {
      const measurePath = [...areaPath, 'measures', mi];
      checkKey(seen.measures, measure.key, measurePath);
      measure.activityTypes.forEach((code, ti) => {
        if (!isActivityTypeCode(code))
          problems.push({ code: 'unknown_activity_type', path: [...measurePath, 'activityTypes', ti] });
      });
      measure.indicators.forEach((indicator, ii) => {
        const path = [...measurePath, 'indicators', ii];
        checkKey(seen.indicators, indicator.key, path);
        problems.push(...indicatorProblems(indicator, measure, path));
      });
      measure.reminderRules.forEach((rule, ri) => {
        const path = [...measurePath, 'reminderRules', ri];
        checkKey(seen.reminders, rule.key, path);
        problems.push(...reminderProblems(rule, measure, indicatorKeys, path));
      });
    });
  });
  return problems;
}

export type TenantTargetProblem =
  | 'target_not_integer'
  | 'target_negative'
  | 'ratio_out_of_range'
  | 'not_adjustable'
  | 'below_min'
  | 'above_max';

/**
 * Whether a tenant may adopt `target` for the indicator: null when it may, else why not. The
 * province's own target is always allowed; any other needs `adjustable` and must lie within it.
 */
export function checkTenantTarget(indicator: Indicator, target: number): TenantTargetProblem | null {
  const valueProblem = targetValueProblem(indicator.kind, target);
  if (valueProblem) return valueProblem;
  if (target === indicator.target) return null;
  const range = indicator.adjustable;
  if (!range) return 'not_adjustable';
  if (target < range.min) return 'below_min';
  if (target > range.max) return 'above_max';
  return null;
}

// ——— Version diff (shown before a province publishes a new version) ———

export type TemplateEntity = 'template' | 'area' | 'measure' | 'indicator' | 'reminder_rule';

export interface TemplateChange {
  readonly change: 'added' | 'removed' | 'changed';
  readonly entity: TemplateEntity;
  /** The node's key ('' for the template itself). */
  readonly key: string;
  /** For 'changed': the fields that differ. 'area'/'measure' mean the node moved to another parent. */
  readonly fields?: readonly string[];
}

/**
 * Structural equality of JSON values (key order of objects does not matter; the server's jsonb reorders).
 * Exported for the SPA's template editor, which tells a dirty draft by it.
 */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((x, i) => sameJson(x, b[i]));
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const keys = new Set(
    [...Object.keys(ra), ...Object.keys(rb)].filter((k) => ra[k] !== undefined || rb[k] !== undefined),
  );
  return [...keys].every((k) => sameJson(ra[k], rb[k]));
}

/** A node with the fields a diff compares: its own, minus children, plus its parent's key. */
type Flat = { key: string } & Record<string, unknown>;

function flatten(t: ProgrammeTemplate): Record<Exclude<TemplateEntity, 'template'>, Flat[]> {
  const areas: Flat[] = [];
  const measures: Flat[] = [];
  const indicators: Flat[] = [];
  const reminders: Flat[] = [];
  for (const area of t.areas) {
    const { measures: ms, ...areaFields }: Area = area;
    areas.push(areaFields);
    for (const measure of ms) {
      const { indicators: is, reminderRules: rs, ...measureFields }: Measure = measure;
      measures.push({ ...measureFields, area: area.key });
      for (const i of is) indicators.push({ ...i, measure: measure.key });
      for (const r of rs) reminders.push({ ...r, measure: measure.key });
    }
  }
  return { area: areas, measure: measures, indicator: indicators, reminder_rule: reminders };
}

function diffNodes(entity: TemplateEntity, before: Flat[], after: Flat[]): TemplateChange[] {
  const old = new Map(before.map((n) => [n.key, n]));
  const now = new Set(after.map((n) => n.key));
  const changes: TemplateChange[] = [];
  for (const node of after) {
    const prev = old.get(node.key);
    if (!prev) {
      changes.push({ change: 'added', entity, key: node.key });
      continue;
    }
    const fields = [...new Set([...Object.keys(prev), ...Object.keys(node)])]
      .filter((f) => !sameJson(prev[f], node[f]))
      .sort();
    if (fields.length > 0) changes.push({ change: 'changed', entity, key: node.key, fields });
  }
  for (const node of before)
    if (!now.has(node.key)) changes.push({ change: 'removed', entity, key: node.key });
  return changes;
}

/**
 * What changed from version `a` to version `b` of a template, matching nodes by key: the template's
 * own fields, then areas, measures, indicators and reminder rules, each in `b`'s order with removals
 * last. A measure or indicator that moved reports the parent as a changed field. Order changes alone
 * are not reported.
 */
export function diffTemplates(a: ProgrammeTemplate, b: ProgrammeTemplate): TemplateChange[] {
  const { areas: _a, ...headA } = a;
  const { areas: _b, ...headB } = b;
  const headFields = [...new Set([...Object.keys(headA), ...Object.keys(headB)])]
    .filter((f) => !sameJson((headA as Record<string, unknown>)[f], (headB as Record<string, unknown>)[f]))
    .sort();
  const changes: TemplateChange[] =
    headFields.length > 0 ? [{ change: 'changed', entity: 'template', key: '', fields: headFields }] : [];
  const fa = flatten(a);
  const fb = flatten(b);
  for (const entity of ['area', 'measure', 'indicator', 'reminder_rule'] as const)
    changes.push(...diffNodes(entity, fa[entity], fb[entity]));
  return changes;
}
