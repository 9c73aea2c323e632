import { Workbook } from 'exceljs';
import { createTenantFixture, type TenantFixture } from '@guanai/db/testing';
import { createUser, inScope, systemScope, type EntityManager } from '@guanai/db';
import { addDays, todayInShanghai } from '@guanai/domain';
import { insertTeacher } from './compliance-fixtures';
import { binary, fixture, login, request, startHarness, type Harness, type Session } from './harness';

// Issue 6: dispute cases in figures (维权案件统计), per union and rolled up to the province, and the same
// as .xlsx. Every figure is checked against cases made through the API (their transitions write the
// timeline the stage lengths come from); the timeline's times are then moved behind the API's back so
// the stage lengths are whole, known days.

let h: Harness;
let fx: TenantFixture;
let handler: Session;
let admin: Session;
let officer: Session;
let teacher: Session;
let other: Session;
let province: Session;
let applicant: string;
let farTeacher: string;

const today = todayInShanghai();
const DAY = 86_400_000;
/** Every case of the main tenants is taken in 70 days ago (their timelines run from then). */
const takenIn = new Date(Date.now() - 70 * DAY);
const sys = <R>(work: (em: EntityManager) => Promise<R>) => inScope(h.appDs, systemScope('test'), work);
const api = () => request(h.http);
/** Owner's transaction in the system scope: the timeline is append-only for the application role. */
const asOwner = (sql: string, params: unknown[]) =>
  h.owner.transaction(async (em) => {
    await em.query(`SELECT set_config('app.scope_path', '/', true)`);
    return em.query(sql, params);
  });

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
    farTeacher = await insertTeacher(em, { ...at(fx.otherSchool.id, fx.otherTenant.id), name: '郑乙县' });
  });
  [handler, admin, officer, teacher, other, province] = await Promise.all([
    login(h, handlerUser.username, fx.password),
    login(h, fx.users.tenantAdmin.username, fx.password),
    login(h, fx.users.officer.username, fx.password),
    login(h, fx.users.teacher.username, fx.password),
    login(h, fx.users.otherAdmin.username, fx.password),
    login(h, fx.users.provinceAdmin.username, fx.password),
  ]);
  await arrange();
});
afterAll(() => h.close());

interface Made {
  id: string;
  version: number;
}

const create = async (s: Session, body: Record<string, unknown>): Promise<Made> =>
  (await api().post('/api/v1/cases').set(s.auth).send(body).expect(201)).body;

/** Runs the actions one after another through the API; each answer carries the next version. */
async function run(s: Session, c: Made, steps: [string, Record<string, unknown>?][]): Promise<Made> {
  let cur = c;
  for (const [action, details] of steps) {
    const res = await api()
      .post(`/api/v1/cases/${cur.id}/transitions`)
      .set(s.auth)
      .send({ version: cur.version, action, ...details });
    if (res.status !== 200) throw new Error(`${action}: ${res.status} ${JSON.stringify(res.body)}`);
    cur = res.body;
  }
  return cur;
}

/** Moves the intake to `at` and each event (by action) to `at` + its days, behind the API's back. */
async function retime(caseId: string, at: Date, days: Record<string, number>) {
  await asOwner(`UPDATE dispute_cases SET created_at = $2 WHERE id = $1`, [caseId, at]);
  for (const [action, d] of Object.entries(days))
    await asOwner(`UPDATE dispute_case_events SET created_at = $3 WHERE case_id = $1 AND action = $2`, [
      caseId,
      action,
      new Date(at.getTime() + d * DAY),
    ]);
}

const mine = (over: Record<string, unknown>) => ({
  applicantTeacherIds: [applicant],
  respondent: { kind: 'registry_school', orgId: fx.schools[1]!.id },
  facts: '学校拖欠绩效工资',
  ...over,
});
const theirs = (over: Record<string, unknown>) => ({
  applicantTeacherIds: [farTeacher],
  respondent: { kind: 'private_school', name: '乙县某民办学校' },
  facts: '学校未缴社保',
  ...over,
});

