import { randomBytes, randomUUID } from 'node:crypto';
import {
  createChildOrg,
  createRootOrg,
  createUser,
  inScope,
  systemScope,
  teacherColumns,
  upsertTeachers,
  type DataSource,
  type FieldCipher,
  type OrgEntity,
  type UserEntity,
} from '@guanai/db';
import {
  addDays,
  hourIn,
  LEIYANG_TEMPLATE,
  todayIn,
  type IsoDate,
  type TenantReminderSettings,
} from '@guanai/domain';
import { rosterRecords, type RosterSpec } from './teachers';
import type { WebhookSink } from './webhook-sink';

export type Channel = 'email' | 'wecom' | 'dingtalk';

export const TIME_ZONE = 'Asia/Shanghai';

/** A user of the fixture with the channels their notification_preferences row names. */
export interface FixtureUser {
  id: string;
  username: string;
  orgId: string;
  role: 'tenant_admin' | 'unit_officer';
  active: boolean;
  channels: Channel[];
  digest: boolean;
  email: string | null;
}

export interface ReminderFixture {
  tenant: OrgEntity;
  schools: OrgEntity[];
  users: FixtureUser[];
  programmeId: string;
  day: IsoDate;
  teachers: number;
}

export interface FixtureOptions {
  /** The day the test evaluates (each job names it). */
  day: IsoDate;
  roster: Omit<RosterSpec, 'day'>;
  /**
   * Leave today's run to the worker: the tenant's hour is 0 and no run is recorded, so the reconcile
   * on start enqueues today's evaluation. Otherwise (the default) today's run is recorded as done and
   * the hour set twelve hours away, so neither the reconcile nor the scheduler evaluates the tenant
   * behind the test's back: the tests evaluate an explicit day, not today.
   */
  evaluateToday?: boolean;
  /** A second tenant admin who takes a daily digest (by email) instead of one message per reminder. */
  digestUser?: boolean;
  reminderSettings?: TenantReminderSettings;
}

/**
 * A county union (tenant) under a province under its own platform root, three schools, and users:
 * - the tenant admin (email), who also gets the reminders of school 3, which has no union officer;
 * - school 1's officer on email, WeCom and signed DingTalk;
 * - school 2's officer on WeCom and unsigned DingTalk, and a disabled officer there (must get nothing);
 * and the Leiyang programme published by the province and adopted for the day's year.
 */
