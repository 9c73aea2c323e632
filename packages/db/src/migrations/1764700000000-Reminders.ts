import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE, tenantRls } from './rls';

/**
 * The columns an import writes, as of this migration: the digest trigger of TeacherImports listed those
 * of its day; position_since and birthday_calendar came later and count as edits too.
 */
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
  'position_since',
  'birthday_calendar',
];

const digestTrigger = (columns: readonly string[]) => `
  CREATE OR REPLACE FUNCTION teachers_clear_import_digest() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    IF (${columns.map((c) => `NEW.${c}`).join(', ')}) IS DISTINCT FROM (${columns.map((c) => `OLD.${c}`).join(', ')}) THEN
      NEW.import_digest := NULL;
    END IF;
    RETURN NEW;
  END $$`;

/** Renames a stored template's reminder offsets (negative = before) to lead days (≥ 0, before). */
function leadDaysOf(doc: {
  areas?: { measures?: { reminderRules?: Record<string, unknown>[] }[] }[];
}): unknown {
  for (const area of doc.areas ?? [])
    for (const measure of area.measures ?? [])
      measure.reminderRules = (measure.reminderRules ?? []).map(({ offsetDays, ...rule }) =>
        'leadDays' in rule ? rule : { ...rule, leadDays: Math.max(0, -Number(offsetDays ?? 0)) },
      );
  return doc;
}

/**
 * Reminders and notifications (issue 5). Postgres holds everything that must not be lost: a reminder
 * is a row keyed by rule, subject and occurrence (so evaluating a day twice, or two workers at once,
 * create nothing twice); a notification is a row per recipient and round, and each external channel's
 * delivery a row of its own (the outbox) that jobs only point at.
 */
export class Reminders1764700000000 implements MigrationInterface {
  name = 'Reminders1764700000000';

