import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { AuditEvent, ListAuditEventsQuery, Page } from '@guanai/contracts';
import { api } from '@/app/api/client';

export type AuditQuery = Partial<ListAuditEventsQuery>;

export function useAuditEvents(query: AuditQuery) {
  return useQuery({
    queryKey: ['audit-events', query],
    queryFn: () => api.get<Page<AuditEvent>>('/audit-events', query),
    placeholderData: keepPreviousData,
  });
}
