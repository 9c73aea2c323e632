import { Queue } from 'bullmq';
import {
  createUser,
  evaluateTenantDay,
  inScope,
  loadHolidayCalendar,
  sweepCaseDeadlines,
  sweepRectifications,
  systemScope,
  type EntityManager,
} from '@guanai/db';
import type { TenantFixture } from '@guanai/db/testing';
import { addDays, todayInShanghai } from '@guanai/domain';
import { insertTeacher } from './compliance-fixtures';
import { fixture, login, request, snapshot, startHarness, type Harness, type Session } from './harness';

// Issue 6: the holiday calendar a platform admin keeps, the dispute deadlines counted on it, their
// warnings through the reminder engine (the daily sweep and the job a case change enqueues), and
// handing a case to another handler.

let h: Harness;
let fx: TenantFixture;
let handler: Session;
let admin: Session;
let platform: Session;
let other: Session;
let handlerId: string;
let applicant: string;

const today = todayInShanghai();
const nextYear = Number(today.slice(0, 4)) + 1;
const sys = <R>(work: (em: EntityManager) => Promise<R>) => inScope(h.appDs, systemScope('test'), work);
const rows = (sql: string, params: unknown[] = []) => sys((em) => em.query(sql, params));
const api = () => request(h.http);
const tenantRef = () => ({ id: fx.tenant.id, path: fx.tenant.path, timeZone: 'Asia/Shanghai' });

beforeAll(async () => {
  h = await startHarness();
  fx = await fixture(h);
  const u = await sys((em) =>
    createUser(em, fx.tenant, {
      username: `deadlines.${fx.tenant.id.slice(0, 8)}`,
      displayName: '期限专员',
      role: 'case_handler',
      password: fx.password,
    }),
  );
  handlerId = u.id;
  applicant = await sys((em) =>
    insertTeacher(em, {
      orgId: fx.schools[0]!.id,
      tenantId: fx.tenant.id,
      name: '冯申请',
      postings: [{ orgId: fx.schools[0]!.id, from: '2012-09-01', to: null }],
    }),
  );
  [handler, admin, platform, other] = await Promise.all([
    login(h, u.username, fx.password),
    login(h, fx.users.tenantAdmin.username, fx.password),
    login(h, fx.users.platformAdmin.username, fx.password),
    login(h, fx.users.otherAdmin.username, fx.password),
  ]);
});
afterAll(async () => {
  // The calendar is the whole platform's: leave none of this file's years to the next file.
  await h.owner.query(`DELETE FROM holiday_years`);
  await h.close();
});

const create = async (over: Record<string, unknown> = {}) =>
  (
    await api()
      .post('/api/v1/cases')
      .set(handler.auth)
      .send({
        applicantTeacherIds: [applicant],
        respondent: { kind: 'outside_employer', name: '某民办培训机构' },
        category: 'wage_arrears',
        claimedFen: 300_000,
        facts: '拖欠两个月工资',
        knewOn: '2026-01-05',
        ...over,
      })
      .expect(201)
  ).body;

/** A year's arrangement that makes `off` a day off (and nothing else), valid for the admin's check. */
const arrangement = (off: string[]) => ({
  source: `国务院办公厅关于${nextYear}年部分节假日安排的通知（测试）`,
  offDays: off,
  workdays: [],
});

