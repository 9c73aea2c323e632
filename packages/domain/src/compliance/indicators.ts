// Reference semantics of indicator compliance. The database computes the same over millions of rows
// in SQL; these functions, over small in-memory inputs, are what that SQL is tested against. So every
// rule is spelled out here once, in integers:
//
// Counted activities: type among the indicator's activityTypes, date in [period.start, min(period.end,
// today)] — an activity dated after today (a plan, a typo) does not count yet. Records are deduplicated
// by id.
//
// Roster (coverage, and which school a teacher belongs to): the teachers active on the reference day,
// ref = today clamped into the period — today while the period runs, its last day once it has ended.
// A teacher who left before ref is out of numerator and denominator: a school is not failed for
// someone it no longer has, and the missing list names only people who can still be reached. A teacher
// who joined late is in: while the period runs they can still be reached. An activity anywhere in the
// period covers its participants, including before they moved to their present school.
// (Rejected: "active on any day of the period" fails a school for leavers it had no chance to reach;
// "active the whole period" would never count new teachers, who need the care most.)
//
// Units (school level): each school owes the target by itself. Activities count for the school in
// their orgId; teachers for the school of their posting on ref. A school with no teachers owes no
// coverage (nothing to reach); an empty eligible group likewise counts as 100 %.
//
// Values: count; fen; ratios exactly as reached × 10000 / population, reported rounded down (which
// never changes a comparison with an integer target).
//
// Status: 'met' as soon as value ≥ target (as of today); otherwise 'missed' once the period has ended;
// otherwise 'at_risk' when at least atRiskAfterBp of the period is past (elapsedDays × 10000 ≥
// atRiskAfterBp × periodDays) and the value is behind the pro-rata target (value × periodDays <
// target × elapsedDays, exact); otherwise 'on_track'. Before the period starts nothing is past: on_track.
//
// Id lists are sorted by UTF-16 code units (SQL: COLLATE "C").
import { COMPLIANCE_STATUSES, type ComplianceStatus } from '@guanai/contracts';
import { type IsoDate, compareDates, maxDate, minDate } from '../dates/calendar';
import type { ActivityTypeCode } from '../programmes/activity-types';
import { FULL_RATIO_BP, type Indicator } from '../programmes/types';
import { type Period, elapsedDays, hasEnded, periodDays } from './periods';

/** A recorded care activity, as the evaluation reads it. */
export interface CareActivity {
  readonly id: string;
  readonly type: ActivityTypeCode;
  readonly date: IsoDate;
  /** The unit (school/department, or the tenant itself) that did it. */
  readonly orgId: string;
  /** Integer fen; absent or null for types that carry no amount. */
  readonly amountFen?: number | null;
  /** Teachers it reached. */
  readonly participantIds: readonly string[];
}

/** One posting of a teacher: at unit `orgId` from `activeFrom` to `activeTo` (inclusive; open if absent). */
export interface RosterEntry {
  readonly id: string;
  readonly orgId: string;
  readonly activeFrom: IsoDate;
  readonly activeTo?: IsoDate | null;
}

export interface IndicatorInputs {
  readonly activities: readonly CareActivity[];
  /** Postings; a teacher who moved has several (they should not overlap). */
  readonly teachers: readonly RosterEntry[];
  /**
   * The schools a school-level indicator is owed by. Default: the units of the roster on the
   * reference day. Pass them to include a school with no teachers on record, or to narrow the scope.
   */
  readonly units?: readonly string[];
  /** The eligible group of an eligible_ratio indicator, fixed by the caller for the period. */
  readonly eligibleIds?: readonly string[];
  /** For an amount indicator: the budget (fen) to measure against, in place of indicator.target. */
  readonly budgetFen?: number;
}

export interface EvaluationOptions {
  readonly today: IsoDate;
  /** Share of the period (basis points) after which being behind pro rata is 'at_risk'. */
  readonly atRiskAfterBp?: number;
}

/** Platform default: a target is at risk once half its period is gone and the work is behind. */
export const DEFAULT_AT_RISK_AFTER_BP = 5000;

export { COMPLIANCE_STATUSES, type ComplianceStatus };

export interface UnitCompliance {
  readonly unitId: string;
  readonly value: number;
  readonly status: ComplianceStatus;
  readonly shortfall: number;
  readonly missing: readonly string[];
}

