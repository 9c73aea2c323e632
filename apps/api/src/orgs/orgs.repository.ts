import type { Org, OrgKind } from '@guanai/contracts';
import type { EntityManager, OrgSettings } from '@guanai/db';

export interface OrgRow {
  id: string;
  parent_id: string | null;
  path: string;
  depth: number;
  kind: OrgKind;
  name: string;
  code: string | null;
  tenant_id: string | null;
  rural: boolean;
  active: boolean;
  settings: OrgSettings;
  version: number;
}

export function toOrg(r: OrgRow): Org {
  return {
    id: r.id,
    parentId: r.parent_id,
    name: r.name,
    kind: r.kind,
    code: r.code,
    tenantId: r.tenant_id,
    rural: r.rural,
    active: r.active,
    depth: r.depth,
    version: r.version,
  };
}

const COLUMNS = 'id, parent_id, path, depth, kind, name, code, tenant_id, rural, active, settings, version';

/**
 * SQL for the organisation tree. Row-level security already limits every query to the scope; the
 * explicit `starts_with(path, $scope)` says the same in code, so neither alone is trusted.
 */
export const orgsRepo = {
  async list(em: EntityManager, scopePath: string): Promise<OrgRow[]> {
    return em.query(`SELECT ${COLUMNS} FROM orgs WHERE starts_with(path, $1) ORDER BY depth, name`, [scopePath]);
  },

  async find(em: EntityManager, scopePath: string, id: string, lock = false): Promise<OrgRow | undefined> {
    const [row] = await em.query(
      `SELECT ${COLUMNS} FROM orgs WHERE id = $1 AND starts_with(path, $2)${lock ? ' FOR UPDATE' : ''}`,
      [id, scopePath],
    );
    return row;
  },

  async codeTaken(em: EntityManager, parentId: string, code: string, exceptId?: string): Promise<boolean> {
    // Siblings may lie outside RLS's view only if the parent does, which the caller has checked.
    const rows = await em.query('SELECT 1 FROM orgs WHERE parent_id = $1 AND code = $2 AND id <> $3', [
      parentId,
      code,
      exceptId ?? '00000000-0000-0000-0000-000000000000',
    ]);
    return rows.length > 0;
  },
};
