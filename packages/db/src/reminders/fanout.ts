// From due reminders to notifications: one in-app row per recipient and round, and one outbox row per
// external channel the recipient chose. All in one statement per batch, so a process killed half-way
// leaves a batch either done or untouched, and the unique keys make a second pass a no-op.
import type { EntityManager } from 'typeorm';
import type { IsoDate } from '@guanai/domain';

export const FANOUT_BATCH = 2000;

/** An outbox row to hand to the delivery queue, not before the recipient's quiet hours end. */
export interface PendingDelivery {
  id: string;
  notBefore: Date;
}

/**
 * The instant a message may go out to a user with quiet hours [qs, qe) in the tenant's zone: now, or
 * the end of the quiet hours it falls in (which may be tomorrow morning for 22:00–07:00).
 */
const notBefore = (tz: string) => `(CASE
  WHEN np.quiet_start IS NULL THEN now()
  WHEN (CASE WHEN np.quiet_start < np.quiet_end
             THEN (now() AT TIME ZONE '${tz}')::time >= np.quiet_start AND (now() AT TIME ZONE '${tz}')::time < np.quiet_end
             ELSE (now() AT TIME ZONE '${tz}')::time >= np.quiet_start OR (now() AT TIME ZONE '${tz}')::time < np.quiet_end END)
  THEN ((CASE WHEN (now() AT TIME ZONE '${tz}')::time < np.quiet_end
              THEN (now() AT TIME ZONE '${tz}')::date ELSE (now() AT TIME ZONE '${tz}')::date + 1 END) + np.quiet_end)
       AT TIME ZONE '${tz}'
  ELSE now() END)`;

/** Who a reminder goes to: by audience; a school without a union officer falls back to the tenant's. */
const RECIPIENTS = `
  SELECT u.id, u.org_id FROM users u
   WHERE u.status = 'active' AND (
         (d.audience = 'school_officer' AND u.role = 'unit_officer' AND u.org_id = d.org_id)
      OR (d.audience IN ('tenant_officer', 'school_officer') AND u.role = 'tenant_admin' AND u.org_id = $1
          AND (d.audience = 'tenant_officer' OR NOT EXISTS (
            SELECT 1 FROM users x WHERE x.role = 'unit_officer' AND x.status = 'active' AND x.org_id = d.org_id)))
      OR (d.audience = 'role' AND u.role = d.role)
      OR (d.audience = 'teacher' AND u.id = (SELECT linked_user_id FROM teachers WHERE id = d.teacher_id))
      OR (d.audience = 'case_handler' AND (u.id = d.handler_id
          OR (NOT EXISTS (SELECT 1 FROM users h WHERE h.id = d.handler_id AND h.status = 'active')
              AND u.org_id = $1 AND u.role IN ('tenant_admin', 'case_handler')))))`;

/** The handler of the case a reminder is about. */
const HANDLER = `CASE r.subject_kind
    WHEN 'case' THEN (SELECT c.handler_id FROM dispute_cases c WHERE c.id = r.subject_id)
  END`;

/**
 * Where a notification leads: the case itself for a case (its handler may not read reminders), the
 * school's supervision visits for a rectification deadline, else the reminder.
 */
const LINK = `CASE subject_kind
    WHEN 'case' THEN '/cases/' || subject_id
    WHEN 'supervision_visit' THEN '/supervision?schoolId=' || reminder_org_id
    ELSE '/reminders?id=' || reminder_id END`;

export function assertTimeZoneLiteral(tz: string): string {
  // The zone is interpolated into SQL: only IANA-shaped names pass (they were validated on save too).
  if (!/^[A-Za-z_]+(?:\/[A-Za-z0-9_+-]+)*$/.test(tz)) throw new RangeError(`bad time zone ${tz}`);
  return tz;
}

