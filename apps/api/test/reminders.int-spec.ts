import { evaluateTenantDay, inScope, systemScope, type EntityManager } from '@guanai/db';
import { LEIYANG_TEMPLATE, addDays, todayInShanghai } from '@guanai/domain';
import type { TenantFixture } from '@guanai/db/testing';
import { insertProgramme, insertTeacher } from './compliance-fixtures';
import { fixture, login, request, snapshot, startHarness, type Harness, type Session } from './harness';

// Issue 5: the daily evaluation creates each due reminder once, notifies the right officers, and
// officers act on them through the API; users choose their channels; admins see dead letters.

let h: Harness;
let fx: TenantFixture;
let admin: Session;
let officer: Session;
let other: Session;
let programmeId: string;
const T: Record<'lunar' | 'thirty' | 'retiring' | 'solar' | 'far', string> = {} as never;

/** The evaluation day: 3 days before Mid-Autumn 2026 (09-25), which is 八月十五 of 1980 too. */
const DAY = '2026-09-22';

const sys = <R>(work: (em: EntityManager) => Promise<R>) => inScope(h.appDs, systemScope('test'), work);
const evaluate = (day = DAY) =>
  evaluateTenantDay(h.appDs, { id: fx.tenant.id, path: fx.tenant.path, timeZone: 'Asia/Shanghai' }, day);
const api = () => request(h.http);

beforeAll(async () => {
  h = await startHarness();
  fx = await fixture(h);
  [admin, officer, other] = await Promise.all([
    login(h, fx.users.tenantAdmin.username, fx.password),
    login(h, fx.users.officer.username, fx.password),
    login(h, fx.users.otherAdmin.username, fx.password),
  ]);
  await sys(async (em) => {
    programmeId = (
      await insertProgramme(em, {
        provinceId: fx.province.id,
        tenantId: fx.tenant.id,
        year: 2026,
        document: LEIYANG_TEMPLATE,
      })
    ).id;
    const school = (n: number) => fx.schools[n]!.id;
    const at = (n: number) => ({
      orgId: school(n),
      tenantId: fx.tenant.id,
      postings: [{ orgId: school(n), from: '2010-09-01', to: null }],
    });
    T.lunar = await insertTeacher(em, { ...at(0), name: '李农历', birthDate: '1980-09-23' });
    T.thirty = await insertTeacher(em, { ...at(0), name: '王三十', birthDate: '1975-03-03' });
    T.retiring = await insertTeacher(em, { ...at(1), name: '赵退休', birthDate: '1966-04-04' });
    T.solar = await insertTeacher(em, { ...at(0), name: '钱公历', birthDate: '1980-09-23' });
    T.far = await insertTeacher(em, {
      orgId: fx.otherSchool.id,
      tenantId: fx.otherTenant.id,
      postings: [{ orgId: fx.otherSchool.id, from: '2010-09-01', to: null }],
      name: '孙乙县',
      birthDate: '1980-09-23',
    });
    await em.query(`UPDATE teachers SET birthday_calendar = 'lunar' WHERE id = ANY($1)`, [[T.lunar, T.far]]);
    await em.query(`UPDATE teachers SET teaching_since = '1996-10-10' WHERE id = $1`, [T.thirty]);
    await em.query(`UPDATE teachers SET retirement_date = '2026-10-15' WHERE id = $1`, [T.retiring]);
  });
});
afterAll(() => h.close());

const rows = (sql: string, params: unknown[] = []) => sys((em) => em.query(sql, params));

