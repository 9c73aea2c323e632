import type { Job } from 'bullmq';
import { deliveryJobId, deliveryJobOptions, type Config, type PendingDelivery } from '@guanai/db';
import type { WorkerQueues } from '../queues/queues';

/** Hands outbox rows to the delivery queue, each delayed until its recipient's quiet hours end. */
export async function enqueueDeliveries(
  queues: WorkerQueues,
  config: Config,
  deliveries: readonly PendingDelivery[],
): Promise<void> {
  const now = Date.now();
  const opts = deliveryJobOptions(config);
  for (let i = 0; i < deliveries.length; i += 500)
    await queues.queue('notifications').addBulk(
      deliveries.slice(i, i + 500).map((d) => ({
        name: 'notifications.deliver',
        data: { deliveryId: d.id },
        opts: { ...opts, jobId: deliveryJobId(d.id), delay: Math.max(0, d.notBefore.getTime() - now) },
      })),
    );
}

/** BullMQ's reason for a job whose worker died under it twice: possibly a poison message, left alone. */
const STALLED_TWICE = 'job stalled more than allowable limit';

/**
 * Outbox rows still pending whose job BullMQ gave up on: its attempts spent while Postgres refused
 * (the failure is counted on the row only when a transaction commits). Adding the same job id again
 * is a no-op while the failed job is kept (removeOnFail), so such a row would stay pending for good;
 * its job is retried instead, with attempts counted afresh (the row's count decides the dead letter).
 */
export async function retryFailedDeliveries(
  queues: WorkerQueues,
  pending: readonly PendingDelivery[],
): Promise<number> {
  if (!pending.length) return 0;
  const ids = new Set(pending.map((d) => d.id));
  const queue = queues.queue('notifications');
  const failed: Job[] = [];
  for (let start = 0; ; start += 1000) {
    const jobs = await queue.getFailed(start, start + 999);
    failed.push(...jobs.filter((j) => ids.has(j.data?.deliveryId) && j.failedReason !== STALLED_TWICE));
    if (jobs.length < 1000) break;
  }
  let retried = 0;
  for (const job of failed)
    // Another worker starting at the same moment may have retried it first: then it is not failed any more.
    retried += await job.retry('failed', { resetAttemptsMade: true, resetAttemptsStarted: true }).then(
      () => 1,
      () => 0,
    );
  return retried;
}