/** Notifies one batch of due, un-notified reminders; returns how many reminders and the new outbox rows. */
export async function fanOutBatch(
  em: EntityManager,
  tenantId: string,
  today: IsoDate,
  timeZone: string,
): Promise<{ reminders: number; notifications: number; deliveries: PendingDelivery[] }> {
  const tz = assertTimeZoneLiteral(timeZone);
  const [result]: {
    reminders: number;
    notifications: number;
    deliveries: { id: string; not_before: string }[] | null;
  }[] = await em.query(
    `WITH due AS (
         SELECT r.id, r.org_id, r.round, r.title, r.audience, r.role, r.teacher_id, r.occurs_on,
                r.subject_kind, r.subject_id, ${HANDLER} AS handler_id
           FROM reminders r
          WHERE r.tenant_id = $1 AND r.status = 'open' AND r.notified_round < r.round AND r.due_on <= $2
          ORDER BY r.due_on, r.id LIMIT ${FANOUT_BATCH}
          FOR UPDATE SKIP LOCKED),
       recipients AS (
         SELECT d.id AS reminder_id, d.round, d.title, d.occurs_on, d.subject_kind, d.subject_id,
                d.org_id AS reminder_org_id, u.id AS user_id, u.org_id
           FROM due d CROSS JOIN LATERAL (${RECIPIENTS}) u),
       ins AS (
         INSERT INTO notifications (user_id, org_id, kind, reminder_id, round, title, body, link)
         SELECT user_id, org_id, 'reminder', reminder_id, round, title,
                '日期：' || to_char(occurs_on, 'YYYY-MM-DD'), ${LINK}
           FROM recipients
         ON CONFLICT (reminder_id, user_id, round) WHERE kind = 'reminder' DO NOTHING
         RETURNING id, user_id, org_id, title),
       deliv AS (
         INSERT INTO notification_deliveries (notification_id, user_id, org_id, channel, title, not_before)
         SELECT i.id, i.user_id, i.org_id, ch, i.title, ${notBefore(tz)}
           FROM ins i JOIN notification_preferences np ON np.user_id = i.user_id AND NOT np.digest
           CROSS JOIN LATERAL unnest(np.channels) ch
         RETURNING id, not_before),
       marked AS (
         UPDATE reminders r SET notified_round = d.round FROM due d WHERE r.id = d.id RETURNING 1)
       SELECT (SELECT count(*) FROM marked)::int AS reminders, (SELECT count(*) FROM ins)::int AS notifications,
              (SELECT json_agg(json_build_object('id', id, 'not_before', not_before)) FROM deliv) AS deliveries`,
    [tenantId, today],
  );
  return {
    reminders: result!.reminders,
    notifications: result!.notifications,
    deliveries: (result!.deliveries ?? []).map((d) => ({ id: d.id, notBefore: new Date(d.not_before) })),
  };
}

/**
 * The daily digest: for each user of the tenant who asked for one, a single notification listing the
 * reminders they received today, sent on their channels. Once per user and day.
 */
export async function writeDigests(
  em: EntityManager,
  today: IsoDate,
  timeZone: string,
): Promise<PendingDelivery[]> {
  const tz = assertTimeZoneLiteral(timeZone);
  const rows: { id: string; not_before: string }[] = await em.query(
    `WITH today AS (
       SELECT n.user_id, n.org_id, count(*)::int AS n,
              string_agg('• ' || n.title, E'\\n' ORDER BY n.created_at, n.id) AS body
         FROM notifications n JOIN notification_preferences np ON np.user_id = n.user_id AND np.digest
        WHERE n.kind = 'reminder' AND n.created_at >= ($1::date::timestamp AT TIME ZONE '${tz}')
          AND n.created_at < (($1::date + 1)::timestamp AT TIME ZONE '${tz}')
        GROUP BY n.user_id, n.org_id),
     ins AS (
       INSERT INTO notifications (user_id, org_id, kind, digest_day, title, body, link)
       SELECT user_id, org_id, 'digest', $1::date, '今日提醒 ' || n || ' 条', body, '/reminders'
         FROM today
       ON CONFLICT (user_id, digest_day) WHERE kind = 'digest' DO NOTHING
       RETURNING id, user_id, org_id, title)
     INSERT INTO notification_deliveries (notification_id, user_id, org_id, channel, title, not_before)
     SELECT i.id, i.user_id, i.org_id, ch, i.title, ${notBefore(tz)}
       FROM ins i JOIN notification_preferences np ON np.user_id = i.user_id
       CROSS JOIN LATERAL unnest(np.channels) ch
     RETURNING id, not_before`,
    [today],
  );
  return rows.map((d) => ({ id: d.id, notBefore: new Date(d.not_before) }));
}