/** Completed stays per stage (days), as arranged below: the expected figures are computed from these. */
const STAYS = {
  tenant: {
    submitted: [2, 1, 4, 1, 1],
    mediation: [15, 7, 16],
    arbitration: [36, 10],
    litigation: [],
    intake_to_close: [60, 12, 30],
  },
  other: { submitted: [3], mediation: [5], arbitration: [], litigation: [], intake_to_close: [10] },
} as const;

async function arrange() {
  // c1: mediation failed after the 15 days (第十四条), award never given within 45 days (第四十三条): both missed.
  let c1 = await create(
    handler,
    mine({ category: 'wage_arrears', claimedFen: 1_000_000, knewOn: '2025-02-10' }),
  );
  c1 = await run(handler, c1, [
    ['accept'],
    ['start_mediation', { mediatorName: '王调解员', on: '2025-03-03' }],
    ['fail_mediation', { on: '2025-03-20' }],
    ['start_arbitration', { on: '2025-03-24' }],
  ]);
  c1 = (
    await api()
      .patch(`/api/v1/cases/${c1.id}/facts`)
      .set(handler.auth)
      .send({ version: c1.version, arbitrationAcceptedOn: '2025-05-06' })
      .expect(200)
  ).body;
  await run(handler, c1, [['close', { outcome: 'partly_upheld', amountRecoveredFen: 600_000 }]]);
  await retime(c1.id, takenIn, {
    submit: 0,
    accept: 2,
    start_mediation: 5,
    fail_mediation: 20,
    start_arbitration: 24,
    update_facts: 30,
    close: 60,
  });

  // c2: settled in mediation within the period, then closed: nothing missed.
  const c2 = await create(
    handler,
    mine({ category: 'social_insurance_housing_fund', claimedFen: 500_000, knewOn: addDays(today, -30) }),
  );
  await run(handler, c2, [
    ['accept'],
    ['start_mediation', { mediatorName: '李调解员', on: addDays(today, -5) }],
    ['settle', { on: addDays(today, -1) }],
    ['close', { outcome: 'settled', amountRecoveredFen: 500_000 }],
  ]);
  await retime(c2.id, takenIn, { submit: 0, accept: 1, start_mediation: 3, settle: 10, close: 12 });

  // c3: still submitted, its limitation (2024-01-10 + 1 year) long gone: overdue.
  const c3 = await create(handler, mine({ category: 'other', claimedFen: 0, knewOn: '2024-01-10' }));
  await retime(c3.id, takenIn, { submit: 0 });

  // c4: declined after the limitation ran out with no arbitration applied for: limitation missed.
  const c4 = await create(
    handler,
    mine({ category: 'termination_dismissal', claimedFen: 200_000, knewOn: '2024-06-01' }),
  );
  await run(handler, c4, [['decline', { reason: '超过仲裁时效' }]]);
  await retime(c4.id, takenIn, { submit: 0, decline: 4 });

  // c5: withdrawn after acceptance: nothing missed.
  const c5 = await create(
    handler,
    mine({ category: 'wage_arrears', claimedFen: 100_000, knewOn: addDays(today, -20) }),
  );
  await run(handler, c5, [['accept'], ['withdraw', { reason: '已协商解决' }]]);
  await retime(c5.id, takenIn, { submit: 0, accept: 1, withdraw: 3 });

  // c6: mediation from 2025-09-23: its 15th day, 10-08, is a National Day holiday, so the period ends
  // 10-09; failing on 10-09 is in time. Only the exact count (the domain's calendar) says so.
  const c6 = await create(handler, mine({ category: 'hours_leave', claimedFen: 0, knewOn: '2025-09-01' }));
  await run(handler, c6, [
    ['accept'],
    ['start_mediation', { mediatorName: '王调解员', on: '2025-09-23' }],
    ['fail_mediation', { on: '2025-10-09' }],
    ['start_arbitration', { on: '2025-10-10' }],
    ['close', { outcome: 'dismissed', amountRecoveredFen: 0 }],
  ]);
  await retime(c6.id, takenIn, {
    submit: 0,
    accept: 1,
    start_mediation: 2,
    fail_mediation: 18,
    start_arbitration: 20,
    close: 30,
  });

  // The other union: d1 settled and closed, d2 overdue.
  const d1 = await create(
    other,
    theirs({ category: 'wage_arrears', claimedFen: 300_000, knewOn: addDays(today, -40) }),
  );
  await run(other, d1, [
    ['accept'],
    ['start_mediation', { mediatorName: '乙县调解委员会', on: addDays(today, -10) }],
    ['settle', { on: addDays(today, -3) }],
    ['close', { outcome: 'settled', amountRecoveredFen: 200_000 }],
  ]);
  await retime(d1.id, takenIn, { submit: 0, accept: 3, start_mediation: 4, settle: 9, close: 10 });
  const d2 = await create(
    other,
    theirs({ category: 'discipline', claimedFen: 50_000, knewOn: '2024-03-01' }),
  );
  await retime(d2.id, takenIn, { submit: 0 });
}

