import type { Provider, Type } from '@nestjs/common';
import { CaseReportsController } from './case-reports.controller';
import { CaseReportsService } from './case-reports.service';

/** What this capability adds to the API module. */
export const caseReportsFeature: { controllers: Type[]; providers: Provider[] } = {
  controllers: [CaseReportsController],
  providers: [CaseReportsService],
};
