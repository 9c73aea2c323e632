import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The dispute-case report (issue 6) counts a union's cases taken in within a range: by intake time
 * within the union, with every column the counts read carried along (INCLUDE), so the counts and the
 * cases whose timelines are read come from the index alone once vacuumed, never from a scan of every
 * union's cases. org_id leads because row-level security decides on it. handler_id is there too, so
 * the case list's filters (state, category, handler, next deadline) can pick a page's ids from this
 * index alone as well. Measured in docs/benchmarks.md ("Dispute cases").
 */
export class CaseReportIndexes1764860000000 implements MigrationInterface {
  name = 'CaseReportIndexes1764860000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX dispute_cases_org_created ON dispute_cases (org_id, created_at)
      INCLUDE (id, category, state, outcome, claimed_fen, recovered_fen, next_due_on, handler_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX dispute_cases_org_created`);
  }
}
