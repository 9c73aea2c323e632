import type { ListProgrammesQuery, ProgrammeDocument } from '@guanai/contracts';
import type { EntityManager } from '@guanai/db';
import type { z } from 'zod';

export type Targets = Record<string, number>;
export type Budgets = Record<string, number>;

/** As stored: only what the tenant set; the defaults are filled in when read (programmes.mapper). */
export interface SettingsJson {
  semester?: { autumnStart: string; springStart: string };
  atRiskAfterBp?: number;
}

export interface ProgrammeRow {
  id: string;
  org_id: string;
  org_name: string;
  template_id: string;
  template_name: string;
  version_id: string;
  version_number: number;
  latest_version: number;
  year: number;
  targets: Targets;
  budgets: Budgets;
  settings: SettingsJson;
  version: number;
}

export interface ProgrammeWithDocument extends ProgrammeRow {
  document: ProgrammeDocument;
}

const SELECT = `SELECT p.id, p.org_id, o.name AS org_name, p.template_id, t.name AS template_name, p.version_id,
  v.number AS version_number, t.latest_version, p.year, p.targets, p.budgets, p.settings, p.version`;
const FROM = `FROM programmes p JOIN orgs o ON o.id = p.org_id
  JOIN programme_templates t ON t.id = p.template_id JOIN programme_versions v ON v.id = p.version_id`;
// A union's programme is read by the union, the province above it and the union's own schools (so
// their officers know what to record care work under); row-level security says the same.
const VISIBLE = '(starts_with(o.path, $1) OR starts_with($1, o.path))';

export interface ProgrammeFields {
  targets: Targets;
  budgets: Budgets;
  settings: SettingsJson;
}

/** SQL for the programmes tenants adopt (one per union, template and year). */
export const programmesRepo = {
  async list(
    em: EntityManager,
    scope: string,
    q: z.infer<typeof ListProgrammesQuery>,
  ): Promise<ProgrammeRow[]> {
    const where = [VISIBLE];
    const params: unknown[] = [scope];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (q.year !== undefined) add('p.year = ?', q.year);
    if (q.templateId) add('p.template_id = ?', q.templateId);
    if (q.orgId) add('starts_with(o.path, (SELECT path FROM orgs WHERE id = ?))', q.orgId);
    return em.query(
      `${SELECT} ${FROM} WHERE ${where.join(' AND ')} ORDER BY p.year DESC, o.name, t.name, p.id`,
      params,
    );
  },

  /** One programme; `own` limits it to the scope's subtree (a write), `lock` takes the row. */
  async find(
    em: EntityManager,
    scope: string,
    id: string,
    opts: { own?: boolean; lock?: boolean } = {},
  ): Promise<ProgrammeWithDocument | undefined> {
    const visible = opts.own ? 'starts_with(o.path, $1)' : VISIBLE;
    const [row] = await em.query(
      `${SELECT}, v.document ${FROM} WHERE p.id = $2 AND ${visible}${opts.lock ? ' FOR UPDATE OF p' : ''}`,
      [scope, id],
    );
    return row;
  },

  async insert(
    em: EntityManager,
    p: ProgrammeFields & {
      orgId: string;
      templateId: string;
      versionId: string;
      year: number;
      userId: string;
    },
  ): Promise<string> {
    const [{ id }] = await em.query(
      `INSERT INTO programmes (org_id, template_id, version_id, year, targets, budgets, settings, adopted_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [
        p.orgId,
        p.templateId,
        p.versionId,
        p.year,
        JSON.stringify(p.targets),
        JSON.stringify(p.budgets),
        JSON.stringify(p.settings),
        p.userId,
      ],
    );
    return id;
  },

  async update(em: EntityManager, id: string, p: ProgrammeFields & { versionId: string }): Promise<void> {
    await em.query(
      `UPDATE programmes SET version_id = $2, targets = $3, budgets = $4, settings = $5, version = version + 1,
         updated_at = now() WHERE id = $1`,
      [id, p.versionId, JSON.stringify(p.targets), JSON.stringify(p.budgets), JSON.stringify(p.settings)],
    );
  },
};
