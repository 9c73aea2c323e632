import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE, tenantRls } from './rls';

/**
 * Files kept with a care record (receipts, sign-in sheets, photos). They may show a teacher's health
 * or family circumstances, so the bytes are sealed like the registry's sensitive fields (base64, then
 * AES-256-GCM). org_id is the record's unit, for row-level security.
 */
export class CareAttachments1764600000000 implements MigrationInterface {
  name = 'CareAttachments1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE care_attachments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        record_id uuid NOT NULL REFERENCES care_records(id),
        org_id uuid NOT NULL REFERENCES orgs(id),
        file_name text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 255),
        content_type text NOT NULL,
        size int NOT NULL CHECK (size BETWEEN 1 AND 20971520),
        data_enc text NOT NULL,
        uploaded_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        deleted_at timestamptz,
        deleted_by uuid REFERENCES users(id),
        delete_reason text
      )`);
    await q.query(
      `CREATE INDEX care_attachments_record ON care_attachments (record_id) WHERE deleted_at IS NULL`,
    );
    for (const sql of tenantRls('care_attachments')) await q.query(sql);
    await q.query(`GRANT SELECT, INSERT, UPDATE ON care_attachments TO ${APP_ROLE}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE care_attachments`);
  }
}
