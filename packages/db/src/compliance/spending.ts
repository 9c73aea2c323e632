// Spending per measure against the programme's budgets. A record is spent under a measure when it
// names the programme and the measure (care_records.programme_id, measure_key), is not deleted, and
// is dated in the programme's budget year — the calendar year (预算法: 预算年度自公历1月1日起，至12月31日止)
// — up to the day asked about. Served index-only by care_records_programme_spend.
import type { EntityManager } from 'typeorm';
import type { IsoDate } from '@guanai/domain';
import { programmeYear, type ComplianceProgramme } from './programme';

export interface MeasureSpend {
  areaKey: string;
  measureKey: string;
  measureClause: string;
  measureTitle: string;
  budgetFen: number;
  spentFen: number;
}

/**
 * Fen spent per programme and measure, for records dated from 1 January of `year` to `upTo`;
 * with `unitId`, only the records that unit did.
 */
export async function spentByMeasure(
  em: EntityManager,
  programmeIds: readonly string[],
  year: number,
  upTo: IsoDate,
  unitId?: string | null,
): Promise<Map<string, Map<string, number>>> {
  const { start, end } = programmeYear({ year });
  const last = upTo < end ? upTo : end;
  const params: unknown[] = [programmeIds, start, last];
  if (unitId) params.push(unitId);
  const rows = (await em.query(
    `SELECT programme_id::text AS programme_id, measure_key, sum(amount_fen)::text AS spent
       FROM care_records
      WHERE programme_id = ANY($1::uuid[]) AND deleted_at IS NULL AND measure_key IS NOT NULL
        AND occurred_on BETWEEN $2::date AND $3::date ${unitId ? 'AND org_id = $4::uuid' : ''}
      GROUP BY programme_id, measure_key`,
    params,
  )) as { programme_id: string; measure_key: string; spent: string }[];
  const out = new Map<string, Map<string, number>>();
  for (const r of rows) {
    if (!out.has(r.programme_id)) out.set(r.programme_id, new Map());
    out.get(r.programme_id)!.set(r.measure_key, Number(r.spent));
  }
  return out;
}

/** Every measure of the programme's document, in order, with its budget and what was spent up to `upTo`. */
export function measureSpending(p: ComplianceProgramme, spent: ReadonlyMap<string, number> | undefined): MeasureSpend[] {
  return p.document.areas.flatMap((area) =>
    area.measures.map((m) => ({
      areaKey: area.key,
      measureKey: m.key,
      measureClause: m.clause,
      measureTitle: m.title,
      budgetFen: p.budgets[m.key] ?? 0,
      spentFen: spent?.get(m.key) ?? 0,
    })),
  );
}
