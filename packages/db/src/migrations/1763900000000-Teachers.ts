import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE, tenantRls } from './rls';

/**
 * The teacher registry. One row per teacher, owned by their current school (org_id) within a tenant.
 * Sensitive columns hold AES-256-GCM ciphertext written by the application; the ID number also has a
 * keyed hash for exact lookup and its masked form for lists. Titles, postings, honours and family
 * links are small per-teacher lists, kept as jsonb on the row.
 */
export class Teachers1763900000000 implements MigrationInterface {
  name = 'Teachers1763900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE teachers (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        org_id uuid NOT NULL REFERENCES orgs(id),
        tenant_id uuid NOT NULL REFERENCES orgs(id),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
        sex text NOT NULL CHECK (sex IN ('male','female')),
        birth_date date NOT NULL,
        id_number_enc text NOT NULL,
        id_number_hash text NOT NULL,
        id_number_masked text NOT NULL,
        phone_enc text,
        phone_masked text,
        address_enc text,
        address_masked text,
        health_note_enc text,
        ethnicity text,
        political_status text,
        marital_status text,
        employment_type text NOT NULL,
        position text NOT NULL,
        subject text,
        stage text NOT NULL,
        title text,
        titles jsonb NOT NULL DEFAULT '[]',
        teaching_since date NOT NULL,
        joined_school_on date NOT NULL,
        postings jsonb NOT NULL DEFAULT '[]',
        backbone boolean NOT NULL DEFAULT false,
        honours jsonb NOT NULL DEFAULT '[]',
        family jsonb NOT NULL DEFAULT '[]',
        union_joined_on date,
        union_status text NOT NULL DEFAULT 'member',
        retirement_category text NOT NULL DEFAULT 'cadre',
        retirement_date date NOT NULL,
        status text NOT NULL DEFAULT 'active' CHECK (status IN ('active','retired','transferred_out','deceased')),
        status_since date,
        tags text[] NOT NULL DEFAULT '{}',
        notes text,
        linked_user_id uuid REFERENCES users(id),
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // One record per person per tenant; a re-import with a known ID number updates it.
    await q.query(`CREATE UNIQUE INDEX teachers_tenant_id_number ON teachers (tenant_id, id_number_hash)`);
    await q.query(`CREATE INDEX teachers_org ON teachers (org_id)`);
    await q.query(`CREATE INDEX teachers_tenant_name ON teachers (tenant_id, name, id)`);
    await q.query(`CREATE INDEX teachers_tenant_retirement ON teachers (tenant_id, retirement_date)`);
    await q.query(`CREATE INDEX teachers_tenant_birth ON teachers (tenant_id, birth_date)`);
    await q.query(`CREATE INDEX teachers_tags ON teachers USING gin (tags)`);
    await q.query(`CREATE UNIQUE INDEX teachers_linked_user ON teachers (linked_user_id) WHERE linked_user_id IS NOT NULL`);
    for (const sql of tenantRls('teachers')) await q.query(sql);
    await q.query(`GRANT SELECT, INSERT, UPDATE ON teachers TO ${APP_ROLE}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS teachers`);
  }
}
