// One indicator over one period in SQL, with exactly the semantics of the domain's evaluateIndicator
// (packages/domain/src/compliance/indicators.ts): the database counts, sums and matches participants
// against the roster per unit, and classifies each unit with the same integer comparisons; the
// domain's rollUp combines the schools. Equivalence with the domain is tested on random tenants
// (apps/api/test/compliance-equivalence.int-spec.ts).
import type { EntityManager } from 'typeorm';
import {
  FULL_RATIO_BP,
  elapsedDays,
  hasEnded,
  maxDate,
  minDate,
  periodDays,
  rollUp,
  type ComplianceStatus,
  type Indicator,
  type IndicatorEvaluation,
  type IsoDate,
  type Period,
} from '@guanai/domain';
import { Params, countedCtes, rosterCte, type RosterOnDay } from './sql';

export interface IndicatorQuery {
  tenantId: string;
  /** With the tenant's target in place. */
  indicator: Indicator;
  period: Period;
  /** The day the evaluation is as of. */
  today: IsoDate;
  atRiskAfterBp: number;
  /**
   * The units a school-level indicator is owed by. Default (null): every active school/department of
   * the tenant and every unit with a teacher on the roster on the reference day.
   */
  units?: readonly string[] | null;
  /** The eligible group of an eligible_ratio indicator (see eligibleGroup). */
  eligibleIds?: readonly string[];
  /** An amount indicator's budget in fen, in place of its target (see budgetFor). */
  budgetFen?: number;
  /** The roster on the reference day, when the caller has read it already (loadRoster). */
  roster?: RosterOnDay | null;
}

export interface UnitOutcome {
  unitId: string;
  value: number;
  /** Teachers to reach (coverage); null for counts and amounts. */
  denominator: number | null;
  status: ComplianceStatus;
  shortfall: number;
}

export interface IndicatorOutcome {
  value: number;
  /** Teachers (or eligible teachers) to reach for a tenant-level ratio; null otherwise. */
  denominator: number | null;
  target: number;
  status: ComplianceStatus;
  shortfall: number;
  /** School-level indicators: one entry per unit, sorted by id; empty for tenant-level ones. */
  units: UnitOutcome[];
}

/** The days that matter for a period evaluated as of `today` (the domain's rules, in one place). */
export function evaluationDays(period: Period, today: IsoDate) {
  return {
    /** Activities count up to today, never after the period. */
    last: minDate(period.end, today),
    /** The roster is read on today clamped into the period. */
    ref: minDate(period.end, maxDate(period.start, today)),
    elapsed: elapsedDays(period, today),
    total: periodDays(period),
    ended: hasEnded(period, today),
  };
}

interface TallyRow {
  unit_id: string;
  value: string;
  population: string | null;
  status: ComplianceStatus;
  shortfall: string;
}

/** The effective target: an amount's budget where given, else the indicator's target. */
export function targetOf(q: Pick<IndicatorQuery, 'indicator' | 'budgetFen'>): number {
  return q.indicator.kind === 'amount' && q.budgetFen !== undefined ? q.budgetFen : q.indicator.target;
}

/**
 * The SQL that classifies tally(unit_id, num, den, population, reached) rows: an exact value num/den
 * in the target's unit, as the domain's statusOf and shortfallOf (numeric, so nothing overflows).
 */
function classify(p: Params, target: number, q: IndicatorQuery): string {
  const d = evaluationDays(q.period, q.today);
  const t = p.add(target, 'numeric');
  const elapsed = p.add(d.elapsed, 'numeric');
  const total = p.add(d.total, 'numeric');
  const atRisk = p.add(q.atRiskAfterBp, 'numeric');
  return `SELECT unit_id::text AS unit_id, div(num, den)::text AS value, population::text AS population,
      CASE WHEN num >= ${t} * den THEN 'met'
           WHEN ${p.add(d.ended, 'boolean')} THEN 'missed'
           WHEN ${elapsed} * ${FULL_RATIO_BP} >= ${atRisk} * ${total} AND num * ${total} < ${t} * den * ${elapsed}
             THEN 'at_risk'
           ELSE 'on_track' END AS status,
      (CASE WHEN population IS NULL THEN greatest(0, ${t} - num)
            ELSE greatest(0, div(${t} * population + ${FULL_RATIO_BP - 1}, ${FULL_RATIO_BP}) - reached) END)::text AS shortfall
    FROM tally ORDER BY unit_id::text COLLATE "C"`;
}

/** Ratios: nobody to reach counts as 100 % (a school without teachers, an empty eligible group). */
const RATIO = `CASE WHEN population = 0 THEN ${FULL_RATIO_BP} ELSE reached * ${FULL_RATIO_BP} END::numeric AS num,
  CASE WHEN population = 0 THEN 1 ELSE population END::numeric AS den`;

/**
 * `units(unit_id)` a school-level indicator is owed by: the given ones, or every active school and
 * department of the tenant with every unit on the roster (from the roster read already, else from
 * the `roster` CTE).
 */
