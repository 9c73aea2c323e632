import type { EntityManager } from '@guanai/db';
import { returnedRows } from '@guanai/db';
import type { CaseSessionKind } from '@guanai/contracts';

export interface SessionRow {
  id: string;
  org_id: string;
  case_id: string;
  kind: CaseSessionKind;
  held_on: string;
  starts_at: string | null;
  place: string | null;
  participants_enc: string | null;
  result_enc: string | null;
  recorded_by: string | null;
  recorded_by_name: string | null;
  created_at: Date;
  updated_at: Date;
  version: number;
}

export interface SessionColumns {
  held_on: string;
  starts_at: string | null;
  place: string | null;
  participants_enc: string | null;
  result_enc: string | null;
}

const SELECT = `SELECT s.id, s.org_id, s.case_id, s.kind, to_char(s.held_on, 'YYYY-MM-DD') AS held_on,
  to_char(s.starts_at, 'HH24:MI') AS starts_at, s.place, s.participants_enc, s.result_enc, s.recorded_by,
  s.recorded_by_name, s.created_at, s.updated_at, s.version
  FROM dispute_case_sessions s`;

export const sessionsRepo = {
  async ofCase(em: EntityManager, caseId: string): Promise<SessionRow[]> {
    return em.query(`${SELECT} WHERE s.case_id = $1 ORDER BY s.held_on, s.starts_at NULLS FIRST, s.id`, [
      caseId,
    ]);
  },

  async find(em: EntityManager, caseId: string, id: string, lock = false): Promise<SessionRow | undefined> {
    const [row] = await em.query(`${SELECT} WHERE s.case_id = $1 AND s.id = $2${lock ? ' FOR UPDATE' : ''}`, [
      caseId,
      id,
    ]);
    return row;
  },

  async insert(
    em: EntityManager,
    s: SessionColumns & {
      id: string;
      orgId: string;
      caseId: string;
      kind: CaseSessionKind;
      recordedBy: string;
      recordedByName: string;
    },
  ): Promise<void> {
    await em.query(
      `INSERT INTO dispute_case_sessions (id, org_id, case_id, kind, held_on, starts_at, place, participants_enc,
         result_enc, recorded_by, recorded_by_name)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [
        s.id,
        s.orgId,
        s.caseId,
        s.kind,
        s.held_on,
        s.starts_at,
        s.place,
        s.participants_enc,
        s.result_enc,
        s.recordedBy,
        s.recordedByName,
      ],
    );
  },

  async update(em: EntityManager, id: string, version: number, set: SessionColumns): Promise<boolean> {
    const result = await em.query(
      `UPDATE dispute_case_sessions SET held_on = $3, starts_at = $4, place = $5, participants_enc = $6,
         result_enc = $7, updated_at = now(), version = version + 1
       WHERE id = $1 AND version = $2 RETURNING id`,
      [id, version, set.held_on, set.starts_at, set.place, set.participants_enc, set.result_enc],
    );
    return returnedRows(result).length === 1;
  },
};