  async up(q: QueryRunner): Promise<void> {
    for (const [table, column] of [
      ['programme_templates', 'draft'],
      ['programme_versions', 'document'],
    ] as const) {
      const rows: { id: string; doc: object }[] = await q.query(`SELECT id, ${column} AS doc FROM ${table}`);
      for (const r of rows)
        await q.query(`UPDATE ${table} SET ${column} = $2 WHERE id = $1`, [
          r.id,
          JSON.stringify(leadDaysOf(r.doc)),
        ]);
    }

    // Many teachers keep their birthday by the lunar calendar (DOMAIN: care moments).
    await q.query(
      `ALTER TABLE teachers ADD COLUMN birthday_calendar text NOT NULL DEFAULT 'solar' CHECK (birthday_calendar IN ('solar','lunar'))`,
    );
    // An officer's edit of an imported record clears its digest, so re-importing the old file restores it.
    await q.query(digestTrigger(IMPORTED_COLUMNS));
    await q.query(`ALTER TABLE care_records ADD COLUMN follow_up_on date`);
    await q.query(
      `CREATE INDEX care_records_follow_up ON care_records (tenant_id, follow_up_on) WHERE follow_up_on IS NOT NULL AND deleted_at IS NULL`,
    );
    // Per rule: on/off, lead time and audience overrides; plus rules the tenant adds itself.
    await q.query(`ALTER TABLE programmes ADD COLUMN reminder_settings jsonb NOT NULL DEFAULT '{}'`);
    await q.query(`ALTER TABLE programmes ADD COLUMN reminders_version int NOT NULL DEFAULT 1`);

    await q.query(`
      CREATE TABLE reminders (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES orgs(id),
        org_id uuid NOT NULL REFERENCES orgs(id),
        programme_id uuid REFERENCES programmes(id),
        rule_key text NOT NULL,
        subject_kind text NOT NULL CHECK (subject_kind IN ('teacher','org','care_record','case')),
        subject_id uuid NOT NULL,
        teacher_id uuid REFERENCES teachers(id),
        occurs_on date NOT NULL,
        due_on date NOT NULL CHECK (due_on <= occurs_on),
        title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
        detail jsonb NOT NULL DEFAULT '{}',
        activity_type text,
        audience text NOT NULL,
        role text,
        status text NOT NULL DEFAULT 'open' CHECK (status IN ('open','snoozed','done','dismissed')),
        snoozed_until date,
        round int NOT NULL DEFAULT 1,
        notified_round int NOT NULL DEFAULT 0,
        resolved_by uuid REFERENCES users(id),
        resolved_at timestamptz,
        dismiss_reason text CHECK (dismiss_reason IS NULL OR length(dismiss_reason) <= 200),
        care_record_id uuid REFERENCES care_records(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version int NOT NULL DEFAULT 1,
        CHECK ((status = 'snoozed') = (snoozed_until IS NOT NULL)),
        UNIQUE (tenant_id, rule_key, subject_kind, subject_id, occurs_on)
      )`);
    await q.query(`CREATE INDEX reminders_tenant_due ON reminders (tenant_id, due_on DESC, id)`);
    await q.query(`CREATE INDEX reminders_org_status ON reminders (org_id, status, due_on)`);
    await q.query(`CREATE INDEX reminders_teacher ON reminders (teacher_id) WHERE teacher_id IS NOT NULL`);
    await q.query(
      `CREATE INDEX reminders_to_notify ON reminders (tenant_id, due_on) WHERE status = 'open' AND notified_round < round`,
    );
    await q.query(
      `CREATE INDEX reminders_snoozed ON reminders (tenant_id, snoozed_until) WHERE status = 'snoozed'`,
    );
    for (const sql of tenantRls('reminders')) await q.query(sql);
    await q.query(`GRANT SELECT, INSERT, UPDATE ON reminders TO ${APP_ROLE}`);

    // One row per tenant and day evaluated: the reconcile on worker start finds the days not yet run.
    await q.query(`
      CREATE TABLE reminder_runs (
        org_id uuid NOT NULL REFERENCES orgs(id),
        day date NOT NULL,
        status text NOT NULL CHECK (status IN ('running','done','failed')),
        started_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz,
        created int NOT NULL DEFAULT 0,
        notified int NOT NULL DEFAULT 0,
        error text,
        PRIMARY KEY (org_id, day)
      )`);
    for (const sql of tenantRls('reminder_runs')) await q.query(sql);
    await q.query(`GRANT SELECT, INSERT, UPDATE ON reminder_runs TO ${APP_ROLE}`);

    // The in-app inbox. org_id is the recipient's organisation (row-level security); only the recipient
    // (or a job, which runs as no user) sees a notification.
    await q.query(`
      CREATE TABLE notifications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id),
        org_id uuid NOT NULL REFERENCES orgs(id),
        kind text NOT NULL CHECK (kind IN ('reminder','digest')),
        reminder_id uuid REFERENCES reminders(id),
        round int,
        digest_day date,
        title text NOT NULL,
        body text NOT NULL DEFAULT '',
        link text,
        read_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((kind = 'reminder') = (reminder_id IS NOT NULL AND round IS NOT NULL)),
        CHECK ((kind = 'digest') = (digest_day IS NOT NULL))
      )`);
    await q.query(
      `CREATE UNIQUE INDEX notifications_once ON notifications (reminder_id, user_id, round) WHERE kind = 'reminder'`,
    );
    await q.query(
      `CREATE UNIQUE INDEX notifications_digest_once ON notifications (user_id, digest_day) WHERE kind = 'digest'`,
    );
    await q.query(`CREATE INDEX notifications_inbox ON notifications (user_id, created_at DESC, id)`);
    await q.query(`CREATE INDEX notifications_unread ON notifications (user_id) WHERE read_at IS NULL`);
    for (const sql of tenantRls('notifications')) await q.query(sql);
    await q.query(`
      CREATE POLICY notifications_recipient ON notifications AS RESTRICTIVE
      USING (coalesce(current_setting('app.user_id', true), '') IN ('', user_id::text))`);
    await q.query(`GRANT SELECT, INSERT, UPDATE ON notifications TO ${APP_ROLE}`);

    // The outbox of external channels: one row per notification and channel, delivered by a job that
    // carries only its id; 'dead' after the last attempt, with the reason, until an admin retries it.
    await q.query(`
      CREATE TABLE notification_deliveries (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        notification_id uuid NOT NULL REFERENCES notifications(id),
        user_id uuid NOT NULL REFERENCES users(id),
        org_id uuid NOT NULL REFERENCES orgs(id),
        channel text NOT NULL CHECK (channel IN ('email','wecom','dingtalk')),
        -- The notification's title, for the dead-letter list: an admin does not read others' inboxes.
        title text NOT NULL,
        -- 'sending': claimed by an attempt until sending_until; found so afterwards, the attempt died
        -- between the far end and its commit, so whether it arrived is unknown: a dead letter, not a resend.
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','sending','sent','dead')),
        sending_until timestamptz,
        attempts int NOT NULL DEFAULT 0,
        last_error text,
        not_before timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz,
        dead_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (notification_id, channel)
      )`);
    await q.query(
      `CREATE INDEX notification_deliveries_pending ON notification_deliveries (not_before) WHERE status IN ('pending','sending')`,
    );
    await q.query(
      `CREATE INDEX notification_deliveries_dead ON notification_deliveries (org_id, dead_at DESC) WHERE status = 'dead'`,
    );
    for (const sql of tenantRls('notification_deliveries')) await q.query(sql);
    await q.query(`GRANT SELECT, INSERT, UPDATE ON notification_deliveries TO ${APP_ROLE}`);

    // A user's channels. Webhook addresses carry the robot's key and the DingTalk secret signs
    // requests: both sealed like the registry's sensitive fields.
    await q.query(`
      CREATE TABLE notification_preferences (
        user_id uuid PRIMARY KEY REFERENCES users(id),
        org_id uuid NOT NULL REFERENCES orgs(id),
        channels text[] NOT NULL DEFAULT '{}' CHECK (channels <@ ARRAY['email','wecom','dingtalk']::text[]),
        email text,
        wecom_webhook_enc text,
        dingtalk_webhook_enc text,
        dingtalk_secret_enc text,
        quiet_start time,
        quiet_end time,
        digest boolean NOT NULL DEFAULT false,
        updated_at timestamptz NOT NULL DEFAULT now(),
        version int NOT NULL DEFAULT 1,
        CHECK ((quiet_start IS NULL) = (quiet_end IS NULL))
      )`);
    for (const sql of tenantRls('notification_preferences')) await q.query(sql);
    await q.query(`GRANT SELECT, INSERT, UPDATE ON notification_preferences TO ${APP_ROLE}`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of [
      'notification_preferences',
      'notification_deliveries',
      'notifications',
      'reminder_runs',
      'reminders',
    ])
      await q.query(`DROP TABLE ${t}`);
    await q.query(`ALTER TABLE programmes DROP COLUMN reminder_settings, DROP COLUMN reminders_version`);
    await q.query(
      digestTrigger(IMPORTED_COLUMNS.filter((c) => c !== 'position_since' && c !== 'birthday_calendar')),
    );
    await q.query(`ALTER TABLE care_records DROP COLUMN follow_up_on`);
    await q.query(`ALTER TABLE teachers DROP COLUMN birthday_calendar`);
  }
}
