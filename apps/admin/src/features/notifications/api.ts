import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  Delivery,
  ListDeliveriesQuery,
  ListNotificationsQuery,
  Notification,
  NotificationPreferencesView,
  Page,
  RetryDeliveriesResponse,
  UnreadCount,
  UpdateNotificationPreferencesRequest,
} from '@guanai/contracts';
import { api } from '@/app/api/client';
import { ApiError } from '@/app/api/problem';
import { queryClient } from '@/app/queryClient';

export type InboxQuery = Partial<z.infer<typeof ListNotificationsQuery>>;
export type DeliveriesQuery = Partial<z.infer<typeof ListDeliveriesQuery>>;

/** The inbox and its unread count; reading one changes both. */
export const NOTIFICATIONS_KEY = ['notifications'] as const;
const UNREAD_KEY = [...NOTIFICATIONS_KEY, 'unread'] as const;
const PREFERENCES_KEY = ['notification-preferences'] as const;
const DELIVERIES_KEY = ['notification-deliveries'] as const;

/**
 * The bell's number: asked again every minute and whenever the window regains focus, so a reminder
 * the morning's evaluation sent shows without a reload (there is no push channel to the SPA).
 */
export function useUnreadCount() {
  return useQuery({
    queryKey: UNREAD_KEY,
    queryFn: async () => (await api.get<z.infer<typeof UnreadCount>>('/notifications/unread-count')).unread,
    refetchInterval: 60_000,
    refetchOnWindowFocus: true,
    staleTime: 0,
  });
}

export function useNotifications(query: InboxQuery, enabled = true) {
  return useQuery({
    queryKey: [...NOTIFICATIONS_KEY, 'list', query],
    queryFn: () => api.get<Page<Notification>>('/notifications', query),
    placeholderData: keepPreviousData,
    enabled,
  });
}

const inboxChanged = <T>(value: T): T => {
  void queryClient.invalidateQueries({ queryKey: NOTIFICATIONS_KEY });
  return value;
};

export const readNotification = (id: string) =>
  api.post<{ ok: true }>(`/notifications/${id}/read`).then(inboxChanged);

export const readAllNotifications = () =>
  api.post<{ ok: true }>('/notifications/read-all').then(inboxChanged);

// --- one's own channels ---

export function usePreferences() {
  return useQuery({
    queryKey: PREFERENCES_KEY,
    queryFn: () => api.get<NotificationPreferencesView>('/me/notification-preferences'),
  });
}

export const updatePreferences = (body: UpdateNotificationPreferencesRequest) =>
  api.put<NotificationPreferencesView>('/me/notification-preferences', body).then((view) => {
    queryClient.setQueryData(PREFERENCES_KEY, view);
    return view;
  });

export const reloadPreferences = () => queryClient.invalidateQueries({ queryKey: PREFERENCES_KEY });

// --- the outbox, for admins ---

export function useDeliveries(query: DeliveriesQuery) {
  return useQuery({
    queryKey: [...DELIVERIES_KEY, query],
    queryFn: () => api.get<Page<Delivery>>('/notification-deliveries', query),
    placeholderData: keepPreviousData,
  });
}

export const retryDeliveries = (ids: string[]) =>
  api.post<z.infer<typeof RetryDeliveriesResponse>>('/notification-deliveries/retry', { ids }).then((r) => {
    void queryClient.invalidateQueries({ queryKey: DELIVERIES_KEY });
    return r;
  });

/** Someone (another tab) saved the preferences after they were loaded. */
export const isStale = (err: unknown) => err instanceof ApiError && err.code === 'STALE_VERSION';
