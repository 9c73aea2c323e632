import type { ProgrammeDocument } from '@guanai/contracts';
import type { TemplateChange } from '@guanai/domain';
import type { EntityManager } from '@guanai/db';

export interface TemplateRow {
  id: string;
  org_id: string;
  org_name: string;
  key: string;
  name: string;
  based_on: string | null;
  latest_version: number;
  /** Whether the draft differs (as JSON) from the latest published document; true before the first. */
  unpublished: boolean;
  updated_at: Date;
  version: number;
}

export interface TemplateWithDraft extends TemplateRow {
  draft: ProgrammeDocument;
}

export interface VersionRow {
  id: string;
  template_id: string;
  template_name: string;
  template_key: string;
  org_id: string;
  number: number;
  note: string | null;
  changes: TemplateChange[];
  published_at: Date;
}

export interface VersionWithDocument extends VersionRow {
  document: ProgrammeDocument;
}

// Row-level security admits a scope's subtree and the chain above it; these say the same in SQL
// (neither alone is trusted). `$1` is always the caller's scope path.
const BELOW = 'starts_with(o.path, $1)';
const VISIBLE = `(${BELOW} OR starts_with($1, o.path))`;

const TEMPLATE = `SELECT t.id, t.org_id, o.name AS org_name, t.key, t.name, t.based_on, t.latest_version,
  (t.latest_version = 0 OR t.draft IS DISTINCT FROM (SELECT v.document FROM programme_versions v
     WHERE v.template_id = t.id AND v.number = t.latest_version)) AS unpublished,
  t.updated_at, t.version`;
const TEMPLATE_FROM = 'FROM programme_templates t JOIN orgs o ON o.id = t.org_id';

const VERSION = `SELECT v.id, v.template_id, t.name AS template_name, t.key AS template_key, v.org_id, v.number, v.note, v.changes, v.published_at`;
const VERSION_FROM = `FROM programme_versions v JOIN programme_templates t ON t.id = v.template_id JOIN orgs o ON o.id = v.org_id`;

/** SQL for a province's templates (with their working drafts) and their immutable published versions. */
export const templatesRepo = {
  /** The scope's own templates, and those above it once published (a draft stays with its author). */
  async list(em: EntityManager, scope: string): Promise<TemplateRow[]> {
    return em.query(
      `${TEMPLATE} ${TEMPLATE_FROM} WHERE ${BELOW} OR (starts_with($1, o.path) AND t.latest_version > 0)
       ORDER BY o.depth, t.name, t.id`,
      [scope],
    );
  },

  /** A template the scope owns (its subtree), with its draft; `lock` for a write. */
  async findOwn(
    em: EntityManager,
    scope: string,
    id: string,
    lock = false,
  ): Promise<TemplateWithDraft | undefined> {
    const [row] = await em.query(
      `${TEMPLATE}, t.draft ${TEMPLATE_FROM} WHERE t.id = $2 AND ${BELOW}${lock ? ' FOR UPDATE OF t' : ''}`,
      [scope, id],
    );
    return row;
  },

  async insert(
    em: EntityManager,
    t: {
      orgId: string;
      key: string;
      name: string;
      basedOn: string;
      draft: ProgrammeDocument;
      userId: string;
    },
  ): Promise<string> {
    const [{ id }] = await em.query(
      `INSERT INTO programme_templates (org_id, key, name, based_on, draft, created_by)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [t.orgId, t.key, t.name, t.basedOn, JSON.stringify(t.draft), t.userId],
    );
    return id;
  },

  async saveDraft(em: EntityManager, id: string, name: string, draft: ProgrammeDocument): Promise<void> {
    await em.query(
      `UPDATE programme_templates SET name = $2, draft = $3, version = version + 1, updated_at = now() WHERE id = $1`,
      [id, name, JSON.stringify(draft)],
    );
  },

  /** Freezes the draft as the next version and moves the template on; the caller holds the row lock. */
  async publish(
    em: EntityManager,
    t: {
      id: string;
      orgId: string;
      number: number;
      changes: readonly TemplateChange[];
      note: string | null;
      userId: string;
    },
  ): Promise<string> {
    const [{ id }] = await em.query(
      `INSERT INTO programme_versions (org_id, template_id, number, document, changes, note, published_by)
       SELECT org_id, id, $2, draft, $3, $4, $5 FROM programme_templates WHERE id = $1 RETURNING id`,
      [t.id, t.number, JSON.stringify(t.changes), t.note, t.userId],
    );
    await em.query(
      `UPDATE programme_templates SET latest_version = $2, version = version + 1, updated_at = now() WHERE id = $1`,
      [t.id, t.number],
    );
    return id;
  },

  /** Published versions the scope may see: its own and those of the organisations above it. */
  async versions(em: EntityManager, scope: string, templateId?: string): Promise<VersionRow[]> {
    return em.query(
      `${VERSION} ${VERSION_FROM} WHERE ${VISIBLE}${templateId ? ' AND v.template_id = $2' : ''}
       ORDER BY o.depth, t.name, v.template_id, v.number DESC`,
      templateId ? [scope, templateId] : [scope],
    );
  },

  async findVersion(em: EntityManager, scope: string, id: string): Promise<VersionWithDocument | undefined> {
    const [row] = await em.query(`${VERSION}, v.document ${VERSION_FROM} WHERE v.id = $2 AND ${VISIBLE}`, [
      scope,
      id,
    ]);
    return row;
  },

  /** The latest published document of a template, or null before its first version. */
  async latestDocument(
    em: EntityManager,
    templateId: string,
    number: number,
  ): Promise<ProgrammeDocument | null> {
    if (number === 0) return null;
    const [row] = await em.query(
      'SELECT document FROM programme_versions WHERE template_id = $1 AND number = $2',
      [templateId, number],
    );
    return row?.document ?? null;
  },
};