const avg = (xs: readonly number[]) =>
  xs.length ? Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 10) / 10 : null;
function median(xs: readonly number[]) {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length / 2;
  return Math.round((Number.isInteger(m) ? (s[m - 1]! + s[m]!) / 2 : s[Math.floor(m)]!) * 10) / 10;
}
const stagesOf = (stays: Record<string, readonly number[]>) =>
  Object.fromEntries(
    Object.entries(stays).map(([k, xs]) => [
      k,
      { cases: xs.length, averageDays: avg(xs), medianDays: median(xs) },
    ]),
  );
const merge = (a: Record<string, readonly number[]>, b: Record<string, readonly number[]>) =>
  Object.fromEntries(Object.keys(a).map((k) => [k, [...a[k]!, ...b[k]!]]));

const ZERO_CATEGORIES = {
  wage_arrears: 0,
  social_insurance_housing_fund: 0,
  termination_dismissal: 0,
  hours_leave: 0,
  appointment_title_evaluation: 0,
  discipline: 0,
  other: 0,
};
const ZERO_STATES = {
  submitted: 0,
  accepted: 0,
  declined: 0,
  mediation: 0,
  settled: 0,
  mediation_failed: 0,
  arbitration: 0,
  litigation: 0,
  closed: 0,
  withdrawn: 0,
};
const ZERO_OUTCOMES = { upheld: 0, partly_upheld: 0, dismissed: 0, settled: 0, other: 0 };

const TENANT = {
  cases: 6,
  byCategory: {
    ...ZERO_CATEGORIES,
    wage_arrears: 2,
    social_insurance_housing_fund: 1,
    other: 1,
    termination_dismissal: 1,
    hours_leave: 1,
  },
  byState: { ...ZERO_STATES, closed: 3, submitted: 1, declined: 1, withdrawn: 1 },
  byOutcome: { ...ZERO_OUTCOMES, partly_upheld: 1, settled: 1, dismissed: 1 },
  stages: stagesOf(STAYS.tenant),
  claimedFen: 1_800_000,
  closedClaimedFen: 1_500_000,
  recoveredFen: 1_100_000,
  overdue: 1,
  missed: { cases: 2, mediation: 1, limitation: 1, award: 1 },
};
const OTHER = {
  cases: 2,
  byCategory: { ...ZERO_CATEGORIES, wage_arrears: 1, discipline: 1 },
  byState: { ...ZERO_STATES, closed: 1, submitted: 1 },
  byOutcome: { ...ZERO_OUTCOMES, settled: 1 },
  stages: stagesOf(STAYS.other),
  claimedFen: 350_000,
  closedClaimedFen: 300_000,
  recoveredFen: 200_000,
  overdue: 1,
  missed: { cases: 0, mediation: 0, limitation: 0, award: 0 },
};
const sum = (a: Record<string, number>, b: Record<string, number>) =>
  Object.fromEntries(Object.keys(a).map((k) => [k, a[k]! + b[k]!]));
