import { Injectable } from '@nestjs/common';
import type { Response } from 'express';
import type { CaseDocument } from '@guanai/contracts';
import { isOpenCaseState } from '@guanai/domain';
import { AppError } from '../common/app-error';
import { RequestContext } from '../common/request-context';
import type { UploadedFile } from '../common/upload.interceptor';
import { teachersRepo } from '../teachers/teachers.repository';
import { caseDocumentsRepo, toCaseDocument, type CaseRef } from './case-documents.repository';
import { CaseDocumentFiles } from './case-document-files';
import { fileProblem } from './document-file';

/**
 * The applicant teacher's side: the documents of their own case that a handler shared with them, and
 * evidence they add themselves (shared with them by definition) while the case is open. Everything goes
 * through the applicant policies of the dispute and document tables, never a wider scope; anything else
 * answers 404. Audit events go to the teacher's own school, the chain their scope may write.
 */
@Injectable()
export class MyCaseDocumentsService {
  constructor(
    private readonly ctx: RequestContext,
    private readonly docs: CaseDocumentFiles,
  ) {}

  async list(caseId: string): Promise<{ items: CaseDocument[] }> {
    const c = await this.requireMine(caseId);
    const rows = await caseDocumentsRepo.list(this.ctx.em, c.id, true);
    return { items: rows.map(toCaseDocument) };
  }

  async upload(caseId: string, file: UploadedFile | undefined): Promise<CaseDocument> {
    const c = await this.requireMine(caseId);
    if (!isOpenCaseState(c.state)) throw new AppError('CASE_DOCUMENT_CASE_CLOSED');
    if (!file) throw fileProblem('CASE_DOCUMENT_FILE_MISSING');
    const meta = { kind: 'evidence' as const, shared: true, byApplicant: true };
    return this.docs.add(c, file, meta, await this.schoolOfTeacher());
  }

  async download(caseId: string, documentId: string, res: Response): Promise<void> {
    const c = await this.requireMine(caseId);
    const doc = await caseDocumentsRepo.find(this.ctx.em, c.id, documentId, true);
    if (!doc) throw AppError.notFound();
    await this.docs.send(doc, res, await this.schoolOfTeacher(), true);
  }

  private async requireMine(id: string): Promise<CaseRef> {
    const c = await caseDocumentsRepo.caseOfApplicant(this.ctx.em, this.ctx.principal.userId, id);
    if (!c) throw AppError.notFound();
    return c;
  }

  private async schoolOfTeacher(): Promise<string> {
    const t = await teachersRepo.findByLinkedUser(this.ctx.em, this.ctx.principal.userId);
    if (!t) throw AppError.notFound();
    return t.org_id;
  }
}
