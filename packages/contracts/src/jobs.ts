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
} as const;

export type QueueName = keyof typeof JOBS;
export type JobName<Q extends QueueName> = keyof (typeof JOBS)[Q] & string;
export type JobPayload<Q extends QueueName, J extends JobName<Q>> = z.infer<(typeof JOBS)[Q][J] & z.ZodType>;

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
] as const;
