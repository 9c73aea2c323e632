import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE, tenantRls } from './rls';

/** Columns an import may write: a change to one of them by anything else makes the record differ from its import. */
const IMPORTED_COLUMNS = [
  'name',
  'sex',
  'birth_date',
  'id_number_hash',
  'phone_enc',
  'address_enc',
  'ethnicity',
  'political_status',
  'marital_status',
  'org_id',
  'employment_type',
  'position',
  'subject',
  'stage',
  'titles',
  'teaching_since',
  'joined_school_on',
  'backbone',
  'union_joined_on',
  'union_status',
  'retirement_category',
  'tags',
  'notes',
];

/**
 * Teacher imports (教师信息批量导入). An upload is kept, sealed with the field cipher, until its import
 * has run; the job writes every valid row in one transaction, with the result and the rejected rows
 * (sealed too: they hold ID numbers) on the import's row. `teachers.import_digest` is a keyed digest of
 * the file row a record was last written from, so importing the same file again changes nothing.
 */
export class TeacherImports1764000000000 implements MigrationInterface {
  name = 'TeacherImports1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE teachers ADD COLUMN import_digest text`);
    // Any other write to an imported column (an edit in the app, a transfer) clears the digest, so the
    // next import of the old file restores the file's values instead of calling them unchanged.
    await q.query(`
      CREATE FUNCTION teachers_clear_import_digest() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF (${IMPORTED_COLUMNS.map((c) => `NEW.${c}`).join(', ')}) IS DISTINCT FROM
           (${IMPORTED_COLUMNS.map((c) => `OLD.${c}`).join(', ')}) THEN
          NEW.import_digest := NULL;
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER teachers_clear_import_digest BEFORE UPDATE ON teachers
      FOR EACH ROW WHEN (OLD.import_digest IS NOT NULL AND NEW.import_digest IS NOT DISTINCT FROM OLD.import_digest)
      EXECUTE FUNCTION teachers_clear_import_digest()`);

    await q.query(`
      CREATE TABLE teacher_imports (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        -- The importer's tenant: row-level security keeps an import within it.
        org_id uuid NOT NULL REFERENCES orgs(id),
        created_by uuid REFERENCES users(id),
        file_name text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 255),
        file_format text NOT NULL CHECK (file_format IN ('xlsx','csv')),
        file_encoding text,
        file_size int NOT NULL CHECK (file_size BETWEEN 1 AND 20971520),
        -- The upload, base64 then sealed (AES-256-GCM); cleared once the import is done.
        file_enc text CHECK (octet_length(file_enc) <= 40000000),
        header_row int NOT NULL CHECK (header_row >= 1),
        columns jsonb NOT NULL,
        status text NOT NULL DEFAULT 'mapping' CHECK (status IN ('mapping','queued','running','done','failed')),
        job_id text,
        attempts int NOT NULL DEFAULT 0,
        total int NOT NULL DEFAULT 0,
        processed int NOT NULL DEFAULT 0,
        created int NOT NULL DEFAULT 0,
        updated int NOT NULL DEFAULT 0,
        unchanged int NOT NULL DEFAULT 0,
        rejected int NOT NULL DEFAULT 0,
        -- Sealed JSON: per rejected row its number, the problems (column, code, zh/en reason) and its cells.
        rejects_enc text,
        error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        started_at timestamptz,
        finished_at timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now(),
        version int NOT NULL DEFAULT 1
      )`);
    await q.query(`CREATE INDEX teacher_imports_org_time ON teacher_imports (org_id, created_at DESC)`);
    await q.query(
      `CREATE INDEX teacher_imports_pending ON teacher_imports (status) WHERE status IN ('queued','running')`,
    );
    for (const sql of tenantRls('teacher_imports')) await q.query(sql);
    await q.query(`GRANT SELECT, INSERT, UPDATE ON teacher_imports TO ${APP_ROLE}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS teacher_imports`);
    await q.query(`DROP TRIGGER IF EXISTS teachers_clear_import_digest ON teachers`);
    await q.query(`DROP FUNCTION IF EXISTS teachers_clear_import_digest`);
    await q.query(`ALTER TABLE teachers DROP COLUMN IF EXISTS import_digest`);
  }
}
