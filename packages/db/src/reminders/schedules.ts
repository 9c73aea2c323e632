import type { EntityManager } from 'typeorm';
import { DEFAULT_REMINDER_SCHEDULE, type ReminderSchedule } from '@guanai/contracts';

/** A tenant union and when its daily evaluation runs (orgs.settings.reminders, else 07:00 Asia/Shanghai). */
export interface TenantSchedule extends ReminderSchedule {
  id: string;
  path: string;
}

const SELECT = `SELECT id, path, settings->'reminders' AS reminders FROM orgs
  WHERE kind IN ('city','county','university') AND active`;

const toSchedule = (r: {
  id: string;
  path: string;
  reminders: Partial<ReminderSchedule> | null;
}): TenantSchedule => ({
  id: r.id,
  path: r.path,
  hour: r.reminders?.hour ?? DEFAULT_REMINDER_SCHEDULE.hour,
  timeZone: r.reminders?.timeZone ?? DEFAULT_REMINDER_SCHEDULE.timeZone,
});

/** Every active tenant union in the transaction's scope. */
export async function reminderTenants(em: EntityManager): Promise<TenantSchedule[]> {
  const rows = await em.query(`${SELECT} ORDER BY path`);
  return rows.map(toSchedule);
}

/** One tenant's schedule, null when it is not a tenant union in scope. */
export async function tenantSchedule(em: EntityManager, id: string): Promise<TenantSchedule | null> {
  const [row] = await em.query(`${SELECT} AND id = $1`, [id]);
  return row ? toSchedule(row) : null;
}