export interface IndicatorEvaluation {
  /**
   * Count, fen, or basis points (rounded down; the status uses the exact ratio). For a school-level
   * indicator, the lowest school's value: the tenant is met only when its weakest school is.
   */
  readonly value: number;
  readonly target: number;
  readonly status: ComplianceStatus;
  /**
   * How much is still owed: activities (count), fen (amount), or teachers still to reach (ratios,
   * ceil(target × population / 10000) − covered). Summed over schools for a school-level indicator.
   */
  readonly shortfall: number;
  /**
   * Exactly what is missing, sorted: unit ids below target (activity_count and amount at school
   * level); teacher ids not yet reached (coverage, eligible_ratio) — for a school-level coverage, only
   * in schools not yet met. Empty when met, and for tenant-level counts and amounts (see shortfall).
   */
  readonly missing: readonly string[];
  /** School-level indicators (and roll-ups): one entry per unit, sorted by id. */
  readonly units?: readonly UnitCompliance[];
}

/** An exact value num/den in the target's unit. */
interface Tally {
  readonly num: number;
  readonly den: number;
  /** For ratios: population and how many of it were reached. */
  readonly population?: number;
  readonly reached?: number;
}

const SEVERITY: Record<ComplianceStatus, number> = { met: 0, on_track: 1, at_risk: 2, missed: 3 };

function requireCount(n: number, what: string): void {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`${what} must be a non-negative integer: ${n}`);
}

function statusOf(t: Tally, target: number, period: Period, options: EvaluationOptions): ComplianceStatus {
  if (t.num >= target * t.den) return 'met';
  if (hasEnded(period, options.today)) return 'missed';
  const elapsed = elapsedDays(period, options.today);
  const total = periodDays(period);
  const atRiskAfter = options.atRiskAfterBp ?? DEFAULT_AT_RISK_AFTER_BP;
  const pastThreshold = elapsed * FULL_RATIO_BP >= atRiskAfter * total;
  return pastThreshold && t.num * total < target * t.den * elapsed ? 'at_risk' : 'on_track';
}

function shortfallOf(t: Tally, target: number): number {
  if (t.population === undefined || t.reached === undefined) return Math.max(0, target - t.num);
  return Math.max(0, Math.ceil((target * t.population) / FULL_RATIO_BP) - t.reached);
}

function ratio(reached: number, population: number): Tally {
  // Nobody to reach: nothing is owed (a school without teachers, an empty eligible group).
  if (population === 0) return { num: FULL_RATIO_BP, den: 1, population, reached };
  return { num: reached * FULL_RATIO_BP, den: population, population, reached };
}

function countedActivities(indicator: Indicator, period: Period, inputs: IndicatorInputs, today: IsoDate) {
  const last = minDate(period.end, today);
  const seen = new Set<string>();
  return inputs.activities.filter((a) => {
    if (a.amountFen !== undefined && a.amountFen !== null) requireCount(a.amountFen, 'amountFen');
    if (seen.has(a.id)) return false;
    seen.add(a.id);
    return (
      indicator.activityTypes.includes(a.type) &&
      compareDates(period.start, a.date) <= 0 &&
      compareDates(a.date, last) <= 0
    );
  });
}

/** Teacher id → unit on the reference day. Overlapping postings: the latest-starting one, then lowest orgId. */
function rosterOn(ref: IsoDate, teachers: readonly RosterEntry[]): Map<string, string> {
  const chosen = new Map<string, RosterEntry>();
  for (const t of teachers) {
    const active =
      compareDates(t.activeFrom, ref) <= 0 &&
      (t.activeTo === undefined || t.activeTo === null || compareDates(ref, t.activeTo) <= 0);
    if (!active) continue;
    const prev = chosen.get(t.id);
    const better =
      !prev ||
      compareDates(t.activeFrom, prev.activeFrom) > 0 ||
      (t.activeFrom === prev.activeFrom && t.orgId < prev.orgId);
    if (better) chosen.set(t.id, t);
  }
  return new Map([...chosen].map(([id, t]) => [id, t.orgId]));
}

function reachedIds(activities: readonly CareActivity[]): Set<string> {
  return new Set(activities.flatMap((a) => a.participantIds));
}

const sorted = (ids: Iterable<string>) => [...new Set(ids)].sort();

/**
 * Combines the evaluations of units (schools under a tenant, tenants under the province) of one
 * indicator: met only when every unit is; otherwise the most severe status; value is the lowest
 * unit's; shortfall the sum; missing the units not met. No units: nothing is owed (met, value = target).
 */
