import { randomBytes } from 'node:crypto';
import { createDeflateRaw } from 'node:zlib';
import type { DynamicModule, INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Workbook } from 'exceljs';
import * as iconv from 'iconv-lite';
import { IMPORT_FIELDS, TEACHER_IMPORT_HEADERS, type TeacherImport } from '@guanai/contracts';
import type { Config, DataSource } from '@guanai/db';
import {
  makeIdNumber,
  makeZip,
  SHEET_NS,
  withWrongCheckDigit,
  workbookParts,
  type TenantFixture,
} from '@guanai/db/testing';
import { addDays, todayInShanghai } from '@guanai/domain';
import {
  binary,
  fixture,
  login,
  request,
  snapshot,
  startHarness,
  type Harness,
  type Session,
} from './harness';

jest.setTimeout(120_000);

let h: Harness;
let worker: INestApplicationContext;
let fx: TenantFixture;
let admin: Session;

/**
 * The real worker, in this process, built from its sources by jest: same database, same Redis and
 * the same key prefix as the API, so uploads here are imported by its BullMQ processor.
 */
async function startWorker(config: Config): Promise<INestApplicationContext> {
  const path = '../../worker/src/worker.module';
  const { WorkerModule } = (await import(path)) as { WorkerModule: { forRoot(c: Config): DynamicModule } };
  return NestFactory.createApplicationContext(WorkerModule.forRoot(config), { logger: false });
}

beforeAll(async () => {
  h = await startHarness();
  worker = await startWorker(h.config);
  fx = await fixture(h);
  admin = await login(h, fx.users.tenantAdmin.username, fx.password);
});
afterAll(async () => {
  await worker?.close();
  await h.close();
});

const api = () => request(h.http);
const today = todayInShanghai();

const HEADERS = [
  '姓名',
  '性别',
  '身份证号',
  '出生日期',
  '手机号',
  '学校代码',
  '学校名称',
  '用工类型',
  '岗位',
  '学段',
  '职称',
  '职称取得时间',
  '从教时间',
  '到校时间',
  '骨干教师',
  '标签',
  '备注',
];

interface Person {
  name: string;
  sex: '男' | '女';
  id: string;
  birth: string;
}

let seq = 0;
/** A valid person: a fresh name and ID number (born 1970–1985). */
function person(sex: '男' | '女' = seq % 2 ? '男' : '女'): Person {
  seq++;
  const birth = `19${70 + (seq % 16)}-${String((seq % 12) + 1).padStart(2, '0')}-${String((seq % 27) + 1).padStart(2, '0')}`;
  return {
    name: `测试${randomBytes(3).toString('hex')}`,
    sex,
    id: makeIdNumber(birth, sex === '男' ? 'male' : 'female'),
    birth,
  };
}

/** A row under HEADERS; `over` replaces cells by header. */
function row(p: Person, over: Record<string, unknown> = {}, f: TenantFixture = fx): unknown[] {
  const base: Record<string, unknown> = {
    姓名: p.name,
    性别: p.sex,
    身份证号: p.id,
    出生日期: p.birth,
    手机号: '13812345678',
    学校代码: 's1',
    学校名称: f.schools[0]!.name,
    用工类型: '在编',
    岗位: '教师',
    学段: '小学',
    职称: '中级',
    职称取得时间: '2012/9/1',
    从教时间: '2003年9月1日',
    到校时间: '20100901',
    骨干教师: '否',
    标签: '班主任、党员',
    备注: '',
    ...over,
  };
  return HEADERS.map((h) => base[h] ?? null);
}

