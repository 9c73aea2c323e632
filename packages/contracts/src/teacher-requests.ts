import { z } from 'zod';
import { Id, PageQuery, pageOf } from './common';
import { IsoDate, Sex } from './teachers';

/** Fields a teacher may ask to have corrected on their own record. */
export const CorrectableField = z.enum([
  'name',
  'birthDate',
  'idNumber',
  'phone',
  'ethnicity',
  'politicalStatus',
  'maritalStatus',
  'subject',
  'titles',
  'teachingSince',
  'honours',
  'address',
  'other',
]);

export const CorrectionStatus = z.enum(['pending', 'accepted', 'rejected']);

export const CreateCorrectionRequest = z.strictObject({
  field: CorrectableField,
  /** What it should say; sensitive values are encrypted at rest and shown masked to officers. */
  proposed: z.string().trim().min(1).max(500),
  note: z.string().trim().max(500).optional(),
});
export type CreateCorrectionRequest = z.infer<typeof CreateCorrectionRequest>;

export const Correction = z.object({
  id: Id,
  teacherId: Id,
  teacherName: z.string(),
  orgId: Id,
  field: CorrectableField,
  proposed: z.string(),
  note: z.string().nullable(),
  status: CorrectionStatus,
  resolution: z.string().nullable(),
  createdAt: z.string(),
  resolvedAt: z.string().nullable(),
});
export type Correction = z.infer<typeof Correction>;
export const CorrectionPage = pageOf(Correction);
export const ListCorrectionsQuery = PageQuery.extend({ status: CorrectionStatus.optional() });
export const ResolveCorrectionRequest = z.strictObject({
  accept: z.boolean(),
  /** Why, shown to the teacher. Accepting does not edit the record: the officer edits it themselves. */
  resolution: z.string().trim().min(1).max(500),
});

export const LinkAccountRequest = z.strictObject({ userId: Id.nullable() });

// --- transfers between tenants (跨单位调动): the receiving tenant accepts ---

export const TransferRequestStatus = z.enum(['pending', 'accepted', 'rejected', 'cancelled']);

export const CreateTenantTransferRequest = z.strictObject({
  /** The receiving tenant (a county/city or university union). */
  toTenantId: Id,
  on: IsoDate,
  note: z.string().trim().max(500).optional(),
});

export const TenantTransfer = z.object({
  id: Id,
  teacherId: Id,
  /** What the receiving tenant may see before it accepts: name, sex, birth date, masked ID. */
  teacherName: z.string(),
  sex: Sex,
  birthDate: IsoDate,
  idNumberMasked: z.string(),
  fromTenantId: Id,
  fromTenantName: z.string(),
  toTenantId: Id,
  toTenantName: z.string(),
  toOrgId: Id.nullable(),
  on: IsoDate,
  note: z.string().nullable(),
  status: TransferRequestStatus,
  /** Why the receiving union declined, shown to the sender. */
  reason: z.string().nullable(),
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
});
export type TenantTransfer = z.infer<typeof TenantTransfer>;
export const TenantTransferPage = pageOf(TenantTransfer);
export const ListTenantTransfersQuery = PageQuery.extend({
  direction: z.enum(['incoming', 'outgoing']).optional(),
  status: TransferRequestStatus.optional(),
});
export const AcceptTenantTransferRequest = z.strictObject({ orgId: Id });
export const RejectTenantTransferRequest = z.strictObject({ reason: z.string().trim().min(1).max(500) });
/** The sending union withdraws its request while it is pending. */
export const CancelTenantTransferRequest = z.strictObject({ reason: z.string().trim().max(500).optional() });

/** Why an officer needs the clear proposed value of a sensitive correction (ID number, phone, address). */
export const RevealCorrectionRequest = z.strictObject({ reason: z.string().trim().min(2).max(200) });
export const RevealCorrectionResponse = z.object({ value: z.string() });

export const TenantDirectoryEntry = z.object({ id: Id, name: z.string(), kind: z.string(), parentName: z.string() });
export const TenantDirectory = z.object({ items: z.array(TenantDirectoryEntry) });
