import { createUser, inScope, systemScope, type EntityManager } from '@guanai/db';
import type { TenantFixture } from '@guanai/db/testing';
import { addDays, todayInShanghai } from '@guanai/domain';
import { fixture, login, request, snapshot, startHarness, type Harness, type Session } from './harness';

// Issue 6, labour-law supervision (劳动法律监督): visits to schools with the four checks, findings, a
// rectification deadline and the follow-up; a school's history; the walls (permission, scope, RLS).

let h: Harness;
let fx: TenantFixture;
let handler: Session;
let admin: Session;
let officer: Session;
let province: Session;
let other: Session;

const today = todayInShanghai();
const sys = <R>(work: (em: EntityManager) => Promise<R>) => inScope(h.appDs, systemScope('test'), work);
const rows = (sql: string, params: unknown[] = []) => sys((em) => em.query(sql, params));
const api = () => request(h.http);

beforeAll(async () => {
  h = await startHarness();
  fx = await fixture(h);
  const handlerUser = await sys((em) =>
    createUser(em, fx.tenant, {
      username: `inspector.${fx.tenant.id.slice(0, 8)}`,
      displayName: '监督员',
      role: 'case_handler',
      password: fx.password,
    }),
  );
  [handler, admin, officer, province, other] = await Promise.all([
    login(h, handlerUser.username, fx.password),
    login(h, fx.users.tenantAdmin.username, fx.password),
    login(h, fx.users.officer.username, fx.password),
    login(h, fx.users.provinceAdmin.username, fx.password),
    login(h, fx.users.otherAdmin.username, fx.password),
  ]);
});
afterAll(() => h.close());

const ok = { result: 'compliant' };
/** A visit to the rural school that found wages late and teachers without social insurance. */
const visitBody = (over: Record<string, unknown> = {}) => ({
  schoolId: fx.schools[1]!.id,
  visitedOn: addDays(today, -5),
  inspectors: ['王监督', '李检查'],
  schoolOwnership: 'private',
  checks: {
    wages: { result: 'finding', note: '绩效工资延迟发放' },
    socialInsurance: { result: 'finding' },
    housingFund: ok,
    contracts: { result: 'not_checked', note: '下次检查' },
  },
  findings: [
    { check: 'wages', description: '2025年3–4月绩效工资未按时足额发放' },
    { check: 'socialInsurance', description: '3名教师未缴纳养老保险' },
  ],
  rectifyBy: addDays(today, 25),
  ...over,
});
const clean = (over: Record<string, unknown> = {}) =>
  visitBody({
    checks: { wages: ok, socialInsurance: ok, housingFund: ok, contracts: ok },
    findings: [],
    rectifyBy: null,
    ...over,
  });
const create = async (body: Record<string, unknown> = visitBody(), s: Session = handler) =>
  (await api().post('/api/v1/supervision-visits').set(s.auth).send(body).expect(201)).body;
const list = async (q: Record<string, unknown>, s: Session = handler) =>
  (
    await api()
      .get('/api/v1/supervision-visits')
      .query({ pageSize: 200, ...q })
      .set(s.auth)
      .expect(200)
  ).body;
const ids = (page: { items: { id: string }[] }) => page.items.map((v) => v.id);
const followUp = (s: Session, v: { id: string; version: number }, body: Record<string, unknown>) =>
  api()
    .post(`/api/v1/supervision-visits/${v.id}/follow-up`)
    .set(s.auth)
    .send({ version: v.version, ...body });
/** A 422 with nothing written, answering the field errors as `path code`. */
const refused = async (body: Record<string, unknown>) => {
  const before = await snapshot(h);
  const res = await api().post('/api/v1/supervision-visits').set(handler.auth).send(body).expect(422);
  expect(res.body.code).toBe('SUPERVISION_INVALID');
  expect(await snapshot(h)).toBe(before);
  return res.body.errors.map((e: { path: string; code: string }) => `${e.path} ${e.code}`);
};

