// Reads of a fixture's state, to wait on and to assert.
import { inScope, systemScope, type DataSource } from '@guanai/db';
import type { IsoDate } from '@guanai/domain';
import type { Channel, ReminderFixture } from './fixtures';

export interface DeliveryRow {
  id: string;
  notification_id: string;
  user_id: string;
  channel: Channel;
  status: 'pending' | 'sending' | 'sent' | 'dead';
  attempts: number;
  last_error: string | null;
}

/** The outbox of a fixture by status, to wait on. */
export async function outboxCounts(
  ds: DataSource,
  f: ReminderFixture,
): Promise<{ pending: number; sent: number; dead: number; total: number }> {
  const [r] = await inScope(ds, systemScope('test-oracle'), (em) =>
    em.query(
      // 'sending' is still on its way (claimed by an attempt): counted as pending, to wait on.
      `SELECT count(*) FILTER (WHERE status IN ('pending','sending'))::int AS pending, count(*) FILTER (WHERE status = 'sent')::int AS sent,
              count(*) FILTER (WHERE status = 'dead')::int AS dead, count(*)::int AS total
         FROM notification_deliveries WHERE user_id = ANY($1::uuid[])`,
      [f.users.map((u) => u.id)],
    ),
  );
  return r;
}

/** The run of the fixture's day and how many reminders exist. */
export async function runState(
  ds: DataSource,
  f: ReminderFixture,
  day: IsoDate = f.day,
): Promise<{ status: string | null; reminders: number }> {
  const [r] = await inScope(ds, systemScope('test-oracle'), (em) =>
    em.query(
      `SELECT (SELECT status FROM reminder_runs WHERE org_id = $1 AND day = $2) AS status,
              (SELECT count(*)::int FROM reminders WHERE tenant_id = $1) AS reminders`,
      [f.tenant.id, day],
    ),
  );
  return r;
}

/** The fixture's outbox rows. */
export async function outboxRows(ds: DataSource, f: ReminderFixture): Promise<DeliveryRow[]> {
  return inScope(ds, systemScope('test-oracle'), (em) =>
    em.query(
      `SELECT id, notification_id, user_id, channel, status, attempts, last_error FROM notification_deliveries WHERE user_id = ANY($1::uuid[])`,
      [f.users.map((u) => u.id)],
    ),
  );
}
