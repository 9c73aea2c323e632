import type { IndicatorResult } from '@guanai/contracts';
import type { IndicatorResultRow } from '@guanai/db';

/** An engine row as the contract's IndicatorResult; `names` maps unit ids to organisation names. */
export function toIndicatorResult(r: IndicatorResultRow, names: ReadonlyMap<string, string>): IndicatorResult {
  const { spec, period, outcome } = r;
  return {
    key: spec.indicator.key,
    name: spec.indicator.name,
    kind: spec.indicator.kind,
    level: spec.indicator.level,
    periodKind: spec.indicator.period,
    period: { key: period.key, from: period.start, to: period.end },
    areaKey: spec.area.key,
    measureKey: spec.measure.key,
    measureClause: spec.measure.clause,
    measureTitle: spec.measure.title,
    target: outcome.target,
    value: outcome.value,
    denominator: outcome.denominator,
    status: outcome.status,
    shortfall: outcome.shortfall,
    // By name for people; the engine orders by id.
    units: [...outcome.units].sort((a, b) => byName(names, a.unitId, b.unitId)).map((u) => ({
      orgId: u.unitId,
      orgName: names.get(u.unitId) ?? '',
      value: u.value,
      denominator: u.denominator,
      target: outcome.target,
      status: u.status,
    })),
  };
}

/** Organisations by name (as Chinese readers sort), then id so the order is total. */
export function byName(names: ReadonlyMap<string, string>, a: string, b: string): number {
  return (names.get(a) ?? '').localeCompare(names.get(b) ?? '', 'zh-CN') || (a < b ? -1 : a > b ? 1 : 0);
}