const BOTH = {
  cases: 8,
  byCategory: sum(TENANT.byCategory, OTHER.byCategory),
  byState: sum(TENANT.byState, OTHER.byState),
  byOutcome: sum(TENANT.byOutcome, OTHER.byOutcome),
  stages: stagesOf(merge(STAYS.tenant, STAYS.other)),
  claimedFen: 2_150_000,
  closedClaimedFen: 1_800_000,
  recoveredFen: 1_300_000,
  overdue: 2,
  missed: sum(TENANT.missed, OTHER.missed),
};

const shanghaiDay = (d: Date) => todayInShanghai(d);
const RANGE = () => ({ from: shanghaiDay(takenIn), to: today });
const report = (s: Session, query: Record<string, string> = RANGE()) =>
  api().get('/api/v1/case-reports').query(query).set(s.auth);

describe('a union’s report', () => {
  it('counts the union’s cases by category, state and outcome, with amounts, stage lengths and deadlines', async () => {
    const res = await report(handler).expect(200);
    expect(res.body).toMatchObject({ ...RANGE(), today, orgId: null });
    expect(res.body.totals).toEqual(TENANT);
    expect(res.body.tenants).toEqual([{ orgId: fx.tenant.id, orgName: fx.tenant.name }]);
    expect(res.body.byTenant).toEqual([{ orgId: fx.tenant.id, orgName: fx.tenant.name, ...TENANT }]);
    // The stage lengths worked out by hand, as a check on the helpers above.
    expect(res.body.totals.stages.submitted).toEqual({ cases: 5, averageDays: 1.8, medianDays: 1 });
    expect(res.body.totals.stages.mediation).toEqual({ cases: 3, averageDays: 12.7, medianDays: 15 });
    expect(res.body.totals.stages.intake_to_close).toEqual({ cases: 3, averageDays: 34, medianDays: 30 });
  });

  it('the union administrator sees the same; aggregates only, never a teacher or the facts', async () => {
    const res = await report(admin).expect(200);
    expect(res.body.totals).toEqual(TENANT);
    const text = JSON.stringify(res.body);
    expect(text).not.toContain('周申请');
    expect(text).not.toContain('绩效');
    expect(text).not.toContain(applicant);
  });

  it('asking for another union answers 404 naming the field; a school of its own is not a union (422)', async () => {
    const res = await report(admin, { ...RANGE(), orgId: fx.otherTenant.id }).expect(404);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
    expect(res.body.errors).toEqual([expect.objectContaining({ path: 'query.orgId', code: 'NOT_FOUND' })]);
    const school = await report(admin, { ...RANGE(), orgId: fx.schools[0]!.id }).expect(422);
    expect(school.body.errors).toEqual([
      expect.objectContaining({ path: 'query.orgId', code: 'CASE_REPORT_ORG_NOT_A_TENANT' }),
    ]);
    expect((await report(other).expect(200)).body.totals).toEqual(OTHER);
  });

  it('without dates counts this year (Asia/Shanghai)', async () => {
    const year = today.slice(0, 4);
    const res = await report(handler, {}).expect(200);
    expect(res.body).toMatchObject({ from: `${year}-01-01`, to: `${year}-12-31` });
    const explicit = await report(handler, { from: `${year}-01-01`, to: `${year}-12-31` }).expect(200);
    expect(res.body.totals).toEqual(explicit.body.totals);
    // Only `to`: from 1 January of its year.
    expect((await report(handler, { to: '2025-03-31' }).expect(200)).body).toMatchObject({
      from: '2025-01-01',
    });
  });
});

