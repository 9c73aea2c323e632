import { Injectable } from '@nestjs/common';
import type { Response } from 'express';
import type { CaseDocument, UpdateCaseDocumentRequest, UploadCaseDocumentQuery } from '@guanai/contracts';
import { AppError } from '../common/app-error';
import { RequestContext } from '../common/request-context';
import type { UploadedFile } from '../common/upload.interceptor';
import { AuditService } from '../audit/audit.service';
import { caseDocumentsRepo, toCaseDocument, type CaseRef } from './case-documents.repository';
import { CaseDocumentFiles } from './case-document-files';

/**
 * A case's files on the handlers' side (维权专员, the union administrator): list, add, download, share
 * with the applicant teacher, remove. A case outside the caller's scope, or a document not of that case,
 * answers 404 like one that does not exist.
 */
@Injectable()
export class CaseDocumentsService {
  constructor(
    private readonly ctx: RequestContext,
    private readonly docs: CaseDocumentFiles,
    private readonly audit: AuditService,
  ) {}

  async list(caseId: string): Promise<{ items: CaseDocument[] }> {
    const c = await this.requireCase(caseId);
    const rows = await caseDocumentsRepo.list(this.ctx.em, c.id, false);
    return { items: rows.map(toCaseDocument) };
  }

  async upload(caseId: string, file: UploadedFile | undefined, q: UploadCaseDocumentQuery) {
    const c = await this.requireCase(caseId);
    const meta = { kind: q.kind, shared: q.sharedWithApplicant, byApplicant: false };
    return this.docs.add(c, file, meta, c.org_id);
  }

  async download(caseId: string, documentId: string, res: Response): Promise<void> {
    const c = await this.requireCase(caseId);
    await this.docs.send(await this.requireDocument(c, documentId), res, c.org_id);
  }

  async update(caseId: string, documentId: string, input: UpdateCaseDocumentRequest): Promise<CaseDocument> {
    const c = await this.requireCase(caseId);
    const doc = await this.requireDocument(c, documentId, true);
    const next = {
      kind: input.kind ?? doc.kind,
      shared_with_applicant: input.sharedWithApplicant ?? doc.shared_with_applicant,
    };
    // The teacher's own evidence stays theirs to see (and the table's check says so too).
    if (doc.by_applicant && (next.kind !== 'evidence' || !next.shared_with_applicant))
      throw new AppError('CASE_DOCUMENT_APPLICANT_UPLOAD', {
        fields: [
          {
            path: input.kind !== undefined ? 'body.kind' : 'body.sharedWithApplicant',
            code: 'CASE_DOCUMENT_APPLICANT_UPLOAD',
          },
        ],
      });
    const row = await caseDocumentsRepo.update(this.ctx.em, doc.id, next);
    await this.audit.record({
      orgId: c.org_id,
      action: 'case.document_update',
      targetType: 'case',
      targetId: c.id,
      before: { documentId: doc.id, kind: doc.kind, sharedWithApplicant: doc.shared_with_applicant },
      after: { documentId: doc.id, kind: row.kind, sharedWithApplicant: row.shared_with_applicant },
    });
    return toCaseDocument(row);
  }

  async remove(caseId: string, documentId: string): Promise<{ ok: true }> {
    const c = await this.requireCase(caseId);
    await this.docs.remove(await this.requireDocument(c, documentId, true), c.org_id);
    return { ok: true };
  }

  private async requireCase(id: string): Promise<CaseRef> {
    const c = await caseDocumentsRepo.caseInScope(this.ctx.em, this.ctx.principal.orgPath, id);
    if (!c) throw AppError.notFound();
    return c;
  }

  private async requireDocument(c: CaseRef, id: string, lock = false) {
    const doc = await caseDocumentsRepo.find(this.ctx.em, c.id, id, false, lock);
    if (!doc) throw AppError.notFound();
    return doc;
  }
}
