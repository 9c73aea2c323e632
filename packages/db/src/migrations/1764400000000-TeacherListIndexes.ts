import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes for the teacher list, one per sort: (tenant_id, sort column, id), the list's exact order
 * (ties broken by id, in the sort's direction, read forwards or backwards), with org_id carried
 * along (INCLUDE) because row-level security decides on it. A union's first page is then the first
 * entries of its part of one index, and its count reads that part alone, without a row (index-only
 * once vacuumed). They replace the (tenant_id, name, id), (tenant_id, retirement_date) and
 * (tenant_id, birth_date) indexes, which could serve neither the tie-break nor the policy; teaching
 * years (从教年限) get one too. Measured in docs/benchmarks.md ("Teacher list at 1,000,000 teachers").
 */
export class TeacherListIndexes1764400000000 implements MigrationInterface {
  name = 'TeacherListIndexes1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX teachers_list_name ON teachers (tenant_id, name, id) INCLUDE (org_id)`);
    await q.query(`CREATE INDEX teachers_list_birth ON teachers (tenant_id, birth_date, id) INCLUDE (org_id)`);
    await q.query(`CREATE INDEX teachers_list_retirement ON teachers (tenant_id, retirement_date, id) INCLUDE (org_id)`);
    await q.query(`CREATE INDEX teachers_list_teaching ON teachers (tenant_id, teaching_since, id) INCLUDE (org_id)`);
    await q.query(`DROP INDEX teachers_tenant_name, teachers_tenant_retirement, teachers_tenant_birth`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX teachers_tenant_name ON teachers (tenant_id, name, id)`);
    await q.query(`CREATE INDEX teachers_tenant_retirement ON teachers (tenant_id, retirement_date)`);
    await q.query(`CREATE INDEX teachers_tenant_birth ON teachers (tenant_id, birth_date)`);
    await q.query(`DROP INDEX teachers_list_name, teachers_list_birth, teachers_list_retirement, teachers_list_teaching`);
  }
}
