import { caseDeadlineColumns, type CaseDeadlineColumns, type EntityManager } from '@guanai/db';

/** Which cases a report counts: those of the scope's tenants (or the one asked for) taken in within the range. */
export interface ReportFilter {
  scopePath: string;
  orgId: string | null;
  from: string;
  to: string;
}

const params = (f: ReportFilter) => [f.scopePath, f.orgId, f.from, f.to];

// The organisations are read once (an init plan), so the cases are found by org_id and intake time
// alone (dispute_cases_org_created, migration 1764860000000), not by a join on orgs that would have the
// planner guess from paths. Row-level security applies on top. Days are Shanghai days: a case taken in
// at 07:00 on 1 January Beijing time (still 31 December in UTC) is the new year's.
const CASES = `c.org_id = ANY(ARRAY(SELECT o.id FROM orgs o WHERE starts_with(o.path, $1) AND ($2::uuid IS NULL OR o.id = $2::uuid)))
  AND c.created_at >= ($3::date::timestamp AT TIME ZONE 'Asia/Shanghai')
  AND c.created_at < (($4::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai')`;

export interface CountRow {
  org_id: string;
  category: string;
  state: string;
  outcome: string | null;
  n: number;
  /** bigint sums as text. */
  claimed: string;
  recovered: string;
  overdue: number;
}

export interface StageRow {
  /** null on the rows over every tenant. */
  org_id: string | null;
  stage: string;
  n: number;
  average: number;
  median: number;
}

export interface EndedCaseRow extends CaseDeadlineColumns {
  org_id: string;
  /** The day the case ended: closed, declined or withdrawn. */
  closed_on: string;
}

export const caseReportsRepo = {
  /** The tenant unions of a scope, for the picker and the breakdown. */
  async tenants(em: EntityManager, scopePath: string): Promise<{ id: string; name: string }[]> {
    return em.query(
      `SELECT id::text AS id, name FROM orgs
        WHERE kind IN ('city', 'county', 'university') AND starts_with(path, $1)
        ORDER BY name, id`,
      [scopePath],
    );
  },

  async orgKind(em: EntityManager, scopePath: string, id: string): Promise<string | undefined> {
    const [row] = (await em.query(`SELECT kind FROM orgs WHERE id = $1 AND starts_with(path, $2)`, [
      id,
      scopePath,
    ])) as { kind: string }[];
    return row?.kind;
  },

  async orgNames(em: EntityManager, ids: readonly string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = (await em.query(`SELECT id::text AS id, name FROM orgs WHERE id = ANY($1::uuid[])`, [
      ids,
    ])) as { id: string; name: string }[];
    return new Map(rows.map((r) => [r.id, r.name]));
  },

  /** Cases, claims, recoveries and overdue ones per tenant, category, state and outcome: one pass. */
  async counts(em: EntityManager, f: ReportFilter, today: string): Promise<CountRow[]> {
    return em.query(
      `SELECT c.org_id::text AS org_id, c.category, c.state, c.outcome, count(*)::int AS n,
              coalesce(sum(c.claimed_fen), 0)::text AS claimed, coalesce(sum(c.recovered_fen), 0)::text AS recovered,
              count(*) FILTER (WHERE c.next_due_on < $5::date)::int AS overdue
         FROM dispute_cases c
        WHERE ${CASES}
        GROUP BY c.org_id, c.category, c.state, c.outcome`,
      [...params(f), today],
    );
  },

  /**
   * Days spent per stage, from the timeline: a stay runs from the event that entered a state to the next
   * event that changed the state (events that keep it, like update_facts, are skipped); stays still
   * running are left out. The workflow never returns to a state, so a case has at most one stay in each.
   * Intake to close: from the case's intake to its `closed` event. Per tenant and over all of them.
   * Each case's timeline is read by its own index range (LATERAL on dispute_case_events_case): a year
   * of one union is a few thousand events among millions.
   */
  async stages(em: EntityManager, f: ReportFilter): Promise<StageRow[]> {
    return em.query(
      `WITH cs AS (SELECT c.id, c.org_id, c.created_at FROM dispute_cases c WHERE ${CASES}),
       moves AS (
         SELECT cs.org_id, cs.created_at AS taken_in, m.to_state, m.at, m.left_at
           FROM cs CROSS JOIN LATERAL (
             SELECT e.to_state, e.created_at AS at, lead(e.created_at) OVER (ORDER BY e.created_at, e.id) AS left_at
               FROM dispute_case_events e
              WHERE e.case_id = cs.id AND e.from_state IS DISTINCT FROM e.to_state) m),
       stays AS (
         SELECT org_id, to_state AS stage, extract(epoch FROM left_at - at) / 86400 AS days
           FROM moves WHERE left_at IS NOT NULL AND to_state IN ('submitted', 'mediation', 'arbitration', 'litigation')
         UNION ALL
         SELECT org_id, 'intake_to_close', extract(epoch FROM at - taken_in) / 86400 FROM moves WHERE to_state = 'closed')
       SELECT CASE WHEN GROUPING(org_id) = 0 THEN org_id::text END AS org_id, stage, count(*)::int AS n,
              avg(days)::float8 AS average, percentile_cont(0.5) WITHIN GROUP (ORDER BY days)::float8 AS median
         FROM stays
        GROUP BY GROUPING SETS ((org_id, stage), (stage))`,
      params(f),
    );
  },

  /**
   * Ended cases one of whose statutory deadlines may have gone by before its act: the act (or, when it
   * never came, the end of the case) falls after the period's nominal last day. The rest-day rule only
   * moves a last day later, so a case not listed missed nothing; those listed are judged exactly by the
   * domain. Periods as the domain counts them: the starting day not counted (date + n days, + 1 year).
   */
  async endedLate(em: EntityManager, f: ReportFilter): Promise<EndedCaseRow[]> {
    return em.query(
      `SELECT c.org_id::text AS org_id, to_char(c.closed_on, 'YYYY-MM-DD') AS closed_on, ${caseDeadlineColumns('c')}
         FROM dispute_cases c
        WHERE ${CASES} AND c.state IN ('closed', 'declined', 'withdrawn') AND c.closed_on IS NOT NULL
          AND ((c.mediation_applied_on IS NOT NULL
                AND coalesce(c.mediation_ended_on, c.closed_on) > c.mediation_applied_on + 15)
            OR (NOT c.wage_arrears_ongoing
                AND coalesce(c.arbitration_applied_on, c.closed_on) > (c.knew_on + interval '1 year')::date)
            OR (c.arbitration_accepted_on IS NOT NULL
                AND coalesce(c.award_on, c.closed_on) > c.arbitration_accepted_on + 45 + coalesce(c.award_extension_days, 0)))`,
      params(f),
    );
  },
};
