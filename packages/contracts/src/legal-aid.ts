import { z } from 'zod';
import { Id, Name, PageQuery, Version, pageOf } from './common';
import { Fen } from './care-records';
import { DisputeCategory } from './disputes';
import { r, type RouteContract } from './route-contract';
import { IsoDate } from './teachers';

// Legal aid (法律援助, issue 6): the roster of lawyers and volunteers with the tenants they serve, their
// assignment to a case with the hours and cost; and a case's mediation sessions and hearings
// (调解会、仲裁庭审、法院庭审).

/** 律师, 志愿者. */
export const LEGAL_AID_PROVIDER_KINDS = ['lawyer', 'volunteer'] as const;
export const LegalAidProviderKind = z.enum(LEGAL_AID_PROVIDER_KINDS);
export type LegalAidProviderKind = z.infer<typeof LegalAidProviderKind>;

/** A mobile number, or a landline with its area code (律所 often give one): 13812345678, 0571-87654321. */
const Phone = z
  .string()
  .trim()
  .regex(/^(?:1[3-9]\d{9}|0\d{2,3}-?\d{7,8}(?:-\d{1,6})?)$/, 'LEGAL_AID_PHONE_FORMAT');
const ShortText = (max: number) => z.string().trim().max(max).nullable().optional();
const Flag = z.enum(['true', 'false']).transform((v) => v === 'true');

const ProviderFields = {
  name: Name,
  kind: LegalAidProviderKind,
  /** 律师事务所 or the volunteer's organisation. */
  organisation: ShortText(200),
  /** 执业证号: a lawyer's licence number; optional (volunteers have none). */
  licenceNo: ShortText(50),
  /** Sealed at rest, masked in lists; the clear number is read through the entry's own route (audited). */
  phone: Phone.nullable().optional(),
  specialties: z
    .array(DisputeCategory)
    .max(7)
    .refine((xs) => new Set(xs).size === xs.length, 'LEGAL_AID_SPECIALTY_DUPLICATE'),
  /**
   * The tenant unions the entry serves. The province names them (at least one); a tenant union's own
   * entry serves that union only, so it may leave this out or name itself.
   */
  servedTenantIds: z.array(Id).max(500).optional(),
};

export const CreateLegalAidProviderRequest = z.strictObject({
  ...ProviderFields,
  specialties: ProviderFields.specialties.default([]),
});
export type CreateLegalAidProviderRequest = z.infer<typeof CreateLegalAidProviderRequest>;

/** Only the fields given change; `phone: null` clears the number. */
export const UpdateLegalAidProviderRequest = z.strictObject({
  version: Version,
  name: Name.optional(),
  kind: LegalAidProviderKind.optional(),
  organisation: ProviderFields.organisation,
  licenceNo: ProviderFields.licenceNo,
  phone: ProviderFields.phone,
  specialties: ProviderFields.specialties.optional(),
  servedTenantIds: ProviderFields.servedTenantIds,
});
export type UpdateLegalAidProviderRequest = z.infer<typeof UpdateLegalAidProviderRequest>;

export const LegalAidVersionRequest = z.strictObject({ version: Version });

export const LegalAidServedTenant = z.object({ id: Id, name: z.string() });

export const LegalAidProvider = z.object({
  id: Id,
  /** The organisation that keeps the entry: the province or a tenant union. Only it edits the entry. */
  ownerOrgId: Id,
  ownerOrgName: z.string(),
  name: z.string(),
  kind: LegalAidProviderKind,
  organisation: z.string().nullable(),
  licenceNo: z.string().nullable(),
  phoneMasked: z.string().nullable(),
  /** In clear only when the entry is opened on its own (audited); null in lists. */
  phone: z.string().nullable(),
  specialties: z.array(DisputeCategory),
  /** The served tenants the caller may see (a tenant sees itself, the province all of them). */
  servedTenants: z.array(LegalAidServedTenant),
  active: z.boolean(),
  /** The caller's organisation keeps it (and holds legal_aid.manage). */
  editable: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: Version,
});
export type LegalAidProvider = z.infer<typeof LegalAidProvider>;
export const LegalAidProviderPage = pageOf(LegalAidProvider);

export const ListLegalAidProvidersQuery = PageQuery.extend({
  kind: LegalAidProviderKind.optional(),
  /** Entries with this specialty. */
  category: DisputeCategory.optional(),
  active: Flag.optional(),
  /** Part of the name, organisation or licence number. */
  q: z.string().trim().max(100).optional(),
});
export type ListLegalAidProvidersQuery = z.infer<typeof ListLegalAidProvidersQuery>;

// --- assignment to a case ---

/** 代理 (represents the teacher), 咨询 (advises), 协助 (helps the union's handler, e.g. in mediation). */
export const LEGAL_AID_ROLES = ['representation', 'consultation', 'assistance'] as const;
export const LegalAidRole = z.enum(LEGAL_AID_ROLES);

