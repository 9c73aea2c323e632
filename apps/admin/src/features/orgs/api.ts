import { useQuery } from '@tanstack/react-query';
import type { CreateOrgRequest, MoveOrgRequest, Org, UpdateOrgRequest } from '@guanai/contracts';
import { api } from '@/app/api/client';
import { queryClient } from '@/app/queryClient';

export const ORGS_KEY = ['orgs'] as const;

export function useOrgs(enabled = true) {
  return useQuery({
    queryKey: ORGS_KEY,
    queryFn: async () => (await api.get<{ items: Org[] }>('/orgs')).items,
    enabled,
    staleTime: 30_000,
  });
}

const reload = (org: Org) => {
  void queryClient.invalidateQueries({ queryKey: ORGS_KEY });
  return org;
};

export const createOrg = (body: CreateOrgRequest) => api.post<Org>('/orgs', body).then(reload);
export const updateOrg = (id: string, body: UpdateOrgRequest) =>
  api.patch<Org>(`/orgs/${id}`, body).then(reload);
export const moveOrg = (id: string, body: MoveOrgRequest) =>
  api.post<Org>(`/orgs/${id}/move`, body).then(reload);
export const setOrgActive = (org: Org, active: boolean) =>
  api
    .post<Org>(`/orgs/${org.id}/${active ? 'activate' : 'deactivate'}`, { version: org.version })
    .then(reload);
