import { createUser, inScope, systemScope, type EntityManager } from '@guanai/db';
import type { TenantFixture } from '@guanai/db/testing';
import { addDays, todayInShanghai } from '@guanai/domain';
import { insertTeacher } from './compliance-fixtures';
import { fixture, login, request, snapshot, startHarness, type Harness, type Session } from './harness';

// Issue 6, first slice: dispute cases through the API — intake, list, open (audited), the workflow as a
// server-enforced state machine, the statutory deadlines, the applicant teacher's self-service, and the
// tenancy walls (permission, scope, row-level security).

let h: Harness;
let fx: TenantFixture;
let handler: Session;
let admin: Session;
let officer: Session;
let teacher: Session;
let other: Session;
let applicant: string;
let neighbour: string;
let farTeacher: string;

const FACTS = '学校自2024年9月起拖欠绩效工资三个月，校长口头承诺年底补发但未兑现';
const CLAIMS = '补发拖欠的绩效工资并支付经济补偿';
const today = todayInShanghai();
const sys = <R>(work: (em: EntityManager) => Promise<R>) => inScope(h.appDs, systemScope('test'), work);
const rows = (sql: string, params: unknown[] = []) => sys((em) => em.query(sql, params));
const api = () => request(h.http);

beforeAll(async () => {
  h = await startHarness();
  fx = await fixture(h);
  const handlerUser = await sys((em) =>
    createUser(em, fx.tenant, {
      username: `handler.${fx.tenant.id.slice(0, 8)}`,
      displayName: '维权专员',
      role: 'case_handler',
      password: fx.password,
    }),
  );
  await sys(async (em) => {
    const at = (orgId: string, tenantId: string) => ({
      orgId,
      tenantId,
      postings: [{ orgId, from: '2010-09-01', to: null }],
    });
    applicant = await insertTeacher(em, { ...at(fx.schools[1]!.id, fx.tenant.id), name: '周申请' });
    neighbour = await insertTeacher(em, { ...at(fx.schools[0]!.id, fx.tenant.id), name: '吴同事' });
    farTeacher = await insertTeacher(em, { ...at(fx.otherSchool.id, fx.otherTenant.id), name: '郑乙县' });
    // The fixture's teacher account is this teacher's (a school officer links them in the registry).
    await em.query(`UPDATE teachers SET linked_user_id = $1 WHERE id = $2`, [fx.users.teacher.id, applicant]);
  });
  [handler, admin, officer, teacher, other] = await Promise.all([
    login(h, handlerUser.username, fx.password),
    login(h, fx.users.tenantAdmin.username, fx.password),
    login(h, fx.users.officer.username, fx.password),
    login(h, fx.users.teacher.username, fx.password),
    login(h, fx.users.otherAdmin.username, fx.password),
  ]);
});
afterAll(() => h.close());

const intake = (over: Record<string, unknown> = {}) => ({
  applicantTeacherIds: [applicant, neighbour],
  respondent: { kind: 'registry_school', orgId: fx.schools[1]!.id },
  category: 'wage_arrears',
  claimedFen: 1_850_000,
  otherClaims: CLAIMS,
  facts: FACTS,
  knewOn: '2025-02-10',
  ...over,
});
const create = async (s: Session = handler, over: Record<string, unknown> = {}) =>
  (await api().post('/api/v1/cases').set(s.auth).send(intake(over)).expect(201)).body;
const move = (
  s: Session,
  c: { id: string; version: number },
  action: string,
  details: Record<string, unknown> = {},
) =>
  api()
    .post(`/api/v1/cases/${c.id}/transitions`)
    .set(s.auth)
    .send({ version: c.version, action, ...details });