async function xlsx(
  rows: unknown[][],
  opts: {
    headers?: string[];
    before?: (ws: import('exceljs').Worksheet) => void;
    after?: (ws: import('exceljs').Worksheet) => void;
  } = {},
): Promise<Buffer> {
  const wb = new Workbook();
  const ws = wb.addWorksheet('教师');
  opts.before?.(ws);
  ws.addRow(opts.headers ?? HEADERS);
  for (const r of rows) ws.addRow(r);
  opts.after?.(ws);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function csv(rows: unknown[][], headers = HEADERS): string {
  const esc = (v: unknown) => {
    const s = v === null || v === undefined ? '' : String(v);
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return [headers, ...rows].map((r) => r.map(esc).join(',')).join('\r\n') + '\r\n';
}

const upload = (file: Buffer, name: string, s: Session = admin) =>
  api().post('/api/v1/teacher-imports').set(s.auth).attach('file', file, name);

async function finish(id: string, s: Session = admin): Promise<TeacherImport> {
  const started = await api().post(`/api/v1/teacher-imports/${id}/start`).set(s.auth);
  expect([started.status, started.body.status]).toEqual([200, 'queued']);
  return waitFor(id, s);
}

async function waitFor(
  id: string,
  s: Session = admin,
  until: (i: TeacherImport) => boolean = (i) => i.status === 'done' || i.status === 'failed',
): Promise<TeacherImport> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const res = await api().get(`/api/v1/teacher-imports/${id}`).set(s.auth);
    expect(res.status).toBe(200);
    if (until(res.body)) return res.body;
    if (Date.now() > deadline) throw new Error(`import ${id} still ${res.body.status}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function importFile(file: Buffer, name: string, s: Session = admin): Promise<TeacherImport> {
  const res = await upload(file, name, s);
  expect([res.status, res.body.status, res.body.missingFields]).toEqual([201, 'mapping', []]);
  return finish(res.body.id, s);
}

async function teachersOf(tenantId: string): Promise<
  {
    name: string;
    version: number;
    org_id: string;
    phone_masked: string | null;
    postings: { orgId: string; to: string | null }[];
  }[]
> {
  return h.owner.transaction(async (em) => {
    await em.query(`SELECT set_config('app.scope_path', '/', true)`);
    return em.query(
      'SELECT name, version, org_id, phone_masked, postings, id_number_enc FROM teachers WHERE tenant_id = $1 ORDER BY name',
      [tenantId],
    );
  });
}

async function rejectsOf(
  id: string,
  s: Session = admin,
): Promise<{ row: number; columns: string; reasons: string; cells: unknown[] }[]> {
  const res = await api()
    .get(`/api/v1/teacher-imports/${id}/rejects.xlsx`)
    .set(s.auth)
    .buffer(true)
    .parse(binary);
  expect(res.status).toBe(200);
  expect(res.headers['content-type']).toContain('spreadsheetml');
  const wb = new Workbook();
  await wb.xlsx.load(res.body);
  const ws = wb.worksheets[0]!;
  const out: { row: number; columns: string; reasons: string; cells: unknown[] }[] = [];
  ws.eachRow((r, n) => {
    if (n === 1) return;
    const v = r.values as unknown[];
    out.push({ row: Number(v[1]), columns: String(v[2]), reasons: String(v[3]), cells: v.slice(4) });
  });
  return out;
}

describe('template', () => {
  it('downloads an .xlsx with the Chinese headers, the instructions and the tenant’s schools', async () => {
    const res = await api()
      .get('/api/v1/teacher-imports/template.xlsx')
      .set(admin.auth)
      .buffer(true)
      .parse(binary);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml.sheet');
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('教师导入模板.xlsx'));
    const wb = new Workbook();
    await wb.xlsx.load(res.body);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['教师信息', '填写说明', '学校名单']);
    const headers = (wb.worksheets[0]!.getRow(1).values as unknown[]).slice(1);
    expect(headers).toEqual(IMPORT_FIELDS.map((f) => TEACHER_IMPORT_HEADERS[f][0]));
    const guide = wb.getWorksheet('填写说明')!;
    const sexRow = (guide.getSheetValues() as unknown[][]).find((r) => r?.[1] === '性别')!;
    expect(sexRow).toEqual(expect.arrayContaining(['是', '男、女']));
    const calendarRow = (guide.getSheetValues() as unknown[][]).find((r) => r?.[1] === '生日历法')!;
    expect(calendarRow).toEqual(expect.arrayContaining(['否', '公历、农历']));
    const schools = (wb.getWorksheet('学校名单')!.getSheetValues() as unknown[][]).slice(2).map((r) => r[2]);
    expect(schools).toEqual(expect.arrayContaining(fx.schools.map((s) => s.name)));
    expect(schools).not.toContain(fx.otherSchool.name);
  });

  it('needs the teacher.import permission', async () => {
    const officer = await login(h, fx.users.officer.username, fx.password);
    expect((await api().get('/api/v1/teacher-imports/template.xlsx').set(officer.auth)).status).toBe(403);
    expect((await api().get('/api/v1/teacher-imports/template.xlsx')).status).toBe(401);
  });
});

describe('importing', () => {
  it('creates every row of an .xlsx; the same file again changes nothing; a changed row updates its record', async () => {
    const f = await fixture(h);
    const s = await login(h, f.users.tenantAdmin.username, f.password);
    const people = Array.from({ length: 30 }, () => person());
    // Half name their school by code, half by name only.
    const rows = people.map((p, i) =>
      row(p, i % 2 ? { 学校代码: null, 学校名称: f.schools[1]!.name } : { 学校名称: null }, f),
    );
    const file = await xlsx(rows);

    const first = await importFile(file, '教师名单.xlsx', s);
    expect(first).toMatchObject({
      status: 'done',
      fileName: '教师名单.xlsx',
      total: 30,
      processed: 30,
      created: 30,
      updated: 0,
      unchanged: 0,
      rejected: 0,
      error: null,
    });
    const stored = await teachersOf(f.tenant.id);
    expect(stored).toHaveLength(30);
    expect(stored.filter((t) => t.org_id === f.schools[1]!.id)).toHaveLength(15);
    expect(JSON.stringify(stored)).not.toContain(people[0]!.id); // sealed at rest
    const list = await api()
      .get(`/api/v1/teachers?q=${encodeURIComponent(people[0]!.name)}`)
      .set(s.auth);
    expect(list.body.items[0]).toMatchObject({
      name: people[0]!.name,
      idNumberMasked: `${people[0]!.id.slice(0, 4)}**********${people[0]!.id.slice(-4)}`,
      title: 'intermediate',
      tags: ['班主任', '党员'],
    });

    const before = await snapshot(h);
    const again = await importFile(file, '教师名单.xlsx', s);
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 30, rejected: 0 });
    const after = await teachersOf(f.tenant.id);
    expect(after).toEqual(stored);
    // The import's own row and the audit log change; not one teacher.
    expect(diffTables(before, await snapshot(h))).not.toContain('teachers');
    expect(diffTables(before, await snapshot(h))).toEqual(
      expect.arrayContaining(['audit_events', 'teacher_imports']),
    );

    // One phone changes, one teacher moves to the other school.
    rows[0] = row(people[0]!, { 学校名称: null, 手机号: '13900001111' }, f);
    rows[2] = row(people[2]!, { 学校代码: 's2', 学校名称: null, 到校时间: '2024-03-01' }, f);
    const changedImport = await importFile(await xlsx(rows), '教师名单-改.xlsx', s);
    expect(changedImport).toMatchObject({ created: 0, updated: 2, unchanged: 28 });
    const moved = (await teachersOf(f.tenant.id)).find((t) => t.name === people[2]!.name)!;
    expect(moved.org_id).toBe(f.schools[1]!.id);
    expect(moved.version).toBe(2);
    expect(moved.postings).toEqual([
      expect.objectContaining({ orgId: f.schools[0]!.id, from: '2010-09-01', to: '2024-02-29' }),
      expect.objectContaining({ orgId: f.schools[1]!.id, from: '2024-03-01', to: null }),
    ]);
    expect((await teachersOf(f.tenant.id)).find((t) => t.name === people[0]!.name)!.phone_masked).toBe(
      '139****1111',
    );

    // An edit in the app makes the record differ from the file: importing the file restores it.
    const target = list.body.items[0];
    const current = await api().get(`/api/v1/teachers/${target.id}`).set(s.auth);
    const patched = await api()
      .patch(`/api/v1/teachers/${target.id}`)
      .set(s.auth)
      .send({ version: current.body.version, subject: '数学' });
    expect(patched.status).toBe(200);
    expect(await importFile(await xlsx(rows), '再导入.xlsx', s)).toMatchObject({
      created: 0,
      updated: 1,
      unchanged: 29,
    });
  });

  it('imports a GBK-encoded CSV as Excel on Chinese Windows saves it, with the Chinese names intact', async () => {
    const people = [person(), person()];
    const gbk = iconv.encode(csv(people.map((p) => row(p))), 'gbk');
    expect(gbk.includes(Buffer.from(people[0]!.name.slice(0, 2), 'utf8'))).toBe(false);
    const res = await upload(gbk, '名单.csv');
    expect(res.status).toBe(201);
    const done = await finish(res.body.id);
    expect(done).toMatchObject({ status: 'done', created: 2, rejected: 0 });
    const list = await api()
      .get(`/api/v1/teachers?q=${encodeURIComponent(people[1]!.name)}`)
      .set(admin.auth);
    expect(list.body.items.map((t: { name: string }) => t.name)).toEqual([people[1]!.name]);
  });

  it('asks for unknown headers to be mapped before it starts, then imports', async () => {
    const p = person();
    const headers = HEADERS.map((x) => (x === '姓名' ? '教工姓名' : x === '备注' ? '说明' : x));
    const res = await upload(await xlsx([row(p)], { headers }), '自定义表头.xlsx');
    expect(res.status).toBe(201);
    expect(res.body.missingFields).toEqual(['name']);
    expect(res.body.columns).toEqual(
      expect.arrayContaining([
        { header: '教工姓名', field: null },
        { header: '身份证号', field: 'idNumber' },
      ]),
    );
    const early = await api().post(`/api/v1/teacher-imports/${res.body.id}/start`).set(admin.auth);
    expect([early.status, early.body.code]).toEqual([422, 'IMPORT_MAPPING_INCOMPLETE']);

    const twice = await api()
      .put(`/api/v1/teacher-imports/${res.body.id}/mapping`)
      .set(admin.auth)
      .send({ columns: [{ header: '教工姓名', field: 'idNumber' }] });
    expect([twice.status, twice.body.code]).toEqual([422, 'IMPORT_FIELD_MAPPED_TWICE']);
    const unknown = await api()
      .put(`/api/v1/teacher-imports/${res.body.id}/mapping`)
      .set(admin.auth)
      .send({ columns: [{ header: '不存在', field: 'name' }] });
    expect([unknown.status, unknown.body.code]).toEqual([422, 'IMPORT_UNKNOWN_HEADER']);

    const mapped = await api()
      .put(`/api/v1/teacher-imports/${res.body.id}/mapping`)
      .set(admin.auth)
      .send({
        columns: [
          ...res.body.columns.map((c: { header: string; field: string | null }) =>
            c.header === '教工姓名' ? { ...c, field: 'name' } : c,
          ),
        ],
      });
    expect([mapped.status, mapped.body.missingFields]).toEqual([200, []]);
    expect(await finish(res.body.id)).toMatchObject({ status: 'done', created: 1 });
    // Started imports keep their mapping.
    const late = await api()
      .put(`/api/v1/teacher-imports/${res.body.id}/mapping`)
      .set(admin.auth)
      .send({ columns: [] });
    expect([late.status, late.body.code]).toEqual([409, 'IMPORT_NOT_EDITABLE']);
    // Starting again is a no-op.
    const restart = await api().post(`/api/v1/teacher-imports/${res.body.id}/start`).set(admin.auth);
    expect([restart.status, restart.body.status, restart.body.created]).toEqual([200, 'done', 1]);
  });

  it('validates every row and explains each refused one in Chinese in the rejects workbook', async () => {
    const ok = [person(), person(), person()];
    const bad = Array.from({ length: 9 }, () => person('男'));
    const future = addDays(today, 30);
    const body = [
      row(ok[0]!),
      row(bad[0]!, { 身份证号: withWrongCheckDigit(bad[0]!.id) }), // wrong check digit
      row(bad[1]!, { 出生日期: '1981-02-30' }), // impossible date
      row(bad[2]!, { 出生日期: '1969-01-01' }), // ID disagrees with birth date
      row(bad[3]!, { 性别: '女' }), // ID disagrees with sex
      row(bad[4]!, { 从教时间: future, 到校时间: null }), // future date
      row(ok[1]!),
      HEADERS.map(() => ' '), // empty row: skipped, not counted
      row({ ...bad[5]!, id: ok[1]!.id, birth: ok[1]!.birth, sex: ok[1]!.sex }), // duplicate of the row above
      row(bad[6]!, { 身份证号: Number(bad[6]!.id) }), // typed as a number: digits lost
      row(bad[7]!, { 性别: '未知', 学段: '大专' }), // two problems in one row
      row(ok[2]!, { 学校代码: null }),
      row(bad[8]!, { 学校代码: null, 学校名称: null }), // merged with the cell above: empty here
    ];
    const file = await xlsx(body, {
      // A title row merged across the sheet above the headers, as county rosters have.
      before: (ws) => {
        ws.addRow(['甲县教师花名册']);
        ws.mergeCells(1, 1, 1, HEADERS.length);
      },
      after: (ws) => ws.mergeCells('G14:G15'),
    });
    const res = await upload(file, '有问题的名单.xlsx');
    expect([res.status, res.body.total]).toEqual([201, 12]);
    const done = await finish(res.body.id);
    expect(done).toMatchObject({ status: 'done', total: 12, processed: 12, created: 3, rejected: 9 });

    const rejects = await rejectsOf(res.body.id);
    const at = (n: number) => rejects.find((r) => r.row === n)!;
    expect(rejects.map((r) => r.row)).toEqual([4, 5, 6, 7, 8, 11, 12, 13, 15]);
    expect(at(4)).toMatchObject({ columns: '身份证号', reasons: '身份证号：身份证号校验位不正确，请核对' });
    expect(at(5).reasons).toBe('出生日期：日期“1981-02-30”不存在');
    expect(at(6)).toMatchObject({ columns: '出生日期', reasons: '出生日期：出生日期与身份证号不一致' });
    expect(at(7)).toMatchObject({ columns: '性别', reasons: '性别：性别与身份证号不一致' });
    expect(at(8)).toMatchObject({ columns: '从教时间', reasons: '从教时间：日期不能晚于今天' });
    expect(at(11).reasons).toBe('身份证号：身份证号与第 9 行重复（同一文件中每人只能出现一次）');
    expect(at(12).reasons).toContain('被 Excel 存成了数字');
    expect(at(13)).toMatchObject({ columns: '性别、学段' });
    expect(at(13).reasons).toContain('性别：“未知”不是可选的值，可填：男、女');
    expect(at(15).reasons).toContain('学校名称：为空：该单元格在合并单元格 G14:G15 中');
    // The rejected row's own cells follow, under the file's headers, ready to fix and import again.
    expect(at(4).cells[0]).toBe(bad[0]!.name);
    // Nothing of a refused row was written.
    const names = (await teachersOf(fx.tenant.id)).map((t) => t.name);
    for (const p of ok) expect(names).toContain(p.name);
    for (const p of bad) expect(names).not.toContain(p.name);
  });

  it('reads 生日历法: 农历 keeps a lunar birthday, an empty cell the solar default; 阴阳 is refused in Chinese', async () => {
    const f = await fixture(h);
    const s = await login(h, f.users.tenantAdmin.username, f.password);
    const [lunar, solar, blank, wrong] = [person(), person(), person(), person()];
    const rows = (calendar: string, header = '生日历法') =>
      xlsx(
        [
          [...row(lunar, {}, f), calendar],
          [...row(solar, {}, f), '公历'],
          [...row(blank, {}, f), null],
          [...row(wrong, {}, f), '阴阳'],
        ],
        { headers: [...HEADERS, header] },
      );
    const calendarOf = async (p: Person) => {
      const res = await api()
        .get(`/api/v1/teachers?q=${encodeURIComponent(p.name)}`)
        .set(s.auth);
      expect(res.body.items).toHaveLength(1);
      return res.body.items[0].birthdayCalendar as string;
    };

    const done = await importFile(await rows('农历'), '生日历法.xlsx', s);
    expect(done).toMatchObject({ status: 'done', created: 3, rejected: 1 });
    expect(done.columns).toContainEqual({ header: '生日历法', field: 'birthdayCalendar' });
    expect([await calendarOf(lunar), await calendarOf(solar), await calendarOf(blank)]).toEqual([
      'lunar',
      'solar',
      'solar',
    ]);
    const [rejected] = await rejectsOf(done.id, s);
    expect(rejected).toMatchObject({
      row: 5,
      columns: '生日历法',
      reasons: '生日历法：“阴阳”不是可选的值，可填：公历、农历',
    });
    // Nothing of the refused row was written.
    expect((await teachersOf(f.tenant.id)).map((t) => t.name)).not.toContain(wrong.name);

    // A county's own header (农历生日) maps too; 公历 now changes the record, the unchanged rows stay.
    const changed = await importFile(await rows('公历', '农历生日'), '生日历法-改.xlsx', s);
    expect(changed).toMatchObject({ created: 0, updated: 1, unchanged: 2, rejected: 1 });
    expect(await calendarOf(lunar)).toBe('solar');

    // Changing the calendar in the app makes the record differ from the file: importing it restores it.
    const t = (
      await api()
        .get(`/api/v1/teachers?q=${encodeURIComponent(solar.name)}`)
        .set(s.auth)
    ).body.items[0];
    const edited = await api()
      .patch(`/api/v1/teachers/${t.id}`)
      .set(s.auth)
      .send({ version: t.version, birthdayCalendar: 'lunar' });
    expect(edited.body.birthdayCalendar).toBe('lunar');
    expect(await importFile(await rows('公历', '农历生日'), '再导入.xlsx', s)).toMatchObject({
      updated: 1,
      unchanged: 2,
    });
    expect(await calendarOf(solar)).toBe('solar');
  });

  it('rolls back a failed import entirely; its retry starts over and writes every row once', async () => {
    const f = await fixture(h);
    const s = await login(h, f.users.tenantAdmin.username, f.password);
    const people = Array.from({ length: 1600 }, () => person());
    const poison = people[1500]!.name;
    // A fault the rows cannot show: the database refuses one row after the first batch was written.
    await h.owner.query(`
      CREATE OR REPLACE FUNCTION test_import_fault() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.name = '${poison}' THEN RAISE EXCEPTION 'injected fault'; END IF; RETURN NEW; END $$`);
    await h.owner.query(
      `CREATE TRIGGER test_import_fault_${f.tenant.id.slice(0, 8)} BEFORE INSERT ON teachers FOR EACH ROW EXECUTE FUNCTION test_import_fault()`,
    );
    try {
      const res = await upload(await xlsx(people.map((p) => row(p, {}, f))), '大名单.xlsx', s);
      const started = await api().post(`/api/v1/teacher-imports/${res.body.id}/start`).set(s.auth);
      expect(started.status).toBe(200);
      const failed = await waitFor(res.body.id, s, (i) => i.error !== null);
      expect(failed).toMatchObject({ status: 'queued', error: expect.stringContaining('未写入任何数据') });
      expect(await teachersOf(f.tenant.id)).toHaveLength(0);
    } finally {
      await h.owner.query(`DROP TRIGGER test_import_fault_${f.tenant.id.slice(0, 8)} ON teachers`);
    }
    const [imp] = await h.owner.transaction(async (em) => {
      await em.query(`SELECT set_config('app.scope_path', '/', true)`);
      return em.query(`SELECT id FROM teacher_imports WHERE org_id = $1`, [f.tenant.id]);
    });
    const done = await waitFor(imp.id, s);
    expect(done).toMatchObject({ status: 'done', created: 1600, updated: 0, unchanged: 0, rejected: 0 });
    expect(await teachersOf(f.tenant.id)).toHaveLength(1600);
  });
});

describe('when Redis loses a job', () => {
  it('the worker re-enqueues a queued import at boot, from the database', async () => {
    const p = person();
    const res = await upload(Buffer.from(csv([row(p)])), 'lost.csv');
    expect(res.status).toBe(201);
    // As if the start had committed and Redis then lost the job: queued in Postgres, nothing in Redis.
    await h.owner.transaction(async (em) => {
      await em.query(`SELECT set_config('app.scope_path', '/', true)`);
      await em.query(`UPDATE teacher_imports SET status = 'queued', job_id = $2 WHERE id = $1`, [
        res.body.id,
        `teacher-import-${res.body.id}-lost`,
      ]);
    });
    await worker.close();
    worker = await startWorker(h.config);
    expect(await waitFor(res.body.id)).toMatchObject({ status: 'done', created: 1 });
  });
});

describe('files that are not rosters', () => {
  async function bomb(uncompressedMiB: number): Promise<Buffer> {
    // A worksheet of `uncompressedMiB` MiB of whitespace: a few hundred kB once deflated.
    const deflate = createDeflateRaw({ level: 9 });
    const chunks: Buffer[] = [];
    deflate.on('data', (c: Buffer) => chunks.push(c));
    const done = new Promise((r) => deflate.on('end', r));
    deflate.write(
      `<worksheet ${SHEET_NS}><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>姓名</t></is></c></row>`,
    );
    const mib = Buffer.alloc(1024 * 1024, 0x20);
    for (let i = 0; i < uncompressedMiB; i++)
      if (!deflate.write(mib)) await new Promise((r) => deflate.once('drain', r));
    deflate.end('</sheetData></worksheet>');
    await done;
    return makeZip(workbookParts({ deflated: Buffer.concat(chunks), size: uncompressedMiB * 1024 * 1024 }));
  }

  function manyRows(n: number): Buffer {
    const rows = Array.from(
      { length: n },
      (_, i) => `<row r="${i + 2}"><c r="A${i + 2}"><v>${i}</v></c></row>`,
    ).join('');
    return makeZip(
      workbookParts(
        `<worksheet ${SHEET_NS}><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>姓名</t></is></c><c r="B1" t="inlineStr"><is><t>性别</t></is></c></row>${rows}</sheetData></worksheet>`,
      ),
    );
  }

  it.each([
    ['an empty file', () => Buffer.alloc(0), 'empty.xlsx', 422, 'IMPORT_FILE_EMPTY'],
    [
      'a PNG',
      () => Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex'),
      'photo.xlsx',
      422,
      'IMPORT_FILE_NOT_SPREADSHEET',
    ],
    [
      'a legacy .xls',
      () => Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(512)]),
      'old.xls',
      422,
      'IMPORT_FILE_LEGACY',
    ],
    [
      'a zip that is not a workbook',
      () => makeZip({ 'word/document.xml': '<w:document/>' }),
      'letter.xlsx',
      422,
      'IMPORT_FILE_NOT_SPREADSHEET',
    ],
    [
      'a truncated workbook',
      () => makeZip(workbookParts('<worksheet/>')).subarray(0, 300),
      'cut.xlsx',
      422,
      'IMPORT_FILE_UNREADABLE',
    ],
    ['a CSV with headers only', () => Buffer.from('姓名,性别\r\n'), 'header.csv', 422, 'IMPORT_NO_ROWS'],
    [
      'a zip bomb (a sheet expanding to 300 MB)',
      () => bomb(300),
      'bomb.xlsx',
      422,
      'IMPORT_FILE_TOO_BIG_UNCOMPRESSED',
    ],
    ['more than 200,000 rows', () => manyRows(200_001), 'huge.xlsx', 422, 'IMPORT_TOO_MANY_ROWS'],
    ['a file over 20 MB', () => Buffer.alloc(20 * 1024 * 1024 + 1, 0x41), 'big.csv', 413, 'FILE_TOO_LARGE'],
  ])('refuses %s with a clear code, writing nothing', async (_what, make, name, status, code) => {
    const file = await make();
    const before = await snapshot(h);
    const res = await upload(file, name);
    expect([res.status, res.body.code]).toEqual([status, code]);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.messages['zh-CN']).toBeTruthy();
    expect(await snapshot(h)).toBe(before);
  });

  it('answers 400 when the form has no file field', async () => {
    const res = await api().post('/api/v1/teacher-imports').set(admin.auth).field('other', 'x');
    expect([res.status, res.body.code]).toEqual([400, 'IMPORT_FILE_MISSING']);
    const wrongField = await api()
      .post('/api/v1/teacher-imports')
      .set(admin.auth)
      .attach('upload', Buffer.from('a,b\n1,2\n'), 'x.csv');
    expect([wrongField.status, wrongField.body.code]).toEqual([400, 'IMPORT_FILE_MISSING']);
  });
});

describe('tenancy', () => {
  it('keeps an import within its tenant: another tenant’s administrator gets 404 for every route', async () => {
    const res = await upload(Buffer.from(csv([row(person())])), 'mine.csv');
    expect(res.status).toBe(201);
    const other = await login(h, fx.users.otherAdmin.username, fx.password);
    const id = res.body.id;
    const answers = [
      await api().get(`/api/v1/teacher-imports/${id}`).set(other.auth),
      await api().put(`/api/v1/teacher-imports/${id}/mapping`).set(other.auth).send({ columns: [] }),
      await api().post(`/api/v1/teacher-imports/${id}/start`).set(other.auth),
      await api().get(`/api/v1/teacher-imports/${id}/rejects.xlsx`).set(other.auth),
    ];
    expect(answers.map((a) => a.status)).toEqual([404, 404, 404, 404]);
    expect((await api().get(`/api/v1/teacher-imports/${id}`).set(admin.auth)).body.status).toBe('mapping');
  });
});

describe('export', () => {
  it('streams the filtered list as .xlsx: masked, formulas neutralised, audited (and not taken for GET /teachers/:id)', async () => {
    const p = person();
    const tag = `x${randomBytes(3).toString('hex')}`;
    const created = await api()
      .post('/api/v1/teachers')
      .set(admin.auth)
      .send({
        name: '=HYPERLINK("http://evil.example","点我")',
        sex: p.sex === '男' ? 'male' : 'female',
        idNumber: p.id,
        birthDate: p.birth,
        phone: '13812345678',
        employmentType: 'contract',
        position: 'head_teacher',
        subject: '-1+2',
        stage: 'primary',
        teachingSince: '2003-09-01',
        orgId: fx.schools[1]!.id,
        tags: [tag, '@SUM(A1)'],
      });
    expect(created.status).toBe(201);
    const res = await api()
      .get(`/api/v1/teachers/export.xlsx?tag=${tag}`)
      .set(admin.auth)
      .buffer(true)
      .parse(binary);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml.sheet');
    const wb = new Workbook();
    await wb.xlsx.load(res.body);
    const ws = wb.worksheets[0]!;
    expect(ws.rowCount).toBe(2);
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    const cells = Object.fromEntries(header.map((h, i) => [String(h), ws.getRow(2).getCell(i + 1).value]));
    expect(cells).toMatchObject({
      姓名: `'=HYPERLINK("http://evil.example","点我")`,
      '身份证号（已脱敏）': `${p.id.slice(0, 4)}**********${p.id.slice(-4)}`,
      '手机号（已脱敏）': '138****5678',
      学校: fx.schools[1]!.name,
      乡村学校: '是',
      用工类型: '合同',
      岗位: '班主任',
      任教学科: "'-1+2",
      标签: `${tag}、@SUM(A1)`,
    });
    expect(cells['出生日期']).toEqual(new Date(`${p.birth}T00:00:00Z`));
    // No formula anywhere, and never the clear ID number.
    ws.eachRow((r) =>
      r.eachCell((c) => {
        expect(c.formula).toBeUndefined();
        expect(String(c.value)).not.toContain(p.id);
      }),
    );
    const [event] = await h.owner.transaction(async (em) => {
      await em.query(`SELECT set_config('app.scope_path', '/', true)`);
      return em.query(
        `SELECT after FROM audit_events WHERE action = 'teacher.export' AND actor_id = $1 ORDER BY seq DESC LIMIT 1`,
        [fx.users.tenantAdmin.id],
      );
    });
    expect(event.after.filters).toMatchObject({ tag, sort: 'name' });
  });

  it('needs teacher.read and stays in scope', async () => {
    const other = await login(h, fx.users.otherAdmin.username, fx.password);
    const res = await api().get('/api/v1/teachers/export.xlsx').set(other.auth).buffer(true).parse(binary);
    const wb = new Workbook();
    await wb.xlsx.load(res.body);
    const names = (wb.worksheets[0]!.getSheetValues() as unknown[][]).slice(2).map((r) => r[1]);
    expect(names).toEqual([]);
    const platform = await login(h, fx.users.platformAdmin.username, fx.password);
    expect((await api().get('/api/v1/teachers/export.xlsx').set(platform.auth)).status).toBe(403);
  });
});