describe('the daily evaluation (issue 5: every due reminder exactly once)', () => {
  it('creates the due reminders of the programme’s rules: a lunar birthday, 30 years of teaching, a retirement, Mid-Autumn per school', async () => {
    const result = await evaluate();
    const got: { rule_key: string; subject_id: string; occurs_on: string; org_id: string }[] = await rows(
      `SELECT rule_key, subject_id, to_char(occurs_on, 'YYYY-MM-DD') AS occurs_on, org_id FROM reminders WHERE tenant_id = $1 ORDER BY rule_key, subject_id`,
      [fx.tenant.id],
    );
    const key = (r: { rule_key: string; subject_id: string; occurs_on: string }) =>
      `${r.rule_key}/${r.subject_id}/${r.occurs_on}`;
    expect(got.map(key).sort()).toEqual(
      [
        `birthday_greeting/${T.lunar}/2026-09-25`,
        `birthday_greeting/${T.solar}/2026-09-23`,
        `mid_autumn_greeting/${fx.schools[0]!.id}/2026-09-25`,
        `mid_autumn_greeting/${fx.schools[1]!.id}/2026-09-25`,
        `retirement_farewell/${T.retiring}/2026-10-15`,
        `teaching_30_years_ceremony/${T.thirty}/2026-10-10`,
      ].sort(),
    );
    // The same birth date kept by the solar calendar is greeted on 09-23 instead.
    expect(result.created).toBe(6);
    expect(
      await rows(`SELECT count(*)::int AS n FROM reminders WHERE tenant_id = $1`, [fx.otherTenant.id]),
    ).toEqual([{ n: 0 }]);
  });

  it('creates nothing the second time, nor when two evaluations run at once', async () => {
    const before = await rows(`SELECT count(*)::int AS n FROM reminders`);
    const notes = await rows(`SELECT count(*)::int AS n FROM notifications`);
    const [a, b, c] = await Promise.all([evaluate(), evaluate(), evaluate()]);
    expect([a.created, b.created, c.created]).toEqual([0, 0, 0]);
    expect(await rows(`SELECT count(*)::int AS n FROM reminders`)).toEqual(before);
    expect(await rows(`SELECT count(*)::int AS n FROM notifications`)).toEqual(notes);
  });

  it("notifies the school's officer, and the tenant's officers where a school has none", async () => {
    const mine = await api().get('/api/v1/notifications').set(officer.auth).expect(200);
    const titles = mine.body.items.map((n: { title: string }) => n.title);
    expect(titles).toEqual(
      expect.arrayContaining([expect.stringContaining('李农历'), expect.stringContaining('王三十')]),
    );
    expect(titles.some((t: string) => t.includes('赵退休'))).toBe(false);
    const theirs = await api().get('/api/v1/notifications').set(admin.auth).expect(200);
    expect(theirs.body.items.map((n: { title: string }) => n.title)).toEqual(
      expect.arrayContaining([expect.stringContaining('赵退休')]),
    );
    const count = await api().get('/api/v1/notifications/unread-count').set(officer.auth).expect(200);
    expect(count.body.unread).toBe(mine.body.total);
  });
});

