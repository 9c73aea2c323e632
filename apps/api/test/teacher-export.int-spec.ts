import { randomBytes } from 'node:crypto';
import { Workbook } from 'exceljs';
import { createChildOrg, createUser, inScope, systemScope } from '@guanai/db';
import { FACTORY_PASSWORD, makeIdNumber, uniq, type TenantFixture } from '@guanai/db/testing';
import { exportPaging } from '../src/teachers/teachers.repository';
import { binary, fixture, login, request, startHarness, type Harness, type Session } from './harness';

jest.setTimeout(60_000);

let h: Harness;
let fx: TenantFixture;
let admin: Session;
const api = () => request(h.http);
const defaultBatch = exportPaging.batchSize;

/** A tag only this file's teachers carry, so the export lists exactly them. */
const tag = `kx${randomBytes(3).toString('hex')}`;
/**
 * 11 teachers: names and birth dates repeat (ties the id must break), in both schools. With batches
 * of 3 the export takes four queries, the last one short; with batches of 11 a full batch is followed
 * by an empty one.
 */
const PEOPLE: { name: string; birthDate: string; sex: 'male' | 'female' }[] = [
  { name: '王芳', birthDate: '1975-03-01', sex: 'female' },
  { name: '李强', birthDate: '1980-07-15', sex: 'male' },
  { name: '王芳', birthDate: '1988-01-20', sex: 'female' },
  { name: '张敏', birthDate: '1975-03-01', sex: 'female' },
  { name: '王芳', birthDate: '1975-03-01', sex: 'female' },
  { name: '陈杰', birthDate: '1969-11-30', sex: 'male' },
  { name: '李强', birthDate: '1992-05-05', sex: 'male' },
  { name: '赵丽', birthDate: '1983-09-09', sex: 'female' },
  { name: '张敏', birthDate: '1980-07-15', sex: 'female' },
  { name: '周伟', birthDate: '1978-02-28', sex: 'male' },
  { name: '王芳', birthDate: '1999-12-31', sex: 'female' },
];

beforeAll(async () => {
  h = await startHarness();
  fx = await fixture(h);
  admin = await login(h, fx.users.tenantAdmin.username, fx.password);
  for (const [i, p] of PEOPLE.entries()) {
    const res = await api()
      .post('/api/v1/teachers')
      .set(admin.auth)
      .send({
        ...p,
        idNumber: makeIdNumber(p.birthDate, p.sex),
        employmentType: 'establishment',
        position: 'teacher',
        stage: 'primary',
        teachingSince: '2018-09-01',
        orgId: fx.schools[i % 2]!.id,
        tags: [tag],
      });
    if (res.status !== 201) throw new Error(`create ${p.name}: ${res.status} ${JSON.stringify(res.body)}`);
  }
});
afterEach(() => {
  exportPaging.batchSize = defaultBatch;
});
afterAll(() => h.close());

/** A teacher as both the list and the export show it: name, masked ID number (unique here), birth date. */
const keyOf = (name: unknown, masked: unknown, birth: string) => `${String(name)}|${String(masked)}|${birth}`;

async function exported(sort: string): Promise<string[]> {
  const res = await api()
    .get(`/api/v1/teachers/export.xlsx?tag=${tag}&sort=${sort}`)
    .set(admin.auth)
    .buffer(true)
    .parse(binary);
  expect(res.status).toBe(200);
  const wb = new Workbook();
  await wb.xlsx.load(res.body);
  const ws = wb.worksheets[0]!;
  const keys: string[] = [];
  ws.eachRow((row, n) => {
    if (n === 1) return;
    const birth = row.getCell(4).value as Date;
    keys.push(keyOf(row.getCell(1).value, row.getCell(3).value, birth.toISOString().slice(0, 10)));
  });
  return keys;
}

async function listed(sort: string): Promise<string[]> {
  const res = await api().get(`/api/v1/teachers?tag=${tag}&sort=${sort}&pageSize=200`).set(admin.auth);
  expect(res.status).toBe(200);
  expect(res.body.total).toBe(PEOPLE.length);
  return res.body.items.map((t: { name: string; idNumberMasked: string; birthDate: string }) =>
    keyOf(t.name, t.idNumberMasked, t.birthDate),
  );
}

