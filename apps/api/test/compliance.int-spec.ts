import type { DynamicModule, INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Workbook } from 'exceljs';
import type { z } from 'zod';
import type { ComplianceGap as Gap, ComplianceOverview, ComplianceReport } from '@guanai/contracts';
import { inScope, systemScope, type Config } from '@guanai/db';
import { createTenantFixture, type TenantFixture } from '@guanai/db/testing';
import { LEIYANG_TEMPLATE, addDays, elapsedDays, periodContaining, todayInShanghai } from '@guanai/domain';
import { ComplianceRefresher, refreshDebounce } from '../src/compliance/compliance-refresher';
import { insertProgramme, insertRecord, insertTeacher } from './compliance-fixtures';
import { fixture, login, request, startHarness, type Harness, type Session } from './harness';

jest.setTimeout(120_000);

let h: Harness;
let worker: INestApplicationContext;
let fx: TenantFixture;
let elsewhere: TenantFixture;
let admin: Session;
let province: Session;
let officer: Session;
let otherAdmin: Session;
let foreignProvince: Session;
type ComplianceGap = z.infer<typeof Gap>;

const today = todayInShanghai();
const year = Number(today.slice(0, 4));
const semester = periodContaining('semester', today);
let programme: { id: string; templateId: string; versionId: string };
let lastYear: { id: string };
const names = { a1: `甲一${Date.now()}`, a2: '甲二', a3: '甲三未谈', b1: '乙一', b2: '乙二未谈' };
let ids: Record<keyof typeof names, string>;

/** The real worker, in this process (as teacher-imports.int-spec does): same database, Redis and prefix. */
async function startWorker(config: Config): Promise<INestApplicationContext> {
  const path = '../../worker/src/worker.module';
  const { WorkerModule } = (await import(path)) as { WorkerModule: { forRoot(c: Config): DynamicModule } };
  return NestFactory.createApplicationContext(WorkerModule.forRoot(config), { logger: false });
}

const api = () => request(h.http);
const get = (s: Session, url: string) => api().get(`/api/v1${url}`).set(s.auth);

/** Rows the refresh job stored for a programme, read as the owner in the system scope. */
async function stored(programmeId: string): Promise<{ indicator_key: string; period_key: string; unit_id: string; value: string; status: string }[]> {
  return h.owner.transaction(async (em) => {
    await em.query(`SELECT set_config('app.scope_path', '/', true)`);
    return em.query(`SELECT indicator_key, period_key, unit_id::text AS unit_id, value::text AS value, status FROM compliance_results WHERE programme_id = $1`, [programmeId]);
  });
}

async function until<T>(probe: () => Promise<T>, done: (v: T) => boolean, ms = 20_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (done(v) || Date.now() > end) return v;
    await new Promise((r) => setTimeout(r, 200));
  }
}

beforeAll(async () => {
  h = await startHarness();
  worker = await startWorker(h.config);
  fx = await fixture(h);
  elsewhere = await createTenantFixture(h.appDs);
  [admin, province, officer, otherAdmin, foreignProvince] = await Promise.all([
    login(h, fx.users.tenantAdmin.username, fx.password),
    login(h, fx.users.provinceAdmin.username, fx.password),
    login(h, fx.users.officer.username, fx.password),
    login(h, fx.users.otherAdmin.username, fx.password),
    login(h, elsewhere.users.provinceAdmin.username, elsewhere.password),
  ]);
  const [s1, s2] = fx.schools.map((s) => s.id) as [string, string];
  const t = fx.tenant.id;
  await inScope(h.appDs, systemScope('test-compliance'), async (em) => {
    const teacher = (name: string, orgId: string) =>
      insertTeacher(em, { orgId, tenantId: t, name, postings: [{ orgId, from: '2015-09-01', to: null }] });
    ids = {
      a1: await teacher(names.a1, s1),
      a2: await teacher(names.a2, s1),
      a3: await teacher(names.a3, s1),
      b1: await teacher(names.b1, s2),
      b2: await teacher(names.b2, s2),
    };
    // A teacher who retired last year is on no roster this year.
    await insertTeacher(em, {
      orgId: s2,
      tenantId: t,
      name: '已退休',
      status: 'retired',
      statusSince: `${year - 1}-07-01`,
      postings: [{ orgId: s2, from: '2000-09-01', to: `${year - 1}-07-01` }],
    });
    programme = await insertProgramme(em, {
      provinceId: fx.province.id,
      tenantId: t,
      year,
      document: LEIYANG_TEMPLATE,
      budgets: { visits_and_assistance: 100_000 },
      settings: { atRiskAfterBp: 0 },
    });
    lastYear = await insertProgramme(em, {
      provinceId: fx.province.id,
      tenantId: t,
      year: year - 1,
      document: LEIYANG_TEMPLATE,
      template: { templateId: programme.templateId, versionId: programme.versionId },
    });
    // Counselling (Leiyang 17, each school each semester): school 1 this semester and last spring, school 2 never.
    await insertRecord(em, { orgId: s1, tenantId: t, type: 'counselling', on: today });
    await insertRecord(em, { orgId: s1, tenantId: t, type: 'counselling', on: `${year - 1}-05-01` });
    // A deleted session and one planned for later do not count.
    await insertRecord(em, { orgId: s2, tenantId: t, type: 'counselling', on: semester.start, deleted: true });
    if (today < semester.end) await insertRecord(em, { orgId: s2, tenantId: t, type: 'counselling', on: addDays(today, 1) });
    // Heart-to-heart talks (Leiyang 5, every teacher each year): all but one in each school.
    await insertRecord(em, {
      orgId: s1,
      tenantId: t,
      type: 'heart_to_heart_talk',
      on: `${year}-01-01`,
      participants: [
        { teacherId: ids.a1, orgId: s1 },
        { teacherId: ids.a2, orgId: s1 },
      ],
    });
    await insertRecord(em, { orgId: s2, tenantId: t, type: 'heart_to_heart_talk', on: today, participants: [{ teacherId: ids.b1, orgId: s2 }] });
    // Spending under the programme's measure 19.
    await insertRecord(em, { orgId: s2, tenantId: t, type: 'visit', on: `${year}-01-01`, amountFen: 50_000, programmeId: programme.id, measureKey: 'visits_and_assistance' });
    await insertRecord(em, { orgId: t, tenantId: t, type: 'visit', on: `${year}-01-02`, amountFen: 20_000, programmeId: programme.id, measureKey: 'visits_and_assistance' });
  });
});
afterAll(async () => {
  refreshDebounce.windowMs = 60_000;
  await worker?.close();
  await h.close();
});