describe('intake, list and open', () => {
  it('takes in a case from a handler: applicants, respondent, claims; state submitted, the intake on the timeline', async () => {
    const c = await create();
    expect(c).toMatchObject({
      state: 'submitted',
      category: 'wage_arrears',
      claimedFen: 1_850_000,
      respondent: { kind: 'registry_school', orgId: fx.schools[1]!.id, name: fx.schools[1]!.name },
      orgId: fx.tenant.id,
      facts: FACTS,
      otherClaims: CLAIMS,
      knewOn: '2025-02-10',
      allowedActions: ['accept', 'decline', 'withdraw'],
      version: 1,
    });
    expect(c.applicants.map((a: { teacherId: string }) => a.teacherId).sort()).toEqual(
      [applicant, neighbour].sort(),
    );
    expect(c.events).toEqual([
      expect.objectContaining({
        action: 'submit',
        fromState: null,
        toState: 'submitted',
        actorName: '维权专员',
      }),
    ]);
  });

  it('seals the facts and claims: the columns hold no clear text', async () => {
    const c = await create(handler, { facts: `${FACTS}（密封核对）`, otherClaims: `${CLAIMS}（密封核对）` });
    const [row] = await rows(
      `SELECT facts_enc, claims_enc, claimed_fen::text AS fen FROM dispute_cases WHERE id = $1`,
      [c.id],
    );
    expect(row.facts_enc).toMatch(/^v1\.k1\./);
    expect(row.claims_enc).toMatch(/^v1\.k1\./);
    expect(row.facts_enc).not.toContain('绩效');
    expect(Buffer.from(row.facts_enc.split('.').pop(), 'base64url').toString('utf8')).not.toContain('绩效');
    expect(row.fen).toBe('1850000');
    const audit = await rows(`SELECT after::text AS a FROM audit_events WHERE target_id = $1`, [c.id]);
    expect(audit.map((a: { a: string }) => a.a).join('')).not.toContain('绩效');
  });

  it('lists masked summaries, filtered by state, category, handler and deadline; never the facts', async () => {
    const recent = await create(handler, {
      category: 'social_insurance_housing_fund',
      knewOn: addDays(today, -10),
    });
    const res = await api()
      .get('/api/v1/cases')
      .query({ category: 'social_insurance_housing_fund' })
      .set(handler.auth)
      .expect(200);
    expect(res.body.items.map((c: { id: string }) => c.id)).toContain(recent.id);
    expect(
      res.body.items.every((c: { category: string }) => c.category === 'social_insurance_housing_fund'),
    ).toBe(true);
    expect(JSON.stringify(res.body)).not.toContain('绩效');
    expect(res.body.items[0]).not.toHaveProperty('facts');
    // The one-year limitation from ten days ago (moved past rest days): due in about 355 days, not within 30.
    expect(recent.nextDueOn >= addDays(today, 354) && recent.nextDueOn <= addDays(today, 375)).toBe(true);
    const within = async (q: Record<string, unknown>) =>
      (
        await api()
          .get('/api/v1/cases')
          .query({ ...q, pageSize: 200 })
          .set(handler.auth)
          .expect(200)
      ).body.items.map((c: { id: string }) => c.id);
    expect(await within({ deadlineWithinDays: 366 })).toContain(recent.id);
    expect(await within({ deadlineWithinDays: 30 })).not.toContain(recent.id);
    expect(await within({ overdue: 'false' })).toContain(recent.id);
    expect(await within({ overdue: 'true' })).not.toContain(recent.id);
    const handlerId = (await api().get('/api/v1/me').set(handler.auth).expect(200)).body.id;
    expect(await within({ handlerId, state: 'submitted' })).toContain(recent.id);
    expect(await within({ state: 'closed' })).not.toContain(recent.id);
    // A limitation that ran out (known in early 2025, nothing applied for): overdue.
    const old = await create(handler, { knewOn: '2024-01-10' });
    expect(old.nextDueOn).toBe('2025-01-10');
    expect(await within({ overdue: 'true' })).toContain(old.id);
  });

  it('opens a case with the facts in clear, and audits every open', async () => {
    const c = await create();
    await api().get(`/api/v1/cases/${c.id}`).set(admin.auth).expect(200);
    const res = await api().get(`/api/v1/cases/${c.id}`).set(handler.auth).expect(200);
    expect(res.body).toMatchObject({ id: c.id, facts: FACTS, otherClaims: CLAIMS });
    const opens = await rows(
      `SELECT actor_name, org_id FROM audit_events WHERE action = 'case.open' AND target_id = $1 ORDER BY seq`,
      [c.id],
    );
    expect(opens).toEqual([
      { actor_name: fx.users.tenantAdmin.username, org_id: fx.tenant.id },
      { actor_name: expect.stringMatching(/^handler\./), org_id: fx.tenant.id },
    ]);
  });
});

