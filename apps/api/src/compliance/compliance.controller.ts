import { Controller, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { z } from 'zod';
import type { ComplianceGapsQuery, ComplianceQuery, OverviewQuery } from '@guanai/contracts';
import { QueryOf, Route } from '../common/route';
import { attachment, XLSX } from '../teacher-imports/workbooks';
import { ComplianceService } from './compliance.service';
import { ComplianceOverviewService } from './compliance-overview.service';

@Controller()
export class ComplianceController {
  constructor(
    private readonly compliance: ComplianceService,
    private readonly overviews: ComplianceOverviewService,
  ) {}

  @Route('getCompliance')
  report(@QueryOf('getCompliance') q: ComplianceQuery) {
    return this.compliance.report(q);
  }

  @Route('exportCompliance')
  async export(@QueryOf('exportCompliance') q: ComplianceQuery, @Res() res: Response): Promise<void> {
    const { file, name } = await this.compliance.export(q);
    res.status(200);
    res.setHeader('Content-Type', XLSX);
    res.setHeader('Content-Disposition', attachment('compliance.xlsx', name));
    res.setHeader('Cache-Control', 'no-store');
    res.end(file);
  }

  @Route('complianceGaps')
  gaps(@QueryOf('complianceGaps') q: z.infer<typeof ComplianceGapsQuery>) {
    return this.compliance.gaps(q);
  }

  @Route('complianceOverview')
  overview(@QueryOf('complianceOverview') q: z.infer<typeof OverviewQuery>) {
    return this.overviews.overview(q);
  }
}
