import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from './rls';

/** The transaction acts for the platform itself (its scope is the platform organisation). */
const PLATFORM_SCOPE = `EXISTS (SELECT 1 FROM orgs o WHERE o.kind = 'platform' AND o.path = app_scope_path())`;

/**
 * Issue 6: the holiday arrangements a platform admin enters (the built-in years ship with the code, see
 * packages/domain/src/holidays), and reminders about dispute cases and supervision visits.
 *
 * holiday_years is reference data every tenant's deadlines count on: everyone reads it; only a
 * transaction scoped to the platform may write it (in PostgreSQL as well as by the holiday.manage
 * permission in the API).
 */
export class HolidaysAndCaseReminders1764840000000 implements MigrationInterface {
  name = 'HolidaysAndCaseReminders1764840000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE holiday_years (
        year int PRIMARY KEY CHECK (year BETWEEN 1 AND 9999),
        source text NOT NULL CHECK (length(source) BETWEEN 1 AND 300),
        off_days date[] NOT NULL,
        workdays date[] NOT NULL,
        updated_by uuid REFERENCES users(id),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version int NOT NULL DEFAULT 1
      )`);
    await q.query(`ALTER TABLE holiday_years ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE holiday_years FORCE ROW LEVEL SECURITY`);
    await q.query(`CREATE POLICY holiday_years_read ON holiday_years FOR SELECT USING (true)`);
    for (const op of ['INSERT', 'UPDATE', 'DELETE']) {
      const clause =
        op === 'INSERT'
          ? `WITH CHECK (${PLATFORM_SCOPE})`
          : op === 'UPDATE'
            ? `USING (${PLATFORM_SCOPE}) WITH CHECK (${PLATFORM_SCOPE})`
            : `USING (${PLATFORM_SCOPE})`;
      await q.query(`CREATE POLICY holiday_years_${op.toLowerCase()} ON holiday_years FOR ${op} ${clause}`);
    }
    await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON holiday_years TO ${APP_ROLE}`);

    // Reminders about a supervision visit's rectification deadline, beside those about cases.
    await q.query(`ALTER TABLE reminders DROP CONSTRAINT reminders_subject_kind_check`);
    await q.query(`ALTER TABLE reminders ADD CONSTRAINT reminders_subject_kind_check
      CHECK (subject_kind IN ('teacher','org','care_record','case','supervision_visit'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM reminders WHERE subject_kind = 'supervision_visit'`);
    await q.query(`ALTER TABLE reminders DROP CONSTRAINT reminders_subject_kind_check`);
    await q.query(`ALTER TABLE reminders ADD CONSTRAINT reminders_subject_kind_check
      CHECK (subject_kind IN ('teacher','org','care_record','case'))`);
    await q.query(`DROP TABLE holiday_years`);
  }
}