describe('the workflow (a state machine the server enforces)', () => {
  it('runs submitted → accepted → mediation → mediation_failed → arbitration → closed, with the amount recovered', async () => {
    let c = await create();
    c = (await move(handler, c, 'accept').expect(200)).body;
    expect(c).toMatchObject({ state: 'accepted', allowedActions: ['start_mediation', 'withdraw'] });
    c = (
      await move(handler, c, 'start_mediation', {
        mediatorName: '县劳动争议调解委员会 王调解员',
        on: '2025-03-03',
      }).expect(200)
    ).body;
    expect(c).toMatchObject({
      state: 'mediation',
      mediatorName: '县劳动争议调解委员会 王调解员',
      mediationAppliedOn: '2025-03-03',
    });
    c = (
      await move(handler, c, 'fail_mediation', { on: '2025-03-20', reason: '学校拒绝调解方案' }).expect(200)
    ).body;
    expect(c).toMatchObject({ state: 'mediation_failed', mediationEndedOn: '2025-03-20' });
    c = (await move(handler, c, 'start_arbitration', { on: '2025-03-24' }).expect(200)).body;
    expect(c).toMatchObject({ state: 'arbitration', arbitrationAppliedOn: '2025-03-24' });
    c = (
      await api()
        .patch(`/api/v1/cases/${c.id}/facts`)
        .set(handler.auth)
        .send({ version: c.version, arbitrationAcceptedOn: '2025-05-06' })
        .expect(200)
    ).body;
    c = (
      await move(handler, c, 'close', {
        outcome: 'partly_upheld',
        amountRecoveredFen: 1_234_500,
        reason: '仲裁裁决部分支持',
      }).expect(200)
    ).body;
    expect(c).toMatchObject({
      state: 'closed',
      outcome: 'partly_upheld',
      amountRecoveredFen: 1_234_500,
      closedOn: today,
      allowedActions: [],
      nextDueOn: null,
    });
    expect(
      c.events.map((e: { action: string; fromState: string | null; toState: string }) => [
        e.action,
        e.fromState,
        e.toState,
      ]),
    ).toEqual([
      ['submit', null, 'submitted'],
      ['accept', 'submitted', 'accepted'],
      ['start_mediation', 'accepted', 'mediation'],
      ['fail_mediation', 'mediation', 'mediation_failed'],
      ['start_arbitration', 'mediation_failed', 'arbitration'],
      ['update_facts', 'arbitration', 'arbitration'],
      ['close', 'arbitration', 'closed'],
    ]);
    expect(c.events[3]).toMatchObject({ reason: '学校拒绝调解方案', details: { on: '2025-03-20' } });
    // A closed case moves no further: 409 with nothing allowed.
    const res = await move(handler, c, 'withdraw').expect(409);
    expect(res.body).toMatchObject({ code: 'CASE_TRANSITION_NOT_ALLOWED', allowed: [] });
  });

  it('declines with a reason, and refuses a decline without one (422 naming the field, nothing written)', async () => {
    const c = await create();
    const before = await snapshot(h);
    const bad = await move(handler, c, 'decline').expect(422);
    expect(bad.body.errors).toEqual([
      expect.objectContaining({ path: 'body.reason', code: 'CASE_REASON_REQUIRED' }),
    ]);
    expect(await snapshot(h)).toBe(before);
    const res = await move(handler, c, 'decline', { reason: '不属于劳动人事争议受理范围' }).expect(200);
    expect(res.body).toMatchObject({ state: 'declined', closedOn: today, allowedActions: [] });
    expect(res.body.events.at(-1)).toMatchObject({ action: 'decline', reason: '不属于劳动人事争议受理范围' });
  });

  it('refuses a stale version with 409', async () => {
    const c = await create();
    await move(handler, c, 'accept').expect(200);
    expect((await move(handler, c, 'decline', { reason: '重复' }).expect(409)).body.code).toBe(
      'STALE_VERSION',
    );
  });
});