describe('acting on reminders', () => {
  const find = async (s: Session, title: string) => {
    const res = await api().get('/api/v1/reminders').query({ q: title }).set(s.auth).expect(200);
    return res.body.items[0];
  };

  it('lists reminders by scope: a school officer sees the school’s, another union none', async () => {
    const res = await api().get('/api/v1/reminders').set(officer.auth).expect(200);
    expect(res.body.items.every((r: { orgId: string }) => r.orgId === fx.schools[0]!.id)).toBe(true);
    expect(res.body.total).toBe(4);
    expect((await api().get('/api/v1/reminders').set(other.auth).expect(200)).body.total).toBe(0);
    const r = await find(admin, '李农历');
    expect(r).toMatchObject({
      kind: 'birthday',
      occursOn: '2026-09-25',
      dueOn: '2026-09-22',
      status: 'open',
      activityType: 'birthday_greeting',
    });
    expect(r.title).toContain('农历八月十五');
    await api().get(`/api/v1/reminders/${r.id}`).set(other.auth).expect(404);
  });

  it('done records the suggested care for the teacher, once', async () => {
    const r = await find(officer, '李农历');
    const res = await api()
      .post(`/api/v1/reminders/${r.id}/done`)
      .set(officer.auth)
      .send({ version: r.version, amountFen: 20000, occurredOn: '2026-09-25' })
      .expect(200);
    expect(res.body.status).toBe('done');
    const care = await api()
      .get(`/api/v1/care-records/${res.body.careRecordId}`)
      .set(officer.auth)
      .expect(200);
    expect(care.body).toMatchObject({
      activityType: 'birthday_greeting',
      amountFen: 20000,
      participantCount: 1,
      occurredOn: '2026-09-25',
    });
    expect(
      await rows(`SELECT teacher_id FROM care_participants WHERE record_id = $1`, [res.body.careRecordId]),
    ).toEqual([{ teacher_id: T.lunar }]);
    const again = await api()
      .post(`/api/v1/reminders/${r.id}/done`)
      .set(officer.auth)
      .send({ version: res.body.version })
      .expect(409);
    expect(again.body.code).toBe('REMINDER_CLOSED');
  });

  it('snoozes to a later day (not today or before), and the reminder comes back then, notified again', async () => {
    const r = await find(officer, '王三十');
    const before = await snapshot(h);
    const past = await api()
      .post(`/api/v1/reminders/${r.id}/snooze`)
      .set(officer.auth)
      .send({ version: r.version, until: '2020-01-01' })
      .expect(422);
    expect(past.body.errors[0].path).toBe('body.until');
    expect(await snapshot(h)).toBe(before);
    const until = '2026-10-01';
    // The API checks against the real today; the evaluation below runs on the snoozed day.
    await rows(
      `UPDATE reminders SET status = 'snoozed', snoozed_until = $2, version = version + 1 WHERE id = $1`,
      [r.id, until],
    );
    const notesBefore = await rows(`SELECT count(*)::int AS n FROM notifications WHERE reminder_id = $1`, [
      r.id,
    ]);
    await evaluate(until);
    const back = await rows(`SELECT status, round FROM reminders WHERE id = $1`, [r.id]);
    expect(back).toEqual([{ status: 'open', round: 2 }]);
    const notesAfter = await rows(`SELECT count(*)::int AS n FROM notifications WHERE reminder_id = $1`, [
      r.id,
    ]);
    expect(notesAfter[0].n).toBe(notesBefore[0].n * 2);
  });

  it('snoozes through the API to a future day', async () => {
    const r = await find(admin, '赵退休');
    const until = new Date(Date.now() + 5 * 86400_000).toISOString().slice(0, 10);
    const res = await api()
      .post(`/api/v1/reminders/${r.id}/snooze`)
      .set(admin.auth)
      .send({ version: r.version, until })
      .expect(200);
    expect(res.body).toMatchObject({ status: 'snoozed', snoozedUntil: until });
  });

  it('dismisses with a reason only', async () => {
    const r = await find(admin, '中秋');
    await api()
      .post(`/api/v1/reminders/${r.id}/dismiss`)
      .set(admin.auth)
      .send({ version: r.version })
      .expect(400);
    const res = await api()
      .post(`/api/v1/reminders/${r.id}/dismiss`)
      .set(admin.auth)
      .send({ version: r.version, reason: '已统一发放' })
      .expect(200);
    expect(res.body).toMatchObject({ status: 'dismissed', dismissReason: '已统一发放' });
    await api()
      .post(`/api/v1/reminders/${r.id}/dismiss`)
      .set(other.auth)
      .send({ version: res.body.version, reason: '越权' })
      .expect(404);
  });
});

describe('row-level security on reminders and notifications', () => {
  it('another union’s scope reads none of the rows and cannot write one', async () => {
    const scope = { path: fx.otherTenant.path };
    const seen = await inScope(h.appDs, scope, (em) =>
      em.query(
        `SELECT (SELECT count(*) FROM reminders)::int AS r, (SELECT count(*) FROM notifications)::int AS n`,
      ),
    );
    expect(seen).toEqual([{ r: 0, n: 0 }]);
    await expect(
      inScope(h.appDs, scope, (em) =>
        em.query(
          `INSERT INTO reminders (tenant_id, org_id, rule_key, subject_kind, subject_id, occurs_on, due_on, title, audience)
           VALUES ($1, $1, 'x', 'org', $1, '2026-01-01', '2026-01-01', 'x', 'tenant_officer')`,
          [fx.tenant.id],
        ),
      ),
    ).rejects.toThrow(/row-level security/);
  });

  it('a user reads only their own notifications, even an admin of the same union', async () => {
    const [n] = await rows(`SELECT id FROM notifications WHERE user_id = $1 LIMIT 1`, [fx.users.officer.id]);
    await api().post(`/api/v1/notifications/${n.id}/read`).set(admin.auth).expect(404);
    await api().post(`/api/v1/notifications/${n.id}/read`).set(officer.auth).expect(200);
    const visible = await inScope(h.appDs, { path: fx.tenant.path, userId: fx.users.tenantAdmin.id }, (em) =>
      em.query(`SELECT count(*)::int AS n FROM notifications WHERE user_id = $1`, [fx.users.officer.id]),
    );
    expect(visible).toEqual([{ n: 0 }]);
  });
});

