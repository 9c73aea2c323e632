// What is missing behind a ratio result: the teachers not yet reached (for the tenant's officers), or
// per school how far its teachers are covered (for the province, who sees no teacher's name). The
// sets are the domain's `missing`: empty when the result is met; for a school-level coverage only the
// schools not yet met.
import type { EntityManager } from 'typeorm';
import { FULL_RATIO_BP } from '@guanai/domain';
import { evaluationDays, type IndicatorOutcome, type IndicatorQuery } from './evaluate';
import { Params, countedCtes, rosterCte } from './sql';

export interface MissingTeacher {
  teacherId: string;
  name: string;
  /** Their unit on the reference day (coverage), or the school they are eligible to rotate from. */
  unitId: string;
  unitName: string;
}

export interface MissingTeachersPage {
  items: MissingTeacher[];
  total: number;
}

export interface UnitCoverage {
  unitId: string;
  unitName: string;
  population: number;
  reached: number;
  /** reached × 10000 / population, rounded down. */
  valueBp: number;
}

/**
 * `pending(teacher_id, unit_id)`: the people a ratio still owes, before `reached` is taken out:
 * the roster of the units not yet met (school-level coverage), the whole roster (tenant-level
 * coverage), or the eligible group with their schools. Null: nothing is owed (met).
 */
function pendingCte(p: Params, q: IndicatorQuery, outcome: IndicatorOutcome, eligible?: ReadonlyMap<string, string>): string | null {
  if (outcome.status === 'met') return null;
  const { indicator } = q;
  if (indicator.kind === 'eligible_ratio') {
    const entries = [...(eligible ?? new Map<string, string>())];
    return `pending AS (SELECT * FROM unnest(${p.add(entries.map(([id]) => id), 'uuid[]')}, ${p.add(
      entries.map(([, unit]) => unit),
      'uuid[]',
    )}) AS e(teacher_id, unit_id))`;
  }
  if (indicator.kind !== 'coverage') throw new RangeError(`indicator ${indicator.key} has no teachers to reach`);
  const roster = rosterCte(p, q.tenantId, evaluationDays(q.period, q.today).ref, q.roster);
  if (indicator.level === 'tenant') return `${roster},\n pending AS (SELECT teacher_id, unit_id FROM roster)`;
  const open = outcome.units.filter((u) => u.status !== 'met').map((u) => u.unitId);
  return `${roster},\n pending AS (SELECT teacher_id, unit_id FROM roster WHERE unit_id = ANY(${p.add(open, 'uuid[]')}))`;
}

function prelude(p: Params, q: IndicatorQuery, outcome: IndicatorOutcome, eligible?: ReadonlyMap<string, string>): string | null {
  const pending = pendingCte(p, q, outcome, eligible);
  if (!pending) return null;
  const d = evaluationDays(q.period, q.today);
  const { counted, reached } = countedCtes(p, { tenantId: q.tenantId, activityTypes: q.indicator.activityTypes, first: q.period.start, last: d.last });
  return `WITH ${counted},\n ${reached},\n ${pending}`;
}

/**
 * The teachers a ratio indicator still has to reach, by unit name and name, a page at a time.
 * `onlyUnit` narrows to one school. `eligible` is the eligible group (eligibleGroup) of an eligible_ratio.
 */
export async function missingTeachers(
  em: EntityManager,
  q: IndicatorQuery,
  outcome: IndicatorOutcome,
  page: { limit: number; offset: number; onlyUnit?: string },
  eligible?: ReadonlyMap<string, string>,
): Promise<MissingTeachersPage> {
  const p = new Params();
  const with_ = prelude(p, q, outcome, eligible);
  if (!with_) return { items: [], total: 0 };
  const unit = page.onlyUnit ? `AND m.unit_id = ${p.add(page.onlyUnit, 'uuid')}` : '';
  const rows = (await em.query(
    `${with_}
     SELECT m.teacher_id::text AS teacher_id, t.name, m.unit_id::text AS unit_id, o.name AS unit_name,
            count(*) OVER () AS total
       FROM pending m JOIN teachers t ON t.id = m.teacher_id JOIN orgs o ON o.id = m.unit_id
      WHERE NOT EXISTS (SELECT 1 FROM reached x WHERE x.teacher_id = m.teacher_id) ${unit}
      ORDER BY o.name, o.id, t.name, t.id
      LIMIT ${p.add(page.limit, 'int')} OFFSET ${p.add(page.offset, 'int')}`,
    p.values,
  )) as { teacher_id: string; name: string; unit_id: string; unit_name: string; total: string }[];
  if (rows.length === 0 && page.offset > 0) {
    // Past the last page: the total still says how many there are.
    const all = await missingTeachers(em, q, outcome, { ...page, limit: 1, offset: 0 }, eligible);
    return { items: [], total: all.total };
  }
  return {
    items: rows.map((r) => ({ teacherId: r.teacher_id, name: r.name, unitId: r.unit_id, unitName: r.unit_name })),
    total: rows.length ? Number(rows[0]!.total) : 0,
  };
}

/**
 * Per school, how far the people a ratio still owes are reached: the schools with someone not yet
 * reached, weakest first. What the province sees instead of names.
 */
export async function coverageByUnit(
  em: EntityManager,
  q: IndicatorQuery,
  outcome: IndicatorOutcome,
  eligible?: ReadonlyMap<string, string>,
): Promise<UnitCoverage[]> {
  const p = new Params();
  const with_ = prelude(p, q, outcome, eligible);
  if (!with_) return [];
  const rows = (await em.query(
    `${with_}
     SELECT m.unit_id::text AS unit_id, o.name AS unit_name, count(*) AS population, count(x.teacher_id) AS reached
       FROM pending m JOIN orgs o ON o.id = m.unit_id LEFT JOIN reached x ON x.teacher_id = m.teacher_id
      GROUP BY m.unit_id, o.name
     HAVING count(x.teacher_id) < count(*)`,
    p.values,
  )) as { unit_id: string; unit_name: string; population: string; reached: string }[];
  return rows
    .map((r) => {
      const population = Number(r.population);
      const reached = Number(r.reached);
      return { unitId: r.unit_id, unitName: r.unit_name, population, reached, valueBp: Math.floor((reached * FULL_RATIO_BP) / population) };
    })
    .sort((a, b) => a.valueBp - b.valueBp || a.unitName.localeCompare(b.unitName, 'zh-CN') || (a.unitId < b.unitId ? -1 : 1));
}
