import { Injectable } from '@nestjs/common';
import type { CaseReport, CaseReportQuery } from '@guanai/contracts';
import { todayInShanghai } from '@guanai/domain';
import { RequestContext } from '../common/request-context';
import { computeCaseReport } from './case-report';
import { caseReportsRepo } from './case-reports.repository';
import { caseReportWorkbook } from './case-report-workbook';

/**
 * 维权案件统计: a union's cases in figures, or for the province every union's and their sum. Aggregates
 * only, computed live in the caller's RLS-bound transaction (a union's year is a few thousand cases).
 */
@Injectable()
export class CaseReportsService {
  constructor(private readonly ctx: RequestContext) {}

  report(q: CaseReportQuery): Promise<CaseReport> {
    return computeCaseReport(this.ctx.em, this.ctx.principal.orgPath, q, todayInShanghai());
  }

  /** The report as .xlsx, named after whose it is and the range. */
  async export(q: CaseReportQuery): Promise<{ file: Buffer; name: string }> {
    const report = await this.report(q);
    const me = this.ctx.principal.orgId;
    const who =
      report.orgId !== null
        ? (report.byTenant[0]?.orgName ?? '')
        : ((await caseReportsRepo.orgNames(this.ctx.em, [me])).get(me) ?? '');
    const file = await caseReportWorkbook(report, who);
    return { file, name: `维权案件统计-${who}-${report.from}至${report.to}.xlsx` };
  }
}