describe('recording a visit', () => {
  it('records the checks, findings and deadline; open, owned by the union; the creation audited', async () => {
    const v = await create();
    expect(v).toMatchObject({
      orgId: fx.tenant.id,
      unionName: fx.tenant.name,
      schoolId: fx.schools[1]!.id,
      schoolName: fx.schools[1]!.name,
      schoolOwnership: 'private',
      visitedOn: addDays(today, -5),
      inspectors: ['王监督', '李检查'],
      checks: {
        wages: { result: 'finding', note: '绩效工资延迟发放' },
        socialInsurance: { result: 'finding', note: null },
        housingFund: { result: 'compliant', note: null },
        contracts: { result: 'not_checked', note: '下次检查' },
      },
      findings: [
        { check: 'wages', description: '2025年3–4月绩效工资未按时足额发放' },
        { check: 'socialInsurance', description: '3名教师未缴纳养老保险' },
      ],
      rectifyBy: addDays(today, 25),
      status: 'open',
      overdue: false,
      daysLeft: 25,
      rectifiedOn: null,
      createdByName: '监督员',
      version: 1,
    });
    const [row] = await rows(
      `SELECT org_id, status, to_char(rectify_by, 'YYYY-MM-DD') AS rectify_by FROM supervision_visits WHERE id = $1`,
      [v.id],
    );
    expect(row).toEqual({ org_id: fx.tenant.id, status: 'open', rectify_by: addDays(today, 25) });
    const audit = await rows(
      `SELECT action, org_id, after FROM audit_events WHERE target_id = $1 ORDER BY seq`,
      [v.id],
    );
    expect(audit).toEqual([
      expect.objectContaining({
        action: 'supervision.create',
        org_id: fx.tenant.id,
        after: expect.objectContaining({ findings: ['wages', 'socialInsurance'], status: 'open' }),
      }),
    ]);
    expect((await api().get(`/api/v1/supervision-visits/${v.id}`).set(admin.auth).expect(200)).body).toEqual(
      v,
    );
  });

  it('a visit with nothing found has no deadline and nothing to follow up', async () => {
    const v = await create(clean({ schoolOwnership: 'public' }));
    expect(v).toMatchObject({ status: 'no_findings', rectifyBy: null, overdue: false, daysLeft: null });
    const res = await followUp(handler, v, { result: '无', rectifiedOn: today }).expect(409);
    expect(res.body.code).toBe('SUPERVISION_NO_FINDINGS');
  });

  it('a finding without a deadline → 422 at body.rectifyBy, nothing written', async () => {
    expect(await refused(visitBody({ rectifyBy: null }))).toEqual([
      'body.rectifyBy SUPERVISION_RECTIFY_BY_REQUIRED',
    ]);
    expect(await refused(visitBody({ rectifyBy: undefined }))).toEqual([
      'body.rectifyBy SUPERVISION_RECTIFY_BY_REQUIRED',
    ]);
  });

  it('a deadline before the visit → 422; a visit in the future → 422; a deadline with no finding → 422', async () => {
    expect(await refused(visitBody({ rectifyBy: addDays(today, -6) }))).toEqual([
      'body.rectifyBy SUPERVISION_RECTIFY_BY_BEFORE_VISIT',
    ]);
    expect(await refused(visitBody({ visitedOn: addDays(today, 1), rectifyBy: addDays(today, 30) }))).toEqual(
      ['body.visitedOn DATE_IN_FUTURE'],
    );
    expect(await refused(clean({ rectifyBy: addDays(today, 10) }))).toEqual([
      'body.rectifyBy SUPERVISION_RECTIFY_BY_WITHOUT_FINDINGS',
    ]);
  });

  it('the checks and the findings must agree: a marked check undescribed, a finding on a check marked compliant', async () => {
    const body = visitBody({
      checks: {
        wages: { result: 'finding' },
        socialInsurance: ok,
        housingFund: { result: 'finding' },
        contracts: ok,
      },
      findings: [
        { check: 'wages', description: '欠薪' },
        { check: 'contracts', description: '未签合同' },
      ],
    });
    expect(await refused(body)).toEqual([
      'body.checks.housingFund.result SUPERVISION_FINDING_NOT_DESCRIBED',
      'body.findings.1.check SUPERVISION_FINDING_CHECK_NOT_MARKED',
    ]);
  });

  it('a school outside the caller’s scope, or an org that is not a school → 422 at body.schoolId', async () => {
    for (const schoolId of [fx.otherSchool.id, fx.tenant.id, fx.province.id, crypto.randomUUID()])
      expect(await refused(visitBody({ schoolId }))).toEqual([
        'body.schoolId SUPERVISION_SCHOOL_NOT_IN_SCOPE',
      ]);
  });

  it('shapes the contract refuses → 400 naming the field (an unknown check result, no inspector, an unknown field)', async () => {
    const before = await snapshot(h);
    const bad = async (body: Record<string, unknown>) =>
      (
        await api().post('/api/v1/supervision-visits').set(handler.auth).send(body).expect(400)
      ).body.errors.map((e: { path: string }) => e.path);
    expect(await bad(visitBody({ checks: { ...visitBody().checks, wages: { result: 'late' } } }))).toEqual([
      'body.checks.wages.result',
    ]);
    expect(await bad(visitBody({ inspectors: [] }))).toEqual(['body.inspectors']);
    expect(await bad(visitBody({ visitedOn: '2025-02-30' }))).toEqual(['body.visitedOn']);
    expect(await bad({ ...visitBody(), status: 'rectified' })).toEqual(['body.status']);
    expect(await snapshot(h)).toBe(before);
  });
});