const indicator = (r: ComplianceReport, key: string) => r.indicators.find((i) => i.key === key)!;

describe('the compliance report (达标情况)', () => {
  it('shows the school that held counselling this semester as met and the other behind', async () => {
    const res = await get(admin, `/compliance?programme=${programme.id}`);
    expect(res.status).toBe(200);
    const report = res.body as ComplianceReport;
    expect(report).toMatchObject({ programmeId: programme.id, orgId: fx.tenant.id, on: today });
    const counselling = indicator(report, 'counselling');
    // atRiskAfterBp 0: behind pro rata from the second day of the semester.
    const behind = elapsedDays(semester, today) > 0 ? 'at_risk' : 'on_track';
    expect(counselling).toMatchObject({ level: 'school', period: { key: semester.key, from: semester.start, to: semester.end }, target: 1, value: 0, status: behind, shortfall: 1 });
    expect(counselling.units.map((u) => [u.orgId, u.value, u.status])).toEqual(
      expect.arrayContaining([
        [fx.schools[0]!.id, 1, 'met'],
        [fx.schools[1]!.id, 0, behind],
      ]),
    );
    const talks = indicator(report, 'heart_to_heart_talks');
    expect(talks.units.map((u) => [u.orgId, u.value, u.denominator])).toEqual(
      expect.arrayContaining([
        [fx.schools[0]!.id, 6666, 3],
        [fx.schools[1]!.id, 5000, 2],
      ]),
    );
    expect(report.spending.find((s) => s.measureKey === 'visits_and_assistance')).toMatchObject({ budgetFen: 100_000, spentFen: 70_000, measureClause: '19' });
  });

  it("after the semester has ended, the school that never held one has missed it (last year's programme)", async () => {
    const res = await get(admin, `/compliance?programme=${lastYear.id}&on=${year - 1}-06-01`);
    expect(res.status).toBe(200);
    const counselling = indicator(res.body, 'counselling');
    expect(counselling.period.key).toBe(`${year - 2}-${year - 1}-2`);
    expect(counselling.status).toBe('missed');
    expect(counselling.units.map((u: { orgId: string; status: string }) => [u.orgId, u.status])).toEqual(
      expect.arrayContaining([
        [fx.schools[0]!.id, 'met'],
        [fx.schools[1]!.id, 'missed'],
      ]),
    );
  });

  it('narrows to one school with org; a school officer sees only their school and its school-level indicators', async () => {
    const narrowed = (await get(admin, `/compliance?programme=${programme.id}&org=${fx.schools[1]!.id}`)).body as ComplianceReport;
    expect(narrowed.orgId).toBe(fx.schools[1]!.id);
    expect(indicator(narrowed, 'counselling').units.map((u) => u.orgId)).toEqual([fx.schools[1]!.id]);
    expect(narrowed.spending.find((s) => s.measureKey === 'visits_and_assistance')!.spentFen).toBe(50_000);

    const own = (await get(officer, `/compliance?programme=${programme.id}`)).body as ComplianceReport;
    expect(own.orgId).toBe(fx.schools[0]!.id);
    expect(own.indicators.every((i) => i.level === 'school')).toBe(true);
    expect(indicator(own, 'counselling')).toMatchObject({ status: 'met', units: [{ orgId: fx.schools[0]!.id, value: 1 }] });
    expect((await get(officer, `/compliance?programme=${programme.id}&org=${fx.schools[1]!.id}`)).status).toBe(404);
  });

  it('answers bad input with problem+json naming the field', async () => {
    const unknown = await get(admin, `/compliance?programme=00000000-0000-4000-8000-000000000000`);
    expect([unknown.status, unknown.body.code, unknown.body.errors?.[0]?.path]).toEqual([404, 'NOT_FOUND', 'query.programme']);
    expect(unknown.headers['content-type']).toMatch(/application\/problem\+json/);
    const badDay = await get(admin, `/compliance?programme=${programme.id}&on=${year}-02-30`);
    expect([badDay.status, badDay.body.errors?.[0]?.path]).toEqual([400, 'query.on']);
    const outside = await get(admin, `/compliance?programme=${programme.id}&on=${year + 1}-03-01`);
    expect([outside.status, outside.body.code, outside.body.errors?.[0]?.path]).toEqual([400, 'COMPLIANCE_DAY_OUTSIDE_YEAR', 'query.on']);
    const notAUnit = await get(admin, `/compliance?programme=${programme.id}&org=${fx.province.id}`);
    expect(notAUnit.status).toBe(404);
    const noIndicator = await get(admin, `/compliance/gaps?programme=${programme.id}&indicator=nope`);
    expect([noIndicator.status, noIndicator.body.code, noIndicator.body.errors?.[0]?.path]).toEqual([404, 'COMPLIANCE_INDICATOR_NOT_FOUND', 'query.indicator']);
    const extra = await get(admin, `/compliance?programme=${programme.id}&sort=name`);
    expect([extra.status, extra.body.errors?.[0]?.path]).toEqual([400, 'query.sort']);
  });

  it('another union and another province see nothing of it', async () => {
    expect((await get(otherAdmin, `/compliance?programme=${programme.id}`)).status).toBe(404);
    expect((await get(foreignProvince, `/compliance?programme=${programme.id}`)).status).toBe(404);
    expect((await get(foreignProvince, `/compliance/gaps?programme=${programme.id}&indicator=counselling`)).status).toBe(404);
    expect((await get(foreignProvince, `/compliance/overview?template=${programme.templateId}&year=${year}`)).status).toBe(404);
  });
});

