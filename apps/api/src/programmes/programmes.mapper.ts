import type { z } from 'zod';
import type {
  BuiltinTemplate,
  Programme,
  ProgrammeSummary,
  ProgrammeVersion,
  ProgrammeVersionSummary,
  Template,
  TemplateChange,
  TemplateSummary,
} from '@guanai/contracts';
import {
  DEFAULT_AT_RISK_AFTER_BP,
  DEFAULT_SEMESTER_CALENDAR,
  type ProgrammeTemplate,
  type TemplateChange as Change,
} from '@guanai/domain';
import type { TemplateRow, TemplateWithDraft, VersionRow, VersionWithDocument } from './templates.repository';
import type { ProgrammeRow, ProgrammeWithDocument, SettingsJson } from './programmes.repository';

type Out<T extends z.ZodType> = z.infer<T>;

export function toBuiltin(t: ProgrammeTemplate): Out<typeof BuiltinTemplate> {
  const measures = t.areas.flatMap((a) => a.measures);
  return {
    key: t.key,
    name: t.name,
    nameEn: t.nameEn,
    source: { ...t.source },
    measures: measures.length,
    indicators: measures.reduce((n, m) => n + m.indicators.length, 0),
  };
}

/** The domain's (read-only) changes in the contract's shape. */
export function toChanges(changes: readonly Change[]): Out<typeof TemplateChange>[] {
  return changes.map(({ fields, ...c }) => ({ ...c, ...(fields ? { fields: [...fields] } : {}) }));
}

export function toTemplateSummary(r: TemplateRow): Out<typeof TemplateSummary> {
  return {
    id: r.id,
    orgId: r.org_id,
    orgName: r.org_name,
    key: r.key,
    name: r.name,
    basedOn: r.based_on,
    latestVersion: r.latest_version,
    hasUnpublishedChanges: r.unpublished,
    updatedAt: r.updated_at.toISOString(),
    version: r.version,
  };
}

export function toTemplate(r: TemplateWithDraft): Template {
  return { ...toTemplateSummary(r), draft: r.draft };
}

export function toVersionSummary(r: VersionRow): Out<typeof ProgrammeVersionSummary> {
  return {
    id: r.id,
    templateId: r.template_id,
    templateName: r.template_name,
    orgId: r.org_id,
    number: r.number,
    note: r.note,
    changes: toChanges(r.changes),
    publishedAt: r.published_at.toISOString(),
  };
}

export function toVersion(r: VersionWithDocument): ProgrammeVersion {
  return { ...toVersionSummary(r), document: r.document };
}

export function toProgrammeSummary(r: ProgrammeRow): Out<typeof ProgrammeSummary> {
  return {
    id: r.id,
    orgId: r.org_id,
    orgName: r.org_name,
    templateId: r.template_id,
    templateName: r.template_name,
    versionId: r.version_id,
    versionNumber: r.version_number,
    latestVersionNumber: r.latest_version,
    year: r.year,
    budgetFen: Object.values(r.budgets).reduce((sum, fen) => sum + fen, 0),
    version: r.version,
  };
}

/** The settings in force: what the union set, else the platform defaults. */
export function effectiveSettings(s: SettingsJson): Programme['settings'] {
  return {
    semester: { ...(s.semester ?? DEFAULT_SEMESTER_CALENDAR) },
    atRiskAfterBp: s.atRiskAfterBp ?? DEFAULT_AT_RISK_AFTER_BP,
  };
}

export function toProgramme(r: ProgrammeWithDocument): Programme {
  return {
    ...toProgrammeSummary(r),
    targets: r.targets,
    budgets: r.budgets,
    settings: effectiveSettings(r.settings),
    document: r.document,
  };
}
