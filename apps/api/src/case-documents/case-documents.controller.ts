import { Controller, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import type { Response } from 'express';
import type { UpdateCaseDocumentRequest, UploadCaseDocumentQuery } from '@guanai/contracts';
import { BodyOf, IdOf, ParamIdOf, QueryOf, Route } from '../common/route';
import type { UploadedFile as Upload } from '../common/upload.interceptor';
import { CaseDocumentUploadInterceptor } from './case-document-upload.interceptor';
import { CaseDocumentsService } from './case-documents.service';
import { MyCaseDocumentsService } from './my-case-documents.service';

@Controller()
export class CaseDocumentsController {
  constructor(
    private readonly docs: CaseDocumentsService,
    private readonly mine: MyCaseDocumentsService,
  ) {}

  @Route('listCaseDocuments')
  list(@IdOf() id: string) {
    return this.docs.list(id);
  }

  @Route('uploadCaseDocument')
  @UseInterceptors(CaseDocumentUploadInterceptor)
  upload(
    @IdOf() id: string,
    @QueryOf('uploadCaseDocument') q: UploadCaseDocumentQuery,
    @UploadedFile() file: Upload | undefined,
  ) {
    return this.docs.upload(id, file, q);
  }

  @Route('downloadCaseDocument')
  download(@IdOf() id: string, @ParamIdOf('documentId') documentId: string, @Res() res: Response) {
    return this.docs.download(id, documentId, res);
  }

  @Route('updateCaseDocument')
  update(
    @IdOf() id: string,
    @ParamIdOf('documentId') documentId: string,
    @BodyOf('updateCaseDocument') body: UpdateCaseDocumentRequest,
  ) {
    return this.docs.update(id, documentId, body);
  }

  @Route('deleteCaseDocument')
  remove(@IdOf() id: string, @ParamIdOf('documentId') documentId: string) {
    return this.docs.remove(id, documentId);
  }

  @Route('myCaseDocuments')
  myList(@IdOf() id: string) {
    return this.mine.list(id);
  }

  @Route('uploadMyCaseDocument')
  @UseInterceptors(CaseDocumentUploadInterceptor)
  myUpload(@IdOf() id: string, @UploadedFile() file: Upload | undefined) {
    return this.mine.upload(id, file);
  }

  @Route('downloadMyCaseDocument')
  myDownload(@IdOf() id: string, @ParamIdOf('documentId') documentId: string, @Res() res: Response) {
    return this.mine.download(id, documentId, res);
  }
}
