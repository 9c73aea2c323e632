import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import {
  DataSource,
  complianceRefreshJobId,
  inScope,
  refreshComplianceResults,
  systemScope,
  type Config,
  type RefreshResult,
} from '@guanai/db';
import { JOBS } from '@guanai/contracts';
import { todayInShanghai } from '@guanai/domain';
import { CONFIG } from '../config';

/** BullMQ options of the refresh jobs the nightly fan-out enqueues. */
const REFRESH_OPTIONS = {
  attempts: 3,
  backoff: { type: 'exponential', delay: 30_000 },
  removeOnComplete: 1000,
  removeOnFail: 1000,
} as const;

/**
 * `compliance/compliance.refresh` and `compliance/compliance.refresh_all`: the stored results the
 * province's overview reads. One programme is computed in its tenant's scope (the system scope only
 * to find whose it is); the nightly job only fans out, so programmes refresh in parallel and retry
 * one by one.
 */
@Injectable()
export class ComplianceRefreshJob implements OnApplicationShutdown {
  private readonly logger = new Logger('compliance.refresh');
  private queue: Queue | undefined;
  private connection: Redis | undefined;

  constructor(
    private readonly ds: DataSource,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  async refresh(programmeId: string): Promise<RefreshResult | null> {
    const [tenant] = (await inScope(this.ds, systemScope('compliance.refresh:locate'), (em) =>
      em.query(`SELECT o.path FROM programmes p JOIN orgs o ON o.id = p.org_id WHERE p.id = $1`, [programmeId]),
    )) as { path: string }[];
    if (!tenant) {
      this.logger.warn(`programme ${programmeId} not found; nothing to refresh`);
      return null;
    }
    const scope = { path: tenant.path, requestId: `job:compliance.refresh:${programmeId}` };
    const result = await inScope(this.ds, scope, (em) => refreshComplianceResults(em, programmeId, todayInShanghai()));
    this.logger.log(`programme ${programmeId}: ${result?.rows ?? 0} results`);
    return result;
  }

  /** Enqueues a refresh of every programme of `year` (default: this year's and last year's, whose school year runs on). */
  async refreshAll(year?: number): Promise<{ enqueued: number }> {
    const today = todayInShanghai();
    const thisYear = Number(today.slice(0, 4));
    const years = year === undefined ? [thisYear - 1, thisYear] : [year];
    const ids = (await inScope(this.ds, systemScope('compliance.refresh_all'), (em) =>
      em.query(`SELECT id FROM programmes WHERE year = ANY($1::int[]) ORDER BY id`, [years]),
    )) as { id: string }[];
    const queue = this.producer();
    await queue.addBulk(
      ids.map(({ id }) => ({
        name: 'compliance.refresh',
        data: JOBS.compliance['compliance.refresh'].parse({ programmeId: id }),
        opts: { ...REFRESH_OPTIONS, jobId: complianceRefreshJobId(id, `nightly-${today}`) },
      })),
    );
    this.logger.log(`enqueued ${ids.length} programme refreshes for ${years.join(', ')}`);
    return { enqueued: ids.length };
  }

  private producer(): Queue {
    this.connection ??= new Redis(this.config.REDIS_URL, { maxRetriesPerRequest: 2 });
    this.queue ??= new Queue('compliance', { connection: this.connection, prefix: this.config.REDIS_PREFIX });
    return this.queue;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.queue?.close();
    this.connection?.disconnect();
  }
}
