import type { JobName, JobPayload, QueueName } from '@guanai/contracts';

export type Handler<Q extends QueueName, J extends JobName<Q>> = (payload: JobPayload<Q, J>, jobId: string) => Promise<unknown>;

export type HandlerMap = { [Q in QueueName]: { [J in JobName<Q>]: Handler<Q, J> } };

/** Provided by each capability's module; the host checks the union covers every job exactly once. */
export const JOB_HANDLERS = Symbol('JOB_HANDLERS');