describe('notification preferences (issue 5: bad input is a clear 4xx and saves nothing)', () => {
  const put = (s: Session, body: object) =>
    api().put('/api/v1/me/notification-preferences').set(s.auth).send(body);

  it.each([
    ['an unknown channel', { channels: ['sms'] }, 400, 'body.channels.0'],
    [
      'a webhook over http',
      { channels: ['wecom'], wecomWebhook: 'http://8.8.8.8/robot' },
      422,
      'body.wecomWebhook',
    ],
    [
      'a webhook to loopback',
      { channels: ['wecom'], wecomWebhook: 'https://127.0.0.1/robot' },
      422,
      'body.wecomWebhook',
    ],
    [
      'a webhook to a private network',
      { channels: ['dingtalk'], dingtalkWebhook: 'https://10.0.0.8/robot' },
      422,
      'body.dingtalkWebhook',
    ],
    [
      'a webhook to the metadata service',
      { dingtalkWebhook: 'https://169.254.169.254/latest' },
      422,
      'body.dingtalkWebhook',
    ],
    ['an email address that is not one', { email: 'not-an-address' }, 400, 'body.email'],
    [
      'email when no SMTP server is configured',
      { channels: ['email'], email: 'a@example.org' },
      422,
      'body.channels',
    ],
    ['a robot channel without its address', { channels: ['wecom'] }, 422, 'body.wecomWebhook'],
    [
      'quiet hours that are not HH:MM',
      { quietHours: { start: '22', end: '07:00' } },
      400,
      'body.quietHours.start',
    ],
    [
      'quiet hours that start when they end',
      { quietHours: { start: '22:00', end: '22:00' } },
      400,
      'body.quietHours.end',
    ],
  ])('refuses %s', async (_what, body, status, path) => {
    const before = await snapshot(h);
    const res = await put(officer, body).expect(status);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
    expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(path);
    expect(await snapshot(h)).toBe(before);
  });

  it('takes the version 0 a user without saved preferences reads, once', async () => {
    const me = await login(h, fx.users.platformAdmin.username, fx.password);
    const got = await api().get('/api/v1/me/notification-preferences').set(me.auth).expect(200);
    expect(got.body).toMatchObject({ version: 0, channels: [], available: ['wecom', 'dingtalk'] });
    const saved = await put(me, { version: 0, digest: true }).expect(200);
    expect(saved.body).toMatchObject({ version: 1, digest: true });
    await put(me, { version: 0, digest: false }).expect(409);
  });

  it('seals webhook addresses, never reads them back, and keeps them when absent', async () => {
    const res = await put(officer, {
      channels: ['wecom', 'dingtalk'],
      wecomWebhook: 'https://8.8.8.8/cgi-bin/webhook/send?key=secret-key',
      dingtalkWebhook: 'https://8.8.4.4/robot/send?access_token=tok',
      dingtalkSecret: 'SECabc',
    }).expect(200);
    expect(res.body).toMatchObject({
      channels: ['wecom', 'dingtalk'],
      wecomWebhookSet: true,
      dingtalkWebhookSet: true,
      dingtalkSecretSet: true,
    });
    expect(JSON.stringify(res.body)).not.toContain('secret-key');
    const [stored] = await rows(`SELECT wecom_webhook_enc FROM notification_preferences WHERE user_id = $1`, [
      fx.users.officer.id,
    ]);
    expect(stored.wecom_webhook_enc).not.toContain('secret-key');
    const kept = await put(officer, {
      channels: ['wecom'],
      quietHours: { start: '22:00', end: '07:00' },
    }).expect(200);
    expect(kept.body).toMatchObject({ wecomWebhookSet: true, quietHours: { start: '22:00', end: '07:00' } });
  });
});