describe('correcting and following up', () => {
  it('follow-up: progress keeps it open, a date rectified closes it; each audited; a stale version → 409', async () => {
    let v = await create();
    v = (await followUp(handler, v, { result: '学校已补发3月绩效工资，4月待发' }).expect(200)).body;
    expect(v).toMatchObject({
      status: 'open',
      followUpResult: '学校已补发3月绩效工资，4月待发',
      rectifiedOn: null,
      followedUpByName: '监督员',
      version: 2,
    });
    await followUp(handler, { ...v, version: 1 }, { result: 'x', rectifiedOn: today }).expect(409);
    const before = await followUp(handler, v, { result: '补缴', rectifiedOn: addDays(today, -6) }).expect(
      422,
    );
    expect(before.body.errors).toEqual([
      expect.objectContaining({ path: 'body.rectifiedOn', code: 'SUPERVISION_RECTIFIED_BEFORE_VISIT' }),
    ]);
    const future = await followUp(handler, v, { result: '补缴', rectifiedOn: addDays(today, 1) }).expect(422);
    expect(future.body.errors[0]).toMatchObject({ path: 'body.rectifiedOn', code: 'DATE_IN_FUTURE' });
    v = (
      await followUp(handler, v, {
        result: '工资已全部补发，社保已补缴',
        rectifiedOn: addDays(today, -1),
      }).expect(200)
    ).body;
    expect(v).toMatchObject({
      status: 'rectified',
      rectifiedOn: addDays(today, -1),
      followUpResult: '工资已全部补发，社保已补缴',
      overdue: false,
      daysLeft: null,
      version: 3,
    });
    expect(ids(await list({ status: 'rectified' }))).toContain(v.id);
    expect(ids(await list({ status: 'open' }))).not.toContain(v.id);
    const actions = await rows(
      `SELECT action, after->>'status' AS status FROM audit_events WHERE target_id = $1 ORDER BY seq`,
      [v.id],
    );
    expect(actions).toEqual([
      { action: 'supervision.create', status: 'open' },
      { action: 'supervision.follow_up', status: 'open' },
      { action: 'supervision.follow_up', status: 'rectified' },
    ]);
  });

  it('an update replaces the record with its version; the status follows the findings', async () => {
    const v = await create();
    const { schoolId: _s, ...fields } = clean();
    const stale = await api()
      .patch(`/api/v1/supervision-visits/${v.id}`)
      .set(handler.auth)
      .send({ ...fields, version: 7 })
      .expect(409);
    expect(stale.body.code).toBe('STALE_VERSION');
    // Findings gone but the deadline left: refused, and nothing changed.
    const before = await snapshot(h);
    const res = await api()
      .patch(`/api/v1/supervision-visits/${v.id}`)
      .set(handler.auth)
      .send({ ...fields, rectifyBy: addDays(today, 3), version: 1 })
      .expect(422);
    expect(res.body.errors[0]).toMatchObject({
      path: 'body.rectifyBy',
      code: 'SUPERVISION_RECTIFY_BY_WITHOUT_FINDINGS',
    });
    expect(await snapshot(h)).toBe(before);
    const updated = (
      await api()
        .patch(`/api/v1/supervision-visits/${v.id}`)
        .set(admin.auth)
        .send({ ...fields, inspectors: ['王监督'], version: 1 })
        .expect(200)
    ).body;
    expect(updated).toMatchObject({
      status: 'no_findings',
      findings: [],
      rectifyBy: null,
      inspectors: ['王监督'],
      schoolId: fx.schools[1]!.id,
      version: 2,
    });
    const [audit] = await rows(
      `SELECT before->>'status' AS b, after->>'status' AS a FROM audit_events WHERE target_id = $1 AND action = 'supervision.update'`,
      [v.id],
    );
    expect(audit).toEqual({ b: 'open', a: 'no_findings' });
  });

  it('a visit moved after its recorded rectification → 422 at body.visitedOn', async () => {
    let v = await create();
    v = (await followUp(handler, v, { result: '已整改', rectifiedOn: addDays(today, -3) }).expect(200)).body;
    const { schoolId: _s, ...fields } = visitBody({ visitedOn: addDays(today, -2) });
    const res = await api()
      .patch(`/api/v1/supervision-visits/${v.id}`)
      .set(handler.auth)
      .send({ ...fields, version: v.version })
      .expect(422);
    expect(res.body.errors[0]).toMatchObject({
      path: 'body.visitedOn',
      code: 'SUPERVISION_VISIT_AFTER_RECTIFIED',
    });
  });
});

