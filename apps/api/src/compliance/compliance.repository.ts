import type { EntityManager } from '@guanai/db';
import type { ComplianceStatus, ProgrammeTemplate } from '@guanai/domain';

/** Names of organisations by id (those the scope can read). */
export async function orgNames(em: EntityManager, ids: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = (await em.query(`SELECT id::text AS id, name FROM orgs WHERE id = ANY($1::uuid[])`, [unique])) as {
    id: string;
    name: string;
  }[];
  return new Map(rows.map((r) => [r.id, r.name]));
}

export interface TemplateHead {
  id: string;
  orgPath: string;
  /** The newest published version's document; null before the first publication. */
  latest: ProgrammeTemplate | null;
}

export async function templateHead(em: EntityManager, id: string): Promise<TemplateHead | null> {
  const [row] = (await em.query(
    `SELECT t.id::text AS id, o.path AS org_path,
            (SELECT v.document FROM programme_versions v WHERE v.template_id = t.id ORDER BY v.number DESC LIMIT 1) AS latest
       FROM programme_templates t JOIN orgs o ON o.id = t.org_id WHERE t.id = $1`,
    [id],
  )) as { id: string; org_path: string; latest: ProgrammeTemplate | null }[];
  return row ? { id: row.id, orgPath: row.org_path, latest: row.latest } : null;
}

/**
 * The unions (tenants) in the scope that could adopt the template: below the template's owner.
 * Inactive ones only when they adopted it anyway.
 */
export async function tenantsFor(
  em: EntityManager,
  scopePath: string,
  templateOrgPath: string,
  adopters: readonly string[],
): Promise<{ id: string; name: string }[]> {
  return em.query(
    `SELECT id::text AS id, name FROM orgs
      WHERE kind IN ('city', 'county', 'university') AND starts_with(path, $1) AND starts_with(path, $2)
        AND (active OR id = ANY($3::uuid[]))
      ORDER BY name, id`,
    [scopePath, templateOrgPath, adopters],
  );
}

export interface StoredResult {
  programmeId: string;
  periodKey: string;
  indicatorKey: string;
  value: number;
  target: number;
  status: ComplianceStatus;
  computedAt: string;
}

/** The tenant rows (unit_id = the programme's union) the refresh job stored for these programmes. */
export async function storedTenantResults(
  em: EntityManager,
  programmes: readonly { id: string; orgId: string }[],
): Promise<StoredResult[]> {
  if (programmes.length === 0) return [];
  const rows = (await em.query(
    `SELECT r.programme_id::text AS programme_id, r.period_key, r.indicator_key, r.value::text AS value,
            r.target::text AS target, r.status, r.computed_at
       FROM compliance_results r
       JOIN unnest($1::uuid[], $2::uuid[]) AS p(id, org_id) ON p.id = r.programme_id AND p.org_id = r.unit_id`,
    [programmes.map((p) => p.id), programmes.map((p) => p.orgId)],
  )) as { programme_id: string; period_key: string; indicator_key: string; value: string; target: string; status: ComplianceStatus; computed_at: Date }[];
  return rows.map((r) => ({
    programmeId: r.programme_id,
    periodKey: r.period_key,
    indicatorKey: r.indicator_key,
    value: Number(r.value),
    target: Number(r.target),
    status: r.status,
    computedAt: r.computed_at.toISOString(),
  }));
}
