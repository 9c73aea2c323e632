import { ListDeliveriesQuery, ListNotificationsQuery } from '@guanai/contracts';
import { urlListQuery } from '@/app/urlListQuery';
import type { DeliveriesQuery, InboxQuery } from './api';

/** The inbox's filter (unread only) and page live in the URL, like every list. */
export const useInboxQuery = urlListQuery<InboxQuery>(ListNotificationsQuery, '/notifications').useListQuery;

/** Dead letters by default; the status and channel live in the URL. */
export const useDeliveriesQuery = urlListQuery<DeliveriesQuery>(
  ListDeliveriesQuery,
  '/notification-deliveries',
).useListQuery;