describe('the list and a school’s history', () => {
  it('filters overdue (open past the deadline, against today in Shanghai) and due within N days', async () => {
    const late = await create(visitBody({ visitedOn: addDays(today, -40), rectifyBy: addDays(today, -10) }));
    const soon = await create(visitBody({ rectifyBy: addDays(today, 3) }));
    const dueToday = await create(visitBody({ rectifyBy: today }));
    expect(late).toMatchObject({ status: 'open', overdue: true, daysLeft: -10 });
    expect(dueToday).toMatchObject({ overdue: false, daysLeft: 0 });
    const overdue = ids(await list({ status: 'overdue' }));
    expect(overdue).toContain(late.id);
    expect(overdue).not.toContain(soon.id);
    expect(overdue).not.toContain(dueToday.id);
    // 'open' is every visit not yet rectified, the overdue ones included.
    expect(ids(await list({ status: 'open' }))).toEqual(expect.arrayContaining([late.id, soon.id]));
    const week = ids(await list({ dueWithinDays: 7 }));
    expect(week).toEqual(expect.arrayContaining([soon.id, dueToday.id]));
    expect(week).not.toContain(late.id);
    expect(ids(await list({ dueWithinDays: 2 }))).not.toContain(soon.id);
    // Nearest deadline first: the overdue one leads the open ones.
    const byDeadline = (await list({ sort: 'rectify_by', status: 'open' })).items.map(
      (v: { rectifyBy: string }) => v.rectifyBy,
    );
    expect(byDeadline).toEqual([...byDeadline].sort());
    expect(byDeadline[0] <= addDays(today, -10)).toBe(true);
    // Rectified late: closed, no longer overdue.
    const closed = (await followUp(handler, late, { result: '已整改', rectifiedOn: today }).expect(200)).body;
    expect(closed).toMatchObject({ status: 'rectified', overdue: false });
    expect(ids(await list({ status: 'overdue' }))).not.toContain(late.id);
  });

  it('private schools only, private first, one school; paged with a total', async () => {
    const pub = await create(
      clean({ schoolId: fx.schools[0]!.id, schoolOwnership: 'public', visitedOn: today }),
    );
    const priv = await create(visitBody({ visitedOn: addDays(today, -20) }));
    const onlyPrivate = await list({ ownership: 'private' });
    expect(ids(onlyPrivate)).toContain(priv.id);
    expect(ids(onlyPrivate)).not.toContain(pub.id);
    expect(onlyPrivate.items.every((v: { schoolOwnership: string }) => v.schoolOwnership === 'private')).toBe(
      true,
    );
    const first = (await list({ sort: 'private_first' })).items.map(
      (v: { schoolOwnership: string }) => v.schoolOwnership,
    );
    expect(first.indexOf('public')).toBeGreaterThan(first.lastIndexOf('private'));
    // Newest first by default: today's public visit leads.
    expect((await list({})).items[0].id).toBe(pub.id);
    const one = await list({ schoolId: fx.schools[0]!.id });
    expect(one.items.every((v: { schoolId: string }) => v.schoolId === fx.schools[0]!.id)).toBe(true);
    expect(ids(one)).toContain(pub.id);
    const paged = await list({ page: 2, pageSize: 1 });
    expect(paged).toMatchObject({ page: 2, pageSize: 1 });
    expect(paged.items).toHaveLength(1);
    expect(paged.total).toBeGreaterThan(2);
  });

  it('a school’s history: its visits newest first, its open findings; another union’s or a non-school → 404', async () => {
    const school = fx.schools[0]!;
    const older = await create(
      visitBody({ schoolId: school.id, visitedOn: addDays(today, -90), rectifyBy: addDays(today, -60) }),
    );
    const newer = await create(
      clean({ schoolId: school.id, schoolOwnership: 'public', visitedOn: addDays(today, -1) }),
    );
    const res = await api().get(`/api/v1/orgs/${school.id}/supervision-visits`).set(handler.auth).expect(200);
    expect(res.body).toMatchObject({ schoolId: school.id, schoolName: school.name, ownership: 'public' });
    const visitIds = res.body.visits.map((v: { id: string }) => v.id);
    expect(visitIds.indexOf(newer.id)).toBeLessThan(visitIds.indexOf(older.id));
    expect(res.body.visits.every((v: { schoolId: string }) => v.schoolId === school.id)).toBe(true);
    expect(res.body.openFindings).toBeGreaterThanOrEqual(2);
    expect(res.body.visits.find((v: { id: string }) => v.id === older.id)).toMatchObject({
      overdue: true,
      findings: older.findings,
    });
    await api().get(`/api/v1/orgs/${school.id}/supervision-visits`).set(other.auth).expect(404);
    await api().get(`/api/v1/orgs/${fx.tenant.id}/supervision-visits`).set(handler.auth).expect(404);
    await api().get(`/api/v1/orgs/${fx.otherSchool.id}/supervision-visits`).set(handler.auth).expect(404);
    const empty = await api()
      .get(`/api/v1/orgs/${fx.otherSchool.id}/supervision-visits`)
      .set(other.auth)
      .expect(200);
    expect(empty.body).toMatchObject({ ownership: null, openFindings: 0, visits: [] });
  });
});

