import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type {
  AssignCaseHandlerRequest,
  CaseApplicantCandidates,
  CaseHandlerList,
  CaseDeadlines,
  CaseSummary,
  CaseTransitionRequest,
  CreateCaseRequest,
  DisputeCase,
  ListCasesQuery,
  Page,
  UpdateCaseFactsRequest,
} from '@guanai/contracts';
import { api } from '@/app/api/client';
import { queryClient } from '@/app/queryClient';

/** The list's query as the API takes it: everything optional. */
export type CasesQuery = Partial<ListCasesQuery>;

export const CASES_KEY = ['cases'] as const;

export function useCases(query: CasesQuery) {
  return useQuery({
    queryKey: [...CASES_KEY, 'list', query],
    queryFn: () => api.get<Page<CaseSummary>>('/cases', query),
    placeholderData: keepPreviousData,
  });
}

/** Each open is audited on the server: opened when the page is, not again on every window focus. */
export function useCase(id: string) {
  return useQuery({
    queryKey: [...CASES_KEY, 'one', id],
    queryFn: () => api.get<DisputeCase>(`/cases/${id}`),
    refetchOnWindowFocus: false,
  });
}

/** The deadlines follow the case's version (a move or new facts change them). */
export function useCaseDeadlines(id: string, version: number) {
  return useQuery({
    queryKey: [...CASES_KEY, 'deadlines', id, version],
    queryFn: () => api.get<CaseDeadlines>(`/cases/${id}/deadlines`),
  });
}

/** A case written: its page shows the answer, the lists and deadlines load afresh. */
function saved(c: DisputeCase): DisputeCase {
  queryClient.setQueryData([...CASES_KEY, 'one', c.id], c);
  void queryClient.invalidateQueries({ queryKey: [...CASES_KEY, 'list'] });
  void queryClient.invalidateQueries({ queryKey: [...CASES_KEY, 'deadlines', c.id] });
  return c;
}

export const createCase = (body: CreateCaseRequest) => api.post<DisputeCase>('/cases', body).then(saved);

export const assignCaseHandler = (c: DisputeCase, body: Omit<AssignCaseHandlerRequest, 'version'>) =>
  api.put<DisputeCase>(`/cases/${c.id}/handler`, { ...body, version: c.version }).then(saved);

export const transitionCase = (c: DisputeCase, body: Omit<CaseTransitionRequest, 'version'>) =>
  api.post<DisputeCase>(`/cases/${c.id}/transitions`, { ...body, version: c.version }).then(saved);

export const updateCaseFacts = (c: DisputeCase, body: Omit<UpdateCaseFactsRequest, 'version'>) =>
  api.patch<DisputeCase>(`/cases/${c.id}/facts`, { ...body, version: c.version }).then(saved);

/** After a 409 (someone moved it first): the case as it is now. */
export const reloadCase = (id: string) =>
  queryClient.invalidateQueries({ queryKey: [...CASES_KEY, 'one', id] });

/** Who may handle the union's cases (its case handlers and administrators): the handler filter, 移交. */
export function useCaseHandlers() {
  return useQuery({
    queryKey: [...CASES_KEY, 'handlers'],
    queryFn: () => api.get<CaseHandlerList>('/case-handlers'),
    staleTime: 5 * 60_000,
  });
}

/** Teachers to name as applicants, by name: `/case-applicant-candidates` (a handler holds no teacher.read). */
export function useApplicantCandidates(q: string) {
  return useQuery({
    queryKey: [...CASES_KEY, 'candidates', q],
    queryFn: () => api.get<CaseApplicantCandidates>('/case-applicant-candidates', { q }),
    enabled: q.length > 0,
    placeholderData: keepPreviousData,
  });
}
