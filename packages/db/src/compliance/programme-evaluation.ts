// A whole programme evaluated for the periods containing one day: what the compliance report shows
// live and what the refresh job stores.
import type { EntityManager } from 'typeorm';
import { periodContaining, type EligibleGroupCode, type IsoDate, type Period } from '@guanai/domain';
import { eligibleGroup } from './eligible';
import { evaluateIndicatorSql, evaluationDays, type IndicatorOutcome, type IndicatorQuery } from './evaluate';
import { loadRoster, type RosterOnDay } from './sql';
import { budgetFor, indicatorSpecs, type ComplianceProgramme, type IndicatorSpec } from './programme';

export interface IndicatorResultRow {
  spec: IndicatorSpec;
  period: Period;
  /** What was asked of the database: pass it on to missingTeachers / coverageByUnit. */
  query: IndicatorQuery;
  outcome: IndicatorOutcome;
  /** eligible_ratio: the group, teacher id → the school they are eligible to rotate from. */
  eligible?: ReadonlyMap<string, string>;
}

/**
 * What several indicators of one evaluation share, read once: the roster of each reference day and
 * the eligible groups, fixed on a period's first day.
 */
export class EvaluationCache {
  private readonly groups = new Map<string, Promise<Map<string, string>>>();
  private readonly rosters = new Map<string, Promise<RosterOnDay>>();

  constructor(
    private readonly em: EntityManager,
    private readonly tenantId: string,
  ) {}

  eligible(group: EligibleGroupCode, day: IsoDate): Promise<Map<string, string>> {
    const key = `${group}@${day}`;
    let found = this.groups.get(key);
    if (!found) this.groups.set(key, (found = eligibleGroup(this.em, this.tenantId, group, day)));
    return found;
  }

  roster(ref: IsoDate): Promise<RosterOnDay> {
    let found = this.rosters.get(ref);
    if (!found) this.rosters.set(ref, (found = loadRoster(this.em, this.tenantId, ref)));
    return found;
  }
}

export interface ProgrammeEvaluationOptions {
  /** The day the evaluation is as of. */
  today: IsoDate;
  /** Only this school's results for school-level indicators; null = every unit of the tenant. */
  units?: readonly string[] | null;
  /** Leave out tenant-level indicators (a school's officer sees its own school's indicators). */
  schoolLevelOnly?: boolean;
  cache?: EvaluationCache;
}

/** One indicator of the programme over one period. Queries run one after another: one connection. */
export async function evaluateSpec(
  em: EntityManager,
  p: ComplianceProgramme,
  spec: IndicatorSpec,
  period: Period,
  opts: ProgrammeEvaluationOptions,
): Promise<IndicatorResultRow> {
  const cache = opts.cache ?? new EvaluationCache(em, p.orgId);
  const { indicator } = spec;
  const group = indicator.kind === 'eligible_ratio' ? indicator.eligibleGroup : undefined;
  const eligible = group ? await cache.eligible(group, period.start) : undefined;
  const units = opts.units ?? null;
  const needsRoster = indicator.kind === 'coverage' || (indicator.level === 'school' && units === null);
  const query: IndicatorQuery = {
    tenantId: p.orgId,
    indicator: spec.indicator,
    period,
    today: opts.today,
    atRiskAfterBp: p.atRiskAfterBp,
    units,
    eligibleIds: eligible ? [...eligible.keys()] : undefined,
    budgetFen: budgetFor(p, spec),
    roster: needsRoster ? await cache.roster(evaluationDays(period, opts.today).ref) : null,
  };
  return { spec, period, query, outcome: await evaluateIndicatorSql(em, query), eligible };
}

/** Every indicator of the programme for the period of its kind that contains `on`. */
export async function evaluateProgrammeOn(
  em: EntityManager,
  p: ComplianceProgramme,
  on: IsoDate,
  opts: ProgrammeEvaluationOptions,
): Promise<IndicatorResultRow[]> {
  const cache = opts.cache ?? new EvaluationCache(em, p.orgId);
  const out: IndicatorResultRow[] = [];
  for (const spec of indicatorSpecs(p)) {
    if (opts.schoolLevelOnly && spec.indicator.level !== 'school') continue;
    const period = periodContaining(spec.indicator.period, on, p.calendar);
    out.push(await evaluateSpec(em, p, spec, period, { ...opts, cache }));
  }
  return out;
}
