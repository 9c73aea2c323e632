import { Controller, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { ListTeachersQuery } from '@guanai/contracts';
import { QueryOf, Route } from '../common/route';
import { TeacherExportService } from './teacher-export.service';

/**
 * `GET /v1/teachers/export.xlsx`. Its own controller, registered before TeachersController (see
 * app.module): Express matches routes in registration order, and `/v1/teachers/:id` would take
 * `export.xlsx` for an id.
 */
@Controller()
export class TeacherExportController {
  constructor(private readonly exporter: TeacherExportService) {}

  @Route('exportTeachers')
  async export(@QueryOf('exportTeachers') q: ListTeachersQuery, @Res() res: Response): Promise<void> {
    await this.exporter.export(q, res);
  }
}
