import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE, tenantRls } from './rls';

const KINDS = ['evidence', 'agreement', 'award', 'judgment', 'other'];
const TYPES = [
  'application/pdf',
  'image/jpeg',
  'image/png',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
];
const list = (xs: readonly string[]) => xs.map((x) => `'${x}'`).join(',');

/** The cases whose applicants include the teacher linked to the transaction's user (as in Disputes). */
const MY_CASES = `SELECT a.case_id FROM dispute_case_applicants a WHERE a.teacher_id IN (
  SELECT t.id FROM teachers t WHERE t.linked_user_id::text = nullif(current_setting('app.user_id', true), ''))`;

/**
 * Evidence and documents of a dispute case (issue 6). The bytes live sealed (AES-256-GCM) in the file
 * store under a random key; the row holds what is needed to list them and to check them on the way out
 * (sha256 of the clear content). org_id is the case's tenant union, as on dispute_cases.
 *
 * Besides the tenant policy, the applicant teacher may read the live documents of their own case that are
 * shared with them, and add evidence to it (shared by definition, uploaded by themselves). Rows are never
 * deleted by the application: a removal marks the row and deletes the stored object.
 */
export class CaseDocuments1764810000000 implements MigrationInterface {
  name = 'CaseDocuments1764810000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE case_documents (
        id uuid PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES dispute_cases(id),
        org_id uuid NOT NULL REFERENCES orgs(id),
        kind text NOT NULL CHECK (kind IN (${list(KINDS)})),
        file_name text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 255),
        content_type text NOT NULL CHECK (content_type IN (${list(TYPES)})),
        size int NOT NULL CHECK (size BETWEEN 1 AND 20971520),
        sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        store_key text NOT NULL UNIQUE,
        shared_with_applicant boolean NOT NULL DEFAULT false,
        by_applicant boolean NOT NULL DEFAULT false,
        uploaded_by uuid NOT NULL REFERENCES users(id),
        -- Kept as written: the teacher's view cannot read the handlers' user rows.
        uploaded_by_name text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        deleted_at timestamptz,
        deleted_by uuid REFERENCES users(id),
        CHECK (NOT by_applicant OR (kind = 'evidence' AND shared_with_applicant))
      )`);
    await q.query(
      `CREATE INDEX case_documents_case ON case_documents (case_id, created_at) WHERE deleted_at IS NULL`,
    );
    for (const sql of tenantRls('case_documents')) await q.query(sql);
    await q.query(`CREATE POLICY case_documents_applicant ON case_documents FOR SELECT
      USING (shared_with_applicant AND deleted_at IS NULL AND case_id IN (${MY_CASES}))`);
    await q.query(`CREATE POLICY case_documents_applicant_add ON case_documents FOR INSERT
      WITH CHECK (by_applicant AND kind = 'evidence' AND shared_with_applicant
        AND uploaded_by::text = current_setting('app.user_id', true)
        AND case_id IN (${MY_CASES})
        AND org_id = (SELECT c.org_id FROM dispute_cases c WHERE c.id = case_id))`);
    await q.query(`GRANT SELECT, INSERT, UPDATE ON case_documents TO ${APP_ROLE}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE case_documents`);
  }
}
