import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE, tenantRls } from './rls';

/**
 * The platform spine: the organisation tree, accounts, sessions, the audit log and platform settings.
 * Runs as the table owner; the application role gets only the privileges it needs.
 */
export class Spine1763800000000 implements MigrationInterface {
  name = 'Spine1763800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      DO $$ BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${APP_ROLE}') THEN
          CREATE ROLE ${APP_ROLE} NOLOGIN NOBYPASSRLS;
        END IF;
      END $$`);
    await q.query(`GRANT USAGE ON SCHEMA public TO ${APP_ROLE}`);

    // A request's scope is the materialised path of its organisation; an unset or empty scope sees nothing.
    await q.query(`
      CREATE FUNCTION app_scope_path() RETURNS text LANGUAGE sql STABLE AS
      $$ SELECT nullif(current_setting('app.scope_path', true), '') $$`);

    await q.query(`
      CREATE TABLE orgs (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        parent_id uuid REFERENCES orgs(id),
        path text COLLATE "C" NOT NULL UNIQUE,
        depth int NOT NULL,
        kind text NOT NULL CHECK (kind IN ('platform','province','city','county','university','school','department')),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
        code text,
        tenant_id uuid REFERENCES orgs(id),
        rural boolean NOT NULL DEFAULT false,
        active boolean NOT NULL DEFAULT true,
        settings jsonb NOT NULL DEFAULT '{}',
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX orgs_parent_code ON orgs (parent_id, code) WHERE code IS NOT NULL`);
    await q.query(`CREATE INDEX orgs_parent ON orgs (parent_id)`);
    await q.query(`CREATE INDEX orgs_tenant ON orgs (tenant_id)`);
    await q.query(`ALTER TABLE orgs ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE orgs FORCE ROW LEVEL SECURITY`);
    // A scope reads its subtree and the chain above it (names, kinds and settings of the county and
    // province a school belongs to; never a sibling). It writes only inside its subtree.
    await q.query(`
      CREATE POLICY orgs_read ON orgs FOR SELECT
        USING (starts_with(path, app_scope_path()) OR starts_with(app_scope_path(), path))`);
    await q.query(`CREATE POLICY orgs_insert ON orgs FOR INSERT WITH CHECK (starts_with(path, app_scope_path()))`);
    await q.query(`
      CREATE POLICY orgs_update ON orgs FOR UPDATE
        USING (starts_with(path, app_scope_path())) WITH CHECK (starts_with(path, app_scope_path()))`);

    await q.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        org_id uuid NOT NULL REFERENCES orgs(id),
        username text NOT NULL UNIQUE CHECK (username = lower(username)),
        display_name text NOT NULL,
        role text NOT NULL,
        password_hash text NOT NULL,
        must_change_password boolean NOT NULL DEFAULT true,
        password_changed_at timestamptz NOT NULL DEFAULT now(),
        status text NOT NULL DEFAULT 'active' CHECK (status IN ('active','disabled')),
        failed_logins int NOT NULL DEFAULT 0,
        locked_until timestamptz,
        totp_secret text,
        totp_pending_secret text,
        totp_enabled boolean NOT NULL DEFAULT false,
        totp_last_step bigint,
        last_login_at timestamptz,
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX users_org ON users (org_id)`);

    await q.query(`
      CREATE TABLE sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id),
        org_id uuid NOT NULL REFERENCES orgs(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        last_seen_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz,
        revoke_reason text,
        ip text,
        user_agent text
      )`);
    await q.query(`CREATE INDEX sessions_user ON sessions (user_id)`);

    // One row per refresh token ever issued; a used one presented again reveals theft (RFC 9700 §4.14).
    await q.query(`
      CREATE TABLE refresh_tokens (
        token_hash text PRIMARY KEY,
        session_id uuid NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
        org_id uuid NOT NULL REFERENCES orgs(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        used_at timestamptz
      )`);
    await q.query(`CREATE INDEX refresh_tokens_session ON refresh_tokens (session_id)`);

    await q.query(`
      CREATE TABLE audit_events (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        org_id uuid NOT NULL REFERENCES orgs(id),
        seq bigint NOT NULL,
        actor_id uuid,
        actor_name text,
        action text NOT NULL,
        target_type text,
        target_id text,
        before jsonb,
        after jsonb,
        request_id text,
        ip text,
        created_at timestamptz NOT NULL DEFAULT now(),
        prev_hash text NOT NULL,
        hash text NOT NULL,
        UNIQUE (org_id, seq)
      )`);
    await q.query(`CREATE INDEX audit_events_org_time ON audit_events (org_id, created_at DESC)`);
    await q.query(`CREATE INDEX audit_events_actor ON audit_events (actor_id, created_at DESC)`);
    await q.query(`CREATE INDEX audit_events_time ON audit_events (created_at DESC)`);
    await q.query(`
      CREATE FUNCTION audit_event_hash(e audit_events) RETURNS text LANGUAGE sql IMMUTABLE AS $$
        SELECT encode(sha256(convert_to(concat_ws('|',
          e.prev_hash, e.org_id, e.seq, e.actor_id, e.actor_name, e.action, e.target_type, e.target_id,
          e.before::text, e.after::text, e.request_id, e.ip,
          to_char(e.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US')
        ), 'UTF8')), 'hex')
      $$`);
    // Each organisation's events form a hash chain: seq and prev_hash are assigned here, under a lock
    // per organisation, so concurrent writers cannot fork the chain.
    await q.query(`
      CREATE FUNCTION audit_events_chain() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE last audit_events;
      BEGIN
        PERFORM pg_advisory_xact_lock(hashtextextended('audit:' || NEW.org_id::text, 0));
        SELECT * INTO last FROM audit_events WHERE org_id = NEW.org_id ORDER BY seq DESC LIMIT 1;
        NEW.seq := coalesce(last.seq, 0) + 1;
        NEW.prev_hash := coalesce(last.hash, repeat('0', 64));
        NEW.created_at := date_trunc('microseconds', clock_timestamp());
        NEW.hash := audit_event_hash(NEW);
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER audit_events_chain BEFORE INSERT ON audit_events
      FOR EACH ROW EXECUTE FUNCTION audit_events_chain()`);

    await q.query(`
      CREATE TABLE platform_settings (
        key text PRIMARY KEY,
        value jsonb NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);

    for (const table of ['users', 'sessions', 'refresh_tokens', 'audit_events']) {
      for (const sql of tenantRls(table)) await q.query(sql);
    }

    await q.query(`GRANT SELECT, INSERT, UPDATE ON orgs, users, platform_settings TO ${APP_ROLE}`);
    await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON sessions TO ${APP_ROLE}`);
    await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON refresh_tokens TO ${APP_ROLE}`);
    // The audit log is append-only for the application: no UPDATE, no DELETE.
    await q.query(`GRANT SELECT, INSERT ON audit_events TO ${APP_ROLE}`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['platform_settings', 'audit_events', 'refresh_tokens', 'sessions', 'users', 'orgs']) {
      await q.query(`DROP TABLE IF EXISTS ${t} CASCADE`);
    }
    await q.query(`DROP FUNCTION IF EXISTS audit_events_chain, audit_event_hash, app_scope_path`);
  }
}
