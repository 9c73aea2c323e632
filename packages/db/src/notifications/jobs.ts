import type { Config } from '../config/config';

/**
 * A delivery's job id (BullMQ ids may not contain ':'): named after the outbox row, so enqueuing it
 * twice is a no-op; an admin's retry of a dead letter is a new generation, since the failed job stays.
 */
export const deliveryJobId = (id: string, generation = 0): string =>
  `deliver-${id}${generation ? `-r${generation}` : ''}`;

export const deliveryJobOptions = (config: Pick<Config, 'NOTIFY_MAX_ATTEMPTS' | 'NOTIFY_BACKOFF_MS'>) => ({
  attempts: config.NOTIFY_MAX_ATTEMPTS,
  backoff: { type: 'exponential' as const, delay: config.NOTIFY_BACKOFF_MS },
  removeOnComplete: 1000,
  removeOnFail: 5000,
});

/** One tenant's evaluation for one day (reconcile, "run now"); the scheduler's own jobs have ids of BullMQ's. */
export const evaluationJobId = (tenantId: string, day: string): string => `evaluate-${tenantId}-${day}`;

/** The id of a tenant's daily evaluation scheduler. */
export const evaluationSchedulerId = (tenantId: string): string => `reminders-evaluate-${tenantId}`;
