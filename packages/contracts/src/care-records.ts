import { z } from 'zod';
import { Id, PageQuery, Version, pageOf } from './common';
import { ActivityTypeCode, DocKey } from './programmes';
import { IsoDate, ListTeachersQuery } from './teachers';

// Care work (关爱记录): one activity done by a unit — a school, or the tenant itself — on a day, for
// one teacher or thousands, with its cost in fen. Participants are named by id, by the teacher list's
// filters ("everyone at this school over 55"), or by ID numbers pasted from a spreadsheet.

/** Money is integer fen (分) and never negative. */
export const Fen = z.number().int('AMOUNT_NOT_INTEGER').min(0, 'AMOUNT_NEGATIVE').max(100_000_000_000);

/** At most this many participants per request; a bigger activity is recorded in several requests. */
export const MAX_PARTICIPANTS = 20_000;

const IdNumberText = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^\d{17}[\dX]$/, 'ID_NUMBER_FORMAT');

/** Who took part: any combination of ids, a teacher-list filter and pasted ID numbers (the union of all). */
export const ParticipantSelection = z.strictObject({
  teacherIds: z.array(Id).max(MAX_PARTICIPANTS).default([]),
  /** The teacher list's filters (without paging or sort); active teachers only unless status says otherwise. */
  filter: ListTeachersQuery.omit({ page: true, pageSize: true, sort: true }).optional(),
  /** ID numbers pasted from Excel; every one must name a teacher in the recorder's scope. */
  idNumbers: z.array(IdNumberText).max(MAX_PARTICIPANTS).default([]),
});
export type ParticipantSelection = z.infer<typeof ParticipantSelection>;

const CareFields = {
  /** The unit that did it: a school or department, or the tenant union itself. */
  orgId: Id,
  programmeId: Id.nullable().optional(),
  /** A measure of the programme's version; requires programmeId. */
  measureKey: DocKey.nullable().optional(),
  activityType: ActivityTypeCode,
  title: z.string().trim().min(1).max(200),
  occurredOn: IsoDate,
  /** 回访日期: a day to go back to the teacher, not before occurredOn; the reminders remind on it. */
  followUpOn: IsoDate.nullable().optional(),
  amountFen: Fen.default(0),
  notes: z.string().trim().max(2000).nullable().optional(),
};

export const CreateCareRecordRequest = z.strictObject({
  ...CareFields,
  participants: ParticipantSelection.default({ teacherIds: [], idNumbers: [] }),
});
export type CreateCareRecordRequest = z.infer<typeof CreateCareRecordRequest>;

export const UpdateCareRecordRequest = z.strictObject({
  version: Version,
  programmeId: Id.nullable().optional(),
  measureKey: DocKey.nullable().optional(),
  activityType: ActivityTypeCode.optional(),
  title: z.string().trim().min(1).max(200).optional(),
  occurredOn: IsoDate.optional(),
  /** null clears it. */
  followUpOn: IsoDate.nullable().optional(),
  amountFen: Fen.optional(),
  notes: z.string().trim().max(2000).nullable().optional(),
  addParticipants: ParticipantSelection.optional(),
  removeTeacherIds: z.array(Id).max(MAX_PARTICIPANTS).optional(),
});
export type UpdateCareRecordRequest = z.infer<typeof UpdateCareRecordRequest>;

export const DeleteCareRecordRequest = z.strictObject({
  version: Version,
  reason: z.string().trim().min(2).max(200),
});

export const CareRecordSummary = z.object({
  id: Id,
  orgId: Id,
  orgName: z.string(),
  programmeId: Id.nullable(),
  measureKey: z.string().nullable(),
  activityType: ActivityTypeCode,
  title: z.string(),
  occurredOn: IsoDate,
  amountFen: z.number().int(),
  participantCount: z.number().int(),
  createdAt: z.string(),
  version: Version,
});
export type CareRecordSummary = z.infer<typeof CareRecordSummary>;
export const CareRecordPage = pageOf(CareRecordSummary);

export const CareRecord = CareRecordSummary.extend({
  followUpOn: IsoDate.nullable(),
  notes: z.string().nullable(),
  createdBy: z.string().nullable(),
});
export type CareRecord = z.infer<typeof CareRecord>;

export const ListCareRecordsQuery = PageQuery.extend({
  orgId: Id.optional(),
  programmeId: Id.optional(),
  measureKey: DocKey.optional(),
  activityType: ActivityTypeCode.optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  teacherId: Id.optional(),
  q: z.string().trim().max(50).optional(),
  sort: z.enum(['-occurredOn', 'occurredOn', '-amountFen', '-participantCount']).default('-occurredOn'),
});
export type ListCareRecordsQuery = z.infer<typeof ListCareRecordsQuery>;

export const CareParticipant = z.object({
  teacherId: Id,
  name: z.string(),
  orgId: Id,
  orgName: z.string(),
  idNumberMasked: z.string(),
});
export const CareParticipantPage = pageOf(CareParticipant);

/** The care one teacher received, for their record page. */
export const TeacherCareItem = z.object({
  recordId: Id,
  activityType: ActivityTypeCode,
  title: z.string(),
  occurredOn: IsoDate,
  orgName: z.string(),
});
export const TeacherCarePage = pageOf(TeacherCareItem);

// ——— Files kept with a record (receipts, sign-in sheets, photos) ———

/** At most this many files per record; each at most 20 MB (the upload limit). */
export const MAX_CARE_ATTACHMENTS = 20;
/** What may be attached, recognised by content (and, for Office files, the name): PDF, images, Word/Excel. */
export const CARE_ATTACHMENT_TYPES = [
  'application/pdf',
  'image/png',
  'image/jpeg',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
] as const;

export const CareAttachment = z.object({
  id: Id,
  fileName: z.string(),
  contentType: z.string(),
  size: z.number().int(),
  uploadedBy: z.string().nullable(),
  uploadedAt: z.string(),
});
export type CareAttachment = z.infer<typeof CareAttachment>;
export const CareAttachmentList = z.object({ items: z.array(CareAttachment) });
export const DeleteCareAttachmentRequest = z.strictObject({ reason: z.string().trim().min(2).max(200) });
