import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE, tenantRls } from './rls';

const CATEGORIES = [
  'wage_arrears',
  'social_insurance_housing_fund',
  'termination_dismissal',
  'hours_leave',
  'appointment_title_evaluation',
  'discipline',
  'other',
];
const list = (xs: readonly string[]) => xs.map((x) => `'${x}'`).join(',');

/**
 * Legal aid and a case's sessions (issue 6).
 *
 * A roster entry (legal_aid_providers) belongs to the organisation that keeps it (org_id): the province
 * or a tenant union, whose scope sees and edits it through the usual tenant policy. The province lends
 * its entries to the unions it names in served_tenant_ids; a second, read-only policy lets a transaction
 * scoped exactly to one of those unions (its handlers and administrator) see the entry, so a union can
 * assign it without being able to change it, and a sibling union that is not served never sees it.
 *
 * Assignments and sessions belong to the case's union (org_id = the case's), like the case itself, so a
 * school's scope and other unions see none of them. Session participants and results are sealed by the
 * application (AES-256-GCM). Nothing is deleted: an assignment ends, an entry is deactivated.
 */
export class LegalAid1764820000000 implements MigrationInterface {
  name = 'LegalAid1764820000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE legal_aid_providers (
        id uuid PRIMARY KEY,
        org_id uuid NOT NULL REFERENCES orgs(id),
        kind text NOT NULL CHECK (kind IN ('lawyer','volunteer')),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
        organisation text CHECK (length(organisation) <= 200),
        licence_no text CHECK (length(licence_no) <= 50),
        phone_enc text,
        phone_masked text,
        specialties text[] NOT NULL DEFAULT '{}' CHECK (specialties <@ ARRAY[${list(CATEGORIES)}]::text[]),
        served_tenant_ids uuid[] NOT NULL DEFAULT '{}',
        active boolean NOT NULL DEFAULT true,
        created_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version int NOT NULL DEFAULT 1,
        CHECK ((phone_enc IS NULL) = (phone_masked IS NULL))
      )`);
    await q.query(`CREATE INDEX legal_aid_providers_org ON legal_aid_providers (org_id, name, id)`);
    await q.query(
      `CREATE INDEX legal_aid_providers_served ON legal_aid_providers USING gin (served_tenant_ids)`,
    );

    await q.query(`
      CREATE TABLE legal_aid_assignments (
        id uuid PRIMARY KEY,
        org_id uuid NOT NULL REFERENCES orgs(id),
        case_id uuid NOT NULL REFERENCES dispute_cases(id),
        provider_id uuid NOT NULL REFERENCES legal_aid_providers(id),
        provider_name text NOT NULL,
        provider_kind text NOT NULL CHECK (provider_kind IN ('lawyer','volunteer')),
        provider_organisation text,
        role text NOT NULL CHECK (role IN ('representation','consultation','assistance')),
        assigned_on date NOT NULL,
        ended_on date CHECK (ended_on >= assigned_on),
        minutes int NOT NULL DEFAULT 0 CHECK (minutes >= 0),
        cost_fen bigint NOT NULL DEFAULT 0 CHECK (cost_fen >= 0),
        notes text CHECK (length(notes) <= 1000),
        created_by uuid REFERENCES users(id),
        created_by_name text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version int NOT NULL DEFAULT 1
      )`);
    await q.query(
      `CREATE INDEX legal_aid_assignments_case ON legal_aid_assignments (case_id, assigned_on, id)`,
    );
    await q.query(`CREATE INDEX legal_aid_assignments_provider ON legal_aid_assignments (provider_id)`);
    // One running assignment of an entry per case; a new one once the last has ended.
    await q.query(`CREATE UNIQUE INDEX legal_aid_assignments_open ON legal_aid_assignments (case_id, provider_id)
      WHERE ended_on IS NULL`);

    await q.query(`
      CREATE TABLE dispute_case_sessions (
        id uuid PRIMARY KEY,
        org_id uuid NOT NULL REFERENCES orgs(id),
        case_id uuid NOT NULL REFERENCES dispute_cases(id),
        kind text NOT NULL CHECK (kind IN ('mediation_session','arbitration_hearing','court_hearing')),
        held_on date NOT NULL,
        starts_at time,
        place text CHECK (length(place) <= 200),
        participants_enc text,
        result_enc text,
        recorded_by uuid REFERENCES users(id),
        recorded_by_name text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version int NOT NULL DEFAULT 1
      )`);
    await q.query(
      `CREATE INDEX dispute_case_sessions_case ON dispute_case_sessions (case_id, held_on, starts_at, id)`,
    );

    for (const t of ['legal_aid_providers', 'legal_aid_assignments', 'dispute_case_sessions'])
      for (const sql of tenantRls(t)) await q.query(sql);
    // Permissive, so OR-ed with the owner's scope; SELECT only, so a served union reads and never writes.
    // Exactly the union's own scope: a school below it (a unit officer) is not served.
    await q.query(`CREATE POLICY legal_aid_providers_served ON legal_aid_providers FOR SELECT
      USING (served_tenant_ids && ARRAY(SELECT o.id FROM orgs o WHERE o.path = app_scope_path()))`);

    for (const t of ['legal_aid_providers', 'legal_aid_assignments', 'dispute_case_sessions'])
      await q.query(`GRANT SELECT, INSERT, UPDATE ON ${t} TO ${APP_ROLE}`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['dispute_case_sessions', 'legal_aid_assignments', 'legal_aid_providers'])
      await q.query(`DROP TABLE ${t}`);
  }
}
