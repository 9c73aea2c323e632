import { z } from 'zod';
import {
  ACTIVITY_TYPE_CODES,
  ANNIVERSARIES,
  AREA_KINDS,
  ELIGIBLE_GROUPS,
  FESTIVALS,
  INDICATOR_KINDS,
  INDICATOR_LEVELS,
  PERIOD_KINDS,
  REMINDER_AUDIENCES,
} from './care-catalogue';
import { Id, Name, Version } from './common';
import { Role } from './roles';

// Programme templates (a province's), their published versions, and the programme a tenant adopts
// for a year. The document shapes mirror packages/domain/src/programmes/types.ts (which checks that
// they agree); the rules a document must follow beyond its shape are the domain's validateTemplate.

/** A stable key inside a template: indicators' results and reminder jobs are stored under it. */
export const DocKey = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9_-]{0,62}$/, 'KEY_FORMAT');
export const ActivityTypeCode = z.enum(ACTIVITY_TYPE_CODES);
export type ActivityTypeCode = z.infer<typeof ActivityTypeCode>;
export const IndicatorKind = z.enum(INDICATOR_KINDS);
export const PeriodKind = z.enum(PERIOD_KINDS);
export const IndicatorLevel = z.enum(INDICATOR_LEVELS);
export const EligibleGroup = z.enum(ELIGIBLE_GROUPS);
/** 'MM-DD', a day of every year. */
export const MonthDay = z.string().regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'MONTH_DAY_FORMAT');

const Count = z.number().int().min(0).max(1_000_000_000_000);

export const TargetRange = z.strictObject({ min: Count, max: Count });

export const IndicatorDoc = z.strictObject({
  key: DocKey,
  name: z.string().trim().min(1).max(60),
  kind: IndicatorKind,
  period: PeriodKind,
  level: IndicatorLevel,
  activityTypes: z.array(ActivityTypeCode).min(1).max(20),
  /** Count (activity_count), basis points (coverage, eligible_ratio: 10000 = 100 %) or fen (amount). */
  target: Count,
  /** Set by the province: tenants may choose a target within this range; absent, it is fixed. */
  adjustable: TargetRange.optional(),
  eligibleGroup: EligibleGroup.optional(),
  /** Words of the measure's text the target rests on (validateTemplate checks they are there). */
  clauseQuote: z.string().max(500),
});

/** Years at which an anniversary reminder fires (teaching_years, union_years): 1–60, e.g. [10, 20, 30]. */
const Milestones = z.array(z.number().int().min(1).max(60)).min(1).max(12);

export const ReminderTrigger = z.discriminatedUnion('kind', [
  /** Per teacher: the birthday, solar or lunar as the teacher's record says. */
  z.strictObject({ kind: z.literal('birthday') }),
  /** Per unit: a festival (women teachers only on Women's Day). */
  z.strictObject({ kind: z.literal('festival'), festival: z.enum(FESTIVALS) }),
  /** Per teacher: teaching_30_years and retirement take no years; teaching_years and union_years need them. */
  z.strictObject({
    kind: z.literal('anniversary'),
    anniversary: z.enum(ANNIVERSARIES),
    years: Milestones.optional(),
  }),
  /** Per teacher: no health check-up recorded this year by the date (default 10-31). */
  z.strictObject({ kind: z.literal('checkup_due'), byMonthDay: MonthDay.optional() }),
  /** Per school (or the tenant): the indicator's period ends while its stored result is not met. */
  z.strictObject({ kind: z.literal('quota'), indicatorKey: DocKey }),
  /** Per tenant: a date of every year the tenant names (e.g. its own deadline or a local festival). */
  z.strictObject({ kind: z.literal('deadline'), monthDay: MonthDay }),
  /** Per teacher: tagged as in hardship and not visited for `afterDays` days. */
  z.strictObject({
    kind: z.literal('hardship_followup'),
    tag: z.string().trim().min(1).max(20).default('困难教师'),
    afterDays: z.number().int().min(1).max(730),
  }),
  /** Per care record: the follow-up date an officer set on it. */
  z.strictObject({ kind: z.literal('care_followup') }),
]);

