import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  CompleteReminderRequest,
  EvaluateNowResponse,
  ListRemindersQuery,
  Page,
  ProgrammeReminderSettings,
  Reminder,
  ReminderSchedule,
  ReminderSettings,
  TenantReminderSchedule,
} from '@guanai/contracts';
import { api } from '@/app/api/client';
import { ApiError } from '@/app/api/problem';
import { queryClient } from '@/app/queryClient';

/** The list's query as the API takes it: everything optional. */
export type RemindersQuery = Partial<ListRemindersQuery>;

export const REMINDERS_KEY = ['reminders'] as const;
const SCHEDULE_KEY = ['reminder-schedule'] as const;
const PROGRAMME_RULES_KEY = ['programme-reminders'] as const;

export function useReminders(query: RemindersQuery) {
  return useQuery({
    queryKey: [...REMINDERS_KEY, 'list', query],
    queryFn: () => api.get<Page<Reminder>>('/reminders', query),
    placeholderData: keepPreviousData,
  });
}

export function useReminder(id: string | null) {
  return useQuery({
    queryKey: [...REMINDERS_KEY, 'one', id],
    queryFn: () => api.get<Reminder>(`/reminders/${id}`),
    enabled: !!id,
  });
}

/** An act changes the lists and the one reminder; recording care changes the care lists and dashboards. */
function acted(r: Reminder): Reminder {
  queryClient.setQueryData([...REMINDERS_KEY, 'one', r.id], r);
  void queryClient.invalidateQueries({ queryKey: [...REMINDERS_KEY, 'list'] });
  if (r.careRecordId) {
    void queryClient.invalidateQueries({ queryKey: ['care-records'] });
    void queryClient.invalidateQueries({ queryKey: ['compliance'] });
  }
  return r;
}

export const completeReminder = (r: Reminder, body: Omit<CompleteReminderRequest, 'version'>) =>
  api.post<Reminder>(`/reminders/${r.id}/done`, { ...body, version: r.version }).then(acted);

export const snoozeReminder = (r: Reminder, until: string) =>
  api.post<Reminder>(`/reminders/${r.id}/snooze`, { version: r.version, until }).then(acted);

export const dismissReminder = (r: Reminder, reason: string) =>
  api.post<Reminder>(`/reminders/${r.id}/dismiss`, { version: r.version, reason }).then(acted);

export const reloadReminders = () => queryClient.invalidateQueries({ queryKey: REMINDERS_KEY });

/**
 * Someone acted first: a newer version (STALE_VERSION) or the reminder is already closed
 * (REMINDER_CLOSED). Either way the person needs to see it as it is now.
 */
export function isStale(err: unknown): boolean {
  return err instanceof ApiError && (err.code === 'STALE_VERSION' || err.code === 'REMINDER_CLOSED');
}

// --- a tenant's settings ---

export function useReminderSchedule() {
  return useQuery({
    queryKey: SCHEDULE_KEY,
    queryFn: () => api.get<TenantReminderSchedule>('/reminder-schedule'),
    // While a run is under way, look again every few seconds.
    refetchInterval: (q) => (q.state.data?.lastRuns.some((r) => r.status === 'running') ? 3_000 : false),
  });
}

export const updateReminderSchedule = (body: ReminderSchedule) =>
  api.put<TenantReminderSchedule>('/reminder-schedule', body).then((s) => {
    queryClient.setQueryData(SCHEDULE_KEY, s);
    return s;
  });

/** Queues today's evaluation; the worker starts it a second later, so look again shortly after. */
export const runRemindersNow = () =>
  api.post<z.infer<typeof EvaluateNowResponse>>('/reminder-schedule/run').then((r) => {
    for (const ms of [2_000, 6_000, 15_000])
      setTimeout(() => {
        void queryClient.invalidateQueries({ queryKey: SCHEDULE_KEY });
        void queryClient.invalidateQueries({ queryKey: REMINDERS_KEY });
      }, ms);
    return r;
  });

/**
 * A programme's rules as the tenant runs them. The settings share the programme's version (saving the
 * targets moves it too), so the version is part of the key: a programme saved elsewhere loads afresh.
 */
export function useProgrammeReminders(programmeId: string, programmeVersion: number) {
  return useQuery({
    queryKey: [...PROGRAMME_RULES_KEY, programmeId, programmeVersion],
    queryFn: () => api.get<ProgrammeReminderSettings>(`/programmes/${programmeId}/reminders`),
  });
}

export const updateProgrammeReminders = (current: ProgrammeReminderSettings, settings: ReminderSettings) =>
  api
    .put<ProgrammeReminderSettings>(`/programmes/${current.programmeId}/reminders`, {
      ...settings,
      version: current.version,
    })
    .then((s) => {
      queryClient.setQueryData([...PROGRAMME_RULES_KEY, s.programmeId, s.version], s);
      // The programme's own version moved with it (its page starts again from the new one).
      void queryClient.invalidateQueries({ queryKey: ['programmes', 'one', s.programmeId] });
      return s;
    });

export const reloadProgrammeReminders = (programmeId: string) =>
  queryClient.invalidateQueries({ queryKey: [...PROGRAMME_RULES_KEY, programmeId] });
