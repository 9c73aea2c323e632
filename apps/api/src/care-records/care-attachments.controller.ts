import { Controller, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import type { Response } from 'express';
import type { z } from 'zod';
import type { DeleteCareAttachmentRequest } from '@guanai/contracts';
import { BodyOf, IdOf, ParamIdOf, Route } from '../common/route';
import { UploadInterceptor, type UploadedFile as Upload } from '../common/upload.interceptor';
import { CareAttachmentsService } from './care-attachments.service';

@Controller()
export class CareAttachmentsController {
  constructor(private readonly attachments: CareAttachmentsService) {}

  @Route('listCareAttachments')
  list(@IdOf() id: string) {
    return this.attachments.list(id);
  }

  @Route('uploadCareAttachment')
  @UseInterceptors(UploadInterceptor)
  upload(@IdOf() id: string, @UploadedFile() file: Upload | undefined) {
    return this.attachments.upload(id, file);
  }

  @Route('downloadCareAttachment')
  download(@IdOf() id: string, @ParamIdOf('attachmentId') attachmentId: string, @Res() res: Response) {
    return this.attachments.download(id, attachmentId, res);
  }

  @Route('deleteCareAttachment')
  remove(
    @IdOf() id: string,
    @ParamIdOf('attachmentId') attachmentId: string,
    @BodyOf('deleteCareAttachment') body: z.infer<typeof DeleteCareAttachmentRequest>,
  ) {
    return this.attachments.remove(id, attachmentId, body.reason);
  }
}
