import { z } from 'zod';
import { Id, Ok } from './common';
import { r, type RouteContract } from './route-contract';

// Evidence and documents kept with a dispute case (issue 6): the teacher's evidence (证据), the mediation
// agreement (调解协议), the arbitral award (裁决书), the court's judgment (判决书). The bytes are sealed and
// kept in the file store (local disk or S3-compatible); the rows hold the name, type, size and checksum.

/** evidence 证据, agreement 调解协议, award 裁决书, judgment 判决书, other 其他. */
export const CASE_DOCUMENT_KINDS = ['evidence', 'agreement', 'award', 'judgment', 'other'] as const;
export const CaseDocumentKind = z.enum(CASE_DOCUMENT_KINDS);
export type CaseDocumentKind = z.infer<typeof CaseDocumentKind>;

/** 20 MB per file (issue 6). */
export const CASE_DOCUMENT_MAX_BYTES = 20 * 1024 * 1024;
/** Documents a case may hold (removed ones not counted). */
export const MAX_CASE_DOCUMENTS = 200;

/** What may be kept, recognised by content: PDF, JPEG, PNG, Word (.docx). */
export const CASE_DOCUMENT_TYPES = [
  'application/pdf',
  'image/jpeg',
  'image/png',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
] as const;
/** For a file picker's `accept`. */
export const CASE_DOCUMENT_ACCEPT = '.pdf,.jpg,.jpeg,.png,.docx';

export const CaseDocument = z.object({
  id: Id,
  caseId: Id,
  kind: CaseDocumentKind,
  /** The name as uploaded, without any path or control characters. */
  fileName: z.string(),
  contentType: z.enum(CASE_DOCUMENT_TYPES),
  size: z.number().int(),
  /** SHA-256 of the clear content (hex): checked on every download. */
  sha256: z.string(),
  /** The applicant teacher sees it in self-service. */
  sharedWithApplicant: z.boolean(),
  /** The applicant teacher uploaded it themselves. */
  uploadedByApplicant: z.boolean(),
  uploadedBy: z.string().nullable(),
  uploadedAt: z.string(),
});
export type CaseDocument = z.infer<typeof CaseDocument>;
export const CaseDocumentList = z.object({ items: z.array(CaseDocument) });

const Flag = z.enum(['true', 'false']).transform((v) => v === 'true');

/** The upload's own fields travel in the query string; the multipart body holds the file alone. */
export const UploadCaseDocumentQuery = z.strictObject({
  kind: CaseDocumentKind,
  sharedWithApplicant: Flag.default(false),
});
export type UploadCaseDocumentQuery = z.infer<typeof UploadCaseDocumentQuery>;

export const UpdateCaseDocumentRequest = z
  .strictObject({
    kind: CaseDocumentKind.optional(),
    sharedWithApplicant: z.boolean().optional(),
  })
  .refine((v) => v.kind !== undefined || v.sharedWithApplicant !== undefined, {
    message: 'nothing to change',
  });
export type UpdateCaseDocumentRequest = z.infer<typeof UpdateCaseDocumentRequest>;

const FILE_RULES = 'PDF, JPEG, PNG or Word .docx, checked by content; multipart field "file", ≤ 20 MB';

export const CASE_DOCUMENT_ROUTES = {
  listCaseDocuments: r({
    method: 'get',
    path: '/v1/cases/:id/documents',
    summary: "A case's evidence and documents",
    tag: 'cases',
    access: 'case.read',
    response: CaseDocumentList,
  }),
  uploadCaseDocument: r({
    method: 'post',
    path: '/v1/cases/:id/documents',
    summary: `Add a document to a case (${FILE_RULES}), stored sealed with its checksum (audited)`,
    tag: 'cases',
    access: 'case.write',
    query: UploadCaseDocumentQuery,
    response: CaseDocument,
    status: 201,
  }),
  downloadCaseDocument: r({
    method: 'get',
    path: '/v1/cases/:id/documents/:documentId',
    summary: 'Download a document, its checksum verified (audited)',
    tag: 'cases',
    access: 'case.read',
    produces: 'application/octet-stream',
  }),
  updateCaseDocument: r({
    method: 'patch',
    path: '/v1/cases/:id/documents/:documentId',
    summary: "Change a document's kind, or share it with the applicant teacher or stop sharing it",
    tag: 'cases',
    access: 'case.write',
    body: UpdateCaseDocumentRequest,
    response: CaseDocument,
  }),
  deleteCaseDocument: r({
    method: 'delete',
    path: '/v1/cases/:id/documents/:documentId',
    summary: 'Remove a document: its sealed bytes are deleted, the row stays for the record (audited)',
    tag: 'cases',
    access: 'case.write',
    response: Ok,
  }),
  myCaseDocuments: r({
    method: 'get',
    path: '/v1/me/cases/:id/documents',
    summary: 'The documents of my own case shared with me',
    tag: 'self-service',
    access: 'self',
    response: CaseDocumentList,
  }),
  uploadMyCaseDocument: r({
    method: 'post',
    path: '/v1/me/cases/:id/documents',
    summary: `Add evidence to my own open case (${FILE_RULES}); shared with me by definition (audited)`,
    tag: 'self-service',
    access: 'self',
    response: CaseDocument,
    status: 201,
  }),
  downloadMyCaseDocument: r({
    method: 'get',
    path: '/v1/me/cases/:id/documents/:documentId',
    summary: 'Download a document of my own case shared with me (audited)',
    tag: 'self-service',
    access: 'self',
    produces: 'application/octet-stream',
  }),
} satisfies Record<string, RouteContract>;