describe('export paging (keyset)', () => {
  it.each(['name', '-name', 'birthDate', '-birthDate', 'retirementDate', '-teachingSince'])(
    'exports every teacher exactly once, in the list order, across batches (sort=%s)',
    async (sort) => {
      exportPaging.batchSize = 3;
      const rows = await exported(sort);
      expect(rows).toHaveLength(PEOPLE.length);
      expect(new Set(rows).size).toBe(PEOPLE.length);
      expect(rows).toEqual(await listed(sort));
    },
  );

  it.each([
    ['name', 1],
    ['-name', -1],
  ] as const)(
    'breaks ties by id, in the sort’s direction, within and across batches (sort=%s)',
    async (sort, dir) => {
      exportPaging.batchSize = 2;
      const res = await api().get(`/api/v1/teachers?tag=${tag}&sort=${sort}&pageSize=200`).set(admin.auth);
      const items: { id: string; name: string }[] = res.body.items;
      expect(items.filter((t) => t.name === '王芳')).toHaveLength(4);
      for (let i = 1; i < items.length; i++) {
        // Each name's people together, and among them the ids in order (uuids compare as their hex text).
        const [a, b] = [items[i - 1]!, items[i]!];
        if (a.name === b.name) expect(dir > 0 ? a.id < b.id : a.id > b.id).toBe(true);
        else expect(items.slice(i).some((t) => t.name === a.name)).toBe(false);
      }
      expect(await exported(sort)).toEqual(await listed(sort));
    },
  );

  it('ends after a full last batch (an empty query, no duplicate)', async () => {
    exportPaging.batchSize = PEOPLE.length;
    const rows = await exported('birthDate');
    expect(rows).toHaveLength(PEOPLE.length);
    expect(new Set(rows).size).toBe(PEOPLE.length);
    const births = rows.map((k) => k.split('|')[2]!);
    expect([...births].sort()).toEqual(births);
  });

  it('stays within the caller’s scope across batches', async () => {
    exportPaging.batchSize = 3;
    const other = await login(h, fx.users.otherAdmin.username, fx.password);
    const res = await api()
      .get(`/api/v1/teachers/export.xlsx?tag=${tag}`)
      .set(other.auth)
      .buffer(true)
      .parse(binary);
    const wb = new Workbook();
    await wb.xlsx.load(res.body);
    expect(wb.worksheets[0]!.rowCount).toBe(1);
  });
});

describe('lists of a scope that spans several unions', () => {
  it('shows a city union the teachers of the county unions under it too (list, count, export)', async () => {
    // province → city union (a tenant) → its school, and a county union (a tenant of its own) → its school.
    const id = uniq('');
    const { city, cityAdmin, citySchool, countySchool } = await inScope(
      h.appDs,
      systemScope('test'),
      async (em) => {
        const city = await createChildOrg(em, fx.province, { kind: 'city', name: `市教育工会 ${id}` });
        const citySchool = await createChildOrg(em, city, {
          kind: 'school',
          name: `市直学校 ${id}`,
          code: 'c1',
        });
        const county = await createChildOrg(em, city, {
          kind: 'county',
          name: `市辖县教育工会 ${id}`,
          code: 'k1',
        });
        const countySchool = await createChildOrg(em, county, {
          kind: 'school',
          name: `县学校 ${id}`,
          code: 'k1s1',
        });
        const cityAdmin = await createUser(em, city, {
          username: `city.${id}`,
          displayName: `市管理员 ${id}`,
          role: 'tenant_admin',
          password: FACTORY_PASSWORD,
        });
        return { city, cityAdmin, citySchool, countySchool };
      },
    );
    expect(countySchool.tenantId).not.toBe(city.id);
    const session = await login(h, cityAdmin.username, FACTORY_PASSWORD);
    const cityTag = `ct${randomBytes(3).toString('hex')}`;
    const names: string[] = [];
    for (const [i, org] of [citySchool, countySchool, countySchool, citySchool, countySchool].entries()) {
      const p = PEOPLE[i]!;
      const res = await api()
        .post('/api/v1/teachers')
        .set(session.auth)
        .send({
          name: `${p.name}${i}`,
          sex: p.sex,
          birthDate: p.birthDate,
          idNumber: makeIdNumber(p.birthDate, p.sex),
          employmentType: 'establishment',
          position: 'teacher',
          stage: 'primary',
          teachingSince: '2018-09-01',
          orgId: org.id,
          tags: [cityTag],
        });
      expect(res.status).toBe(201);
      names.push(res.body.name);
    }
    const list = await api().get(`/api/v1/teachers?tag=${cityTag}&pageSize=2`).set(session.auth);
    expect(list.body.total).toBe(5);
    expect(list.body.items).toHaveLength(2);
    exportPaging.batchSize = 2;
    const res = await api()
      .get(`/api/v1/teachers/export.xlsx?tag=${cityTag}`)
      .set(session.auth)
      .buffer(true)
      .parse(binary);
    const wb = new Workbook();
    await wb.xlsx.load(res.body);
    const exportedNames = (wb.worksheets[0]!.getSheetValues() as unknown[][]).slice(2).map((r) => r[1]);
    expect([...exportedNames].sort()).toEqual([...names].sort());
    // The county union's administrator of the fixture sees none of them.
    const none = await api().get(`/api/v1/teachers?tag=${cityTag}`).set(admin.auth);
    expect(none.body.total).toBe(0);
  });
});