describe('the province', () => {
  it('sees the sum of its unions and each union beside it', async () => {
    const res = await report(province).expect(200);
    expect(res.body.totals).toEqual(BOTH);
    expect(res.body.tenants.map((t: { orgId: string }) => t.orgId).sort()).toEqual(
      [fx.tenant.id, fx.otherTenant.id].sort(),
    );
    const by = (id: string) => res.body.byTenant.find((t: { orgId: string }) => t.orgId === id);
    expect(res.body.byTenant).toHaveLength(2);
    expect(by(fx.tenant.id)).toEqual({ orgId: fx.tenant.id, orgName: fx.tenant.name, ...TENANT });
    expect(by(fx.otherTenant.id)).toEqual({
      orgId: fx.otherTenant.id,
      orgName: fx.otherTenant.name,
      ...OTHER,
    });
    expect(JSON.stringify(res.body)).not.toContain('郑乙县');
  });

  it('picks one union', async () => {
    const res = await report(province, { ...RANGE(), orgId: fx.otherTenant.id }).expect(200);
    expect(res.body.orgId).toBe(fx.otherTenant.id);
    expect(res.body.totals).toEqual(OTHER);
    expect(res.body.byTenant).toEqual([{ orgId: fx.otherTenant.id, orgName: fx.otherTenant.name, ...OTHER }]);
    // The picker still lists every union.
    expect(res.body.tenants).toHaveLength(2);
  });
});

describe('who may ask', () => {
  it('a school officer and a teacher hold no report permission (403), for the report and its export', async () => {
    for (const s of [officer, teacher]) {
      expect((await report(s).expect(403)).body.code).toBe('FORBIDDEN');
      await api().get('/api/v1/case-reports/export.xlsx').set(s.auth).expect(403);
    }
  });
});

describe('the range', () => {
  it('counts a case by the day it was taken in, in Shanghai time', async () => {
    // A fixture of its own, so these two cases touch no other figure.
    const fx2 = await createTenantFixture(h.appDs);
    const s = await login(h, fx2.users.tenantAdmin.username, fx2.password);
    const t = await sys((em) =>
      insertTeacher(em, {
        orgId: fx2.schools[0]!.id,
        tenantId: fx2.tenant.id,
        name: '钱教师',
        postings: [{ orgId: fx2.schools[0]!.id, from: '2010-09-01', to: null }],
      }),
    );
    const body = {
      applicantTeacherIds: [t],
      respondent: { kind: 'outside_employer', name: '某公司' },
      facts: '事实',
      category: 'other',
      knewOn: '2024-12-01',
    };
    const newYear = await create(s, { ...body, claimedFen: 100 });
    const eve = await create(s, { ...body, claimedFen: 1 });
    // 00:30 on 1 January in Beijing is still 31 December in UTC.
    await retime(newYear.id, new Date('2025-01-01T00:30:00+08:00'), { submit: 0 });
    await retime(eve.id, new Date('2024-12-31T23:30:00+08:00'), { submit: 0 });
    const in2025 = (await report(s, { from: '2025-01-01', to: '2025-01-01' }).expect(200)).body.totals;
    expect(in2025).toMatchObject({ cases: 1, claimedFen: 100 });
    const in2024 = (await report(s, { from: '2024-12-31', to: '2024-12-31' }).expect(200)).body.totals;
    expect(in2024).toMatchObject({ cases: 1, claimedFen: 1 });
    expect((await report(s, { from: '2024-12-31', to: '2025-01-01' }).expect(200)).body.totals.cases).toBe(2);
  });
});

describe('bad input: 400 problem+json naming the field', () => {
  it.each([
    ['a start after the end', { from: '2025-05-01', to: '2025-04-01' }, 'query.to', 'custom'],
    ['a malformed date', { from: '2025-13-01' }, 'query.from', 'invalid_format'],
    ['a day that does not exist', { to: '2025-02-30' }, 'query.to', 'invalid_format'],
    ['an orgId that is no id', { orgId: 'jia' }, 'query.orgId', 'invalid_format'],
    ['an unknown parameter', { state: 'closed' }, 'query.state', 'unknown_field'],
  ])('refuses %s', async (_what, query, path, code) => {
    for (const url of ['/api/v1/case-reports', '/api/v1/case-reports/export.xlsx']) {
      const res = await api().get(url).query(query).set(handler.auth).expect(400);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
      expect(res.body.errors).toEqual([expect.objectContaining({ path, code })]);
    }
  });

  it('says what is wrong with the range in the caller’s language', async () => {
    const res = await api()
      .get('/api/v1/case-reports')
      .query({ from: '2025-05-01', to: '2025-04-01' })
      .set({ ...handler.auth, 'Accept-Language': 'zh-CN' })
      .expect(400);
    expect(res.body.errors[0].message).toBe('结束日期不能早于开始日期');
  });
});