describe('the holiday calendar (issue 6: data a platform admin can update)', () => {
  it('lists the built-in years with their notices; anyone logged in may read it', async () => {
    const res = await api().get('/api/v1/holiday-years').set(handler.auth).expect(200);
    const years = res.body.items.map((y: { year: number }) => y.year);
    expect(years).toEqual(expect.arrayContaining([2024, 2025, 2026]));
    const y2025 = res.body.items.find((y: { year: number }) => y.year === 2025);
    expect(y2025).toMatchObject({ origin: 'builtin', version: null });
    expect(y2025.source).toContain('国办发明电〔2024〕12号');
    expect(y2025.offDays).toContain('2025-01-28');
    expect(y2025.workdays).toContain('2025-01-26');
  });

  it('refuses a tenant admin (holiday.manage is the platform’s) and changes nothing', async () => {
    const before = await snapshot(h);
    await api()
      .put(`/api/v1/holiday-years/${nextYear}`)
      .set(admin.auth)
      .send(arrangement([`${nextYear}-01-01`]))
      .expect(403);
    expect(await snapshot(h)).toBe(before);
  });

  it('answers 422 with the field of each problem: a date outside the year, a weekday make-up day, a day both off and working', async () => {
    const before = await snapshot(h);
    const res = await api()
      .put(`/api/v1/holiday-years/${nextYear}`)
      .set(platform.auth)
      .set('Accept-Language', 'en')
      .send({
        source: '通知',
        offDays: [firstWeekday(nextYear, 1, 6), `${nextYear - 1}-12-31`],
        // The first Saturday is off and also listed as working; the first Monday of March is no weekend.
        workdays: [firstWeekday(nextYear, 1, 6), firstWeekday(nextYear, 3, 1)],
      })
      .expect(422);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body.code).toBe('HOLIDAY_YEAR_INVALID');
    const byPath = Object.fromEntries(
      res.body.errors.map((e: { path: string; code: string }) => [e.path, e.code]),
    );
    expect(byPath).toMatchObject({
      'body.offDays.1': 'HOLIDAY_DATE_OUTSIDE_YEAR',
      'body.workdays.1': 'HOLIDAY_WORKDAY_NOT_WEEKEND',
    });
    expect(Object.values(byPath)).toContain('HOLIDAY_OFF_AND_WORKDAY');
    expect(await snapshot(h)).toBe(before);
    await api()
      .put(`/api/v1/holiday-years/1999`)
      .set(platform.auth)
      .send(arrangement(['1999-01-01']))
      .expect(400);
  });

  it('keeps the write to the platform in PostgreSQL too: a tenant-scoped transaction cannot insert a year', async () => {
    await expect(
      inScope(h.appDs, { path: fx.tenant.path, requestId: 'test' }, (em) =>
        em.query(
          `INSERT INTO holiday_years (year, source, off_days, workdays) VALUES (2099, 'x', '{2099-01-01}', '{}')`,
        ),
      ),
    ).rejects.toThrow(/row-level security/);
  });

  it('an entered year recounts the deadlines: a limitation period ending on a day the notice makes a holiday moves to the next working day', async () => {
    // Known on a date whose anniversary next year is a weekday: weekends only, the period ends that day.
    const knewOn = weekdayAnniversary(nextYear);
    const c = await create({ knewOn });
    const limitation = (d: { deadlines: { kind: string; due: string; provisional: boolean }[] }) =>
      d.deadlines.find((x) => x.kind === 'limitation')!;
    const before = (await api().get(`/api/v1/cases/${c.id}/deadlines`).set(handler.auth).expect(200)).body;
    const nominal = `${nextYear}${knewOn.slice(4)}`;
    expect(limitation(before)).toMatchObject({ due: nominal, provisional: true });

    // The notice makes that day and the next off: the period ends on the first working day after.
    const put = await api()
      .put(`/api/v1/holiday-years/${nextYear}`)
      .set(platform.auth)
      .send(arrangement([nominal, addDays(nominal, 1)]))
      .expect(200);
    expect(put.body).toMatchObject({ year: nextYear, origin: 'entered', replacesBuiltin: false, version: 1 });
    const after = (await api().get(`/api/v1/cases/${c.id}/deadlines`).set(handler.auth).expect(200)).body;
    expect(limitation(after).provisional).toBe(false);
    expect(limitation(after).due > addDays(nominal, 1)).toBe(true);

    // The stored next deadline follows once the sweep runs (the worker's, run here in the tenant's scope).
    const sweep = await inScope(h.appDs, { path: fx.tenant.path, requestId: 'test' }, async (em) =>
      sweepCaseDeadlines(em, fx.tenant.id, today, await loadHolidayCalendar(em), c.id),
    );
    expect(sweep.nextDueChanged).toBe(1);
    const [stored] = await rows(
      `SELECT to_char(next_due_on, 'YYYY-MM-DD') AS d FROM dispute_cases WHERE id = $1`,
      [c.id],
    );
    expect(stored.d).toBe(limitation(after).due);

    // Replacing needs the version (someone else may have changed it); removing brings weekends back.
    await api()
      .put(`/api/v1/holiday-years/${nextYear}`)
      .set(platform.auth)
      .send(arrangement([nominal]))
      .expect(409);
    await api().delete(`/api/v1/holiday-years/${nextYear}`).set(platform.auth).expect(204);
    await api().delete(`/api/v1/holiday-years/${nextYear}`).set(platform.auth).expect(404);
    await api().delete(`/api/v1/holiday-years/2025`).set(platform.auth).expect(404);
    const audit = await rows(
      `SELECT action FROM audit_events WHERE target_type = 'holiday_year' AND target_id = $1 ORDER BY seq`,
      [String(nextYear)],
    );
    expect(audit.map((a: { action: string }) => a.action)).toEqual(['holidays.enter', 'holidays.remove']);
  });
});