describe('who sees a visit', () => {
  it('a school officer holds no supervision permission (403); another union gets 404 and an empty list', async () => {
    const v = await create();
    const before = await snapshot(h);
    expect((await api().get('/api/v1/supervision-visits').set(officer.auth).expect(403)).body.code).toBe(
      'FORBIDDEN',
    );
    await api().get(`/api/v1/supervision-visits/${v.id}`).set(officer.auth).expect(403);
    await api().get(`/api/v1/orgs/${fx.schools[0]!.id}/supervision-visits`).set(officer.auth).expect(403);
    expect(
      (await api().get(`/api/v1/supervision-visits/${v.id}`).set(other.auth).expect(404)).body.code,
    ).toBe('NOT_FOUND');
    await followUp(other, v, { result: 'x', rectifiedOn: today }).expect(404);
    const { schoolId: _s, ...fields } = visitBody();
    await api()
      .patch(`/api/v1/supervision-visits/${v.id}`)
      .set(other.auth)
      .send({ ...fields, version: 1 })
      .expect(404);
    expect(ids(await list({}, other))).not.toContain(v.id);
    expect(await snapshot(h)).toBe(before);
  });

  it('the province reads its unions’ visits but cannot write them (403)', async () => {
    const v = await create();
    expect(ids(await list({ status: 'open' }, province))).toContain(v.id);
    await api().get(`/api/v1/supervision-visits/${v.id}`).set(province.auth).expect(200);
    await api().get(`/api/v1/orgs/${fx.schools[1]!.id}/supervision-visits`).set(province.auth).expect(200);
    const before = await snapshot(h);
    await api().post('/api/v1/supervision-visits').set(province.auth).send(visitBody()).expect(403);
    await followUp(province, v, { result: 'x', rectifiedOn: today }).expect(403);
    const { schoolId: _s, ...fields } = visitBody();
    await api()
      .patch(`/api/v1/supervision-visits/${v.id}`)
      .set(province.auth)
      .send({ ...fields, version: 1 })
      .expect(403);
    expect(await snapshot(h)).toBe(before);
  });

  it('row-level security: another union’s scope reads none of the rows and cannot write into this union', async () => {
    await create();
    const scope = { path: fx.otherTenant.path, userId: fx.users.otherAdmin.id };
    expect(
      await inScope(h.appDs, scope, (em) => em.query(`SELECT count(*)::int AS c FROM supervision_visits`)),
    ).toEqual([{ c: 0 }]);
    expect(
      await inScope(h.appDs, { path: fx.tenant.path }, (em) =>
        em.query(`SELECT count(*)::int AS c FROM supervision_visits WHERE org_id <> $1`, [fx.tenant.id]),
      ),
    ).toEqual([{ c: 0 }]);
    await expect(
      inScope(h.appDs, scope, (em) =>
        em.query(
          `INSERT INTO supervision_visits (id, org_id, school_id, school_ownership, visited_on, inspectors, wages_check,
             social_insurance_check, housing_fund_check, contracts_check, status, created_by)
           VALUES (gen_random_uuid(), $1, $2, 'private', $3, '{x}', 'compliant', 'compliant', 'compliant', 'compliant',
             'no_findings', $4)`,
          [fx.tenant.id, fx.schools[1]!.id, today, fx.users.otherAdmin.id],
        ),
      ),
    ).rejects.toThrow(/row-level security/);
  });

  it('row-level security: the visited school’s own scope reads no visit; the app role cannot delete one', async () => {
    await create(visitBody({ schoolId: fx.schools[0]!.id }));
    expect(
      await inScope(h.appDs, { path: fx.schools[0]!.path, userId: fx.users.officer.id }, (em) =>
        em.query(`SELECT count(*)::int AS c FROM supervision_visits`),
      ),
    ).toEqual([{ c: 0 }]);
    await expect(
      inScope(h.appDs, { path: fx.tenant.path }, (em) => em.query(`DELETE FROM supervision_visits`)),
    ).rejects.toThrow(/permission denied/);
  });
});
