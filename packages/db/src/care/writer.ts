// Where care work becomes rows: records, their participants (with the teacher's unit and tenant at
// the time, the record's type and day copied for the coverage queries) and the participant count.
import type { EntityManager } from 'typeorm';
import { returnedRows } from '../tenancy/returning';

export interface CareRecordRow {
  id: string;
  /** The unit that did it: a school/department, or the tenant itself. */
  orgId: string;
  tenantId: string;
  programmeId: string | null;
  measureKey: string | null;
  activityType: string;
  title: string;
  occurredOn: string;
  amountFen: number;
  notes: string | null;
  createdBy: string | null;
}

/** Inserts records in one statement (arrays unnested), participants to follow. */
export async function insertCareRecords(em: EntityManager, rows: readonly CareRecordRow[]): Promise<void> {
  if (rows.length === 0) return;
  const col = <K extends keyof CareRecordRow>(k: K) => rows.map((r) => r[k]);
  await em.query(
    `INSERT INTO care_records (id, org_id, tenant_id, programme_id, measure_key, activity_type, title, occurred_on,
                               amount_fen, notes, created_by)
     SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::text[], $6::text[], $7::text[],
                          $8::date[], $9::bigint[], $10::text[], $11::uuid[])`,
    [
      col('id'),
      col('orgId'),
      col('tenantId'),
      col('programmeId'),
      col('measureKey'),
      col('activityType'),
      col('title'),
      col('occurredOn'),
      col('amountFen'),
      col('notes'),
      col('createdBy'),
    ],
  );
}

/**
 * Adds participants (record, teacher) pairs, each with the teacher's unit and tenant as they are now
 * and the record's type and day; a pair already there is left alone. Teachers the transaction's scope
 * cannot see are skipped by row-level security, so callers check the count they asked for.
 * Updates the records' participant counts. Returns how many pairs were added.
 */
export async function addCareParticipants(
  em: EntityManager,
  pairs: readonly { recordId: string; teacherId: string }[],
): Promise<number> {
  if (pairs.length === 0) return 0;
  const added = returnedRows(await em.query(
    `INSERT INTO care_participants (record_id, teacher_id, org_id, tenant_id, activity_type, occurred_on)
     SELECT r.id, t.id, t.org_id, t.tenant_id, r.activity_type, r.occurred_on
       FROM unnest($1::uuid[], $2::uuid[]) AS p(record_id, teacher_id)
       JOIN care_records r ON r.id = p.record_id
       JOIN teachers t ON t.id = p.teacher_id
     ON CONFLICT DO NOTHING
     RETURNING record_id`,
    [pairs.map((p) => p.recordId), pairs.map((p) => p.teacherId)],
  ));
  await refreshParticipantCounts(em, [...new Set(pairs.map((p) => p.recordId))]);
  return added.length;
}

/** Sets each record's participant_count from its participants: for writers in the system scope (seed, bench), who see every row. */
export async function refreshParticipantCounts(em: EntityManager, recordIds: readonly string[]): Promise<void> {
  if (recordIds.length === 0) return;
  await em.query(
    `UPDATE care_records r SET participant_count = (SELECT count(*) FROM care_participants p WHERE p.record_id = r.id)
      WHERE r.id = ANY($1::uuid[])`,
    [recordIds],
  );
}