export const ReminderRuleDoc = z.strictObject({
  key: DocKey,
  /** Shown on the reminder; absent, a name is made from the trigger. */
  name: z.string().trim().min(1).max(60).optional(),
  trigger: ReminderTrigger,
  /** Days before the trigger date that the reminder comes due: 3 = three days before a birthday. */
  leadDays: z.number().int('LEAD_DAYS_NOT_INTEGER').min(0, 'LEAD_DAYS_NEGATIVE').max(366),
  audience: z.enum(REMINDER_AUDIENCES),
  /** Required when audience is 'role'. */
  role: Role.optional(),
  activityType: ActivityTypeCode.optional(),
});
export type ReminderRuleDoc = z.infer<typeof ReminderRuleDoc>;

export const MeasureDoc = z.strictObject({
  key: DocKey,
  clause: z.string().trim().min(1).max(20),
  title: z.string().trim().min(1).max(200),
  text: z.string().max(5000),
  activityTypes: z.array(ActivityTypeCode).max(40),
  indicators: z.array(IndicatorDoc).max(30),
  reminderRules: z.array(ReminderRuleDoc).max(30),
});

export const AreaDoc = z.strictObject({
  key: DocKey,
  clause: z.string().trim().min(1).max(20),
  title: z.string().trim().min(1).max(200),
  kind: z.enum(AREA_KINDS),
  measures: z.array(MeasureDoc).max(60),
});

/** A whole template: what a draft holds and what a published version freezes. */
export const ProgrammeDocument = z.strictObject({
  key: DocKey,
  name: z.string().trim().min(1).max(100),
  nameEn: z.string().trim().max(200),
  source: z.strictObject({
    title: z.string().trim().min(1).max(200),
    issuer: z.string().trim().min(1).max(200),
    documentNo: z.string().trim().max(100).optional(),
    issuedOn: z.iso.date().optional(),
  }),
  areas: z.array(AreaDoc).max(20),
});
export type ProgrammeDocument = z.infer<typeof ProgrammeDocument>;

/** One difference between two documents (domain diffTemplates), shown before publishing. */
export const TemplateChange = z.object({
  change: z.enum(['added', 'removed', 'changed']),
  entity: z.enum(['template', 'area', 'measure', 'indicator', 'reminder_rule']),
  key: z.string(),
  fields: z.array(z.string()).optional(),
});

export const BuiltinTemplate = z.object({
  key: z.string(),
  name: z.string(),
  nameEn: z.string(),
  source: ProgrammeDocument.shape.source,
  measures: z.number().int(),
  indicators: z.number().int(),
});
export const BuiltinTemplateList = z.object({ items: z.array(BuiltinTemplate) });

export const TemplateSummary = z.object({
  id: Id,
  orgId: Id,
  orgName: z.string(),
  key: z.string(),
  name: z.string(),
  basedOn: z.string().nullable(),
  latestVersion: z.number().int(),
  /** The draft differs from the latest published version. */
  hasUnpublishedChanges: z.boolean(),
  updatedAt: z.string(),
  version: Version,
});
export const TemplateList = z.object({ items: z.array(TemplateSummary) });

export const Template = TemplateSummary.extend({ draft: ProgrammeDocument });
export type Template = z.infer<typeof Template>;

/** Start a template from a built-in one or from a published version (the province's or its own). */
export const CreateTemplateRequest = z
  .strictObject({
    key: DocKey,
    name: Name,
    fromBuiltin: z.string().max(64).optional(),
    fromVersionId: Id.optional(),
  })
  .refine((v) => (v.fromBuiltin === undefined) !== (v.fromVersionId === undefined), {
    message: 'TEMPLATE_SOURCE_EITHER',
    path: ['fromBuiltin'],
  });
