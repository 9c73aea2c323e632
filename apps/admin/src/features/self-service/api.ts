import { useQuery } from '@tanstack/react-query';
import type { Correction, CreateCorrectionRequest, Page, Teacher } from '@guanai/contracts';
import { api } from '@/app/api/client';
import { queryClient } from '@/app/queryClient';

/** A teacher's own record and requests (the `self` routes); the cache is cleared at login and logout. */
export const SELF_KEY = ['self-service'] as const;

export function useMyRecord() {
  return useQuery({
    queryKey: [...SELF_KEY, 'record'],
    queryFn: () => api.get<Teacher>('/me/teacher-record'),
    retry: false,
  });
}

export function useMyCorrections(enabled: boolean) {
  return useQuery({
    queryKey: [...SELF_KEY, 'corrections'],
    queryFn: () => api.get<Page<Correction>>('/me/teacher-record/corrections'),
    enabled,
  });
}

export const requestCorrection = (body: CreateCorrectionRequest) =>
  api.post<Correction>('/me/teacher-record/corrections', body).then((c) => {
    void queryClient.invalidateQueries({ queryKey: [...SELF_KEY, 'corrections'] });
    return c;
  });