export function rollUp(
  target: number,
  children: readonly { readonly unitId: string; readonly evaluation: IndicatorEvaluation }[],
): IndicatorEvaluation {
  const units: UnitCompliance[] = [...children]
    .sort((a, b) => (a.unitId < b.unitId ? -1 : a.unitId > b.unitId ? 1 : 0))
    .map(({ unitId, evaluation: e }) => ({
      unitId,
      value: e.value,
      status: e.status,
      shortfall: e.shortfall,
      missing: e.missing,
    }));
  if (units.length === 0) return { value: target, target, status: 'met', shortfall: 0, missing: [], units };
  const status = units.reduce<ComplianceStatus>(
    (s, u) => (SEVERITY[u.status] > SEVERITY[s] ? u.status : s),
    'met',
  );
  return {
    value: Math.min(...units.map((u) => u.value)),
    target,
    status,
    shortfall: units.reduce((sum, u) => sum + u.shortfall, 0),
    missing: units.filter((u) => u.status !== 'met').map((u) => u.unitId),
    units,
  };
}

/**
 * Compliance of one indicator over one period for the scope the inputs describe (a tenant's
 * activities and roster), as of `options.today`. See the top of this file for the exact rules.
 * A school-level indicator is evaluated for each unit and rolled up (see rollUp); a tenant-level one
 * over the pooled inputs. eligible_ratio is tenant-level only and needs `eligibleIds`.
 */
export function evaluateIndicator(
  indicator: Indicator,
  period: Period,
  inputs: IndicatorInputs,
  options: EvaluationOptions,
): IndicatorEvaluation {
  if (indicator.period !== period.kind)
    throw new RangeError(
      `indicator ${indicator.key} is counted per ${indicator.period}, not per ${period.kind}`,
    );
  const target =
    indicator.kind === 'amount' && inputs.budgetFen !== undefined ? inputs.budgetFen : indicator.target;
  requireCount(target, 'target');

  const today = options.today;
  const counted = countedActivities(indicator, period, inputs, today);
  const ref = minDate(period.end, maxDate(period.start, today));
  const roster = rosterOn(ref, inputs.teachers);

  const evaluate = (t: Tally, missingIfNotMet: () => string[]): IndicatorEvaluation => {
    const status = statusOf(t, target, period, options);
    return {
      value: Math.floor(t.num / t.den),
      target,
      status,
      shortfall: shortfallOf(t, target),
      missing: status === 'met' ? [] : sorted(missingIfNotMet()),
    };
  };
  const sumFen = (as: readonly CareActivity[]) => as.reduce((sum, a) => sum + (a.amountFen ?? 0), 0);
  const coverageOf = (teacherIds: readonly string[]) => {
    const reached = reachedIds(counted);
    const notReached = teacherIds.filter((id) => !reached.has(id));
    return evaluate(ratio(teacherIds.length - notReached.length, teacherIds.length), () => notReached);
  };

  if (indicator.kind === 'eligible_ratio') {
    if (indicator.level !== 'tenant')
      throw new RangeError(`eligible_ratio ${indicator.key} must be tenant-level`);
    if (!inputs.eligibleIds) throw new RangeError(`eligible_ratio ${indicator.key} needs eligibleIds`);
    return coverageOf(sorted(inputs.eligibleIds));
  }

  if (indicator.level === 'tenant') {
    if (indicator.kind === 'activity_count') return evaluate({ num: counted.length, den: 1 }, () => []);
    if (indicator.kind === 'amount') return evaluate({ num: sumFen(counted), den: 1 }, () => []);
    return coverageOf(sorted(roster.keys()));
  }

  const unitIds = sorted(inputs.units ?? roster.values());
  const children = unitIds.map((unitId) => {
    const own = counted.filter((a) => a.orgId === unitId);
    const evaluation =
      indicator.kind === 'activity_count'
        ? evaluate({ num: own.length, den: 1 }, () => [])
        : indicator.kind === 'amount'
          ? evaluate({ num: sumFen(own), den: 1 }, () => [])
          : coverageOf(sorted([...roster].filter(([, orgId]) => orgId === unitId).map(([id]) => id)));
    return { unitId, evaluation };
  });
  const combined = rollUp(target, children);
  if (indicator.kind !== 'coverage') return combined;
  // Coverage: the drill-down is the people, not the schools.
  return { ...combined, missing: sorted(children.flatMap((c) => c.evaluation.missing)) };
}