describe('deadline warnings through the reminder engine', () => {
  it('a case change asks the worker to sweep that case (a job on the reminders queue)', async () => {
    const c = await create();
    const queue = new Queue('reminders', {
      connection: { url: h.config.REDIS_URL },
      prefix: h.config.REDIS_PREFIX,
    });
    try {
      const jobs = await queue.getJobs(['delayed', 'waiting']);
      expect(jobs.map((j) => [j.name, j.data])).toContainEqual([
        'reminders.case_deadlines',
        { tenantId: fx.tenant.id, caseId: c.id },
      ]);
    } finally {
      await queue.close();
    }
  });

  it('the daily evaluation warns the handler of a limitation period ending within 7 days, once, linked to the case', async () => {
    // Known 360 days ago: the year runs out in about five days.
    const c = await create({ knewOn: addDays(today, -360) });
    const run = () => evaluateTenantDay(h.appDs, tenantRef(), today);
    await run();
    await run();
    const reminders = await rows(
      `SELECT rule_key, audience, to_char(occurs_on, 'YYYY-MM-DD') AS occurs_on, title FROM reminders
        WHERE subject_kind = 'case' AND subject_id = $1`,
      [c.id],
    );
    // Within the week (or 30 days, when a holiday pushes the period's end further).
    expect(reminders).toEqual([
      expect.objectContaining({
        rule_key: expect.stringMatching(/^case:limitation:warn(7|30)$/),
        audience: 'case_handler',
      }),
    ]);
    expect(reminders[0].title).toContain('仲裁时效');
    const notes = await rows(
      `SELECT n.user_id, n.link FROM notifications n JOIN reminders r ON r.id = n.reminder_id WHERE r.subject_id = $1`,
      [c.id],
    );
    // The case's handler only (it has one), and the notification opens the case.
    expect(notes).toEqual([{ user_id: handlerId, link: `/cases/${c.id}` }]);
  });

  it('flags a deadline gone by, and tells the union’s administrators and handlers when the case has no handler', async () => {
    const c = await create({ knewOn: addDays(today, -30) });
    await rows(`UPDATE dispute_cases SET handler_id = NULL, custom_deadlines = $2 WHERE id = $1`, [
      c.id,
      JSON.stringify([{ id: 'evidence', label: '补交证据', due: addDays(today, -2) }]),
    ]);
    await evaluateTenantDay(h.appDs, tenantRef(), today);
    const [flag] = await rows(
      `SELECT id, rule_key FROM reminders WHERE subject_id = $1 AND rule_key LIKE '%passed'`,
      [c.id],
    );
    expect(flag.rule_key).toBe('case:custom:evidence:passed');
    const told = await rows(`SELECT user_id FROM notifications WHERE reminder_id = $1 ORDER BY user_id`, [
      flag.id,
    ]);
    expect(told.map((n: { user_id: string }) => n.user_id).sort()).toEqual(
      [handlerId, fx.users.tenantAdmin.id].sort(),
    );
    // The list flags it as overdue.
    const list = await api().get('/api/v1/cases').query({ overdue: 'true' }).set(handler.auth).expect(200);
    expect(list.body.items.map((x: { id: string }) => x.id)).toContain(c.id);
  });
});

