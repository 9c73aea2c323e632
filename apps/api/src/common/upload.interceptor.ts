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
import { IMPORT_MAX_FILE_BYTES } from '@guanai/db';
import { AppError } from './app-error';

// One file in the multipart field "file" (teacher imports, care-record attachments), kept in memory (at most 20 MB); file names in UTF-8, as
// browsers send them (busboy's default would read them as Latin-1 and garble Chinese names).
const Multer = FileInterceptor('file', {
  limits: { fileSize: IMPORT_MAX_FILE_BYTES, files: 1, fields: 10, parts: 12 },
  defParamCharset: 'utf8',
});

/** Receives an upload, answering in our codes: 413 FILE_TOO_LARGE past the limit, 400 for a wrong form. */
@Injectable()
export class UploadInterceptor implements NestInterceptor {
  private readonly multer = new Multer();

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    try {
      return await this.multer.intercept(context, next);
    } catch (e) {
      if (e instanceof PayloadTooLargeException) throw new AppError('FILE_TOO_LARGE');
      if (e instanceof BadRequestException) throw new AppError('IMPORT_FILE_MISSING');
      throw e;
    }
  }
}

/** A file as multer hands it over (memory storage). */
export interface UploadedFile {
  originalname: string;
  size: number;
  buffer: Buffer;
}
