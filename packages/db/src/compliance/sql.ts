// Small pieces the compliance queries share: numbered parameters with their types, and the CTEs for
// the counted activities and the roster on the reference day.
import type { EntityManager } from 'typeorm';

/** Collects parameters; `add` answers the placeholder with its cast (`$3::date`). */
export class Params {
  readonly values: unknown[] = [];

  add(value: unknown, type: string): string {
    this.values.push(value);
    return `$${this.values.length}::${type}`;
  }
}

export interface CountedWindow {
  tenantId: string;
  activityTypes: readonly string[];
  /** First and last day counted (inclusive); last < first counts nothing. */
  first: string;
  last: string;
}

/**
 * `counted(id, org_id, amount_fen)`: the tenant's live (not deleted) records of the types dated in
 * the window. Counting is by tenant, type and day, not by programme: a counselling session counts for
 * every programme of the tenant with a counselling indicator, recorded under a measure or not.
 * Served by care_records_tenant_type_day.
 *
 * `reached(teacher_id)`: everyone named on a counted record, found through the records (the
 * participants' primary key starts with record_id).
 */
export function countedCtes(p: Params, w: CountedWindow): { counted: string; reached: string } {
  const tenant = p.add(w.tenantId, 'uuid');
  const types = p.add(w.activityTypes, 'text[]');
  const first = p.add(w.first, 'date');
  const last = p.add(w.last, 'date');
  return {
    counted: `counted AS (
    SELECT r.id, r.org_id, r.amount_fen FROM care_records r
    WHERE r.tenant_id = ${tenant} AND r.deleted_at IS NULL AND r.activity_type = ANY(${types})
      AND r.occurred_on BETWEEN ${first} AND ${last})`,
    // The records first, then their participants by primary key: an estimate that follows the records'
    // participant counts. Joining on record_id while repeating tenant, type and day made the planner
    // multiply correlated conditions and expect one teacher reached (8,800 found), then anti-join by
    // nested loop (docs/benchmarks.md: 870 ms → 40 ms for a gap list at 10 M participations).
    reached: `reached AS (
    SELECT DISTINCT cp.teacher_id FROM care_participants cp
    WHERE cp.record_id = ANY(ARRAY(SELECT id FROM counted)))`,
  };
}

/**
 * `roster(teacher_id, unit_id)`: the tenant's teachers active on the reference day, each at the unit
 * of their posting that day (overlapping postings: the latest-starting, then the lowest unit id, as
 * the domain's rosterOn). A posting counts only at a unit of this tenant: a teacher who came from
 * another union is on its roster from the day they arrived. A teacher no longer active (retired,
 * transferred out, deceased) left on status_since at the latest, that day included, as the retire
 * action writes it (the posting's `to` = status_since); without a status date and with an open
 * posting, when they left is unknown and they are on no roster. See rosterEntriesOf for the same in code.
 */
export function rosterCte(p: Params, tenantId: string, ref: string, known?: RosterOnDay | null): string {
  // Read once per day by the caller (loadRoster): several indicators of a report share it.
  if (known && known.ref === ref)
    return `roster AS (SELECT * FROM unnest(${p.add(known.teacherIds, 'uuid[]')}, ${p.add(known.unitIds, 'uuid[]')}) AS r(teacher_id, unit_id))`;
  const tenant = p.add(tenantId, 'uuid');
  const day = p.add(ref, 'date');
  return `roster AS (
    SELECT DISTINCT ON (t.id) t.id AS teacher_id, o.id AS unit_id
    FROM teachers t
    CROSS JOIN LATERAL jsonb_array_elements(t.postings) AS ps(posting)
    JOIN orgs o ON o.id = (ps.posting->>'orgId')::uuid AND o.tenant_id = ${tenant}
    WHERE t.tenant_id = ${tenant}
      AND (ps.posting->>'from')::date <= ${day}
      AND CASE WHEN t.status = 'active' THEN coalesce((ps.posting->>'to')::date >= ${day}, true)
               ELSE least((ps.posting->>'to')::date, t.status_since) >= ${day} END
    ORDER BY t.id, (ps.posting->>'from')::date DESC, o.id::text COLLATE "C")`;
}

/** The roster of one day, as loadRoster read it: teacher i is at unit i. */
export interface RosterOnDay {
  ref: string;
  teacherIds: string[];
  unitIds: string[];
}

/** The roster on `ref` (see rosterCte), read once to be shared by several queries of a request. */
export async function loadRoster(em: EntityManager, tenantId: string, ref: string): Promise<RosterOnDay> {
  const p = new Params();
  const rows = (await em.query(
    `WITH ${rosterCte(p, tenantId, ref)} SELECT teacher_id::text AS teacher_id, unit_id::text AS unit_id FROM roster`,
    p.values,
  )) as { teacher_id: string; unit_id: string }[];
  return { ref, teacherIds: rows.map((r) => r.teacher_id), unitIds: rows.map((r) => r.unit_id) };
}

/** A teacher row as rosterEntriesOf reads it. */
export interface RosterTeacher {
  id: string;
  status: string;
  statusSince: string | null;
  postings: readonly { orgId: string; from: string; to: string | null }[];
}

/** A posting as the domain's evaluateIndicator reads it (RosterEntry). */
export interface RosterPosting {
  id: string;
  orgId: string;
  activeFrom: string;
  activeTo: string | null;
}

/**
 * The same rule as rosterCte, in code: the postings of a teacher row the domain evaluation reads,
 * given the units of the tenant. What the equivalence tests feed the domain.
 */
export function rosterEntriesOf(t: RosterTeacher, tenantUnits: ReadonlySet<string>): RosterPosting[] {
  return t.postings.flatMap((posting) => {
    if (!tenantUnits.has(posting.orgId)) return [];
    let activeTo = posting.to;
    if (t.status !== 'active') {
      const ends = [posting.to, t.statusSince].filter((d): d is string => d !== null).sort();
      if (ends.length === 0) return [];
      activeTo = ends[0]!;
    }
    return [{ id: t.id, orgId: posting.orgId, activeFrom: posting.from, activeTo }];
  });
}
