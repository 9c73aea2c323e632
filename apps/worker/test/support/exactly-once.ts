// What every fault test checks afterwards, from Postgres and from what the fake servers received:
// every reminder due on the day exists exactly once (and nothing else), every recipient got one
// notification per reminder, every notification one outbox row per channel, and every outbox row was
// taken by its server exactly once, or is a dead letter with the reason.
import { inScope, systemScope, type DataSource } from '@guanai/db';
import { todayIn } from '@guanai/domain';
import { TIME_ZONE, type Channel, type ReminderFixture } from './fixtures';
import { expectedReminderKeys, recipients, reminderKey } from './oracle';
import type { DeliveryRow } from './probes';
import type { SmtpSink } from './smtp-sink';
import type { WebhookSink } from './webhook-sink';

export interface OnceReport {
  reminders: number;
  notifications: number;
  deliveries: number;
  sent: number;
  dead: number;
  /** Outbox rows a server took more than once. */
  duplicates: { id: string; channel: Channel; times: number }[];
  /** Dead letters of an outcome unknown (the attempt died mid-send) that the server did take, once. */
  unknownTaken: string[];
  /** Anything else wrong; empty when exactly-once holds. */
  problems: string[];
}

export interface Sinks {
  smtp: SmtpSink;
  robots: WebhookSink;
}

/** Compares Postgres and the servers' records with what the fixture's day must have produced. */
export async function checkExactlyOnce(
  ds: DataSource,
  f: ReminderFixture,
  sinks: Sinks,
): Promise<OnceReport> {
  const problems: string[] = [];
  const expected = await expectedReminderKeys(ds, f);
  const userIds = f.users.map((u) => u.id);
  const db = await inScope(ds, systemScope('test-oracle'), async (em) => ({
    reminders: (await em.query(
      `SELECT id, rule_key, subject_kind, subject_id, to_char(occurs_on, 'YYYY-MM-DD') AS occurs_on, org_id, audience, round, notified_round
         FROM reminders WHERE tenant_id = $1`,
      [f.tenant.id],
    )) as {
      id: string;
      rule_key: string;
      subject_kind: string;
      subject_id: string;
      occurs_on: string;
      org_id: string;
      audience: string;
      round: number;
      notified_round: number;
    }[],
    notifications: (await em.query(
      `SELECT id, user_id, kind, reminder_id, round, to_char(digest_day, 'YYYY-MM-DD') AS digest_day
         FROM notifications WHERE user_id = ANY($1::uuid[])`,
      [userIds],
    )) as {
      id: string;
      user_id: string;
      kind: 'reminder' | 'digest';
      reminder_id: string | null;
      round: number | null;
      digest_day: string | null;
    }[],
    deliveries: (await em.query(
      `SELECT id, notification_id, user_id, channel, status, attempts, last_error FROM notification_deliveries WHERE user_id = ANY($1::uuid[])`,
      [userIds],
    )) as DeliveryRow[],
    run: (
      await em.query(`SELECT status FROM reminder_runs WHERE org_id = $1 AND day = $2`, [f.tenant.id, f.day])
    )[0] as { status: string } | undefined,
  }));

  if (db.run?.status !== 'done')
    problems.push(`the run of ${f.day} is ${db.run?.status ?? 'missing'}, not done`);

  // Reminders: the expected set, each once.
  const seen = new Map<string, number>();
  for (const r of db.reminders) {
    const k = reminderKey(r.rule_key, r.subject_kind, r.subject_id, r.occurs_on);
    seen.set(k, (seen.get(k) ?? 0) + 1);
    if (r.notified_round !== r.round)
      problems.push(`reminder ${k} not notified (round ${r.round}, notified ${r.notified_round})`);
  }
  for (const [k, n] of seen) if (n !== 1) problems.push(`reminder ${k} exists ${n} times`);
  for (const k of expected) if (!seen.has(k)) problems.push(`reminder ${k} missing`);
  for (const k of seen.keys()) if (!expected.has(k)) problems.push(`reminder ${k} not expected`);

  // Notifications: one per recipient and reminder (round 1: nothing is snoozed here).
  const byReminder = new Map(db.reminders.map((r) => [r.id, r]));
  const wantNotified = new Set(
    db.reminders.flatMap((r) => recipients(f, r.org_id, r.audience).map((u) => `${r.id}|${u.id}|${r.round}`)),
  );
  const gotNotified = new Map<string, number>();
  for (const n of db.notifications.filter((x) => x.kind === 'reminder')) {
    const k = `${n.reminder_id}|${n.user_id}|${n.round}`;
    gotNotified.set(k, (gotNotified.get(k) ?? 0) + 1);
    if (!byReminder.has(n.reminder_id!))
      problems.push(`notification ${n.id} for a reminder of another tenant`);
  }
  for (const [k, n] of gotNotified) if (n !== 1) problems.push(`notification ${k} exists ${n} times`);
  for (const k of wantNotified) if (!gotNotified.has(k)) problems.push(`notification ${k} missing`);
  for (const k of gotNotified.keys())
    if (!wantNotified.has(k)) problems.push(`notification ${k} not expected`);
  // Digests: one for each taker who was told of something, when the day evaluated is today (the
  // digest lists what a user received that day); none for a day evaluated ahead of time.
  const digests = db.notifications.filter((x) => x.kind === 'digest');
  const today = todayIn(TIME_ZONE);
  const wantDigest = new Set(
    f.day !== today
      ? []
      : f.users
          .filter(
            (u) => u.digest && db.notifications.some((n) => n.kind === 'reminder' && n.user_id === u.id),
          )
          .map((u) => u.id),
  );
  for (const d of digests) {
    if (!wantDigest.has(d.user_id)) problems.push(`digest ${d.id} not expected`);
    if (d.digest_day !== f.day) problems.push(`digest ${d.id} of ${d.digest_day}, not of ${f.day}`);
  }
  for (const u of wantDigest)
    if (digests.filter((d) => d.user_id === u).length !== 1) problems.push(`user ${u}: not one digest`);

  // Outbox: one row per notification and channel the recipient chose (digest takers: the digest only).
  const users = new Map(f.users.map((u) => [u.id, u]));
  const wantRows = new Set(
    db.notifications.flatMap((n) => {
      const u = users.get(n.user_id)!;
      return n.kind === 'reminder' && u.digest ? [] : u.channels.map((c) => `${n.id}|${c}`);
    }),
  );
  const gotRows = new Map<string, number>();
  for (const d of db.deliveries)
    gotRows.set(
      `${d.notification_id}|${d.channel}`,
      (gotRows.get(`${d.notification_id}|${d.channel}`) ?? 0) + 1,
    );
  for (const [k, n] of gotRows) if (n !== 1) problems.push(`outbox row ${k} exists ${n} times`);
  for (const k of wantRows) if (!gotRows.has(k)) problems.push(`outbox row ${k} missing`);
  for (const k of gotRows.keys()) if (!wantRows.has(k)) problems.push(`outbox row ${k} not expected`);

  // Each row: sent and taken exactly once by the right server and address, or dead with its reason.
  const mail = sinks.smtp.acceptedById();
  const robots = sinks.robots.acceptedById();
  const duplicates: OnceReport['duplicates'] = [];
  const unknownTaken: string[] = [];
  for (const d of db.deliveries) {
    const taken = (d.channel === 'email' ? mail : robots).get(d.id) ?? 0;
    const u = users.get(d.user_id)!;
    if (d.status === 'pending' || d.status === 'sending')
      problems.push(
        `delivery ${d.id} (${d.channel}) still ${d.status}, ${d.attempts} attempts, ${d.last_error ?? ''}`,
      );
    else if (d.status === 'dead') {
      if (!d.last_error) problems.push(`dead delivery ${d.id} without a reason`);
      // An attempt that died between the far end and its commit: it may have arrived, once, and says so.
      const unknown = d.last_error?.startsWith('发送结果未知') ?? false;
      if (taken > (unknown ? 1 : 0)) problems.push(`dead delivery ${d.id} was taken ${taken} times`);
      if (taken === 1) unknownTaken.push(d.id);
    } else if (taken === 0) problems.push(`delivery ${d.id} (${d.channel}) marked sent but never taken`);
    else if (taken > 1) duplicates.push({ id: d.id, channel: d.channel, times: taken });
    if (d.status === 'sent' && d.channel === 'email') {
      const to = sinks.smtp.received.filter((m) => m.deliveryId === d.id).flatMap((m) => m.to);
      if (!to.every((a) => a === u.email)) problems.push(`email ${d.id} went to ${to} instead of ${u.email}`);
    }
    if (d.status === 'sent' && d.channel !== 'email') {
      const wrong = sinks.robots.requests.filter(
        (r) => r.deliveryId === d.id && r.accepted && (r.robot !== u.username || r.channel !== d.channel),
      );
      if (wrong.length)
        problems.push(`robot message ${d.id} went to ${wrong[0]!.channel}/${wrong[0]!.robot}`);
    }
  }
  return {
    reminders: db.reminders.length,
    notifications: db.notifications.length,
    deliveries: db.deliveries.length,
    sent: db.deliveries.filter((d) => d.status === 'sent').length,
    dead: db.deliveries.filter((d) => d.status === 'dead').length,
    duplicates,
    unknownTaken,
    problems,
  };
}

