import { keepPreviousData, useQueries, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  CareParticipantPage,
  CareRecord,
  CareRecordSummary,
  CreateCareRecordRequest,
  ListCareRecordsQuery,
  Page,
  Programme,
  ProgrammeSummary,
  TeacherCarePage,
  TeacherSummary,
  UpdateCareRecordRequest,
} from '@guanai/contracts';
import { api } from '@/app/api/client';
import { ApiError } from '@/app/api/problem';
import { queryClient } from '@/app/queryClient';
import type { TeacherFilters } from '@/features/teachers/query';

/** The list's query as the SPA holds it: everything optional. */
export type CareQuery = Partial<ListCareRecordsQuery>;

export const CARE_KEY = ['care-records'] as const;
/** The dashboards' results change with every record; they live under this key (features/compliance). */
export const COMPLIANCE_KEY = ['compliance'] as const;

export function useCareRecords(query: CareQuery) {
  return useQuery({
    queryKey: [...CARE_KEY, 'list', query],
    queryFn: () => api.get<Page<CareRecordSummary>>('/care-records', query),
    placeholderData: keepPreviousData,
  });
}

export function useCareRecord(id: string) {
  return useQuery({
    queryKey: [...CARE_KEY, 'one', id],
    queryFn: () => api.get<CareRecord>(`/care-records/${id}`),
  });
}

export function useCareParticipants(id: string, page: number, pageSize: number) {
  return useQuery({
    queryKey: [...CARE_KEY, 'participants', id, page, pageSize],
    queryFn: () =>
      api.get<z.infer<typeof CareParticipantPage>>(`/care-records/${id}/participants`, { page, pageSize }),
    placeholderData: keepPreviousData,
  });
}

/** The care one teacher received, for their record page. */
export function useTeacherCare(teacherId: string, page: number, pageSize: number, enabled = true) {
  return useQuery({
    queryKey: [...CARE_KEY, 'teacher', teacherId, page, pageSize],
    queryFn: () =>
      api.get<z.infer<typeof TeacherCarePage>>(`/teachers/${teacherId}/care`, { page, pageSize }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** Anything recorded changes lists, teachers' care, participants and every dashboard. */
function recorded<T>(value: T): T {
  void queryClient.invalidateQueries({ queryKey: CARE_KEY });
  void queryClient.invalidateQueries({ queryKey: COMPLIANCE_KEY });
  return value;
}

export const createCareRecord = (body: CreateCareRecordRequest) =>
  api.post<CareRecord>('/care-records', body).then((r) => {
    queryClient.setQueryData([...CARE_KEY, 'one', r.id], r);
    return recorded(r);
  });

export const updateCareRecord = (record: CareRecord, body: Omit<UpdateCareRecordRequest, 'version'>) =>
  api.patch<CareRecord>(`/care-records/${record.id}`, { ...body, version: record.version }).then((r) => {
    queryClient.setQueryData([...CARE_KEY, 'one', r.id], r);
    return recorded(r);
  });

export const deleteCareRecord = (record: CareRecord, reason: string) =>
  api
    .post<{ ok: true }>(`/care-records/${record.id}/delete`, { version: record.version, reason })
    .then((r) => {
      queryClient.removeQueries({ queryKey: [...CARE_KEY, 'one', record.id] });
      return recorded(r);
    });

/** Another officer saved first: the record carries a newer version than the one edited. */
export function isStale(err: unknown): boolean {
  return err instanceof ApiError && (err.code === 'STALE_VERSION' || err.status === 409);
}

export const reloadCareRecord = (id: string) =>
  queryClient.invalidateQueries({ queryKey: [...CARE_KEY, 'one', id] });

/**
 * How many teachers a "by filter" selection names, before saving: the teacher list with one row per page
 * answers its total. Active teachers unless the filter says otherwise, as the server reads the filter.
 */
export function useFilterCount(filter: TeacherFilters | null) {
  const query = filter ? { ...filter, status: filter.status ?? 'active', page: 1, pageSize: 1 } : null;
  return useQuery({
    queryKey: ['teachers', 'list', query],
    queryFn: () => api.get<Page<TeacherSummary>>('/teachers', query!),
    enabled: query !== null,
    select: (page) => page.total,
  });
}

// Programmes the tenant adopted (the template editor and adoption pages live in features/programmes);
// the keys sit under ['programmes'] so that a change made there reloads these too.

export function useAdoptedProgrammes(enabled = true) {
  return useQuery({
    queryKey: ['programmes', 'adopted-list'],
    queryFn: async () => (await api.get<{ items: z.infer<typeof ProgrammeSummary>[] }>('/programmes')).items,
    enabled,
    staleTime: 60_000,
  });
}

/** One adopted programme with its document (areas → measures → indicators and activity types). */
export function useAdoptedProgramme(id: string | null | undefined) {
  return useQuery({
    queryKey: ['programmes', 'adopted', id],
    queryFn: () => api.get<Programme>(`/programmes/${id}`),
    enabled: !!id,
    staleTime: 60_000,
  });
}

export type Measure = Programme['document']['areas'][number]['measures'][number];

/** The programme's measures in document order (areas first), each with its area. */
export function measuresOf(programme: Programme | undefined): Measure[] {
  return programme ? programme.document.areas.flatMap((a) => a.measures) : [];
}

/** "17 关心教职工心理健康": the clause as the document numbers it, then the title. */
export const measureLabel = (m: Pick<Measure, 'clause' | 'title'>) => `${m.clause} ${m.title}`;

/** Measure labels of the programmes a page of records names, by `${programmeId}:${measureKey}`. */
export function useMeasureLabels(programmeIds: readonly string[]): Map<string, string> {
  const ids = [...new Set(programmeIds)];
  const results = useQueries({
    queries: ids.map((id) => ({
      queryKey: ['programmes', 'adopted', id],
      queryFn: () => api.get<Programme>(`/programmes/${id}`),
      staleTime: 60_000,
    })),
  });
  const out = new Map<string, string>();
  results.forEach((r, i) => {
    for (const m of measuresOf(r.data)) out.set(`${ids[i]}:${m.key}`, measureLabel(m));
  });
  return out;
}