describe('deadlines (劳动争议调解仲裁法 第十四条、第二十七条、第四十三条; rest days under the built-in calendar)', () => {
  it('mediation: 15 days from the application; award: 45 days from acceptance, plus the extension', async () => {
    let c = await create();
    c = (await move(handler, c, 'accept').expect(200)).body;
    c = (
      await move(handler, c, 'start_mediation', { mediatorName: '王调解员', on: '2025-03-03' }).expect(200)
    ).body;
    const get = async () =>
      (await api().get(`/api/v1/cases/${c.id}/deadlines`).set(handler.auth).expect(200)).body;
    let d = await get();
    expect(d.today).toBe(today);
    const by = (key: string) => d.deadlines.find((x: { key: string }) => x.key === key);
    // 2025-03-03 + 15 days (the starting day not counted) = Tuesday 2025-03-18; gone by without an agreement.
    expect(by('mediation')).toMatchObject({
      due: '2025-03-18',
      start: '2025-03-03',
      closedOn: null,
      passed: true,
      clause: '劳动争议调解仲裁法 第十四条',
    });
    expect(by('mediation').daysLeft).toBeLessThan(0);
    expect(by('limitation')).toMatchObject({ due: '2026-02-10', closedOn: null });
    c = (await move(handler, c, 'fail_mediation', { on: '2025-03-20' }).expect(200)).body;
    c = (await move(handler, c, 'start_arbitration', { on: '2025-03-24' }).expect(200)).body;
    c = (
      await api()
        .patch(`/api/v1/cases/${c.id}/facts`)
        .set(handler.auth)
        .send({ version: c.version, arbitrationAcceptedOn: '2025-05-06' })
        .expect(200)
    ).body;
    d = await get();
    // 2025-05-06 + 45 days = Friday 2025-06-20; the limitation stopped when arbitration was applied for.
    expect(by('award')).toMatchObject({ due: '2025-06-20', start: '2025-05-06', passed: true });
    expect(by('limitation')).toMatchObject({ closedOn: '2025-03-24', passed: false });
    expect(by('mediation')).toMatchObject({ closedOn: '2025-03-20', passed: true });
    c = (
      await api()
        .patch(`/api/v1/cases/${c.id}/facts`)
        .set(handler.auth)
        .send({ version: c.version, awardExtensionDays: 10 })
        .expect(200)
    ).body;
    d = await get();
    // Extended by 10 days: one period of 55 days, ending Monday 2025-06-30.
    expect(by('award')).toMatchObject({ due: '2025-06-30' });
    // At most 15 more days (第四十三条): refused by the contract, nothing written.
    const before = await snapshot(h);
    const bad = await api()
      .patch(`/api/v1/cases/${c.id}/facts`)
      .set(handler.auth)
      .send({ version: c.version, awardExtensionDays: 16 })
      .expect(400);
    expect(bad.body.errors[0].path).toBe('body.awardExtensionDays');
    expect(await snapshot(h)).toBe(before);
  });

  it('a period ending in the National Day holiday ends on the next working day', async () => {
    let c = await create();
    c = (await move(handler, c, 'accept').expect(200)).body;
    c = (
      await move(handler, c, 'start_mediation', { mediatorName: '王调解员', on: '2025-09-23' }).expect(200)
    ).body;
    const d = (await api().get(`/api/v1/cases/${c.id}/deadlines`).set(handler.auth).expect(200)).body;
    // 2025-09-23 + 15 = 2025-10-08, a day off of 国庆节、中秋节 2025 (10-01 to 10-08): due 2025-10-09.
    expect(d.deadlines.find((x: { key: string }) => x.key === 'mediation')).toMatchObject({
      nominalDue: '2025-10-08',
      due: '2025-10-09',
    });
  });
});

