import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE, tenantRls } from './rls';

/**
 * Requests around a teacher's record: corrections a teacher asks for (seen by the officers of their
 * school and tenant), and transfers to another union, which both the sending and the receiving
 * union must see — so that table's policy admits either side.
 */
export class TeacherRequests1764100000000 implements MigrationInterface {
  name = 'TeacherRequests1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE teacher_corrections (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        org_id uuid NOT NULL REFERENCES orgs(id),
        teacher_id uuid NOT NULL REFERENCES teachers(id),
        requested_by uuid NOT NULL REFERENCES users(id),
        field text NOT NULL,
        proposed_enc text NOT NULL,
        proposed_shown text NOT NULL,
        note text,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','accepted','rejected')),
        resolution text,
        resolved_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        resolved_at timestamptz,
        version int NOT NULL DEFAULT 1
      )`);
    await q.query(`CREATE INDEX teacher_corrections_org ON teacher_corrections (org_id, status, created_at DESC)`);
    await q.query(`CREATE INDEX teacher_corrections_teacher ON teacher_corrections (teacher_id)`);
    for (const sql of tenantRls('teacher_corrections')) await q.query(sql);
    await q.query(`GRANT SELECT, INSERT, UPDATE ON teacher_corrections TO ${APP_ROLE}`);

    await q.query(`
      CREATE TABLE tenant_transfers (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        teacher_id uuid NOT NULL REFERENCES teachers(id),
        from_tenant_id uuid NOT NULL REFERENCES orgs(id),
        to_tenant_id uuid NOT NULL REFERENCES orgs(id),
        to_org_id uuid REFERENCES orgs(id),
        on_date date NOT NULL,
        note text,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','accepted','rejected','cancelled')),
        teacher_name text NOT NULL,
        sex text NOT NULL,
        birth_date date NOT NULL,
        id_number_masked text NOT NULL,
        from_tenant_name text NOT NULL,
        to_tenant_name text NOT NULL,
        reason text,
        created_by uuid NOT NULL REFERENCES users(id),
        decided_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        decided_at timestamptz,
        CHECK (from_tenant_id <> to_tenant_id)
      )`);
    await q.query(`CREATE UNIQUE INDEX tenant_transfers_one_pending ON tenant_transfers (teacher_id) WHERE status = 'pending'`);
    await q.query(`CREATE INDEX tenant_transfers_to ON tenant_transfers (to_tenant_id, status)`);
    await q.query(`CREATE INDEX tenant_transfers_from ON tenant_transfers (from_tenant_id, status)`);
    const side = (col: string) => `${col} IN (SELECT o.id FROM orgs o WHERE starts_with(o.path, app_scope_path()))`;
    await q.query(`ALTER TABLE tenant_transfers ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE tenant_transfers FORCE ROW LEVEL SECURITY`);
    await q.query(`CREATE POLICY tenant_transfers_either_side ON tenant_transfers
      USING (${side('from_tenant_id')} OR ${side('to_tenant_id')})
      WITH CHECK (${side('from_tenant_id')} OR ${side('to_tenant_id')})`);
    await q.query(`GRANT SELECT, INSERT, UPDATE ON tenant_transfers TO ${APP_ROLE}`);

    // The unions a teacher can be sent to: names only, across the platform. The SET clause widens the
    // scope for this call alone; nothing but ids, names and kinds leaves it.
    await q.query(`
      CREATE FUNCTION tenant_directory() RETURNS TABLE (id uuid, name text, kind text, parent_name text)
      LANGUAGE sql STABLE SET app.scope_path = '/' AS $$
        SELECT o.id, o.name, o.kind, p.name FROM orgs o JOIN orgs p ON p.id = o.parent_id
        WHERE o.kind IN ('city', 'county', 'university') AND o.active ORDER BY p.name, o.name
      $$`);
    // Accepting moves a record the receiving union cannot see yet: this function does exactly that
    // move and the sending union's audit event, in the caller's transaction, and nothing else.
    await q.query(`
      CREATE FUNCTION accept_tenant_transfer(transfer uuid, to_org uuid, actor uuid, actor_name text)
      RETURNS void LANGUAGE plpgsql SET app.scope_path = '/' AS $$
      DECLARE tr tenant_transfers; dest orgs;
      BEGIN
        SELECT * INTO tr FROM tenant_transfers WHERE id = transfer AND status = 'pending' FOR UPDATE;
        IF NOT FOUND THEN RAISE EXCEPTION 'transfer % is not pending', transfer USING ERRCODE = 'P0002'; END IF;
        SELECT * INTO dest FROM orgs WHERE id = to_org AND tenant_id = tr.to_tenant_id AND kind IN ('school', 'department') AND active;
        IF NOT FOUND THEN RAISE EXCEPTION 'organisation % cannot receive this teacher', to_org USING ERRCODE = 'P0003'; END IF;
        UPDATE teachers SET
          postings = (SELECT coalesce(jsonb_agg(CASE WHEN p->>'to' IS NULL
                        THEN jsonb_set(p, '{to}', to_jsonb((tr.on_date - 1)::text)) ELSE p END), '[]'::jsonb)
                      FROM jsonb_array_elements(postings) p)
                    || jsonb_build_array(jsonb_build_object('orgId', dest.id, 'orgName', dest.name,
                         'from', tr.on_date::text, 'to', NULL, 'rural', dest.rural)),
          org_id = dest.id, tenant_id = tr.to_tenant_id, joined_school_on = tr.on_date,
          linked_user_id = NULL, version = version + 1, updated_at = now()
        WHERE id = tr.teacher_id;
        UPDATE tenant_transfers SET status = 'accepted', to_org_id = dest.id, decided_by = actor, decided_at = now()
        WHERE id = transfer;
        INSERT INTO audit_events (org_id, actor_id, actor_name, action, target_type, target_id, after)
        VALUES (tr.from_tenant_id, actor, actor_name, 'teacher.transferred_out', 'teacher', tr.teacher_id::text,
                jsonb_build_object('transferId', transfer, 'toTenantId', tr.to_tenant_id, 'on', tr.on_date));
      END $$`);
    await q.query(`REVOKE ALL ON FUNCTION tenant_directory(), accept_tenant_transfer(uuid, uuid, uuid, text) FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION tenant_directory(), accept_tenant_transfer(uuid, uuid, uuid, text) TO ${APP_ROLE}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION IF EXISTS accept_tenant_transfer(uuid, uuid, uuid, text), tenant_directory()`);
    await q.query(`DROP TABLE IF EXISTS tenant_transfers`);
    await q.query(`DROP TABLE IF EXISTS teacher_corrections`);
  }
}