describe('a case with inconsistent dates', () => {
  it('is left out of the sweep (and named), without stopping the union’s evaluation', async () => {
    const bad = await create({ knewOn: addDays(today, -30) });
    const good = await create({ knewOn: addDays(today, -361) });
    // Mediation applied for before the teacher knew: the API refuses this; a hand edit could do it.
    await rows(`UPDATE dispute_cases SET state = 'mediation', mediation_applied_on = $2 WHERE id = $1`, [
      bad.id,
      addDays(today, -60),
    ]);
    const result = await evaluateTenantDay(h.appDs, tenantRef(), today);
    expect(result.skippedCases).toEqual([bad.id]);
    const warned = await rows(`SELECT rule_key FROM reminders WHERE subject_id = $1`, [good.id]);
    // Within the week (warn7), or the 30-day warning when a holiday pushes the period's end further.
    expect(warned).toEqual([{ rule_key: expect.stringMatching(/^case:limitation:warn(7|30)$/) }]);
    await rows(`UPDATE dispute_cases SET state = 'withdrawn', closed_on = $2 WHERE id = $1`, [bad.id, today]);
  });
});

describe('supervision: the rectification deadline through the reminder engine', () => {
  const visit = (rectifyBy: string) =>
    api()
      .post('/api/v1/supervision-visits')
      .set(handler.auth)
      .send({
        schoolId: fx.schools[1]!.id,
        visitedOn: addDays(today, -10),
        inspectors: ['期限专员'],
        schoolOwnership: 'private',
        checks: {
          wages: { result: 'finding', note: '绩效工资迟发' },
          socialInsurance: { result: 'compliant' },
          housingFund: { result: 'compliant' },
          contracts: { result: 'not_checked' },
        },
        findings: [{ check: 'wages', description: '九月绩效工资迟发两周' }],
        rectifyBy,
      })
      .expect(201);

  it('warns the union a week before the school’s deadline and flags it once passed, leading to the school’s visits', async () => {
    const soon = (await visit(addDays(today, 3))).body;
    const late = (await visit(addDays(today, -1))).body;
    await evaluateTenantDay(h.appDs, tenantRef(), today);
    const found = await rows(
      `SELECT r.subject_id, r.rule_key, array_agg(n.user_id::text ORDER BY n.user_id) AS told, min(n.link) AS link
         FROM reminders r JOIN notifications n ON n.reminder_id = r.id
        WHERE r.subject_kind = 'supervision_visit' AND r.subject_id = ANY($1::uuid[]) GROUP BY r.id`,
      [[soon.id, late.id]],
    );
    const by = Object.fromEntries(found.map((r: { subject_id: string }) => [r.subject_id, r]));
    expect(by[soon.id]).toMatchObject({ rule_key: 'supervision:rectify:warn7' });
    expect(by[late.id]).toMatchObject({ rule_key: 'supervision:rectify:passed' });
    // The union's administrators and case handlers; the link opens the school's visits.
    expect(by[soon.id].told).toEqual([handlerId, fx.users.tenantAdmin.id].sort());
    expect(by[soon.id].link).toBe(`/supervision?schoolId=${fx.schools[1]!.id}`);
    // Rectified: the sweep no longer looks at it.
    await api()
      .post(`/api/v1/supervision-visits/${late.id}/follow-up`)
      .set(handler.auth)
      .send({ version: late.version, result: '已补发', rectifiedOn: today })
      .expect(200);
    const swept = await inScope(h.appDs, { path: fx.tenant.path, requestId: 'test' }, (em) =>
      sweepRectifications(em, fx.tenant.id, today),
    );
    expect(swept.map((r) => r.subjectId)).toEqual([soon.id]);
  });
});

