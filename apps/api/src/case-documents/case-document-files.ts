import { createHash, randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { MAX_CASE_DOCUMENTS, type CaseDocument, type CaseDocumentKind } from '@guanai/contracts';
import { AppError } from '../common/app-error';
import { RequestContext } from '../common/request-context';
import type { UploadedFile } from '../common/upload.interceptor';
import { AuditService } from '../audit/audit.service';
import { SealedFiles } from '../files/sealed-files';
import { attachment } from '../teacher-imports/workbooks';
import {
  caseDocumentsRepo,
  toCaseDocument,
  type CaseRef,
  type DocumentRow,
} from './case-documents.repository';
import { asciiFallback, inspectDocument } from './document-file';

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/**
 * Keeping and handing out a case's files, the same for a handler and for the applicant teacher: the file
 * is checked, sealed into the store under a random key and recorded with its checksum; on the way out it
 * is opened, checked against that checksum, and only then audited and sent. Every upload and every clear
 * read is in the audit log (names, sizes and checksums only, never content).
 */
@Injectable()
export class CaseDocumentFiles {
  private readonly logger = new Logger('CaseDocuments');

  constructor(
    private readonly ctx: RequestContext,
    private readonly files: SealedFiles,
    private readonly audit: AuditService,
  ) {}

  async add(
    c: CaseRef,
    file: UploadedFile | undefined,
    meta: { kind: CaseDocumentKind; shared: boolean; byApplicant: boolean },
    auditOrgId: string,
  ): Promise<CaseDocument> {
    const checked = inspectDocument(file);
    if ((await caseDocumentsRepo.count(this.ctx.em, c.id)) >= MAX_CASE_DOCUMENTS)
      throw new AppError('CASE_DOCUMENTS_FULL', { params: { max: MAX_CASE_DOCUMENTS } });
    const bytes = file!.buffer;
    const key = await this.files.put('case-documents', bytes);
    try {
      const p = this.ctx.principal;
      const row = await caseDocumentsRepo.insert(this.ctx.em, {
        id: randomUUID(),
        case_id: c.id,
        org_id: c.org_id,
        kind: meta.kind,
        file_name: checked.name,
        content_type: checked.contentType as DocumentRow['content_type'],
        size: bytes.length,
        sha256: checked.sha256,
        store_key: key,
        shared_with_applicant: meta.shared,
        by_applicant: meta.byApplicant,
        uploaded_by: p.userId,
        uploaded_by_name: p.displayName,
      });
      await this.audit.record({
        orgId: auditOrgId,
        action: 'case.document_add',
        targetType: 'case',
        targetId: c.id,
        after: {
          documentId: row.id,
          kind: row.kind,
          fileName: row.file_name,
          size: row.size,
          sha256: row.sha256,
          sharedWithApplicant: row.shared_with_applicant,
          ...(meta.byApplicant ? { selfService: true } : {}),
        },
      });
      return toCaseDocument(row);
    } catch (e) {
      // Nothing written: the row and the audit event roll back with the transaction, the object goes here.
      // (A commit failing after this returns would leave an object no row names: unreadable, harmless.)
      await this.files.delete(key).catch(() => undefined);
      throw e;
    }
  }

  /** Opens, verifies, audits and sends one document; a file that fails its checksum is never sent. */
  async send(doc: DocumentRow, res: Response, auditOrgId: string, selfService = false): Promise<void> {
    const bytes = await this.files.get(doc.store_key).catch((e: unknown) => {
      this.logger.error(`case document ${doc.id} (${doc.store_key}) does not open: ${String(e)}`);
      return null;
    });
    if (!bytes || bytes.length !== doc.size || sha256(bytes) !== doc.sha256) {
      this.logger.error(`case document ${doc.id} (${doc.store_key}) is missing or fails its checksum`);
      throw new AppError('CASE_DOCUMENT_UNAVAILABLE');
    }
    await this.audit.record({
      orgId: auditOrgId,
      action: 'case.document_download',
      targetType: 'case',
      targetId: doc.case_id,
      after: { documentId: doc.id, fileName: doc.file_name, ...(selfService ? { selfService: true } : {}) },
    });
    res
      .status(200)
      .type(doc.content_type)
      .setHeader('Content-Disposition', attachment(asciiFallback(doc.content_type), doc.file_name))
      .setHeader('Cache-Control', 'no-store')
      .setHeader('X-Content-Type-Options', 'nosniff')
      // RFC 9530: the client can check what it received against the checksum kept at upload.
      .setHeader('Repr-Digest', `sha-256=:${Buffer.from(doc.sha256, 'hex').toString('base64')}:`);
    res.send(bytes);
  }

  /** Marks the row removed (it stays for the record) and deletes the sealed object. */
  async remove(doc: DocumentRow, auditOrgId: string): Promise<void> {
    await caseDocumentsRepo.markDeleted(this.ctx.em, doc.id, this.ctx.principal.userId);
    await this.audit.record({
      orgId: auditOrgId,
      action: 'case.document_delete',
      targetType: 'case',
      targetId: doc.case_id,
      after: { documentId: doc.id, kind: doc.kind, fileName: doc.file_name, sha256: doc.sha256 },
    });
    // Last, so a failure here rolls the removal back with the object still in place.
    await this.files.delete(doc.store_key);
  }
}