/** Time spent, in whole minutes (the SPA takes hours to two decimals and rounds to the minute). */
const Minutes = z
  .number()
  .int('LEGAL_AID_MINUTES_NOT_INTEGER')
  .min(0, 'LEGAL_AID_MINUTES_NEGATIVE')
  .max(1_000_000);
const AssignmentNotes = z.string().trim().max(1000).nullable().optional();

export const AddLegalAidAssignmentRequest = z.strictObject({
  providerId: Id,
  role: LegalAidRole,
  /** Not in the future. */
  assignedOn: IsoDate,
  /** On or after assignedOn, not in the future. */
  endedOn: IsoDate.nullable().optional(),
  minutes: Minutes.default(0),
  /** 费用 (fees, travel), integer fen. */
  costFen: Fen.default(0),
  /** Administrative notes (billing, availability); not the case's facts, kept in plain text. */
  notes: AssignmentNotes,
});
export type AddLegalAidAssignmentRequest = z.infer<typeof AddLegalAidAssignmentRequest>;

export const UpdateLegalAidAssignmentRequest = z.strictObject({
  version: Version,
  role: LegalAidRole.optional(),
  assignedOn: IsoDate.optional(),
  /** null reopens the assignment. */
  endedOn: IsoDate.nullable().optional(),
  minutes: Minutes.optional(),
  costFen: Fen.optional(),
  notes: AssignmentNotes,
});
export type UpdateLegalAidAssignmentRequest = z.infer<typeof UpdateLegalAidAssignmentRequest>;

export const LegalAidAssignment = z.object({
  id: Id,
  caseId: Id,
  providerId: Id,
  /** As the roster said when assigned: the record stays readable if the entry changes or stops serving. */
  providerName: z.string(),
  providerKind: LegalAidProviderKind,
  providerOrganisation: z.string().nullable(),
  role: LegalAidRole,
  assignedOn: IsoDate,
  endedOn: IsoDate.nullable(),
  minutes: z.number().int(),
  costFen: z.number().int(),
  notes: z.string().nullable(),
  createdByName: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: Version,
});
export type LegalAidAssignment = z.infer<typeof LegalAidAssignment>;

export const CaseLegalAid = z.object({
  caseId: Id,
  items: z.array(LegalAidAssignment),
  totals: z.object({ minutes: z.number().int(), costFen: z.number().int() }),
});
export type CaseLegalAid = z.infer<typeof CaseLegalAid>;

// --- mediation sessions and hearings ---

/**
 * 调解会, 仲裁庭审, 法院庭审. Each belongs to a stage of the case and is recorded only once the case has
 * reached it (mediation applied for, arbitration applied for, suit filed — else 409 with the kinds that
 * fit). While the stage runs, a session may be scheduled ahead; once the stage is over (mediation settled
 * or failed, the award or a suit ending arbitration, the case closed), only one held within it.
 */
export const CASE_SESSION_KINDS = ['mediation_session', 'arbitration_hearing', 'court_hearing'] as const;
export const CaseSessionKind = z.enum(CASE_SESSION_KINDS);
export type CaseSessionKind = z.infer<typeof CaseSessionKind>;

/** HH:MM, 24-hour, Asia/Shanghai. */
const TimeOfDay = z.string().regex(/^(?:[01]\d|2[0-3]):[0-5]\d$/, 'SESSION_TIME_FORMAT');
const SealedText = (max: number) => z.string().trim().max(max).nullable().optional();

const SessionFields = {
  heldOn: IsoDate,
  startsAt: TimeOfDay.nullable().optional(),
  place: z.string().trim().max(200).nullable().optional(),
  /** Who attended (parties, mediator, arbitrators, the union's people). Sealed. */
  participants: SealedText(2000),
  /** What came of it: agreement reached, hearing adjourned, next steps. Sealed. */
  result: SealedText(10_000),
};

export const AddCaseSessionRequest = z.strictObject({ kind: CaseSessionKind, ...SessionFields });
export type AddCaseSessionRequest = z.infer<typeof AddCaseSessionRequest>;

/** The kind stays; the date is checked against its stage again. */
export const UpdateCaseSessionRequest = z.strictObject({
  version: Version,
  heldOn: IsoDate.optional(),
  startsAt: SessionFields.startsAt,
  place: SessionFields.place,
  participants: SessionFields.participants,
  result: SessionFields.result,
});
export type UpdateCaseSessionRequest = z.infer<typeof UpdateCaseSessionRequest>;

export const CaseSession = z.object({
  id: Id,
  caseId: Id,
  kind: CaseSessionKind,
  heldOn: IsoDate,
  startsAt: z.string().nullable(),
  place: z.string().nullable(),
  participants: z.string().nullable(),
  result: z.string().nullable(),
  recordedById: Id.nullable(),
  recordedByName: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: Version,
});
export type CaseSession = z.infer<typeof CaseSession>;