describe('outbox, quiet hours and digests', () => {
  it('writes one delivery per chosen channel, deferred past quiet hours, and one digest for digest users', async () => {
    // The officer: WeCom, quiet all day but one minute (so now is quiet whatever the clock says).
    await rows(
      `INSERT INTO notification_preferences (user_id, org_id, channels, wecom_webhook_enc, quiet_start, quiet_end)
       VALUES ($1, $2, '{wecom}', 'sealed', (now() AT TIME ZONE 'Asia/Shanghai')::time - interval '1 minute', (now() AT TIME ZONE 'Asia/Shanghai')::time + interval '2 hours')
       ON CONFLICT (user_id) DO UPDATE SET channels = EXCLUDED.channels, quiet_start = EXCLUDED.quiet_start, quiet_end = EXCLUDED.quiet_end, digest = false`,
      [fx.users.officer.id, fx.schools[0]!.id],
    );
    await rows(
      `INSERT INTO notification_preferences (user_id, org_id, channels, dingtalk_webhook_enc, digest) VALUES ($1, $2, '{dingtalk}', 'sealed', true)
       ON CONFLICT (user_id) DO UPDATE SET channels = EXCLUDED.channels, digest = true`,
      [fx.users.tenantAdmin.id, fx.tenant.id],
    );
    // Digests gather what a user received today (the real today), so this evaluation runs on it.
    const today = todayInShanghai();
    const birthday = addDays(today, 2);
    await rows(`UPDATE teachers SET birth_date = $2 WHERE id = $1`, [
      T.solar,
      `1981${birthday.slice(4) === '-02-29' ? '-02-28' : birthday.slice(4)}`,
    ]);
    const result = await evaluate(today);
    const deliveries = await rows(
      `SELECT d.channel, d.user_id, n.kind, d.not_before > now() + interval '1 hour' AS deferred
         FROM notification_deliveries d JOIN notifications n ON n.id = d.notification_id ORDER BY d.channel`,
    );
    expect(deliveries).toEqual([
      { channel: 'dingtalk', user_id: fx.users.tenantAdmin.id, kind: 'digest', deferred: false },
      { channel: 'wecom', user_id: fx.users.officer.id, kind: 'reminder', deferred: true },
    ]);
    expect(result.deliveries).toHaveLength(2);
    const again = await evaluate(today);
    expect(again.deliveries).toHaveLength(0);
  });
});

