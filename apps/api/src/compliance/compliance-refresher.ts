import { Injectable, Logger } from '@nestjs/common';
import { complianceRefreshJobId } from '@guanai/db';
import { RequestContext } from '../common/request-context';
import { JobQueue } from '../jobs/job-queue';

/**
 * How writes are gathered into one refresh: every request for a programme within the same window
 * becomes one job, which runs a little after the window closes (so it sees every write of it, once
 * committed). A setting object rather than constants so tests can shorten it.
 */
export const refreshDebounce = { windowMs: 60_000, graceMs: 2_000 };

const REFRESH_OPTIONS = {
  attempts: 3,
  backoff: { type: 'exponential', delay: 30_000 },
  removeOnComplete: 1000,
  removeOnFail: 1000,
} as const;

/**
 * Asks the worker to recompute a programme's stored results (compliance_results, what the province's
 * overview reads) after care work changed. Debounced by a deterministic job id per programme and
 * window. A refresh is an optimisation, never a reason to fail the write that asked for it: if Redis
 * is away, the nightly refresh catches up.
 */
@Injectable()
export class ComplianceRefresher {
  private readonly logger = new Logger('ComplianceRefresher');

  constructor(
    private readonly jobs: JobQueue,
    private readonly ctx: RequestContext,
  ) {}

  async requestRefresh(programmeId: string, now = Date.now()): Promise<void> {
    const { windowMs, graceMs } = refreshDebounce;
    const window = Math.floor(now / windowMs);
    try {
      await this.jobs.add(
        'compliance',
        'compliance.refresh',
        { programmeId },
        { ...REFRESH_OPTIONS, jobId: complianceRefreshJobId(programmeId, window), delay: (window + 1) * windowMs - now + graceMs },
      );
    } catch (e) {
      this.logger.warn(`could not enqueue the refresh of programme ${programmeId}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  /**
   * Care work of a tenant dated on these days: indicators count by type and day, not by programme,
   * so every programme of the tenant whose year shares a period with one of the days is refreshed
   * (a school year or an autumn semester straddles two programme years). Runs in the request's
   * transaction; a school's officer reads its tenant's programmes (programmes_read).
   */
  async requestRefreshForWork(tenantId: string, days: readonly string[]): Promise<void> {
    const years = [...new Set(days.flatMap((d) => [Number(d.slice(0, 4)) - 1, Number(d.slice(0, 4)), Number(d.slice(0, 4)) + 1]))];
    if (years.length === 0) return;
    const rows = (await this.ctx.em.query(`SELECT id FROM programmes WHERE org_id = $1 AND year = ANY($2::int[])`, [
      tenantId,
      years,
    ])) as { id: string }[];
    for (const { id } of rows) await this.requestRefresh(id);
  }
}
