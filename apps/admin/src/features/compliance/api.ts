import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  ComplianceGapPage,
  ComplianceOverview,
  ComplianceReport,
  TemplateList,
} from '@guanai/contracts';
import { api, download } from '@/app/api/client';
import { COMPLIANCE_KEY } from '@/features/care/api';

export type Gap = z.infer<typeof ComplianceGapPage>['items'][number];
export type GapPage = z.infer<typeof ComplianceGapPage>;

export interface ReportQuery {
  programme: string;
  /** YYYY-MM-DD; absent: today. */
  on?: string;
  org?: string;
}

/** A programme's indicators against their targets for the periods containing `on`, computed live. */
export function useComplianceReport(query: ReportQuery | null) {
  return useQuery({
    queryKey: [...COMPLIANCE_KEY, 'report', query],
    queryFn: () => api.get<ComplianceReport>('/compliance', { ...query! }),
    enabled: query !== null,
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
}

export interface GapsQuery extends ReportQuery {
  indicator: string;
  page: number;
  pageSize: number;
}

/** What is missing behind one result: the schools short, or the teachers not reached. */
export function useComplianceGaps(query: GapsQuery | null) {
  return useQuery({
    queryKey: [...COMPLIANCE_KEY, 'gaps', query],
    queryFn: () => api.get<GapPage>('/compliance/gaps', { ...query! }),
    enabled: query !== null,
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
}

/** Every gap of a result (all pages), for "record care for these teachers". */
export async function fetchAllGaps(
  query: Omit<GapsQuery, 'page' | 'pageSize'>,
  limit: number,
): Promise<Gap[]> {
  const pageSize = 200;
  const first = await api.get<GapPage>('/compliance/gaps', { ...query, page: 1, pageSize });
  const pages = Math.min(Math.ceil(first.total / pageSize), Math.ceil(limit / pageSize));
  const rest = await Promise.all(
    Array.from({ length: Math.max(0, pages - 1) }, (_, i) =>
      api.get<GapPage>('/compliance/gaps', { ...query, page: i + 2, pageSize }),
    ),
  );
  return [first, ...rest].flatMap((p) => p.items).slice(0, limit);
}

/** The report as .xlsx, downloaded with the bearer token like the teacher export. */
export const exportCompliance = (query: ReportQuery) =>
  download('/compliance/export.xlsx', '达标情况.xlsx', { ...query });

/** The province's view: every tenant's results and spending for a template and year. */
export function useComplianceOverview(query: { template: string; year: number; on?: string } | null) {
  return useQuery({
    queryKey: [...COMPLIANCE_KEY, 'overview', query],
    queryFn: () => api.get<ComplianceOverview>('/compliance/overview', { ...query! }),
    enabled: query !== null,
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
}

/** The province's templates, to pick one for the overview. */
export function useTemplates(enabled = true) {
  return useQuery({
    queryKey: ['programmes', 'templates-for-overview'],
    queryFn: async () => (await api.get<z.infer<typeof TemplateList>>('/programme-templates')).items,
    enabled,
    staleTime: 60_000,
  });
}
