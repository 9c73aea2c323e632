import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE, tenantRls } from './rls';

/**
 * Care programmes (issue 4): a province's templates and their published versions, the programme a
 * tenant adopts for a year, the care work it records, and the compliance results a worker computes
 * from that work for the province's dashboards.
 */
export class CareProgrammes1764300000000 implements MigrationInterface {
  name = 'CareProgrammes1764300000000';

  async up(q: QueryRunner): Promise<void> {
    // A province's template: a working draft (the document, edited freely) and its published versions.
    await q.query(`
      CREATE TABLE programme_templates (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        org_id uuid NOT NULL REFERENCES orgs(id),
        key text NOT NULL CHECK (key ~ '^[a-z0-9][a-z0-9_-]{0,62}$'),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
        based_on text,
        draft jsonb NOT NULL,
        latest_version int NOT NULL DEFAULT 0,
        created_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version int NOT NULL DEFAULT 1,
        UNIQUE (org_id, key)
      )`);
    await q.query(`
      CREATE TABLE programme_versions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        org_id uuid NOT NULL REFERENCES orgs(id),
        template_id uuid NOT NULL REFERENCES programme_templates(id),
        number int NOT NULL CHECK (number >= 1),
        document jsonb NOT NULL,
        changes jsonb NOT NULL DEFAULT '[]',
        note text CHECK (note IS NULL OR length(note) <= 500),
        published_by uuid REFERENCES users(id),
        published_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (template_id, number)
      )`);
    // Tenants read their province's templates and versions (the chain above them, as orgs_read);
    // only the province writes them. Published versions are immutable: the app role has no UPDATE
    // (nor DELETE) on them, and no policy would admit one.
    for (const sql of readAboveRls('programme_templates', true)) await q.query(sql);
    for (const sql of readAboveRls('programme_versions', false)) await q.query(sql);
    await q.query(`GRANT SELECT, INSERT, UPDATE ON programme_templates TO ${APP_ROLE}`);
    await q.query(`GRANT SELECT, INSERT ON programme_versions TO ${APP_ROLE}`);

    // A tenant's programme for a year: the version it adopted, its own targets (within the ranges
    // the version allows) and budget per measure, its semester dates and at-risk threshold.
    await q.query(`
      CREATE TABLE programmes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        org_id uuid NOT NULL REFERENCES orgs(id),
        template_id uuid NOT NULL REFERENCES programme_templates(id),
        version_id uuid NOT NULL REFERENCES programme_versions(id),
        year int NOT NULL CHECK (year BETWEEN 2000 AND 2100),
        targets jsonb NOT NULL DEFAULT '{}',
        budgets jsonb NOT NULL DEFAULT '{}',
        settings jsonb NOT NULL DEFAULT '{}',
        adopted_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version int NOT NULL DEFAULT 1,
        UNIQUE (org_id, template_id, year)
      )`);
    // A school's officer reads the programme of the union above it (which measures to record care
    // work under); only the union writes it, and no sibling union ever sees it.
    for (const sql of readAboveRls('programmes', true)) await q.query(sql);
    await q.query(`GRANT SELECT, INSERT, UPDATE ON programmes TO ${APP_ROLE}`);

    // Care work: one row per activity, done by a unit (a school, or the tenant itself), with its
    // participants below. Deleting is soft (deleted_at), so the audit trail and totals can explain it.
    await q.query(`
      CREATE TABLE care_records (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        org_id uuid NOT NULL REFERENCES orgs(id),
        tenant_id uuid NOT NULL REFERENCES orgs(id),
        programme_id uuid REFERENCES programmes(id),
        measure_key text,
        activity_type text NOT NULL,
        title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
        occurred_on date NOT NULL,
        amount_fen bigint NOT NULL DEFAULT 0 CHECK (amount_fen >= 0),
        participant_count int NOT NULL DEFAULT 0 CHECK (participant_count >= 0),
        notes text,
        attachments jsonb NOT NULL DEFAULT '[]',
        created_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        deleted_at timestamptz,
        deleted_by uuid REFERENCES users(id),
        delete_reason text CHECK (delete_reason IS NULL OR length(delete_reason) <= 200),
        version int NOT NULL DEFAULT 1,
        CHECK ((deleted_at IS NULL) = (delete_reason IS NULL))
      )`);
    await q.query(
      `CREATE INDEX care_records_tenant_type_day ON care_records (tenant_id, activity_type, occurred_on) WHERE deleted_at IS NULL`,
    );
    await q.query(`CREATE INDEX care_records_org_day ON care_records (org_id, occurred_on DESC)`);
    await q.query(`CREATE INDEX care_records_programme ON care_records (programme_id, measure_key)`);
    // Spending per measure (compliance report, the province's overview): an index-only sum of a
    // programme's amounts over its budget year.
    await q.query(
      `CREATE INDEX care_records_programme_spend ON care_records (programme_id, measure_key, occurred_on) INCLUDE (amount_fen) WHERE deleted_at IS NULL`,
    );
    for (const sql of tenantRls('care_records')) await q.query(sql);
    await q.query(`GRANT SELECT, INSERT, UPDATE ON care_records TO ${APP_ROLE}`);

    // Who a record reached. org_id is the teacher's unit at the time (so a school's coverage counts
    // its own teachers); type and day are copied from the record for the coverage queries, and an
    // edit of the record updates them (hence UPDATE). A deleted record keeps its rows: readers join
    // care_records and skip those with deleted_at set.
    await q.query(`
      CREATE TABLE care_participants (
        record_id uuid NOT NULL REFERENCES care_records(id),
        teacher_id uuid NOT NULL REFERENCES teachers(id),
        org_id uuid NOT NULL REFERENCES orgs(id),
        tenant_id uuid NOT NULL REFERENCES orgs(id),
        activity_type text NOT NULL,
        occurred_on date NOT NULL,
        PRIMARY KEY (record_id, teacher_id)
      )`);
    await q.query(
      `CREATE INDEX care_participants_coverage ON care_participants (tenant_id, activity_type, occurred_on, teacher_id)`,
    );
    await q.query(`CREATE INDEX care_participants_teacher ON care_participants (teacher_id, occurred_on DESC)`);
    for (const sql of tenantRls('care_participants')) await q.query(sql);
    await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON care_participants TO ${APP_ROLE}`);

    // What the worker computed for each programme, period, indicator and unit: the province's
    // dashboard reads these instead of aggregating millions of rows per request.
    await q.query(`
      CREATE TABLE compliance_results (
        programme_id uuid NOT NULL REFERENCES programmes(id),
        period_key text NOT NULL,
        indicator_key text NOT NULL,
        unit_id uuid NOT NULL REFERENCES orgs(id),
        org_id uuid NOT NULL REFERENCES orgs(id),
        value bigint NOT NULL,
        denominator bigint,
        target bigint NOT NULL,
        status text NOT NULL CHECK (status IN ('met','on_track','at_risk','missed')),
        computed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (programme_id, period_key, indicator_key, unit_id)
      )`);
    await q.query(`CREATE INDEX compliance_results_org ON compliance_results (org_id, period_key)`);
    for (const sql of tenantRls('compliance_results')) await q.query(sql);
    await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON compliance_results TO ${APP_ROLE}`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['compliance_results', 'care_participants', 'care_records', 'programmes', 'programme_versions', 'programme_templates'])
      await q.query(`DROP TABLE IF EXISTS ${t}`);
  }
}

/**
 * Row-level security for configuration a scope shares downwards: rows of the scope's subtree and of
 * the chain above it are readable (as orgs_read), only the subtree's are written.
 */
function readAboveRls(table: string, updatable: boolean): string[] {
  const below = `org_id IN (SELECT o.id FROM orgs o WHERE starts_with(o.path, app_scope_path()))`;
  const above = `org_id IN (SELECT o.id FROM orgs o WHERE starts_with(app_scope_path(), o.path))`;
  return [
    `ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`,
    `ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`,
    `CREATE POLICY ${table}_read ON ${table} FOR SELECT USING (${below} OR ${above})`,
    `CREATE POLICY ${table}_insert ON ${table} FOR INSERT WITH CHECK (${below})`,
    ...(updatable
      ? [`CREATE POLICY ${table}_update ON ${table} FOR UPDATE USING (${below}) WITH CHECK (${below})`]
      : []),
  ];
}