export async function createReminderFixture(
  ds: DataSource,
  cipher: FieldCipher,
  robots: WebhookSink,
  opts: FixtureOptions,
): Promise<ReminderFixture> {
  const id = randomBytes(4).toString('hex');
  const now = new Date();
  const hour = opts.evaluateToday ? 0 : (hourIn(TIME_ZONE, now) + 12) % 24;
  const { tenant, schools, users } = await inScope(ds, systemScope('test-fixture'), async (em) => {
    const root = await createRootOrg(em, `平台 ${id}`);
    const province = await createChildOrg(em, root, { kind: 'province', name: `测试省教育工会 ${id}` });
    const tenant = await createChildOrg(em, province, {
      kind: 'county',
      name: `提醒县教育工会 ${id}`,
      code: 'rem',
    });
    await em.query(`UPDATE orgs SET settings = jsonb_set(settings, '{reminders}', $2::jsonb) WHERE id = $1`, [
      tenant.id,
      JSON.stringify({ hour, timeZone: TIME_ZONE }),
    ]);
    const schools: OrgEntity[] = [];
    for (const n of [1, 2, 3])
      schools.push(
        await createChildOrg(em, tenant, { kind: 'school', name: `提醒县第${n}小学 ${id}`, code: `s${n}` }),
      );

    const users: FixtureUser[] = [];
    const user = async (
      org: OrgEntity,
      name: string,
      role: FixtureUser['role'],
      channels: Channel[],
      extra: { digest?: boolean; disabled?: boolean; signed?: boolean } = {},
    ) => {
      const u: UserEntity = await createUser(em, org, {
        username: `${name}.${id}`,
        displayName: `${name} ${id}`,
        role,
        password: 'unused',
        passwordHash: 'no-login',
      });
      if (extra.disabled) await em.query(`UPDATE users SET status = 'disabled' WHERE id = $1`, [u.id]);
      const email = channels.includes('email') ? `${u.username}@county.test` : null;
      const secret = extra.signed ? `SEC${randomBytes(16).toString('hex')}` : null;
      if (secret) robots.setDingtalkSecret(u.username, secret);
      await em.query(
        `INSERT INTO notification_preferences (user_id, org_id, channels, email, wecom_webhook_enc, dingtalk_webhook_enc, dingtalk_secret_enc, digest)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [
          u.id,
          org.id,
          channels,
          email,
          channels.includes('wecom') ? cipher.encrypt(robots.url('wecom', u.username)) : null,
          channels.includes('dingtalk') ? cipher.encrypt(robots.url('dingtalk', u.username)) : null,
          secret ? cipher.encrypt(secret) : null,
          extra.digest ?? false,
        ],
      );
      users.push({
        id: u.id,
        username: u.username,
        orgId: org.id,
        role,
        active: !extra.disabled,
        channels,
        digest: extra.digest ?? false,
        email,
      });
    };
    await user(tenant, 'admin', 'tenant_admin', ['email']);
    if (opts.digestUser) await user(tenant, 'digest', 'tenant_admin', ['email'], { digest: true });
    await user(schools[0]!, 'officer1', 'unit_officer', ['email', 'wecom', 'dingtalk'], { signed: true });
    await user(schools[1]!, 'officer2', 'unit_officer', ['wecom', 'dingtalk']);
    await user(schools[1]!, 'gone2', 'unit_officer', ['email'], { disabled: true });
    return { tenant, schools, users };
  });

  const programmeId = await adoptLeiyang(
    ds,
    tenant,
    Number(opts.day.slice(0, 4)),
    opts.reminderSettings ?? {},
  );
  const teachers = await writeRoster(ds, cipher, schools, { day: opts.day, ...opts.roster });
  if (!opts.evaluateToday)
    await inScope(ds, { path: tenant.path }, async (em) => {
      for (const day of [todayIn(TIME_ZONE, now), addDays(todayIn(TIME_ZONE, now), 1)])
        await em.query(
          `INSERT INTO reminder_runs (org_id, day, status, finished_at) VALUES ($1, $2, 'done', now()) ON CONFLICT DO NOTHING`,
          [tenant.id, day],
        );
    });
  return { tenant, schools, users, programmeId, day: opts.day, teachers };
}

/** The province publishes the built-in Leiyang template (version 1) and the tenant adopts it for `year`. */
async function adoptLeiyang(
  ds: DataSource,
  tenant: OrgEntity,
  year: number,
  settings: TenantReminderSettings,
): Promise<string> {
  return inScope(ds, systemScope('test-fixture'), async (em) => {
    const doc = JSON.stringify(LEIYANG_TEMPLATE);
    const [tpl] = await em.query(
      `INSERT INTO programme_templates (org_id, key, name, based_on, draft, latest_version) VALUES ($1, 'leiyang', $2, 'leiyang', $3, 1) RETURNING id`,
      [tenant.parentId, LEIYANG_TEMPLATE.name, doc],
    );
    const [ver] = await em.query(
      `INSERT INTO programme_versions (org_id, template_id, number, document, changes) VALUES ($1, $2, 1, $3, '[]') RETURNING id`,
      [tenant.parentId, tpl.id, doc],
    );
    const [prog] = await em.query(
      `INSERT INTO programmes (org_id, template_id, version_id, year, reminder_settings) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [tenant.id, tpl.id, ver.id, year, JSON.stringify(settings)],
    );
    return prog.id as string;
  });
}

/** The roster through the registry's bulk writer, round-robin over the schools, 5,000 a transaction. */
async function writeRoster(
  ds: DataSource,
  cipher: FieldCipher,
  schools: OrgEntity[],
  spec: RosterSpec,
): Promise<number> {
  const records = rosterRecords(spec);
  const units = schools.map((s) => ({ id: s.id, tenantId: s.tenantId!, name: s.name, rural: s.rural }));
  for (let i = 0; i < records.length; i += 5000)
    await inScope(ds, systemScope('test-fixture'), (em) =>
      upsertTeachers(
        em,
        records
          .slice(i, i + 5000)
          .map((r, j) => teacherColumns(r, units[(i + j) % units.length]!, cipher, { id: randomUUID() })),
        [],
      ),
    );
  return records.length;
}

/** After its test: the tenant is switched off, so later workers' reconciles and schedulers leave it alone. */
export async function retireFixture(ds: DataSource, f: ReminderFixture): Promise<void> {
  await inScope(ds, systemScope('test-fixture'), (em) =>
    em.query(`UPDATE orgs SET active = false WHERE id = $1`, [f.tenant.id]),
  );
}
