import type { JobQueue } from './job-queue';

/**
 * Asks the worker to sweep dispute deadlines once this request has committed (hence the short delay):
 * one case after it changed (a warning already due goes out now, not tomorrow morning), or every open
 * case of a union after the holiday calendar changed. Each ask is its own job; the sweep is idempotent.
 */
export async function sweepCaseDeadlinesSoon(
  jobs: JobQueue,
  tenantId: string,
  caseId?: string,
): Promise<void> {
  await jobs.add('reminders', 'reminders.case_deadlines', caseId ? { tenantId, caseId } : { tenantId }, {
    jobId: `case-deadlines-${caseId ?? tenantId}-now-${Date.now()}`,
    delay: 2_000,
    attempts: 3,
    removeOnComplete: 100,
  });
}
