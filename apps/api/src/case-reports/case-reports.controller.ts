import { Controller, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { CaseReportQuery } from '@guanai/contracts';
import { QueryOf, Route } from '../common/route';
import { attachment, XLSX } from '../teacher-imports/workbooks';
import { CaseReportsService } from './case-reports.service';

@Controller()
export class CaseReportsController {
  constructor(private readonly reports: CaseReportsService) {}

  @Route('caseReport')
  report(@QueryOf('caseReport') q: CaseReportQuery) {
    return this.reports.report(q);
  }

  @Route('exportCaseReport')
  async export(@QueryOf('exportCaseReport') q: CaseReportQuery, @Res() res: Response): Promise<void> {
    const { file, name } = await this.reports.export(q);
    res.status(200);
    res.setHeader('Content-Type', XLSX);
    res.setHeader('Content-Disposition', attachment('case-report.xlsx', name));
    res.setHeader('Cache-Control', 'no-store');
    res.end(file);
  }
}
