import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE, tenantRls } from './rls';

const RESULTS = `('compliant','finding','not_checked')`;
const check = (name: string) => `${name}_check text NOT NULL CHECK (${name}_check IN ${RESULTS}),
        ${name}_note text CHECK (length(${name}_note) <= 1000)`;

/**
 * Labour-law supervision visits to schools (劳动法律监督, issue 6). A visit belongs to the tenant union
 * that made it (org_id), so the union's scope (and the province above it) sees it, and the visited
 * school's own officers do not. The four checks are columns, so reports can count schools by check;
 * the findings are a small list kept with the visit. The status is stored (open / rectified /
 * no_findings) and the deadline is a plain date, so the reminder sweep finds open visits whose
 * rectify_by approaches with one index; 'overdue' is computed against today, never stored.
 * Findings are about the employer, not about a person, so they are not sealed.
 */
export class Supervision1764830000000 implements MigrationInterface {
  name = 'Supervision1764830000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE supervision_visits (
        id uuid PRIMARY KEY,
        org_id uuid NOT NULL REFERENCES orgs(id),
        school_id uuid NOT NULL REFERENCES orgs(id),
        school_ownership text NOT NULL CHECK (school_ownership IN ('public','private')),
        visited_on date NOT NULL,
        inspectors text[] NOT NULL CHECK (cardinality(inspectors) BETWEEN 1 AND 20),
        ${check('wages')},
        ${check('social_insurance')},
        ${check('housing_fund')},
        ${check('contracts')},
        findings jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(findings) = 'array'),
        rectify_by date,
        status text NOT NULL CHECK (status IN ('open','rectified','no_findings')),
        follow_up_result text CHECK (length(follow_up_result) <= 2000),
        rectified_on date,
        followed_up_at timestamptz,
        followed_up_by uuid REFERENCES users(id),
        followed_up_by_name text,
        created_by uuid NOT NULL REFERENCES users(id),
        created_by_name text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version int NOT NULL DEFAULT 1,
        -- A finding needs a deadline, and only a finding has one; neither deadline nor rectification
        -- comes before the visit.
        CHECK ((status = 'no_findings') = (jsonb_array_length(findings) = 0)),
        CHECK ((status = 'no_findings') = (rectify_by IS NULL)),
        CHECK ((status = 'rectified') = (rectified_on IS NOT NULL)),
        CHECK (rectify_by >= visited_on),
        CHECK (rectified_on >= visited_on)
      )`);
    await q.query(`CREATE INDEX supervision_visits_org ON supervision_visits (org_id, visited_on DESC, id)`);
    await q.query(
      `CREATE INDEX supervision_visits_school ON supervision_visits (school_id, visited_on DESC, id)`,
    );
    // The reminder sweep and the "due within N days" filter: open visits by deadline.
    await q.query(
      `CREATE INDEX supervision_visits_open_due ON supervision_visits (rectify_by, org_id) WHERE status = 'open'`,
    );
    for (const sql of tenantRls('supervision_visits')) await q.query(sql);
    // No DELETE: a visit is a record of what the union found; it is corrected, never erased.
    await q.query(`GRANT SELECT, INSERT, UPDATE ON supervision_visits TO ${APP_ROLE}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE supervision_visits`);
  }
}