describe('what is missing (gaps)', () => {
  it('lists the school short of counselling, with what it has done', async () => {
    const res = await get(admin, `/compliance/gaps?programme=${programme.id}&indicator=counselling`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ total: 1, items: [{ kind: 'school', id: fx.schools[1]!.id, value: 0 }] });
  });

  it('names exactly the teachers not yet reached, for the tenant; a school officer gets their own', async () => {
    const res = await get(admin, `/compliance/gaps?programme=${programme.id}&indicator=heart_to_heart_talks`);
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(2);
    expect((res.body.items as ComplianceGap[]).map((g) => [g.kind, g.id, g.name, g.orgId]).sort()).toEqual(
      [
        ['teacher', ids.a3, names.a3, fx.schools[0]!.id],
        ['teacher', ids.b2, names.b2, fx.schools[1]!.id],
      ].sort(),
    );
    const paged = await get(admin, `/compliance/gaps?programme=${programme.id}&indicator=heart_to_heart_talks&pageSize=1&page=2`);
    expect([paged.body.total, paged.body.items.length]).toEqual([2, 1]);

    const mine = await get(officer, `/compliance/gaps?programme=${programme.id}&indicator=heart_to_heart_talks`);
    expect((mine.body.items as ComplianceGap[]).map((g) => g.id)).toEqual([ids.a3]);
    // Tenant-level indicators are the union's: not a school officer's to drill into.
    const tenantLevel = await get(officer, `/compliance/gaps?programme=${programme.id}&indicator=health_checkup`);
    expect([tenantLevel.status, tenantLevel.body.code]).toEqual([403, 'COMPLIANCE_TENANT_LEVEL']);
  });

  it('gives the province schools with their coverage, never a teacher’s name', async () => {
    const res = await get(province, `/compliance/gaps?programme=${programme.id}&indicator=heart_to_heart_talks`);
    expect(res.status).toBe(200);
    expect((res.body.items as ComplianceGap[]).map((g) => [g.kind, g.id, g.value])).toEqual([
      ['school', fx.schools[1]!.id, 5000],
      ['school', fx.schools[0]!.id, 6666],
    ]);
    for (const n of Object.values(names)) expect(JSON.stringify(res.body)).not.toContain(n);
  });
});

