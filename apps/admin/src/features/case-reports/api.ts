import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { CaseReport } from '@guanai/contracts';
import { api, download } from '@/app/api/client';

export const CASE_REPORTS_KEY = ['case-reports'] as const;

export interface CaseReportQuery {
  /** YYYY-MM-DD; absent: this year. */
  from?: string;
  to?: string;
  /** One tenant union (the province picking one); absent: all of the caller's. */
  orgId?: string;
}

/** Dispute cases in figures for the range, computed live by the API. */
export function useCaseReport(query: CaseReportQuery) {
  return useQuery({
    queryKey: [...CASE_REPORTS_KEY, query],
    queryFn: () => api.get<CaseReport>('/case-reports', { ...query }),
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
}

/** The report as .xlsx, downloaded with the bearer token like the other exports. */
export const exportCaseReport = (query: CaseReportQuery) =>
  download('/case-reports/export.xlsx', '维权案件统计.xlsx', { ...query });
