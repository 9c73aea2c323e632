import type { ActivityTypeCode, CareRecord, CareRecordSummary } from '@guanai/contracts';
import type { CareRecordRow } from './care-records.repository';

export function toCareRecordSummary(r: CareRecordRow): CareRecordSummary {
  return {
    id: r.id,
    orgId: r.org_id,
    orgName: r.org_name,
    programmeId: r.programme_id,
    measureKey: r.measure_key,
    activityType: r.activity_type as ActivityTypeCode,
    title: r.title,
    occurredOn: r.occurred_on,
    // bigint arrives as text; fen stay far below 2^53 (the contract caps an amount at 10^11).
    amountFen: Number(r.amount_fen),
    participantCount: r.participant_count,
    createdAt: new Date(r.created_at).toISOString(),
    version: r.version,
  };
}

export function toCareRecord(r: CareRecordRow): CareRecord {
  return {
    ...toCareRecordSummary(r),
    followUpOn: r.follow_up_on,
    notes: r.notes,
    createdBy: r.created_by_name,
  };
}

/**
 * What the audit log keeps of a record: ids, names and figures. The notes may hold a teacher's
 * health or family details, so only whether there are any is kept.
 */
export function auditView(r: CareRecordRow) {
  const { notes, createdBy: _by, createdAt: _at, ...rest } = toCareRecord(r);
  return { ...rest, hasNotes: notes !== null && notes !== '' };
}
