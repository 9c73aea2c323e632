import type { EntityManager } from '@guanai/db';
import type { ListLegalAidProvidersQuery } from '@guanai/contracts';
import { returnedRows } from '@guanai/db';

export interface ProviderRow {
  id: string;
  org_id: string;
  owner_name: string | null;
  kind: 'lawyer' | 'volunteer';
  name: string;
  organisation: string | null;
  licence_no: string | null;
  phone_enc: string | null;
  phone_masked: string | null;
  specialties: string[];
  served_tenant_ids: string[];
  /** The served tenants the caller's scope can see (orgs' own policy hides siblings). */
  served: { id: string; name: string }[];
  active: boolean;
  created_at: Date;
  updated_at: Date;
  version: number;
}

export interface ProviderColumns {
  kind: string;
  name: string;
  organisation: string | null;
  licence_no: string | null;
  phone_enc: string | null;
  phone_masked: string | null;
  specialties: string[];
  served_tenant_ids: string[];
  active: boolean;
}

const SELECT = `SELECT p.id, p.org_id, owner.name AS owner_name, p.kind, p.name, p.organisation, p.licence_no,
  p.phone_enc, p.phone_masked, p.specialties, p.served_tenant_ids, p.active, p.created_at, p.updated_at, p.version,
  (SELECT coalesce(json_agg(json_build_object('id', t.id, 'name', t.name) ORDER BY t.name), '[]')
     FROM orgs t WHERE t.id = ANY(p.served_tenant_ids)) AS served
  FROM legal_aid_providers p LEFT JOIN orgs owner ON owner.id = p.org_id`;

/**
 * Who sees an entry. `manage`: entries kept in the caller's scope (the province sees its unions' too) and
 * those lent to the caller's union. `serving`: only entries that serve the caller's union — its own and
 * the province's lent to it. RLS draws the same lines; this says it again in the query.
 */
export type Visibility =
  { kind: 'manage'; scope: string; orgId: string } | { kind: 'serving'; orgId: string };

function visible(v: Visibility, params: unknown[]): string {
  params.push(v.orgId);
  const lent = `$${params.length}::uuid = ANY(p.served_tenant_ids)`;
  if (v.kind === 'serving') return `(p.org_id = $${params.length} OR ${lent})`;
  params.push(v.scope);
  return `(p.org_id IN (SELECT o.id FROM orgs o WHERE starts_with(o.path, $${params.length})) OR ${lent})`;
}

/** `%` and `_` typed by a person are literal. */
const like = (s: string) => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export const providersRepo = {
  async page(
    em: EntityManager,
    v: Visibility,
    q: ListLegalAidProvidersQuery,
  ): Promise<{ items: ProviderRow[]; total: number }> {
    const params: unknown[] = [];
    const where = [visible(v, params)];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (q.kind) add('p.kind = ?', q.kind);
    if (q.category) add('? = ANY(p.specialties)', q.category);
    if (q.active !== undefined) add('p.active = ?', q.active);
    if (q.q) {
      params.push(like(q.q));
      const n = params.length;
      where.push(`(p.name ILIKE $${n} OR p.organisation ILIKE $${n} OR p.licence_no ILIKE $${n})`);
    }
    const sql = where.join(' AND ');
    const [{ total }] = await em.query(
      `SELECT count(*)::int AS total FROM legal_aid_providers p WHERE ${sql}`,
      params,
    );
    const items = await em.query(
      `${SELECT} WHERE ${sql} ORDER BY p.active DESC, p.name, p.id
       LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`,
      params,
    );
    return { items, total };
  },

  async find(em: EntityManager, v: Visibility, id: string, lock = false): Promise<ProviderRow | undefined> {
    const params: unknown[] = [id];
    const sql = `${SELECT} WHERE p.id = $1 AND ${visible(v, params)}${lock ? ' FOR UPDATE OF p' : ''}`;
    const [row] = await em.query(sql, params);
    return row;
  },

  async insert(
    em: EntityManager,
    c: ProviderColumns & { id: string; orgId: string; createdBy: string },
  ): Promise<void> {
    await em.query(
      `INSERT INTO legal_aid_providers (id, org_id, kind, name, organisation, licence_no, phone_enc, phone_masked,
         specialties, served_tenant_ids, active, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
      [
        c.id,
        c.orgId,
        c.kind,
        c.name,
        c.organisation,
        c.licence_no,
        c.phone_enc,
        c.phone_masked,
        c.specialties,
        c.served_tenant_ids,
        c.active,
        c.createdBy,
      ],
    );
  },

  /** Saves the change if the version is still `version`; false when someone saved first. */
  async update(em: EntityManager, id: string, version: number, set: ProviderColumns): Promise<boolean> {
    const result = await em.query(
      `UPDATE legal_aid_providers SET kind = $3, name = $4, organisation = $5, licence_no = $6, phone_enc = $7,
         phone_masked = $8, specialties = $9, served_tenant_ids = $10, active = $11,
         updated_at = now(), version = version + 1
       WHERE id = $1 AND version = $2 RETURNING id`,
      [
        id,
        version,
        set.kind,
        set.name,
        set.organisation,
        set.licence_no,
        set.phone_enc,
        set.phone_masked,
        set.specialties,
        set.served_tenant_ids,
        set.active,
      ],
    );
    return returnedRows(result).length === 1;
  },

  /** Of `ids`, the active city, county and university unions in `scope`. */
  async tenantsIn(em: EntityManager, scope: string, ids: readonly string[]): Promise<Set<string>> {
    const rows: { id: string }[] = await em.query(
      `SELECT id FROM orgs WHERE id = ANY($1::uuid[]) AND kind IN ('city', 'county', 'university')
         AND active AND starts_with(path, $2)`,
      [ids, scope],
    );
    return new Set(rows.map((r) => r.id));
  },
};
