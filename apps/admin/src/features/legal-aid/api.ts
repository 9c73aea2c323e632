import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type {
  AddCaseSessionRequest,
  AddLegalAidAssignmentRequest,
  CaseLegalAid,
  CaseSession,
  CaseSessionList,
  CreateLegalAidProviderRequest,
  LegalAidAssignment,
  LegalAidProvider,
  ListLegalAidProvidersQuery,
  Page,
  UpdateCaseSessionRequest,
  UpdateLegalAidAssignmentRequest,
  UpdateLegalAidProviderRequest,
} from '@guanai/contracts';
import { api } from '@/app/api/client';
import { ApiError } from '@/app/api/problem';
import { queryClient } from '@/app/queryClient';

/** The list's query as the API takes it: everything optional. */
export type ProvidersQuery = Partial<ListLegalAidProvidersQuery>;

export const LEGAL_AID_KEY = ['legal-aid'] as const;
const caseKey = (caseId: string, what: 'assignments' | 'sessions') => [
  ...LEGAL_AID_KEY,
  'case',
  caseId,
  what,
];

// --- the roster ---

/** The roster my organisation keeps, with the province's entries lent to my union (legal_aid.manage). */
export function useProviders(query: ProvidersQuery) {
  return useQuery({
    queryKey: [...LEGAL_AID_KEY, 'providers', query],
    queryFn: () => api.get<Page<LegalAidProvider>>('/legal-aid/providers', query),
    placeholderData: keepPreviousData,
  });
}

/** The entries serving my union, to assign to a case (case.read); `q` searches name and organisation. */
export function useRoster(query: ProvidersQuery, enabled = true) {
  return useQuery({
    queryKey: [...LEGAL_AID_KEY, 'roster', query],
    queryFn: () => api.get<Page<LegalAidProvider>>('/legal-aid/roster', query),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/**
 * One entry with its phone in clear; the API audits the read, so it is fetched on demand and never
 * cached. `serving`: through the handlers' route (an entry serving my union) rather than the keepers'.
 */
export const fetchProviderPhone = (id: string, serving: boolean) =>
  api
    .get<LegalAidProvider>(serving ? `/legal-aid/roster/${id}` : `/legal-aid/providers/${id}`)
    .then((p) => p.phone);

const rosterChanged = (p: LegalAidProvider) => {
  void queryClient.invalidateQueries({ queryKey: LEGAL_AID_KEY });
  return p;
};

export const createProvider = (body: CreateLegalAidProviderRequest) =>
  api.post<LegalAidProvider>('/legal-aid/providers', body).then(rosterChanged);

export const updateProvider = (id: string, body: UpdateLegalAidProviderRequest) =>
  api.patch<LegalAidProvider>(`/legal-aid/providers/${id}`, body).then(rosterChanged);

export const setProviderActive = (p: LegalAidProvider, active: boolean) =>
  api
    .post<LegalAidProvider>(`/legal-aid/providers/${p.id}/${active ? 'activate' : 'deactivate'}`, {
      version: p.version,
    })
    .then(rosterChanged);

export const reloadRoster = () => queryClient.invalidateQueries({ queryKey: LEGAL_AID_KEY });

// --- a case's legal aid and sessions ---

/** A change shows on the case's timeline too: the opened case (features/cases, ['cases', 'one', id]) loads again. */
function caseChanged(caseId: string, what: 'assignments' | 'sessions') {
  void queryClient.invalidateQueries({ queryKey: caseKey(caseId, what) });
  void queryClient.invalidateQueries({ queryKey: ['cases', 'one', caseId] });
}

export function useCaseLegalAid(caseId: string) {
  return useQuery({
    queryKey: caseKey(caseId, 'assignments'),
    queryFn: () => api.get<CaseLegalAid>(`/cases/${caseId}/legal-aid`),
  });
}

export const addAssignment = (caseId: string, body: AddLegalAidAssignmentRequest) =>
  api.post<LegalAidAssignment>(`/cases/${caseId}/legal-aid`, body).then((a) => {
    caseChanged(caseId, 'assignments');
    return a;
  });

export const updateAssignment = (
  a: LegalAidAssignment,
  body: Omit<UpdateLegalAidAssignmentRequest, 'version'>,
) =>
  api
    .patch<LegalAidAssignment>(`/cases/${a.caseId}/legal-aid/${a.id}`, { ...body, version: a.version })
    .then((next) => {
      caseChanged(a.caseId, 'assignments');
      return next;
    });

/** Participants and results come back in clear (the API audits the read): not kept once the card is gone. */
export function useCaseSessions(caseId: string) {
  return useQuery({
    queryKey: caseKey(caseId, 'sessions'),
    queryFn: () => api.get<CaseSessionList>(`/cases/${caseId}/sessions`),
    gcTime: 0,
  });
}

export const addSession = (caseId: string, body: AddCaseSessionRequest) =>
  api.post<CaseSession>(`/cases/${caseId}/sessions`, body).then((s) => {
    caseChanged(caseId, 'sessions');
    return s;
  });

export const updateSession = (s: CaseSession, body: Omit<UpdateCaseSessionRequest, 'version'>) =>
  api
    .patch<CaseSession>(`/cases/${s.caseId}/sessions/${s.id}`, { ...body, version: s.version })
    .then((next) => {
      caseChanged(s.caseId, 'sessions');
      return next;
    });

/** Someone saved first: the record must be seen as it is now. */
export function isStale(err: unknown): boolean {
  return err instanceof ApiError && err.code === 'STALE_VERSION';
}
