import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type {
  Correction,
  CorrectionStatus,
  Page,
  Teacher,
  TenantDirectoryEntry,
  TenantTransfer,
  TransferRequestStatus,
  User,
} from '@guanai/contracts';
import type { z } from 'zod';
import { api } from '@/app/api/client';
import { queryClient } from '@/app/queryClient';
import { TEACHERS_KEY } from '@/features/teachers/api';

// --- correction requests: the officers' queue ---

export const CORRECTIONS_KEY = ['teacher-corrections'] as const;

export interface CorrectionsQuery {
  status?: z.infer<typeof CorrectionStatus>;
  page: number;
  pageSize: number;
}

export function useCorrections(query: CorrectionsQuery) {
  return useQuery({
    queryKey: [...CORRECTIONS_KEY, query],
    queryFn: () => api.get<Page<Correction>>('/teacher-corrections', { ...query }),
    placeholderData: keepPreviousData,
  });
}

export const resolveCorrection = (id: string, accept: boolean, resolution: string) =>
  api.post<Correction>(`/teacher-corrections/${id}/resolve`, { accept, resolution }).then((c) => {
    void queryClient.invalidateQueries({ queryKey: CORRECTIONS_KEY });
    return c;
  });

/** The clear proposed value of a sensitive correction; the server audits it with the reason. */
export const revealCorrection = (id: string, reason: string) =>
  api.post<{ value: string }>(`/teacher-corrections/${id}/reveal`, { reason }).then((r) => r.value);

// --- a teacher account linked to the record ---

/** Teacher accounts of one school that could be linked, searched by username or name. */
export function useTeacherAccounts(orgId: string, q: string) {
  return useQuery({
    queryKey: ['users', 'list', { role: 'teacher', orgId, q, status: 'active' }],
    queryFn: () =>
      api.get<Page<User>>('/users', {
        role: 'teacher',
        orgId,
        status: 'active',
        q: q || undefined,
        pageSize: 50,
        sort: 'username',
      }),
    placeholderData: keepPreviousData,
  });
}

/** The linked account, to show its name (only for those who may read users). */
export function useLinkedUser(userId: string | null, enabled: boolean) {
  return useQuery({
    queryKey: ['users', 'one', userId],
    queryFn: () => api.get<User>(`/users/${userId}`),
    enabled: enabled && userId !== null,
    retry: false,
  });
}

export const linkTeacherAccount = (teacherId: string, userId: string | null) =>
  api.put<Teacher>(`/teachers/${teacherId}/account`, { userId }).then((teacher) => {
    queryClient.setQueryData([...TEACHERS_KEY, 'one', teacher.id], teacher);
    return teacher;
  });

// --- transfers between unions ---

export const TRANSFERS_KEY = ['tenant-transfers'] as const;

export interface TransfersQuery {
  direction?: 'incoming' | 'outgoing';
  status?: z.infer<typeof TransferRequestStatus>;
  page: number;
  pageSize: number;
}

export function useTenantTransfers(query: TransfersQuery, enabled = true) {
  return useQuery({
    queryKey: [...TRANSFERS_KEY, query],
    queryFn: () => api.get<Page<TenantTransfer>>('/tenant-transfers', { ...query }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export type DirectoryEntry = z.infer<typeof TenantDirectoryEntry>;

export function useTenantDirectory() {
  return useQuery({
    queryKey: ['tenant-directory'],
    queryFn: async () => (await api.get<{ items: DirectoryEntry[] }>('/tenant-directory')).items,
    staleTime: 60_000,
  });
}

/** A decided or new transfer: lists reload, and so do teacher records and lists (one may have moved). */
function transferChanged(tr: TenantTransfer): TenantTransfer {
  void queryClient.invalidateQueries({ queryKey: TRANSFERS_KEY });
  void queryClient.invalidateQueries({ queryKey: TEACHERS_KEY });
  return tr;
}

export const requestTenantTransfer = (
  teacherId: string,
  body: { toTenantId: string; on: string; note?: string },
) => api.post<TenantTransfer>(`/teachers/${teacherId}/tenant-transfers`, body).then(transferChanged);
export const acceptTenantTransfer = (id: string, orgId: string) =>
  api.post<TenantTransfer>(`/tenant-transfers/${id}/accept`, { orgId }).then(transferChanged);
export const rejectTenantTransfer = (id: string, reason: string) =>
  api.post<TenantTransfer>(`/tenant-transfers/${id}/reject`, { reason }).then(transferChanged);
export const cancelTenantTransfer = (id: string, reason?: string) =>
  api.post<TenantTransfer>(`/tenant-transfers/${id}/cancel`, { reason }).then(transferChanged);
