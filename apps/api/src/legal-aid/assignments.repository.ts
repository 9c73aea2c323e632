import type { EntityManager } from '@guanai/db';
import { returnedRows } from '@guanai/db';

export interface AssignmentRow {
  id: string;
  org_id: string;
  case_id: string;
  provider_id: string;
  provider_name: string;
  provider_kind: 'lawyer' | 'volunteer';
  provider_organisation: string | null;
  role: 'representation' | 'consultation' | 'assistance';
  assigned_on: string;
  ended_on: string | null;
  minutes: number;
  /** bigint: pg hands it over as text. */
  cost_fen: string;
  notes: string | null;
  created_by_name: string | null;
  created_at: Date;
  updated_at: Date;
  version: number;
}

export interface AssignmentColumns {
  role: string;
  assigned_on: string;
  ended_on: string | null;
  minutes: number;
  cost_fen: number;
  notes: string | null;
}

const SELECT = `SELECT a.id, a.org_id, a.case_id, a.provider_id, a.provider_name, a.provider_kind,
  a.provider_organisation, a.role, to_char(a.assigned_on, 'YYYY-MM-DD') AS assigned_on,
  to_char(a.ended_on, 'YYYY-MM-DD') AS ended_on, a.minutes, a.cost_fen, a.notes, a.created_by_name,
  a.created_at, a.updated_at, a.version
  FROM legal_aid_assignments a`;

/** The entry a case's union may assign: kept by that union or lent to it. */
export interface AssignableProvider {
  id: string;
  name: string;
  kind: 'lawyer' | 'volunteer';
  organisation: string | null;
  active: boolean;
}

export const assignmentsRepo = {
  async ofCase(em: EntityManager, caseId: string): Promise<AssignmentRow[]> {
    return em.query(`${SELECT} WHERE a.case_id = $1 ORDER BY a.assigned_on, a.created_at, a.id`, [caseId]);
  },

  async find(
    em: EntityManager,
    caseId: string,
    id: string,
    lock = false,
  ): Promise<AssignmentRow | undefined> {
    const [row] = await em.query(`${SELECT} WHERE a.case_id = $1 AND a.id = $2${lock ? ' FOR UPDATE' : ''}`, [
      caseId,
      id,
    ]);
    return row;
  },

  async provider(em: EntityManager, tenantId: string, id: string): Promise<AssignableProvider | undefined> {
    const [row] = await em.query(
      `SELECT id, name, kind, organisation, active FROM legal_aid_providers
        WHERE id = $1 AND (org_id = $2 OR $2::uuid = ANY(served_tenant_ids))`,
      [id, tenantId],
    );
    return row;
  },

  /** Another running assignment of the entry to the case (the unique index's rule, said first). */
  async openOther(
    em: EntityManager,
    caseId: string,
    providerId: string,
    except: string | null,
  ): Promise<boolean> {
    const [row] = await em.query(
      `SELECT 1 FROM legal_aid_assignments
        WHERE case_id = $1 AND provider_id = $2 AND ended_on IS NULL AND id IS DISTINCT FROM $3::uuid`,
      [caseId, providerId, except],
    );
    return !!row;
  },

  async insert(
    em: EntityManager,
    a: AssignmentColumns & {
      id: string;
      orgId: string;
      caseId: string;
      provider: AssignableProvider;
      createdBy: string;
      createdByName: string;
    },
  ): Promise<void> {
    await em.query(
      `INSERT INTO legal_aid_assignments (id, org_id, case_id, provider_id, provider_name, provider_kind,
         provider_organisation, role, assigned_on, ended_on, minutes, cost_fen, notes, created_by, created_by_name)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`,
      [
        a.id,
        a.orgId,
        a.caseId,
        a.provider.id,
        a.provider.name,
        a.provider.kind,
        a.provider.organisation,
        a.role,
        a.assigned_on,
        a.ended_on,
        a.minutes,
        a.cost_fen,
        a.notes,
        a.createdBy,
        a.createdByName,
      ],
    );
  },

  async update(em: EntityManager, id: string, version: number, set: AssignmentColumns): Promise<boolean> {
    const result = await em.query(
      `UPDATE legal_aid_assignments SET role = $3, assigned_on = $4, ended_on = $5, minutes = $6, cost_fen = $7,
         notes = $8, updated_at = now(), version = version + 1
       WHERE id = $1 AND version = $2 RETURNING id`,
      [id, version, set.role, set.assigned_on, set.ended_on, set.minutes, set.cost_fen, set.notes],
    );
    return returnedRows(result).length === 1;
  },
};