describe('tenant settings', () => {
  it('switches a rule off and adds its own, refusing bad rules with field paths', async () => {
    const url = `/api/v1/programmes/${programmeId}/reminders`;
    const got = await api().get(url).set(admin.auth).expect(200);
    expect(got.body.rules.find((r: { key: string }) => r.key === 'birthday_greeting')).toMatchObject({
      enabled: true,
      custom: false,
    });
    const version = got.body.version;
    const own = {
      key: 'county_day',
      name: '县工会成立纪念日',
      trigger: { kind: 'deadline', monthDay: '12-01' },
      leadDays: 7,
      audience: 'tenant_officer',
    };
    const bad = [
      [{ custom: [{ ...own, leadDays: -3 }] }, 400, 'body.custom.0.leadDays'],
      [{ custom: [{ ...own, key: 'birthday_greeting' }] }, 422, 'body.custom.0.key'],
      [{ custom: [{ ...own, audience: 'role' }] }, 422, 'body.custom.0.role'],
      [{ rules: { no_such_rule: { enabled: false } } }, 422, 'body.rules.no_such_rule'],
    ] as const;
    for (const [body, status, path] of bad) {
      const before = await snapshot(h);
      const res = await api()
        .put(url)
        .set(admin.auth)
        .send({ version, ...body })
        .expect(status);
      expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(path);
      expect(await snapshot(h)).toBe(before);
    }
    await api().put(url).set(officer.auth).send({ version, rules: {} }).expect(403);
    const clash = await api()
      .put(url)
      .set(admin.auth)
      .send({ version, custom: [{ ...own, key: 'birthday_greeting' }] })
      .expect(422);
    expect(clash.body.code).toBe('REMINDER_RULE_INVALID');
    const milestones = {
      key: 'union_milestones',
      trigger: { kind: 'anniversary', anniversary: 'union_years', years: [10, 20] },
      leadDays: 0,
      audience: 'school_officer',
    };
    const ok = await api()
      .put(url)
      .set(admin.auth)
      .send({ version, rules: { birthday_greeting: { enabled: false } }, custom: [own, milestones] })
      .expect(200);
    expect(ok.body.rules.find((r: { key: string }) => r.key === 'county_day')).toMatchObject({
      custom: true,
      enabled: true,
    });
    expect(ok.body.rules.find((r: { key: string }) => r.key === 'union_milestones').name).toBe(
      '入会满10、20年',
    );
    // Its own version: the programme's targets-and-budget version is untouched.
    expect(ok.body.version).toBe(version + 1);
    await api().put(url).set(admin.auth).send({ version, rules: {} }).expect(409);

    await rows(`UPDATE teachers SET birth_date = '1981-12-02' WHERE id = $1`, [T.solar]);
    await evaluate('2026-11-30');
    const made = await rows(
      `SELECT rule_key FROM reminders WHERE tenant_id = $1 AND occurs_on IN ('2026-12-01', '2026-12-02')`,
      [fx.tenant.id],
    );
    expect(made).toEqual([{ rule_key: 'county_day' }]);
  });

  it('sets the daily hour and time zone, refusing an unknown zone', async () => {
    const bad = await api()
      .put('/api/v1/reminder-schedule')
      .set(admin.auth)
      .send({ hour: 6, timeZone: 'Mars/Olympus' })
      .expect(422);
    expect(bad.body.errors[0].path).toBe('body.timeZone');
    await api()
      .put('/api/v1/reminder-schedule')
      .set(admin.auth)
      .send({ hour: 24, timeZone: 'Asia/Shanghai' })
      .expect(400);
    const ok = await api()
      .put('/api/v1/reminder-schedule')
      .set(admin.auth)
      .send({ hour: 6, timeZone: 'Asia/Urumqi' })
      .expect(200);
    expect(ok.body).toMatchObject({ hour: 6, timeZone: 'Asia/Urumqi' });
    expect(ok.body.lastRuns.length).toBeGreaterThan(0);
    await api().get('/api/v1/reminder-schedule').set(officer.auth).expect(403);
  });
});

describe('dead letters', () => {
  it('an admin lists the union’s dead deliveries with the reason and retries them; another union cannot', async () => {
    const [d] = await rows(`SELECT id FROM notification_deliveries LIMIT 1`);
    await rows(
      `UPDATE notification_deliveries SET status = 'dead', dead_at = now(), attempts = 6, last_error = 'HTTP 500' WHERE id = $1`,
      [d.id],
    );
    const list = await api().get('/api/v1/notification-deliveries').set(admin.auth).expect(200);
    expect(list.body.items).toEqual([
      expect.objectContaining({ id: d.id, status: 'dead', attempts: 6, lastError: 'HTTP 500' }),
    ]);
    expect((await api().get('/api/v1/notification-deliveries').set(other.auth).expect(200)).body.total).toBe(
      0,
    );
    expect(
      (
        await api()
          .post('/api/v1/notification-deliveries/retry')
          .set(other.auth)
          .send({ ids: [d.id] })
          .expect(200)
      ).body.retried,
    ).toBe(0);
    expect(
      (
        await api()
          .post('/api/v1/notification-deliveries/retry')
          .set(admin.auth)
          .send({ ids: [d.id] })
          .expect(200)
      ).body.retried,
    ).toBe(1);
    expect(await rows(`SELECT status, attempts FROM notification_deliveries WHERE id = $1`, [d.id])).toEqual([
      { status: 'pending', attempts: 0 },
    ]);
    await api().get('/api/v1/notification-deliveries').set(officer.auth).expect(403);
  });
});