describe('bad input: a clear 4xx with the field, and nothing written', () => {
  it.each([
    [
      'a knowledge date in the future',
      () => ({ knewOn: addDays(today, 1) }),
      422,
      'body.knewOn',
      'DATE_IN_FUTURE',
    ],
    ['a claim in fractions of fen', () => ({ claimedFen: 100.5 }), 400, 'body.claimedFen', 'invalid_type'],
    ['an unknown category', () => ({ category: 'tax' }), 400, 'body.category', 'invalid_value'],
    ['a negative claim', () => ({ claimedFen: -1 }), 400, 'body.claimedFen', 'too_small'],
    [
      'an applicant of another union',
      () => ({ applicantTeacherIds: [farTeacher] }),
      422,
      'body.applicantTeacherIds.0',
      'CASE_APPLICANT_NOT_IN_SCOPE',
    ],
    [
      'a respondent school of another union',
      () => ({ respondent: { kind: 'registry_school', orgId: fx.otherSchool.id } }),
      422,
      'body.respondent.orgId',
      'CASE_RESPONDENT_NOT_A_SCHOOL',
    ],
    ['no facts', () => ({ facts: '  ' }), 400, 'body.facts', 'too_small'],
  ])('refuses %s', async (_what, over, status, path, code) => {
    // Thunks: the fixture's ids exist only once beforeAll has run.
    const before = await snapshot(h);
    const res = await api().post('/api/v1/cases').set(handler.auth).send(intake(over())).expect(status);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
    const err = res.body.errors.find((e: { path: string }) => e.path === path);
    expect(err).toBeDefined();
    if (status === 422) expect(err.code).toBe(code);
    expect(await snapshot(h)).toBe(before);
  });

  it('refuses a transition skipping mediation with 409 and the actions allowed', async () => {
    let c = await create();
    c = (await move(handler, c, 'accept').expect(200)).body;
    const before = await snapshot(h);
    const res = await move(handler, c, 'start_arbitration', { on: '2025-03-24' }).expect(409);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
    expect(res.body).toMatchObject({
      code: 'CASE_SKIPS_MEDIATION',
      allowed: ['start_mediation', 'withdraw'],
    });
    const lit = await move(handler, c, 'start_litigation', { on: '2025-03-24' }).expect(409);
    expect(lit.body.allowed).toEqual(['start_mediation', 'withdraw']);
    const settle = await move(handler, c, 'settle', { on: '2025-03-24' }).expect(409);
    expect(settle.body).toMatchObject({
      code: 'CASE_TRANSITION_NOT_ALLOWED',
      allowed: ['start_mediation', 'withdraw'],
    });
    expect(await snapshot(h)).toBe(before);
  });

  it('refuses a mediation said to start before the teacher knew, and a close without an amount', async () => {
    let c = await create();
    c = (await move(handler, c, 'accept').expect(200)).body;
    const before = await snapshot(h);
    const early = await move(handler, c, 'start_mediation', {
      mediatorName: '王调解员',
      on: '2025-01-01',
    }).expect(422);
    expect(early.body.errors).toEqual([
      expect.objectContaining({ path: 'body.on', code: 'CASE_DATE_OUT_OF_ORDER' }),
    ]);
    const noMediator = await move(handler, c, 'start_mediation', { on: '2025-03-03' }).expect(422);
    expect(noMediator.body.errors).toEqual([
      expect.objectContaining({ path: 'body.mediatorName', code: 'CASE_MEDIATOR_REQUIRED' }),
    ]);
    const fraction = await move(handler, c, 'start_mediation', {
      mediatorName: '王',
      on: '2025-03-03',
      amountRecoveredFen: 0.5,
    }).expect(400);
    expect(fraction.body.errors[0].path).toBe('body.amountRecoveredFen');
    expect(await snapshot(h)).toBe(before);
  });
});

