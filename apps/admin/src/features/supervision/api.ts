import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type {
  CreateSupervisionVisitRequest,
  ListSupervisionVisitsQuery,
  Page,
  SchoolSupervisionHistory,
  SupervisionFollowUpRequest,
  SupervisionVisit,
  UpdateSupervisionVisitRequest,
} from '@guanai/contracts';
import { api } from '@/app/api/client';
import { ApiError } from '@/app/api/problem';
import { queryClient } from '@/app/queryClient';

/** The list's query as the API takes it: everything optional. */
export type SupervisionQuery = Partial<ListSupervisionVisitsQuery>;

export const SUPERVISION_KEY = ['supervision'] as const;
const historyKey = (orgId: string) => [...SUPERVISION_KEY, 'school', orgId] as const;

export function useSupervisionVisits(query: SupervisionQuery) {
  return useQuery({
    queryKey: [...SUPERVISION_KEY, 'list', query],
    queryFn: () => api.get<Page<SupervisionVisit>>('/supervision-visits', query),
    placeholderData: keepPreviousData,
  });
}

export function useSupervisionVisit(id: string | null) {
  return useQuery({
    queryKey: [...SUPERVISION_KEY, 'one', id],
    queryFn: () => api.get<SupervisionVisit>(`/supervision-visits/${id}`),
    enabled: !!id,
  });
}

/** A school's visits and findings (its page's card); off when the caller may not read them. */
export function useSchoolSupervisionHistory(orgId: string, enabled = true) {
  return useQuery({
    queryKey: historyKey(orgId),
    queryFn: () => api.get<SchoolSupervisionHistory>(`/orgs/${orgId}/supervision-visits`),
    enabled,
  });
}

/** The ownership recorded at a school's latest visit, to start a new visit's form with (null if none). */
export async function lastOwnership(orgId: string): Promise<SchoolSupervisionHistory['ownership']> {
  const h = await queryClient.fetchQuery({
    queryKey: historyKey(orgId),
    queryFn: () => api.get<SchoolSupervisionHistory>(`/orgs/${orgId}/supervision-visits`),
    staleTime: 30_000,
  });
  return h.ownership;
}

/** A write changes the lists, the visit and its school's history. */
function changed(v: SupervisionVisit): SupervisionVisit {
  queryClient.setQueryData([...SUPERVISION_KEY, 'one', v.id], v);
  void queryClient.invalidateQueries({ queryKey: [...SUPERVISION_KEY, 'list'] });
  void queryClient.invalidateQueries({ queryKey: historyKey(v.schoolId) });
  return v;
}

export const createSupervisionVisit = (body: CreateSupervisionVisitRequest) =>
  api.post<SupervisionVisit>('/supervision-visits', body).then(changed);

export const updateSupervisionVisit = (
  v: SupervisionVisit,
  body: Omit<UpdateSupervisionVisitRequest, 'version'>,
) =>
  api.patch<SupervisionVisit>(`/supervision-visits/${v.id}`, { ...body, version: v.version }).then(changed);

export const recordSupervisionFollowUp = (
  v: SupervisionVisit,
  body: Omit<SupervisionFollowUpRequest, 'version'>,
) =>
  api
    .post<SupervisionVisit>(`/supervision-visits/${v.id}/follow-up`, { ...body, version: v.version })
    .then(changed);

export const reloadSupervision = () => queryClient.invalidateQueries({ queryKey: SUPERVISION_KEY });

/** Someone else saved the visit after it was loaded. */
export const isStale = (err: unknown) => err instanceof ApiError && err.code === 'STALE_VERSION';
