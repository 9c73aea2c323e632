import { z } from 'zod';

/**
 * Every queue and job of the platform with its payload schema: the one registry the API (producer)
 * and the worker (consumer) share. Payloads carry ids, never personal data.
 */
export const JOBS = {
  maintenance: {
    'sessions.cleanup': z.strictObject({ olderThanDays: z.number().int().min(1).max(365) }),
    /** Removes the files of abandoned teacher imports and old rejected rows (personal data kept no longer than needed). */
    'imports.cleanup': z.strictObject({
      abandonedAfterDays: z.number().int().min(1).max(365),
      rejectsKeptDays: z.number().int().min(1).max(365),
    }),
  },
  imports: {
    /** Runs one teacher import (teacher_imports row) after its mapping step. */
    'teachers.import': z.strictObject({ importId: z.uuid() }),
  },
  compliance: {
    /** Recomputes one programme's compliance_results (every period of its year that has begun). */
    'compliance.refresh': z.strictObject({ programmeId: z.uuid() }),
    /** Enqueues compliance.refresh for every programme of a year; without one, this year's and last year's. */
    'compliance.refresh_all': z.strictObject({ year: z.number().int().min(2000).max(2100).optional() }),
  },
  reminders: {
    /**
     * Evaluates one tenant's reminder rules for a day (its own time zone's today when absent): creates
     * the due reminders and their notifications. Idempotent: rows are keyed by rule, subject and day.
     */
    'reminders.evaluate': z.strictObject({ tenantId: z.uuid(), day: z.iso.date().optional() }),
    /** Re-creates every tenant's daily scheduler from Postgres (hour and time zone may have changed). */
    'reminders.sync_schedules': z.strictObject({}),
    /**
     * Sweeps one dispute case's deadlines now (a case taken in, moved or its dates changed) or at its
     * next warning (delayed): the warnings due and its next deadline. Without caseId, every open case
     * of the tenant (the holiday calendar changed). The daily evaluation sweeps them all anyway.
     */
    'reminders.case_deadlines': z.strictObject({ tenantId: z.uuid(), caseId: z.uuid().optional() }),
  },
  notifications: {
    /** Sends one outbox row (notification_deliveries) on its channel; already sent → nothing. */
    'notifications.deliver': z.strictObject({ deliveryId: z.uuid() }),
  },
} as const;

export type QueueName = keyof typeof JOBS;
export type JobName<Q extends QueueName> = keyof (typeof JOBS)[Q] & string;
export type JobPayload<Q extends QueueName, J extends JobName<Q>> = z.infer<(typeof JOBS)[Q][J] & z.ZodType>;

/** A job's payload checked against its schema before it is enqueued (producers) or handled (the worker). */
export function parseJobPayload<Q extends QueueName, J extends JobName<Q>>(
  queue: Q,
  job: J,
  payload: unknown,
): JobPayload<Q, J> {
  const schema = (JOBS[queue] as Record<string, z.ZodType>)[job];
  if (!schema) throw new Error(`no job ${job} in queue ${queue}`);
  return schema.parse(payload) as JobPayload<Q, J>;
}

/** Recurring jobs, run in the platform's time zone unless a tenant has its own. */
export const SCHEDULES = [
  {
    id: 'maintenance:sessions.cleanup:daily',
    queue: 'maintenance',
    job: 'sessions.cleanup',
    pattern: '0 30 3 * * *',
    tz: 'Asia/Shanghai',
    data: { olderThanDays: 30 },
  },
  {
    id: 'maintenance:imports.cleanup:daily',
    queue: 'maintenance',
    job: 'imports.cleanup',
    pattern: '0 45 3 * * *',
    tz: 'Asia/Shanghai',
    data: { abandonedAfterDays: 7, rejectsKeptDays: 30 },
  },
  {
    // Statuses move with the calendar (at risk past the threshold, missed after the end) and rosters
    // with people joining and leaving, even on days nobody records anything.
    id: 'compliance:compliance.refresh_all:nightly',
    queue: 'compliance',
    job: 'compliance.refresh_all',
    pattern: '0 15 2 * * *',
    tz: 'Asia/Shanghai',
    data: {},
  },
  {
    // Tenants created or re-timed since the worker started get their evaluation scheduler.
    id: 'reminders:reminders.sync_schedules:quarter-hourly',
    queue: 'reminders',
    job: 'reminders.sync_schedules',
    pattern: '0 */15 * * * *',
    tz: 'Asia/Shanghai',
    data: {},
  },
] as const;
