import { Controller, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import type { Response } from 'express';
import type { ImportMappingRequest } from '@guanai/contracts';
import { BodyOf, IdOf, Route } from '../common/route';
import { TeacherImportsService, type UploadedFile as Upload } from './teacher-imports.service';
import { UploadInterceptor } from '../common/upload.interceptor';
import { attachment, XLSX } from './workbooks';

@Controller()
export class TeacherImportsController {
  constructor(private readonly imports: TeacherImportsService) {}

  // Declared before the `:id` routes, so `template.xlsx` is never taken for an id.
  @Route('teacherImportTemplate')
  async template(@Res() res: Response): Promise<void> {
    const file = await this.imports.template();
    res
      .status(200)
      .type(XLSX)
      .setHeader('Content-Disposition', attachment('teacher-import-template.xlsx', '教师导入模板.xlsx'));
    res.send(file);
  }

  @Route('createTeacherImport')
  @UseInterceptors(UploadInterceptor)
  upload(@UploadedFile() file: Upload | undefined) {
    return this.imports.upload(file);
  }

  @Route('getTeacherImport')
  get(@IdOf() id: string) {
    return this.imports.get(id);
  }

  @Route('mapTeacherImport')
  map(@IdOf() id: string, @BodyOf('mapTeacherImport') body: ImportMappingRequest) {
    return this.imports.map(id, body);
  }

  @Route('startTeacherImport')
  start(@IdOf() id: string) {
    return this.imports.start(id);
  }

  @Route('teacherImportRejects')
  async rejects(@IdOf() id: string, @Res() res: Response): Promise<void> {
    await this.imports.rejects(id, res);
  }
}
