import { Injectable } from '@nestjs/common';
import type { z } from 'zod';
import {
  type BuiltinTemplateList,
  type CreateTemplateRequest,
  type DraftDiff,
  ProgrammeDocument,
  type ProgrammeVersion,
  type ProgrammeVersionList,
  type SaveDraftRequest,
  type Template,
  type TemplateList,
} from '@guanai/contracts';
import { BUILTIN_TEMPLATES, diffTemplates, validateTemplate } from '@guanai/domain';
import { isUniqueViolation } from '@guanai/db';
import { AppError } from '../common/app-error';
import { RequestContext } from '../common/request-context';
import { AuditService } from '../audit/audit.service';
import { templatesRepo, type TemplateWithDraft } from './templates.repository';
import {
  toBuiltin,
  toChanges,
  toTemplate,
  toTemplateSummary,
  toVersion,
  toVersionSummary,
} from './programmes.mapper';
import { templateInvalid } from './problems';

type Out<T extends z.ZodType> = z.infer<T>;

/** What a never-published template is compared with: the same head, no areas, so every node is 'added'. */
const nothingBefore = (draft: ProgrammeDocument): ProgrammeDocument => ({ ...draft, areas: [] });

/**
 * A province's programme templates (方案模板): started from a built-in template or a published version,
 * edited as a draft, published as numbered versions that never change again.
 */
@Injectable()
export class TemplatesService {
  constructor(
    private readonly ctx: RequestContext,
    private readonly audit: AuditService,
  ) {}

  private get scope() {
    return this.ctx.principal.orgPath;
  }

  builtins(): Out<typeof BuiltinTemplateList> {
    return { items: BUILTIN_TEMPLATES.map(toBuiltin) };
  }

  async list(): Promise<Out<typeof TemplateList>> {
    const rows = await templatesRepo.list(this.ctx.em, this.scope);
    return { items: rows.map(toTemplateSummary) };
  }

  async get(id: string): Promise<Template> {
    return toTemplate(await this.requireOwn(id));
  }

  async create(input: CreateTemplateRequest): Promise<Template> {
    const em = this.ctx.em;
    const p = this.ctx.principal;
    const { document, basedOn } = await this.source(input);
    // The copy is the province's own document: its key and name are the template's.
    const draft = { ...document, key: input.key, name: input.name };
    const id = await templatesRepo
      .insert(em, { orgId: p.orgId, key: input.key, name: input.name, basedOn, draft, userId: p.userId })
      .catch((e: unknown) => {
        if (isUniqueViolation(e, 'programme_templates_org_id_key_key'))
          throw new AppError('TEMPLATE_KEY_TAKEN', {
            fields: [{ path: 'body.key', code: 'TEMPLATE_KEY_TAKEN' }],
          });
        throw e;
      });
    await this.audit.record({
      orgId: p.orgId,
      action: 'programme_template.create',
      targetType: 'programme_template',
      targetId: id,
      after: { key: input.key, name: input.name, basedOn },
    });
    return this.get(id);
  }

  async saveDraft(id: string, input: SaveDraftRequest): Promise<Template> {
    const row = await this.requireVersion(id, input.version);
    const keyMismatch =
      input.draft.key === row.key
        ? []
        : [{ path: 'body.draft.key', code: 'TEMPLATE_KEY_MISMATCH', params: { key: row.key } }];
    const problems = validateTemplate(input.draft);
    if (problems.length > 0 || keyMismatch.length > 0)
      throw templateInvalid(problems, 'body.draft', keyMismatch);
    const name = input.name ?? row.name;
    await templatesRepo.saveDraft(this.ctx.em, id, name, input.draft);
    // The diff, not two whole documents: what an auditor wants to know, and a fraction of the size.
    await this.audit.record({
      orgId: row.org_id,
      action: 'programme_template.save_draft',
      targetType: 'programme_template',
      targetId: id,
      before: { name: row.name, version: row.version },
      after: { name, changes: diffTemplates(row.draft, input.draft) },
    });
    return this.get(id);
  }

  async diff(id: string): Promise<Out<typeof DraftDiff>> {
    const row = await this.requireOwn(id);
    const latest = await templatesRepo.latestDocument(this.ctx.em, id, row.latest_version);
    const changes = diffTemplates(latest ?? nothingBefore(row.draft), row.draft);
    return { against: latest ? row.latest_version : null, changes: toChanges(changes) };
  }

  async publish(id: string, version: number, note?: string): Promise<ProgrammeVersion> {
    const em = this.ctx.em;
    const row = await this.requireVersion(id, version);
    if (!row.unpublished) throw new AppError('NOTHING_TO_PUBLISH');
    // Every saved draft passed these rules; a fresh copy is a valid document renamed. Checked again
    // because a version is forever.
    const problems = validateTemplate(row.draft);
    if (problems.length > 0) throw templateInvalid(problems, 'draft');
    const latest = await templatesRepo.latestDocument(em, id, row.latest_version);
    const changes = diffTemplates(latest ?? nothingBefore(row.draft), row.draft);
    const number = row.latest_version + 1;
    const versionId = await templatesRepo.publish(em, {
      id,
      orgId: row.org_id,
      number,
      changes,
      note: note ?? null,
      userId: this.ctx.principal.userId,
    });
    await this.audit.record({
      orgId: row.org_id,
      action: 'programme_template.publish',
      targetType: 'programme_template',
      targetId: id,
      after: { versionId, number, note: note ?? null, changes },
    });
    return this.version(versionId);
  }

  async versions(templateId?: string): Promise<Out<typeof ProgrammeVersionList>> {
    const rows = await templatesRepo.versions(this.ctx.em, this.scope, templateId);
    return { items: rows.map(toVersionSummary) };
  }

  async version(id: string): Promise<ProgrammeVersion> {
    const row = await templatesRepo.findVersion(this.ctx.em, this.scope, id);
    if (!row) throw AppError.notFound();
    return toVersion(row);
  }

  /** The document a new template starts from, and how its list entry names that origin. */
  private async source(
    input: CreateTemplateRequest,
  ): Promise<{ document: ProgrammeDocument; basedOn: string }> {
    if (input.fromBuiltin !== undefined) {
      const builtin = BUILTIN_TEMPLATES.find((t) => t.key === input.fromBuiltin);
      if (!builtin)
        throw new AppError('BUILTIN_TEMPLATE_UNKNOWN', {
          fields: [{ path: 'body.fromBuiltin', code: 'BUILTIN_TEMPLATE_UNKNOWN' }],
        });
      // Through the contract: a deep, mutable copy in the document's own shape.
      return { document: ProgrammeDocument.parse(builtin), basedOn: builtin.key };
    }
    const version = await templatesRepo.findVersion(this.ctx.em, this.scope, input.fromVersionId!);
    if (!version)
      throw new AppError('NOT_FOUND', { fields: [{ path: 'body.fromVersionId', code: 'NOT_FOUND' }] });
    return { document: version.document, basedOn: `${version.template_key}@${version.number}` };
  }

  /** A template of the caller's own organisation or below: those above are read through their versions. */
  private async requireOwn(id: string, lock = false): Promise<TemplateWithDraft> {
    const row = await templatesRepo.findOwn(this.ctx.em, this.scope, id, lock);
    if (!row) throw AppError.notFound();
    return row;
  }

  private async requireVersion(id: string, version: number): Promise<TemplateWithDraft> {
    const row = await this.requireOwn(id, true);
    if (row.version !== version) throw new AppError('STALE_VERSION');
    return row;
  }
}