export type CreateTemplateRequest = z.infer<typeof CreateTemplateRequest>;

export const SaveDraftRequest = z.strictObject({
  version: Version,
  name: Name.optional(),
  draft: ProgrammeDocument,
});
export type SaveDraftRequest = z.infer<typeof SaveDraftRequest>;

export const PublishRequest = z.strictObject({
  version: Version,
  note: z.string().trim().max(500).optional(),
});

export const DraftDiff = z.object({ against: z.number().int().nullable(), changes: z.array(TemplateChange) });

export const ProgrammeVersionSummary = z.object({
  id: Id,
  templateId: Id,
  templateName: z.string(),
  orgId: Id,
  number: z.number().int(),
  note: z.string().nullable(),
  changes: z.array(TemplateChange),
  publishedAt: z.string(),
});
export const ProgrammeVersionList = z.object({ items: z.array(ProgrammeVersionSummary) });
export const ListVersionsQuery = z.strictObject({ templateId: Id.optional() });

export const ProgrammeVersion = ProgrammeVersionSummary.extend({ document: ProgrammeDocument });
export type ProgrammeVersion = z.infer<typeof ProgrammeVersion>;

// ——— A tenant's programme for a year ———

/** How a tenant's periods and at-risk warnings work; defaults: semesters from 09-01 and 02-01, 50 %. */
export const ProgrammeSettings = z.strictObject({
  semester: z.strictObject({ autumnStart: MonthDay, springStart: MonthDay }).optional(),
  /** Share of a period (basis points) after which a value behind the pro-rata target is "at risk". */
  atRiskAfterBp: z.number().int().min(0).max(10000).optional(),
});

/** Per indicator key, the tenant's own target (only where the version allows, within its range). */
export const Targets = z.record(DocKey, Count);
/** Per measure key, the budget in fen. */
export const Budgets = z.record(DocKey, Count);

export const AdoptProgrammeRequest = z.strictObject({
  versionId: Id,
  year: z.number().int().min(2000).max(2100),
  targets: Targets.default({}),
  budgets: Budgets.default({}),
  settings: ProgrammeSettings.default({}),
});
export type AdoptProgrammeRequest = z.infer<typeof AdoptProgrammeRequest>;

export const UpdateProgrammeRequest = z.strictObject({
  version: Version,
  targets: Targets.optional(),
  budgets: Budgets.optional(),
  settings: ProgrammeSettings.optional(),
});
export type UpdateProgrammeRequest = z.infer<typeof UpdateProgrammeRequest>;

/** Move to a newer published version of the same template; targets and budgets are kept where their keys remain. */
export const UpgradeProgrammeRequest = z.strictObject({ version: Version, versionId: Id });

export const ProgrammeSummary = z.object({
  id: Id,
  orgId: Id,
  orgName: z.string(),
  templateId: Id,
  templateName: z.string(),
  versionId: Id,
  versionNumber: z.number().int(),
  /** The template's newest published version, so a tenant sees when it may move on. */
  latestVersionNumber: z.number().int(),
  year: z.number().int(),
  budgetFen: z.number().int(),
  version: Version,
});
export const ProgrammeList = z.object({ items: z.array(ProgrammeSummary) });
export const ListProgrammesQuery = z.strictObject({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  orgId: Id.optional(),
  templateId: Id.optional(),
});

export const Programme = ProgrammeSummary.extend({
  targets: z.record(z.string(), z.number().int()),
  budgets: z.record(z.string(), z.number().int()),
  settings: z.object({
    semester: z.object({ autumnStart: z.string(), springStart: z.string() }),
    atRiskAfterBp: z.number().int(),
  }),
  /** The adopted version's document. */
  document: ProgrammeDocument,
});
export type Programme = z.infer<typeof Programme>;
