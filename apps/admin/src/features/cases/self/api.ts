import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { MyCase, MyCaseList, SubmitMyCaseRequest } from '@guanai/contracts';
import { api } from '@/app/api/client';
import { queryClient } from '@/app/queryClient';
import { SELF_KEY } from '@/features/self-service/api';

/** The applicant teacher's own cases (the `self` routes): status and deadlines, never the facts. */
const MY_CASES_KEY = [...SELF_KEY, 'cases'] as const;

export function useMyCases() {
  return useQuery({
    queryKey: MY_CASES_KEY,
    queryFn: () => api.get<z.infer<typeof MyCaseList>>('/me/cases'),
  });
}

function changed(c: MyCase): MyCase {
  void queryClient.invalidateQueries({ queryKey: MY_CASES_KEY });
  return c;
}

export const submitMyCase = (body: SubmitMyCaseRequest) => api.post<MyCase>('/me/cases', body).then(changed);

export const withdrawMyCase = (c: MyCase, reason: string | null) =>
  api.post<MyCase>(`/me/cases/${c.id}/withdraw`, { version: c.version, reason }).then(changed);

export const reloadMyCases = () => queryClient.invalidateQueries({ queryKey: MY_CASES_KEY });