/** The servers took nothing that is not an outbox row of these fixtures, and DingTalk never saw a bad signature. */
export async function checkNothingStray(
  ds: DataSource,
  fixtures: readonly ReminderFixture[],
  sinks: Sinks,
): Promise<string[]> {
  const userIds = fixtures.flatMap((f) => f.users.map((u) => u.id));
  const ids = new Set(
    (
      await inScope(ds, systemScope('test-oracle'), (em) =>
        em.query(`SELECT id FROM notification_deliveries WHERE user_id = ANY($1::uuid[])`, [userIds]),
      )
    ).map((r: { id: string }) => r.id),
  );
  const problems: string[] = [];
  for (const m of sinks.smtp.received)
    if (!m.deliveryId || !ids.has(m.deliveryId)) problems.push(`stray email ${m.messageId}`);
  for (const r of sinks.robots.requests) {
    if (!r.deliveryId || !ids.has(r.deliveryId))
      problems.push(`stray robot request ${r.channel}/${r.robot} ${r.deliveryId}`);
    if (r.problem) problems.push(`robot refused ${r.deliveryId}: ${r.problem}`);
  }
  return problems;
}

/** The report's problems and duplicates must be empty: exactly once, nothing lost. */
export function expectOnce(report: OnceReport, stray: string[] = []): void {
  const all = [
    ...report.problems,
    ...report.duplicates.map((d) => `delivery ${d.id} (${d.channel}) taken ${d.times} times`),
    ...stray,
  ];
  if (all.length)
    throw new Error(`exactly-once violated (${all.length}):\n  ${all.slice(0, 30).join('\n  ')}`);
}