describe('who sees a case', () => {
  it('a school officer holds no case permission (list 403; a case 404, as another union gets)', async () => {
    const c = await create();
    const before = await snapshot(h);
    expect((await api().get('/api/v1/cases').set(officer.auth).expect(403)).body.code).toBe('FORBIDDEN');
    await api().get(`/api/v1/cases/${c.id}`).set(officer.auth).expect(404);
    await api().get(`/api/v1/cases/${c.id}/deadlines`).set(officer.auth).expect(404);
    expect((await api().get(`/api/v1/cases/${c.id}`).set(other.auth).expect(404)).body.code).toBe(
      'NOT_FOUND',
    );
    await api().get(`/api/v1/cases/${c.id}/deadlines`).set(other.auth).expect(404);
    await move(other, c, 'accept').expect(404);
    const list = await api().get('/api/v1/cases').query({ pageSize: 200 }).set(other.auth).expect(200);
    expect(list.body.items.map((x: { id: string }) => x.id)).not.toContain(c.id);
    expect(await snapshot(h)).toBe(before);
  });

  it('row-level security: another union’s scope reads no case rows and cannot insert one', async () => {
    const scope = { path: fx.otherTenant.path, userId: fx.users.otherAdmin.id };
    const count = `SELECT (SELECT count(*) FROM dispute_cases)::int AS c, (SELECT count(*) FROM dispute_case_applicants)::int AS a,
      (SELECT count(*) FROM dispute_case_events)::int AS e`;
    expect(await inScope(h.appDs, scope, (em) => em.query(count))).toEqual([{ c: 0, a: 0, e: 0 }]);
    await expect(
      inScope(h.appDs, scope, (em) =>
        em.query(
          `INSERT INTO dispute_cases (id, org_id, category, respondent_kind, respondent_name, facts_enc, knew_on, submitted_by)
           VALUES (gen_random_uuid(), $1, 'other', 'private_school', 'x', 'x', '2025-01-01', $2)`,
          [fx.tenant.id, fx.users.otherAdmin.id],
        ),
      ),
    ).rejects.toThrow(/row-level security/);
  });

  it('row-level security: a school officer’s scope (their school may be the respondent) reads no case rows', async () => {
    const scope = { path: fx.schools[0]!.path, userId: fx.users.officer.id };
    expect(
      await inScope(h.appDs, scope, (em) =>
        em.query(
          `SELECT (SELECT count(*) FROM dispute_cases)::int AS c, (SELECT count(*) FROM dispute_case_events)::int AS e`,
        ),
      ),
    ).toEqual([{ c: 0, e: 0 }]);
  });

  it('the timeline is append-only for the application role', async () => {
    await expect(
      inScope(h.appDs, { path: fx.tenant.path }, (em) =>
        em.query(`UPDATE dispute_case_events SET reason = 'x'`),
      ),
    ).rejects.toThrow(/permission denied/);
    await expect(
      inScope(h.appDs, { path: fx.tenant.path }, (em) => em.query(`DELETE FROM dispute_case_events`)),
    ).rejects.toThrow(/permission denied/);
  });
});