describe('a settlement’s performance (issue 6: performance of the agreement followed up)', () => {
  const move = (c: { id: string; version: number }, action: string, details: Record<string, unknown> = {}) =>
    api()
      .post(`/api/v1/cases/${c.id}/transitions`)
      .set(handler.auth)
      .send({ version: c.version, action, ...details });

  it('the agreement’s performance date becomes a deadline of the case; one before the agreement, or on another move, is refused', async () => {
    let c = await create({ knewOn: addDays(today, -40) });
    c = (await move(c, 'accept').expect(200)).body;
    // On a move other than settling: refused on the field, nothing written.
    const refused = await move(c, 'start_mediation', {
      mediatorName: '调解委员会',
      on: addDays(today, -10),
      performanceDueOn: addDays(today, 20),
    }).expect(422);
    expect(refused.body.errors).toEqual([expect.objectContaining({ path: 'body.performanceDueOn' })]);
    c = (
      await move(c, 'start_mediation', { mediatorName: '调解委员会', on: addDays(today, -10) }).expect(200)
    ).body;
    const early = await move(c, 'settle', {
      on: addDays(today, -2),
      performanceDueOn: addDays(today, -3),
    }).expect(422);
    expect(early.body.errors).toEqual([
      expect.objectContaining({ path: 'body.performanceDueOn', code: 'CASE_DATE_OUT_OF_ORDER' }),
    ]);
    c = (
      await move(c, 'settle', { on: addDays(today, -2), performanceDueOn: addDays(today, 30) }).expect(200)
    ).body;
    expect(c.state).toBe('settled');
    expect(c.customDeadlines).toEqual([
      expect.objectContaining({
        id: 'agreement-performance',
        label: '调解协议履行期限',
        due: addDays(today, 30),
      }),
    ]);
    const deadlines = (await api().get(`/api/v1/cases/${c.id}/deadlines`).set(handler.auth).expect(200)).body;
    expect(deadlines.deadlines).toContainEqual(
      expect.objectContaining({ key: 'custom:agreement-performance', due: addDays(today, 30), daysLeft: 30 }),
    );
    expect(c.events.at(-1).details).toMatchObject({ performanceDueOn: addDays(today, 30) });
  });
});

describe('handing a case to another handler', () => {
  it('lists who may handle the union’s cases and hands the case over, on the timeline and in the audit log', async () => {
    const c = await create();
    const who = await api().get('/api/v1/case-handlers').set(handler.auth).expect(200);
    expect(who.body.items).toEqual(
      expect.arrayContaining([
        { id: handlerId, name: '期限专员', role: 'case_handler' },
        expect.objectContaining({ id: fx.users.tenantAdmin.id, role: 'tenant_admin' }),
      ]),
    );
    const res = await api()
      .put(`/api/v1/cases/${c.id}/handler`)
      .set(handler.auth)
      .send({ version: c.version, handlerId: fx.users.tenantAdmin.id, reason: '休假交接' })
      .expect(200);
    expect(res.body).toMatchObject({ handlerId: fx.users.tenantAdmin.id, state: 'submitted', version: 2 });
    expect(res.body.events.at(-1)).toMatchObject({ action: 'assign_handler', reason: '休假交接' });
    const [a] = await rows(`SELECT action FROM audit_events WHERE target_id = $1 ORDER BY seq DESC LIMIT 1`, [
      c.id,
    ]);
    expect(a.action).toBe('case.assign_handler');
  });

  it('refuses a school officer as handler (422 on the field), a stale version (409), another union (404), nothing written', async () => {
    const c = await create();
    const before = await snapshot(h);
    const bad = await api()
      .put(`/api/v1/cases/${c.id}/handler`)
      .set(handler.auth)
      .send({ version: c.version, handlerId: fx.users.officer.id })
      .expect(422);
    expect(bad.body.errors).toEqual([
      expect.objectContaining({ path: 'body.handlerId', code: 'CASE_HANDLER_INVALID' }),
    ]);
    await api()
      .put(`/api/v1/cases/${c.id}/handler`)
      .set(handler.auth)
      .send({ version: c.version + 1, handlerId: fx.users.tenantAdmin.id })
      .expect(409);
    await api()
      .put(`/api/v1/cases/${c.id}/handler`)
      .set(other.auth)
      .send({ version: c.version, handlerId: fx.users.otherAdmin.id })
      .expect(404);
    expect(await snapshot(h)).toBe(before);
  });
});

/** The first day of a month falling on a weekday (0 Sunday … 6 Saturday). */
function firstWeekday(year: number, month: number, weekday: number): string {
  const d = new Date(Date.UTC(year, month - 1, 1));
  while (d.getUTCDay() !== weekday) d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** A date in this year, not in the future, whose anniversary next year is a Tuesday to Thursday. */
function weekdayAnniversary(year: number): string {
  for (let day = 1; day < 300; day++) {
    const d = new Date(Date.UTC(year, 0, day));
    const wd = d.getUTCDay();
    if (wd < 2 || wd > 4) continue;
    const knew = `${year - 1}${d.toISOString().slice(4, 10)}`;
    if (knew <= today && knew.slice(5) !== '02-29') return knew;
  }
  throw new Error('no such day');
}
