import {
  BadRequestException,
  type CallHandler,
  type ExecutionContext,
  Injectable,
  type NestInterceptor,
  PayloadTooLargeException,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import type { Observable } from 'rxjs';
import { CASE_DOCUMENT_MAX_BYTES } from '@guanai/contracts';
import { fileProblem } from './document-file';

// One file in the multipart field "file", in memory (at most 20 MB, issue 6); names in UTF-8 as browsers
// send them. Its own limit rather than the import's: the two only happen to agree today.
const Multer = FileInterceptor('file', {
  limits: { fileSize: CASE_DOCUMENT_MAX_BYTES, files: 1, fields: 5, parts: 6 },
  defParamCharset: 'utf8',
});

/** Receives a case document: 413 CASE_DOCUMENT_TOO_LARGE past 20 MB, 400 for a wrong form. */
@Injectable()
export class CaseDocumentUploadInterceptor implements NestInterceptor {
  private readonly multer = new Multer();

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    try {
      return await this.multer.intercept(context, next);
    } catch (e) {
      if (e instanceof PayloadTooLargeException) throw fileProblem('CASE_DOCUMENT_TOO_LARGE');
      if (e instanceof BadRequestException) throw fileProblem('CASE_DOCUMENT_FILE_MISSING');
      throw e;
    }
  }
}