describe('the applicant teacher (self-service)', () => {
  it('asks for help, follows status and deadlines, and withdraws; the handlers see the case', async () => {
    const res = await api()
      .post('/api/v1/me/cases')
      .set(teacher.auth)
      .send({
        category: 'termination_dismissal',
        respondent: { kind: 'private_school', name: '某民办学校' },
        claimedFen: 0,
        facts: '学校口头通知解聘，未签书面通知',
        knewOn: '2025-06-01',
      })
      .expect(201);
    const mine = res.body;
    expect(mine).toMatchObject({
      state: 'submitted',
      category: 'termination_dismissal',
      respondentName: '某民办学校',
      allowedActions: ['withdraw'],
    });
    expect(mine).not.toHaveProperty('facts');
    expect(mine.deadlines).toEqual([expect.objectContaining({ key: 'limitation', due: '2026-06-01' })]);

    const listed = (await api().get('/api/v1/me/cases').set(teacher.auth).expect(200)).body.items;
    expect(listed.map((c: { id: string }) => c.id)).toContain(mine.id);
    expect(JSON.stringify(listed)).not.toContain('绩效');

    const seen = await api().get(`/api/v1/cases/${mine.id}`).set(handler.auth).expect(200);
    expect(seen.body).toMatchObject({
      orgId: fx.tenant.id,
      state: 'submitted',
      handlerId: null,
      facts: '学校口头通知解聘，未签书面通知',
    });
    expect(seen.body.applicants).toEqual([expect.objectContaining({ teacherId: applicant })]);

    // The teacher holds no case permission: the handlers' routes are closed to them.
    await api().get(`/api/v1/cases/${mine.id}`).set(teacher.auth).expect(404);
    await move(teacher, mine, 'withdraw').expect(404);

    const w = await api()
      .post(`/api/v1/me/cases/${mine.id}/withdraw`)
      .set(teacher.auth)
      .send({ version: mine.version, reason: '已与学校协商解决' })
      .expect(200);
    expect(w.body).toMatchObject({ state: 'withdrawn', allowedActions: [] });
    const events = (await api().get(`/api/v1/cases/${mine.id}`).set(handler.auth).expect(200)).body.events;
    expect(events.at(-1)).toMatchObject({
      action: 'withdraw',
      fromState: 'submitted',
      toState: 'withdrawn',
      reason: '已与学校协商解决',
    });
    const again = await api()
      .post(`/api/v1/me/cases/${w.body.id}/withdraw`)
      .set(teacher.auth)
      .send({ version: w.body.version })
      .expect(409);
    expect(again.body).toMatchObject({ code: 'CASE_TRANSITION_NOT_ALLOWED', allowed: [] });
  });

  it('sees the cases a handler took in for them, not others’; cannot withdraw another teacher’s case', async () => {
    const forThem = await create(handler, { applicantTeacherIds: [applicant] });
    const notThem = await create(handler, { applicantTeacherIds: [neighbour] });
    const ids = (await api().get('/api/v1/me/cases').set(teacher.auth).expect(200)).body.items.map(
      (c: { id: string }) => c.id,
    );
    expect(ids).toContain(forThem.id);
    expect(ids).not.toContain(notThem.id);
    await api()
      .post(`/api/v1/me/cases/${notThem.id}/withdraw`)
      .set(teacher.auth)
      .send({ version: notThem.version })
      .expect(404);
    // Row-level security alone: the teacher's scope sees their own case and nothing else.
    const scope = { path: fx.schools[1]!.path, userId: fx.users.teacher.id };
    const visible: { id: string }[] = await inScope(h.appDs, scope, (em) =>
      em.query(`SELECT id FROM dispute_cases`),
    );
    expect(visible.map((r) => r.id)).toContain(forThem.id);
    expect(visible.map((r) => r.id)).not.toContain(notThem.id);
  });

  it('refuses a knowledge date in the future from a teacher too, writing nothing', async () => {
    const before = await snapshot(h);
    const res = await api()
      .post('/api/v1/me/cases')
      .set(teacher.auth)
      .send({
        category: 'other',
        respondent: { kind: 'outside_employer', name: '某公司' },
        facts: '事实',
        knewOn: addDays(today, 3),
      })
      .expect(422);
    expect(res.body.errors).toEqual([
      expect.objectContaining({ path: 'body.knewOn', code: 'DATE_IN_FUTURE' }),
    ]);
    expect(await snapshot(h)).toBe(before);
  });

  it('lets only a submitting role ask (canSubmitCase), and needs a linked teacher record', async () => {
    const body = {
      category: 'other',
      respondent: { kind: 'outside_employer', name: '某公司' },
      facts: '事实',
      knewOn: '2025-01-01',
    };
    const before = await snapshot(h);
    expect((await api().post('/api/v1/me/cases').set(officer.auth).send(body).expect(403)).body.code).toBe(
      'FORBIDDEN',
    );
    expect((await api().post('/api/v1/me/cases').set(handler.auth).send(body).expect(404)).body.code).toBe(
      'NO_TEACHER_RECORD',
    );
    expect(await snapshot(h)).toBe(before);
  });
});