export const CaseSessionList = z.object({
  caseId: Id,
  items: z.array(CaseSession),
  /** The kinds the case's stages allow recording now. */
  allowedKinds: z.array(CaseSessionKind),
});
export type CaseSessionList = z.infer<typeof CaseSessionList>;

const tag = 'legal-aid';
const provider = (path = '') => `/v1/legal-aid/providers${path}`;

export const LEGAL_AID_ROUTES = {
  listLegalAidProviders: r({
    method: 'get',
    path: provider(),
    summary: 'The roster my organisation keeps, and the province entries serving my union (phones masked)',
    tag,
    access: 'legal_aid.manage',
    query: ListLegalAidProvidersQuery,
    response: LegalAidProviderPage,
  }),
  getLegalAidProvider: r({
    method: 'get',
    path: provider('/:id'),
    summary: 'One roster entry with its phone in clear (audited)',
    tag,
    access: 'legal_aid.manage',
    response: LegalAidProvider,
  }),
  createLegalAidProvider: r({
    method: 'post',
    path: provider(),
    summary: 'Add a lawyer or volunteer; the province says which of its unions the entry serves',
    tag,
    access: 'legal_aid.manage',
    body: CreateLegalAidProviderRequest,
    response: LegalAidProvider,
    status: 201,
  }),
  updateLegalAidProvider: r({
    method: 'patch',
    path: provider('/:id'),
    summary: 'Change an entry my organisation keeps (stale version → 409)',
    tag,
    access: 'legal_aid.manage',
    body: UpdateLegalAidProviderRequest,
    response: LegalAidProvider,
  }),
  deactivateLegalAidProvider: r({
    method: 'post',
    path: provider('/:id/deactivate'),
    summary: 'Stop offering an entry for new assignments (existing ones stay)',
    tag,
    access: 'legal_aid.manage',
    body: LegalAidVersionRequest,
    response: LegalAidProvider,
  }),
  activateLegalAidProvider: r({
    method: 'post',
    path: provider('/:id/activate'),
    summary: 'Offer a deactivated entry again',
    tag,
    access: 'legal_aid.manage',
    body: LegalAidVersionRequest,
    response: LegalAidProvider,
  }),
  listLegalAidRoster: r({
    method: 'get',
    path: '/v1/legal-aid/roster',
    summary: 'The entries serving my union, to assign to a case (read-only; phones masked)',
    tag,
    access: 'case.read',
    query: ListLegalAidProvidersQuery,
    response: LegalAidProviderPage,
  }),
  getLegalAidRosterEntry: r({
    method: 'get',
    path: '/v1/legal-aid/roster/:id',
    summary: 'One entry serving my union, phone in clear (audited); 404 when it does not serve it',
    tag,
    access: 'case.read',
    response: LegalAidProvider,
  }),
  listCaseLegalAid: r({
    method: 'get',
    path: '/v1/cases/:id/legal-aid',
    summary: "A case's legal-aid assignments with hours (minutes) and cost (fen) and their totals",
    tag,
    access: 'case.read',
    response: CaseLegalAid,
  }),
  addCaseLegalAid: r({
    method: 'post',
    path: '/v1/cases/:id/legal-aid',
    summary: "Assign a roster entry serving the case's union (on the case's timeline)",
    tag,
    access: 'case.write',
    body: AddLegalAidAssignmentRequest,
    response: LegalAidAssignment,
    status: 201,
  }),
  updateCaseLegalAid: r({
    method: 'patch',
    path: '/v1/cases/:id/legal-aid/:assignmentId',
    summary: 'Record hours, cost or the end of an assignment (stale version → 409)',
    tag,
    access: 'case.write',
    body: UpdateLegalAidAssignmentRequest,
    response: LegalAidAssignment,
  }),
  listCaseSessions: r({
    method: 'get',
    path: '/v1/cases/:id/sessions',
    summary: "A case's mediation sessions and hearings, participants and results in clear (audited)",
    tag,
    access: 'case.read',
    response: CaseSessionList,
  }),
  addCaseSession: r({
    method: 'post',
    path: '/v1/cases/:id/sessions',
    summary: "Record a mediation session or hearing within the case's stage (wrong stage → 409)",
    tag,
    access: 'case.write',
    body: AddCaseSessionRequest,
    response: CaseSession,
    status: 201,
  }),
  updateCaseSession: r({
    method: 'patch',
    path: '/v1/cases/:id/sessions/:sessionId',
    summary: 'Change a session or hearing: date, time, place, participants, result (stale version → 409)',
    tag,
    access: 'case.write',
    body: UpdateCaseSessionRequest,
    response: CaseSession,
  }),
} satisfies Record<string, RouteContract>;