describe('the .xlsx export', () => {
  it('opens with exceljs and has every indicator and school, in Chinese', async () => {
    const res = await api()
      .get(`/api/v1/compliance/export.xlsx?programme=${programme.id}`)
      .set(admin.auth)
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      });
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/filename\*=UTF-8''/);
    const wb = new Workbook();
    await wb.xlsx.load(res.body);
    const sheet = wb.getWorksheet('达标情况')!;
    const header = sheet.getRow(1).values as unknown[];
    expect(header).toEqual(expect.arrayContaining(['指标', '单位', '完成值', '目标值', '状态']));
    const rows: string[][] = [];
    sheet.eachRow((row, n) => n > 1 && rows.push((row.values as unknown[]).map((v) => String(v ?? ''))));
    const counselling = rows.filter((r) => r.includes('心理辅导'));
    expect(counselling.length).toBe(3); // the union's line and one per school
    expect(counselling.some((r) => r.includes(fx.schools[0]!.name) && r.includes('达标'))).toBe(true);
    expect(wb.getWorksheet('经费使用')!.rowCount).toBeGreaterThan(20);
  });
});

describe("the province's overview", () => {
  it('lists every union under it, with stored results once the refresh job ran', async () => {
    const before = (await get(province, `/compliance/overview?template=${programme.templateId}&year=${year}`)).body as ComplianceOverview;
    expect(before.tenants.map((t) => t.orgId).sort()).toEqual([fx.tenant.id, fx.otherTenant.id].sort());
    expect(before.tenants.find((t) => t.orgId === fx.otherTenant.id)).toMatchObject({ programmeId: null, results: {}, computedAt: null });
    expect(before.tenants.find((t) => t.orgId === fx.tenant.id)).toMatchObject({ programmeId: programme.id, results: {} });

    // Care work asks for a refresh; the worker (in this process) runs it after the debounce window.
    refreshDebounce.windowMs = 500;
    refreshDebounce.graceMs = 100;
    await h.app.get(ComplianceRefresher).requestRefresh(programme.id);
    const rows = await until(() => stored(programme.id), (r) => r.length > 0);
    expect(rows.find((r) => r.indicator_key === 'counselling' && r.period_key === semester.key && r.unit_id === fx.schools[0]!.id)).toMatchObject({ value: '1', status: 'met' });

    const after = (await get(province, `/compliance/overview?template=${programme.templateId}&year=${year}`)).body as ComplianceOverview;
    expect(after.indicators.map((i) => i.key)).toEqual(expect.arrayContaining(['counselling', 'heart_to_heart_talks', 'rotation']));
    expect(after.areas.map((a) => a.key)).toContain('happy_life');
    const mine = after.tenants.find((t) => t.orgId === fx.tenant.id)!;
    expect(mine.results.counselling).toMatchObject({ value: 0, target: 1 });
    expect(mine.results.heart_to_heart_talks).toMatchObject({ value: 5000, target: 10000 });
    expect(mine).toMatchObject({ budgetFen: 100_000, spentFen: 70_000, spentByArea: { happy_life: 70_000 } });
    expect(mine.computedAt).not.toBeNull();
    // The tenant itself sees its own line only.
    const own = (await get(admin, `/compliance/overview?template=${programme.templateId}&year=${year}`)).body as ComplianceOverview;
    expect(own.tenants.map((t) => t.orgId)).toEqual([fx.tenant.id]);
  });

  it('the nightly job fans out to every programme of the year, and a refresh replaces what was stored', async () => {
    await inScope(h.appDs, { path: fx.tenant.path }, (em) => em.query(`DELETE FROM compliance_results WHERE programme_id = $1`, [lastYear.id]));
    const path = '../../worker/src/compliance/refresh-job';
    const { ComplianceRefreshJob } = (await import(path)) as { ComplianceRefreshJob: new (...a: never[]) => { refreshAll(y?: number): Promise<{ enqueued: number }> } };
    const { enqueued } = await worker.get(ComplianceRefreshJob).refreshAll(year - 1);
    expect(enqueued).toBeGreaterThanOrEqual(1);
    const rows = await until(() => stored(lastYear.id), (r) => r.length > 0);
    // Every period of the year, ended ones with their final status.
    expect(new Set(rows.map((r) => r.period_key))).toEqual(
      new Set([`${year - 2}-${year - 1}-1`, `${year - 2}-${year - 1}-2`, `${year - 1}-${year}-1`, `${year - 2}-${year - 1}`, `${year - 1}-${year}`, `${year - 1}`]),
    );
    expect(rows.find((r) => r.indicator_key === 'counselling' && r.period_key === `${year - 2}-${year - 1}-2` && r.unit_id === fx.tenant.id)).toMatchObject({ status: 'missed' });
  });
});
