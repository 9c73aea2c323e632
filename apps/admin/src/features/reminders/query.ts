import { ListRemindersQuery, type Reminder } from '@guanai/contracts';
import { filtersOf, urlListQuery, type FiltersOf } from '@/app/urlListQuery';
import type { RemindersQuery } from './api';

export type StatusFilter = Reminder['status'] | 'all';
export type UrlRemindersQuery = Partial<Omit<ListRemindersQuery, 'status'>> & { status?: StatusFilter };

/**
 * The list as the URL holds it: the contract's query, but what needs doing is what one opens the page
 * for, so the status is 'open' unless the URL says otherwise, and 'all' shows every status (the API
 * has no default and no 'all').
 */
const UrlRemindersQuery = {
  shape: ListRemindersQuery.shape,
  parse: (value: unknown): UrlRemindersQuery => {
    const result = UrlRemindersQuery.safeParse(value);
    if (!result.success) throw new Error('invalid reminders query');
    return result.data;
  },
  safeParse(value: unknown) {
    const raw = { ...(value as Record<string, unknown>) };
    const all = raw.status === 'all';
    if (all) delete raw.status;
    const parsed = ListRemindersQuery.safeParse(raw);
    if (!parsed.success) return { success: false as const, error: parsed.error };
    const status: StatusFilter = all ? 'all' : (parsed.data.status ?? 'open');
    return { success: true as const, data: { ...parsed.data, status } as UrlRemindersQuery };
  },
};

const list = urlListQuery<UrlRemindersQuery>(UrlRemindersQuery, '/reminders');

export const useRemindersQuery = list.useListQuery;
export const lastRemindersUrl = list.lastUrl;

export type ReminderFilters = FiltersOf<UrlRemindersQuery>;
export const reminderFiltersOf: (query: UrlRemindersQuery) => ReminderFilters = filtersOf;

/** What the API is asked for: 'all' is no status filter. */
export function apiQuery(query: UrlRemindersQuery): RemindersQuery {
  const { status, ...rest } = query;
  return { ...rest, status: status === 'all' ? undefined : (status ?? 'open') };
}
