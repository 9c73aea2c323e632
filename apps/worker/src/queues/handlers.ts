import type { JobName, JobPayload, QueueName } from '@guanai/contracts';

/** What a handler may know of its job beyond the payload. */
export interface JobContext {
  id: string;
  /** Puts the job back to wait until an instant, without spending an attempt (ends the handler). */
  delayUntil(at: Date): Promise<never>;
}

export type Handler<Q extends QueueName, J extends JobName<Q>> = (
  payload: JobPayload<Q, J>,
  job: JobContext,
) => Promise<unknown>;

export type HandlerMap = { [Q in QueueName]: { [J in JobName<Q>]: Handler<Q, J> } };

/** Provided by each capability's module; the host checks the union covers every job exactly once. */
export const JOB_HANDLERS = Symbol('JOB_HANDLERS');
