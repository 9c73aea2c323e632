// The demo's reminders: every union runs its programme's rules plus one of its own (a check-up
// deadline ten days out, so the teachers without a check-up this year show), one teacher of the first
// school keeps a lunar birthday within the birthday rule's window for sure (the generator gives one in
// five a lunar birthday), and today's evaluation
// has run, so the officers' inboxes are filled on first login.
import type { DataSource, EntityManager } from 'typeorm';
import { addDays, isDue, nextBirthday, type IsoDate } from '@guanai/domain';
import type { OrgEntity } from '../entities/org.entity';
import { evaluateTenantDay } from '../reminders/evaluate';

const monthDay = (d: IsoDate) => d.slice(5);

/** Sets up rules and lunar birthdays, inside the seeding transaction. */
export async function prepareReminderDemo(
  em: EntityManager,
  tenants: readonly { tenant: OrgEntity; units: OrgEntity[] }[],
  today: IsoDate,
): Promise<void> {
  const by = monthDay(addDays(today, 10));
  const checkup = {
    key: 'checkup_deadline',
    name: '年度体检截止',
    trigger: { kind: 'checkup_due', byMonthDay: by === '02-29' ? '02-28' : by },
    leadDays: 30,
    audience: 'school_officer',
    activityType: 'health_checkup',
  };
  for (const { tenant, units } of tenants) {
    await em.query(`UPDATE programmes SET reminder_settings = $2 WHERE org_id = $1`, [
      tenant.id,
      JSON.stringify({ rules: {}, custom: [checkup] }),
    ]);
    const first: { id: string; birth_date: string }[] = await em.query(
      `SELECT id, to_char(birth_date, 'YYYY-MM-DD') AS birth_date FROM teachers WHERE org_id = $1 AND status = 'active' ORDER BY id`,
      [units[0]!.id],
    );
    const lunar = first.find((t) => isDue(nextBirthday(t.birth_date, 'lunar', today), 3, today));
    if (lunar) await em.query(`UPDATE teachers SET birthday_calendar = 'lunar' WHERE id = $1`, [lunar.id]);
  }
}

/** Today's evaluation for each demo union (after the seeding transaction committed). */
export async function evaluateReminderDemo(
  ds: DataSource,
  tenants: readonly OrgEntity[],
  today: IsoDate,
): Promise<void> {
  for (const t of tenants)
    await evaluateTenantDay(ds, { id: t.id, path: t.path, timeZone: 'Asia/Shanghai' }, today);
}
