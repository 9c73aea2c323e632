import type { ProgrammeDocument } from '@guanai/contracts';
import { checkTenantTarget, isMonthDay, type Indicator } from '@guanai/domain';
import type { FieldProblem } from '../common/app-error';
import type { Budgets, SettingsJson, Targets } from './programmes.repository';
import { targetCode } from './problems';

const indicatorsOf = (doc: ProgrammeDocument): Map<string, Indicator> =>
  new Map(doc.areas.flatMap((a) => a.measures.flatMap((m) => m.indicators.map((i) => [i.key, i] as const))));

const measureKeysOf = (doc: ProgrammeDocument): Set<string> =>
  new Set(doc.areas.flatMap((a) => a.measures.map((m) => m.key)));

/**
 * What a union may set on the version it adopts, as field problems at `body.<field>.<key>`: a target
 * only for an indicator of the version, and other than the province's only within its adjustable
 * range (domain checkTenantTarget); a budget only for a measure of the version; semester days that
 * every year has, spring before autumn (compliance/periods).
 */
export function programmeProblems(
  doc: ProgrammeDocument,
  input: { targets?: Targets; budgets?: Budgets; settings?: SettingsJson },
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const indicators = indicatorsOf(doc);
  for (const [key, value] of Object.entries(input.targets ?? {})) {
    const path = `body.targets.${key}`;
    const indicator = indicators.get(key);
    if (!indicator) {
      problems.push({ path, code: 'TARGET_UNKNOWN_INDICATOR' });
      continue;
    }
    const problem = checkTenantTarget(indicator, value);
    if (problem)
      problems.push({
        path,
        code: targetCode(problem),
        params: { target: indicator.target, min: indicator.adjustable?.min, max: indicator.adjustable?.max },
      });
  }
  const measures = measureKeysOf(doc);
  for (const key of Object.keys(input.budgets ?? {}))
    if (!measures.has(key)) problems.push({ path: `body.budgets.${key}`, code: 'BUDGET_UNKNOWN_MEASURE' });
  const semester = input.settings?.semester;
  if (semester) {
    const bad = (['autumnStart', 'springStart'] as const).filter((f) => !isMonthDay(semester[f]));
    for (const f of bad) problems.push({ path: `body.settings.semester.${f}`, code: 'SEMESTER_INVALID_DAY' });
    if (bad.length === 0 && semester.springStart >= semester.autumnStart)
      problems.push({ path: 'body.settings.semester.springStart', code: 'SEMESTER_ORDER' });
  }
  return problems;
}

/**
 * What survives a move to another version of the template: targets whose indicator remains and still
 * fits (its range may have changed), budgets whose measure remains. The rest is dropped.
 */
export function carryOver(doc: ProgrammeDocument, targets: Targets, budgets: Budgets) {
  const indicators = indicatorsOf(doc);
  const measures = measureKeysOf(doc);
  const keptTargets: Targets = {};
  const keptBudgets: Budgets = {};
  const dropped = { targets: [] as string[], budgets: [] as string[] };
  for (const [key, value] of Object.entries(targets)) {
    const indicator = indicators.get(key);
    if (indicator && checkTenantTarget(indicator, value) === null) keptTargets[key] = value;
    else dropped.targets.push(key);
  }
  for (const [key, value] of Object.entries(budgets)) {
    if (measures.has(key)) keptBudgets[key] = value;
    else dropped.budgets.push(key);
  }
  return { targets: keptTargets, budgets: keptBudgets, dropped };
}