/** The tables whose content differs between two snapshot() results. */
function diffTables(a: string, b: string): string[] {
  const before = new Map(a.split('\n').map((l) => l.split(':') as [string, string]));
  return b
    .split('\n')
    .map((l) => l.split(':') as [string, string])
    .filter(([t, hash]) => before.get(t) !== hash)
    .map(([t]) => t)
    .sort();
}

describe('retention of uploaded files (maintenance imports.cleanup)', () => {
  /** The worker's job function, run as its schedule would, with the application role. */
  async function cleanup(): Promise<{ expired: number; rejectsCleared: number }> {
    const path = '../../worker/src/maintenance/imports-cleanup';
    const { cleanupTeacherImports } = (await import(path)) as {
      cleanupTeacherImports(
        ds: DataSource,
        opts: { abandonedAfterDays: number; rejectsKeptDays: number },
      ): Promise<{ expired: number; rejectsCleared: number }>;
    };
    return cleanupTeacherImports(h.appDs, { abandonedAfterDays: 7, rejectsKeptDays: 30 });
  }
  const age = (id: string, set: string) =>
    h.owner.transaction(async (em) => {
      await em.query(`SELECT set_config('app.scope_path', '/', true)`);
      await em.query(`UPDATE teacher_imports SET ${set} WHERE id = $1`, [id]);
    });
  const sealedOf = (id: string) =>
    h.owner.transaction(async (em) => {
      await em.query(`SELECT set_config('app.scope_path', '/', true)`);
      const [r] = await em.query(`SELECT file_enc, rejects_enc FROM teacher_imports WHERE id = $1`, [id]);
      return r as { file_enc: string | null; rejects_enc: string | null };
    });

  it('removes the file of an upload left at the mapping step for a week; it can no longer start', async () => {
    const fresh = await upload(Buffer.from(csv([row(person())])), 'fresh.csv');
    const old = await upload(Buffer.from(csv([row(person())])), 'old.csv');
    await age(old.body.id, `updated_at = now() - interval '8 days'`);
    await cleanup();
    expect((await sealedOf(old.body.id)).file_enc).toBeNull();
    expect((await sealedOf(fresh.body.id)).file_enc).not.toBeNull();
    const shown = await api().get(`/api/v1/teacher-imports/${old.body.id}`).set(admin.auth);
    expect(shown.body).toMatchObject({ status: 'failed', error: expect.stringContaining('请重新上传') });
    const start = await api().post(`/api/v1/teacher-imports/${old.body.id}/start`).set(admin.auth);
    expect([start.status, start.body.code]).toEqual([410, 'IMPORT_FILE_EXPIRED']);
    // The untouched one still imports.
    expect(await finish(fresh.body.id)).toMatchObject({ status: 'done', created: 1 });
  });

  it('clears rejected rows 30 days after an import finished, and says so instead of an empty workbook', async () => {
    const done = await importFile(
      Buffer.from(csv([row(person()), row(person(), { 身份证号: '123' })])),
      'mixed.csv',
    );
    expect(done).toMatchObject({ created: 1, rejected: 1 });
    await age(done.id, `finished_at = now() - interval '29 days'`);
    await cleanup();
    expect((await sealedOf(done.id)).rejects_enc).not.toBeNull();
    await age(done.id, `finished_at = now() - interval '31 days'`);
    await cleanup();
    expect((await sealedOf(done.id)).rejects_enc).toBeNull();
    const res = await api().get(`/api/v1/teacher-imports/${done.id}/rejects.xlsx`).set(admin.auth);
    expect([res.status, res.body.code]).toEqual([410, 'IMPORT_REJECTS_EXPIRED']);
  });
});