function unitsCte(p: Params, q: IndicatorQuery, rosterUnits: readonly string[] | null): string {
  if (q.units) return `units AS (SELECT DISTINCT unnest(${p.add(q.units, 'uuid[]')}) AS unit_id)`;
  const onRoster = rosterUnits ? `SELECT unnest(${p.add(rosterUnits, 'uuid[]')})` : 'SELECT unit_id FROM roster';
  return `units AS (
    SELECT o.id AS unit_id FROM orgs o
     WHERE o.tenant_id = ${p.add(q.tenantId, 'uuid')} AND o.kind IN ('school', 'department') AND o.active
    UNION ${onRoster})`;
}

/** Builds the tally for the indicator's kind and level; answers the SQL and its parameters. */
function tallySql(q: IndicatorQuery): { sql: string; params: unknown[] } {
  const { indicator, period, today, tenantId } = q;
  const p = new Params();
  const d = evaluationDays(period, today);
  const window = countedCtes(p, { tenantId, activityTypes: indicator.activityTypes, first: period.start, last: d.last });
  const ctes = [window.counted];
  const schools = indicator.level === 'school';
  const ratio = indicator.kind === 'coverage' || indicator.kind === 'eligible_ratio';
  const known = q.roster && q.roster.ref === d.ref ? q.roster : null;
  // The units need only the roster's units: a few ids instead of everyone (counts and amounts need no more).
  const rosterUnits = known ? [...new Set(known.unitIds)] : null;
  if (indicator.kind === 'coverage' || (schools && !q.units && !rosterUnits)) ctes.push(rosterCte(p, tenantId, d.ref, known));
  if (schools) ctes.push(unitsCte(p, q, rosterUnits));
  if (ratio) ctes.push(window.reached);

  if (indicator.kind === 'eligible_ratio') {
    ctes.push(`tally0 AS (
      SELECT ${p.add(tenantId, 'uuid')} AS unit_id, count(*) AS population, count(x.teacher_id) AS reached
        FROM (SELECT DISTINCT unnest(${p.add(q.eligibleIds ?? [], 'uuid[]')}) AS teacher_id) e
        LEFT JOIN reached x ON x.teacher_id = e.teacher_id)`);
  } else if (indicator.kind === 'coverage' && !schools) {
    ctes.push(`tally0 AS (
      SELECT ${p.add(tenantId, 'uuid')} AS unit_id, count(*) AS population, count(x.teacher_id) AS reached
        FROM roster r LEFT JOIN reached x ON x.teacher_id = r.teacher_id)`);
  } else if (indicator.kind === 'coverage') {
    // Only the roster of the units owed: a teacher at a unit left out (a narrowed report) counts nowhere.
    ctes.push(`tally0 AS (
      SELECT u.unit_id, count(r.teacher_id) AS population, count(x.teacher_id) AS reached
        FROM units u LEFT JOIN roster r ON r.unit_id = u.unit_id
        LEFT JOIN reached x ON x.teacher_id = r.teacher_id
       GROUP BY u.unit_id)`);
  }
  if (ratio) {
    ctes.push(`tally AS (SELECT unit_id, population, reached, ${RATIO} FROM tally0)`);
  } else {
    const measure = indicator.kind === 'amount' ? 'coalesce(sum(c.amount_fen), 0)' : 'count(c.id)';
    const from = schools
      ? 'units u LEFT JOIN counted c ON c.org_id = u.unit_id GROUP BY u.unit_id'
      : 'counted c';
    const unit = schools ? 'u.unit_id' : p.add(tenantId, 'uuid');
    ctes.push(`tally AS (
      SELECT ${unit} AS unit_id, ${measure}::numeric AS num, 1::numeric AS den,
             NULL::bigint AS population, NULL::bigint AS reached
        FROM ${from})`);
  }
  return { sql: `WITH ${ctes.join(',\n')}\n${classify(p, targetOf(q), q)}`, params: p.values };
}

/**
 * Evaluates one indicator for a tenant as of `today`, in the transaction's scope. A school-level
 * indicator answers per unit and is rolled up as the domain does (the weakest school's value, the
 * most severe status, shortfalls summed); a tenant-level one answers one value.
 */
export async function evaluateIndicatorSql(em: EntityManager, q: IndicatorQuery): Promise<IndicatorOutcome> {
  const { indicator } = q;
  if (indicator.period !== q.period.kind)
    throw new RangeError(`indicator ${indicator.key} is counted per ${indicator.period}, not per ${q.period.kind}`);
  if (indicator.kind === 'eligible_ratio' && (indicator.level !== 'tenant' || !q.eligibleIds))
    throw new RangeError(`eligible_ratio ${indicator.key} must be tenant-level and needs eligibleIds`);
  const target = targetOf(q);
  const { sql, params } = tallySql(q);
  const rows = (await em.query(sql, params)) as TallyRow[];
  const units: UnitOutcome[] = rows.map((r) => ({
    unitId: r.unit_id,
    value: Number(r.value),
    denominator: r.population === null ? null : Number(r.population),
    status: r.status,
    shortfall: Number(r.shortfall),
  }));
  if (indicator.level === 'tenant') {
    const [u] = units;
    return { value: u!.value, denominator: u!.denominator, target, status: u!.status, shortfall: u!.shortfall, units: [] };
  }
  const combined: IndicatorEvaluation = rollUp(
    target,
    units.map((u) => ({ unitId: u.unitId, evaluation: { ...u, target, missing: [] } })),
  );
  return {
    value: combined.value,
    denominator: null,
    target,
    status: combined.status,
    shortfall: combined.shortfall,
    units,
  };
}
