import { useQuery } from '@tanstack/react-query';
import type { CaseDocument, CaseDocumentKind, UpdateCaseDocumentRequest } from '@guanai/contracts';
import { api, download, request } from '@/app/api/client';
import { queryClient } from '@/app/queryClient';
import { SELF_KEY } from '@/features/self-service/api';

// A case's evidence and documents: the handlers' routes under /cases/:id/documents and the applicant
// teacher's under /me/cases/:id/documents (their keys sit under SELF_KEY, cleared at login and logout).

const key = (caseId: string) => ['cases', caseId, 'documents'] as const;
const myKey = (caseId: string) => [...SELF_KEY, 'cases', caseId, 'documents'] as const;

type List = { items: CaseDocument[] };

export function useCaseDocuments(caseId: string) {
  return useQuery({
    queryKey: key(caseId),
    queryFn: async () => (await api.get<List>(`/cases/${caseId}/documents`)).items,
  });
}

export function useMyCaseDocuments(caseId: string) {
  return useQuery({
    queryKey: myKey(caseId),
    queryFn: async () => (await api.get<List>(`/me/cases/${caseId}/documents`)).items,
  });
}

const reload = (caseId: string) => queryClient.invalidateQueries({ queryKey: key(caseId) });
const reloadMine = (caseId: string) => queryClient.invalidateQueries({ queryKey: myKey(caseId) });

const form = (file: File) => {
  const body = new FormData();
  body.append('file', file, file.name);
  return body;
};

/** The kind and the share flag go in the query string; the multipart body holds the file alone. */
export const uploadCaseDocument = (
  caseId: string,
  file: File,
  kind: CaseDocumentKind,
  sharedWithApplicant: boolean,
) =>
  request<CaseDocument>('POST', `/cases/${caseId}/documents`, {
    body: form(file),
    query: { kind, sharedWithApplicant },
  }).then((d) => {
    void reload(caseId);
    return d;
  });

export const updateCaseDocument = (caseId: string, id: string, body: UpdateCaseDocumentRequest) =>
  api.patch<CaseDocument>(`/cases/${caseId}/documents/${id}`, body).then((d) => {
    void reload(caseId);
    return d;
  });

export const removeCaseDocument = (caseId: string, id: string) =>
  api.delete<{ ok: true }>(`/cases/${caseId}/documents/${id}`).then(() => reload(caseId));

export const downloadCaseDocument = (caseId: string, d: CaseDocument) =>
  download(`/cases/${caseId}/documents/${d.id}`, d.fileName);

/** The teacher's own evidence: always "evidence", always shared with them. */
export const uploadMyCaseDocument = (caseId: string, file: File) =>
  request<CaseDocument>('POST', `/me/cases/${caseId}/documents`, { body: form(file) }).then((d) => {
    void reloadMine(caseId);
    return d;
  });

export const downloadMyCaseDocument = (caseId: string, d: CaseDocument) =>
  download(`/me/cases/${caseId}/documents/${d.id}`, d.fileName);