describe('the .xlsx export', () => {
  const download = (s: Session, query: Record<string, string>) =>
    api().get('/api/v1/case-reports/export.xlsx').query(query).set(s.auth).buffer(true).parse(binary);

  /** Column 1 → column 2 of a two-column sheet. */
  const pairs = (wb: Workbook, name: string) => {
    const out = new Map<string, unknown>();
    wb.getWorksheet(name)!.eachRow((row, n) => {
      if (n > 1) out.set(String(row.getCell(1).value), row.getCell(2).value);
    });
    return out;
  };

  it('parses back with the same figures as the report, in Chinese', async () => {
    const json = (await report(province).expect(200)).body;
    const res = await download(province, RANGE());
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/spreadsheetml/);
    expect(res.headers['content-disposition']).toMatch(/filename\*=UTF-8''/);
    expect(decodeURIComponent(res.headers['content-disposition']!)).toContain(fx.province.name);
    const wb = new Workbook();
    await wb.xlsx.load(res.body);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      '汇总',
      '按类别',
      '按状态',
      '按结果',
      '各阶段用时',
      '分单位',
      '说明',
    ]);

    const summary = pairs(wb, '汇总');
    expect(summary.get('案件数')).toBe(json.totals.cases);
    expect(summary.get('主张金额（元）')).toBe(json.totals.claimedFen / 100);
    expect(summary.get('追回金额（元）')).toBe(json.totals.recoveredFen / 100);
    expect(summary.get('已结案件主张金额（元）')).toBe(json.totals.closedClaimedFen / 100);
    expect(summary.get('期限已过仍未办理（在办案件）')).toBe(json.totals.overdue);
    expect(summary.get('办结时已过法定期限（案件数）')).toBe(json.totals.missed.cases);
    expect(summary.get('受理日期')).toBe(`${RANGE().from} 至 ${RANGE().to}`);

    expect(pairs(wb, '按类别').get('拖欠工资')).toBe(json.totals.byCategory.wage_arrears);
    expect(pairs(wb, '按状态').get('已结案')).toBe(json.totals.byState.closed);
    expect(pairs(wb, '按结果').get('和解或调解结案')).toBe(json.totals.byOutcome.settled);
    const mediation = wb
      .getWorksheet('各阶段用时')!
      .getRows(2, 5)!
      .find((r) => r.getCell(1).value === '调解')!;
    expect([mediation.getCell(2).value, mediation.getCell(3).value, mediation.getCell(4).value]).toEqual([
      json.totals.stages.mediation.cases,
      json.totals.stages.mediation.averageDays,
      json.totals.stages.mediation.medianDays,
    ]);

    const tenants = wb.getWorksheet('分单位')!;
    const header = (tenants.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(0, 3)).toEqual(['单位', '案件数', '拖欠工资']);
    const rows = new Map<string, unknown[]>();
    tenants.eachRow(
      (row, n) => n > 1 && rows.set(String(row.getCell(1).value), (row.values as unknown[]).slice(1)),
    );
    expect(rows.get(fx.tenant.name)?.[1]).toBe(TENANT.cases);
    expect(rows.get(fx.otherTenant.name)?.[1]).toBe(OTHER.cases);
    expect(rows.get('合计')?.[1]).toBe(BOTH.cases);
    const recovered = header.indexOf('追回金额（元）');
    expect(rows.get('合计')?.[recovered]).toBe(BOTH.recoveredFen / 100);
  });

  it('a union’s export holds that union only', async () => {
    const res = await download(admin, RANGE()).expect(200);
    const wb = new Workbook();
    await wb.xlsx.load(res.body);
    expect(pairs(wb, '汇总').get('案件数')).toBe(TENANT.cases);
    const names: string[] = [];
    wb.getWorksheet('分单位')!.eachRow((row, n) => n > 1 && names.push(String(row.getCell(1).value)));
    expect(names).toEqual([fx.tenant.name, '合计']);
  });
});
