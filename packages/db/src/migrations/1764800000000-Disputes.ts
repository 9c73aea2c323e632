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
const STATES = [
  'submitted',
  'accepted',
  'declined',
  'mediation',
  'settled',
  'mediation_failed',
  'arbitration',
  'litigation',
  'closed',
  'withdrawn',
];
const list = (xs: readonly string[]) => xs.map((x) => `'${x}'`).join(',');

/** The teacher records linked to the transaction's user (a teacher account has at most one). */
const MY_TEACHERS = `SELECT t.id FROM teachers t
  WHERE t.linked_user_id::text = nullif(current_setting('app.user_id', true), '')`;

/**
 * Labour and personnel dispute cases (issue 6). A case belongs to the tenant union that handles it
 * (org_id), so the union's scope sees it and a school's scope — a school officer, whose school may be
 * the respondent — does not. Its applicant teacher sits at a school too: a second, narrower policy lets
 * the teacher linked to the transaction's user see and withdraw their own cases, and submit one for their
 * own union, without widening anyone's scope. Facts and claims are sealed by the application
 * (AES-256-GCM); events are append-only for the application role.
 */
export class Disputes1764800000000 implements MigrationInterface {
  name = 'Disputes1764800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE dispute_cases (
        id uuid PRIMARY KEY,
        org_id uuid NOT NULL REFERENCES orgs(id),
        category text NOT NULL CHECK (category IN (${list(CATEGORIES)})),
        respondent_kind text NOT NULL CHECK (respondent_kind IN ('registry_school','private_school','outside_employer')),
        respondent_org_id uuid REFERENCES orgs(id),
        respondent_name text NOT NULL CHECK (length(respondent_name) BETWEEN 1 AND 200),
        claimed_fen bigint NOT NULL DEFAULT 0 CHECK (claimed_fen >= 0),
        claims_enc text,
        facts_enc text NOT NULL,
        knew_on date NOT NULL,
        wage_arrears_ongoing boolean NOT NULL DEFAULT false,
        state text NOT NULL DEFAULT 'submitted' CHECK (state IN (${list(STATES)})),
        handler_id uuid REFERENCES users(id),
        submitted_by uuid NOT NULL REFERENCES users(id),
        mediator_name text,
        mediation_applied_on date,
        mediation_ended_on date,
        arbitration_applied_on date,
        arbitration_accepted_on date,
        award_extension_days int CHECK (award_extension_days BETWEEN 1 AND 15),
        award_on date,
        litigation_filed_on date,
        outcome text CHECK (outcome IN ('upheld','partly_upheld','dismissed','settled','other')),
        recovered_fen bigint CHECK (recovered_fen >= 0),
        closed_on date,
        custom_deadlines jsonb NOT NULL DEFAULT '[]',
        -- The earliest deadline still running, kept on every write for the list's filters (the due
        -- dates do not depend on today; only days left and 'passed' do).
        next_due_on date,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version int NOT NULL DEFAULT 1,
        CHECK ((respondent_kind = 'registry_school') = (respondent_org_id IS NOT NULL)),
        CHECK ((state = 'closed') = (outcome IS NOT NULL AND recovered_fen IS NOT NULL))
      )`);
    await q.query(
      `CREATE INDEX dispute_cases_org_state ON dispute_cases (org_id, state, created_at DESC, id)`,
    );
    await q.query(
      `CREATE INDEX dispute_cases_next_due ON dispute_cases (org_id, next_due_on) WHERE next_due_on IS NOT NULL`,
    );
    await q.query(
      `CREATE INDEX dispute_cases_handler ON dispute_cases (handler_id) WHERE handler_id IS NOT NULL`,
    );

    await q.query(`
      CREATE TABLE dispute_case_applicants (
        case_id uuid NOT NULL REFERENCES dispute_cases(id),
        teacher_id uuid NOT NULL REFERENCES teachers(id),
        org_id uuid NOT NULL REFERENCES orgs(id),
        PRIMARY KEY (case_id, teacher_id)
      )`);
    await q.query(`CREATE INDEX dispute_case_applicants_teacher ON dispute_case_applicants (teacher_id)`);

    await q.query(`
      CREATE TABLE dispute_case_events (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES dispute_cases(id),
        org_id uuid NOT NULL REFERENCES orgs(id),
        actor_id uuid REFERENCES users(id),
        actor_name text,
        action text NOT NULL,
        from_state text CHECK (from_state IN (${list(STATES)})),
        to_state text NOT NULL CHECK (to_state IN (${list(STATES)})),
        reason text,
        details jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT clock_timestamp()
      )`);
    await q.query(`CREATE INDEX dispute_case_events_case ON dispute_case_events (case_id, created_at, id)`);

    for (const t of ['dispute_cases', 'dispute_case_applicants', 'dispute_case_events'])
      for (const sql of tenantRls(t)) await q.query(sql);

    // The applicant teacher's own rows (permissive: OR-ed with the tenant policy). The applicants table
    // is read through its own policy, so the case's policy sees only the caller's applications.
    const myCase = (col: string) =>
      `${col} IN (SELECT a.case_id FROM dispute_case_applicants a WHERE a.teacher_id IN (${MY_TEACHERS}))`;
    await q.query(`CREATE POLICY dispute_case_applicants_self ON dispute_case_applicants
      USING (teacher_id IN (${MY_TEACHERS})) WITH CHECK (teacher_id IN (${MY_TEACHERS}))`);
    await q.query(
      `CREATE POLICY dispute_cases_applicant ON dispute_cases FOR SELECT USING (${myCase('id')})`,
    );
    await q.query(`CREATE POLICY dispute_cases_applicant_update ON dispute_cases FOR UPDATE
      USING (${myCase('id')}) WITH CHECK (${myCase('id')})`);
    // A teacher submits for their own union only, in the state a submission starts in.
    await q.query(`CREATE POLICY dispute_cases_applicant_submit ON dispute_cases FOR INSERT
      WITH CHECK (state = 'submitted' AND submitted_by::text = current_setting('app.user_id', true)
        AND org_id IN (SELECT t.tenant_id FROM teachers t WHERE t.id IN (${MY_TEACHERS})))`);
    await q.query(`CREATE POLICY dispute_case_events_applicant ON dispute_case_events
      USING (${myCase('case_id')}) WITH CHECK (${myCase('case_id')})`);

    await q.query(`GRANT SELECT, INSERT, UPDATE ON dispute_cases TO ${APP_ROLE}`);
    await q.query(`GRANT SELECT, INSERT ON dispute_case_applicants TO ${APP_ROLE}`);
    // Append-only: the timeline is the record of who moved the case, when and why.
    await q.query(`GRANT SELECT, INSERT ON dispute_case_events TO ${APP_ROLE}`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['dispute_case_events', 'dispute_case_applicants', 'dispute_cases'])
      await q.query(`DROP TABLE ${t}`);
  }
}
