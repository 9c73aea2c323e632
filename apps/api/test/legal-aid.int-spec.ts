import { createUser, inScope, returnedRows, systemScope, type EntityManager } from '@guanai/db';
import type { TenantFixture } from '@guanai/db/testing';
import { addDays, todayInShanghai } from '@guanai/domain';
import { insertTeacher } from './compliance-fixtures';
import { fixture, login, request, snapshot, startHarness, type Harness, type Session } from './harness';

// Issue 6, legal aid: the roster of lawyers and volunteers (kept by the province or a union, read by
// the unions it serves), assignment to a case with hours and cost, and a case's mediation sessions and
// hearings within their stage — through the API, and the walls in PostgreSQL.

let h: Harness;
let fx: TenantFixture;
let province: Session;
let admin: Session;
let handler: Session;
let officer: Session;
let teacher: Session;
let otherAdmin: Session;
let otherHandler: Session;
let applicant: string;
let farApplicant: string;

const today = todayInShanghai();
const sys = <R>(work: (em: EntityManager) => Promise<R>) => inScope(h.appDs, systemScope('test'), work);
const rows = (sql: string, params: unknown[] = []) => sys((em) => em.query(sql, params));
const api = () => request(h.http);
const PROVIDERS = '/api/v1/legal-aid/providers';
const ROSTER = '/api/v1/legal-aid/roster';

beforeAll(async () => {
  h = await startHarness();
  fx = await fixture(h);
  const handlerOf = (org: typeof fx.tenant, name: string) =>
    sys((em) =>
      createUser(em, org, {
        username: `${name}.${org.id.slice(0, 8)}`,
        displayName: `维权专员${name}`,
        role: 'case_handler',
        password: fx.password,
      }),
    );
  const [mine, theirs] = [await handlerOf(fx.tenant, 'la'), await handlerOf(fx.otherTenant, 'lb')];
  await sys(async (em) => {
    const at = (orgId: string, tenantId: string) => ({
      orgId,
      tenantId,
      postings: [{ orgId, from: '2010-09-01', to: null }],
    });
    applicant = await insertTeacher(em, { ...at(fx.schools[1]!.id, fx.tenant.id), name: '钱申请' });
    farApplicant = await insertTeacher(em, { ...at(fx.otherSchool.id, fx.otherTenant.id), name: '孙乙县' });
  });
  [province, admin, handler, officer, teacher, otherAdmin, otherHandler] = await Promise.all([
    login(h, fx.users.provinceAdmin.username, fx.password),
    login(h, fx.users.tenantAdmin.username, fx.password),
    login(h, mine.username, fx.password),
    login(h, fx.users.officer.username, fx.password),
    login(h, fx.users.teacher.username, fx.password),
    login(h, fx.users.otherAdmin.username, fx.password),
    login(h, theirs.username, fx.password),
  ]);
});
afterAll(() => h.close());

type Entry = { id: string; version: number; [k: string]: unknown };
type Case = { id: string; version: number; state: string };

const lawyer = (over: Record<string, unknown> = {}) => ({
  name: '李明律师',
  kind: 'lawyer',
  organisation: '浙江明理律师事务所',
  licenceNo: '13301201910123456',
  phone: '13812345678',
  specialties: ['wage_arrears', 'termination_dismissal'],
  servedTenantIds: [fx.tenant.id],
  ...over,
});
const createEntry = async (s: Session, body: Record<string, unknown>): Promise<Entry> =>
  (await api().post(PROVIDERS).set(s.auth).send(body).expect(201)).body;
const ids = (page: { items: { id: string }[] }) => page.items.map((e) => e.id);

/** A case of `s`'s union, moved through the workflow up to `upTo`. */
async function newCase(
  s: Session,
  teacherId: string,
  upTo: 'submitted' | 'mediation' | 'mediation_failed' | 'arbitration' | 'litigation',
): Promise<Case> {
  let c: Case = (
    await api()
      .post('/api/v1/cases')
      .set(s.auth)
      .send({
        applicantTeacherIds: [teacherId],
        respondent: { kind: 'private_school', name: '民办育才学校' },
        category: 'wage_arrears',
        claimedFen: 960_000,
        facts: '学校拖欠两个月工资',
        knewOn: '2025-02-10',
      })
      .expect(201)
  ).body;
  const move = async (action: string, details: Record<string, unknown> = {}) => {
    c = (
      await api()
        .post(`/api/v1/cases/${c.id}/transitions`)
        .set(s.auth)
        .send({ version: c.version, action, ...details })
        .expect(200)
    ).body;
  };
  if (upTo === 'submitted') return c;
  await move('accept');
  await move('start_mediation', { mediatorName: '县调解委员会 王调解员', on: '2025-03-03' });
  if (upTo === 'mediation') return c;
  await move('fail_mediation', { on: '2025-03-20' });
  if (upTo === 'mediation_failed') return c;
  await move('start_arbitration', { on: '2025-03-24' });
  if (upTo === 'arbitration') return c;
  await move('start_litigation', { on: '2025-06-02' });
  return c;
}

const auditCount = async (action: string, targetId: string) =>
  (
    await rows(`SELECT count(*)::int AS n FROM audit_events WHERE action = $1 AND target_id = $2`, [
      action,
      targetId,
    ])
  )[0].n as number;

describe('the roster, kept by the province and by a union', () => {
  it('the province adds a lawyer serving one union: phone sealed at rest, masked in the list, clear on open (audited)', async () => {
    const e = await createEntry(province, lawyer());
    expect(e).toMatchObject({
      name: '李明律师',
      kind: 'lawyer',
      ownerOrgId: fx.province.id,
      phoneMasked: '138****5678',
      phone: null,
      specialties: ['wage_arrears', 'termination_dismissal'],
      servedTenants: [{ id: fx.tenant.id, name: fx.tenant.name }],
      active: true,
      editable: true,
      version: 1,
    });
    const [row] = await rows(`SELECT phone_enc, phone_masked FROM legal_aid_providers WHERE id = $1`, [e.id]);
    expect(row.phone_enc).toMatch(/^v1\.k1\./);
    expect(row.phone_enc).not.toContain('13812345678');

    const list = (await api().get(PROVIDERS).set(province.auth).expect(200)).body;
    expect(list.items.find((x: Entry) => x.id === e.id)).toMatchObject({
      phoneMasked: '138****5678',
      phone: null,
    });
    expect(await auditCount('legal_aid.provider.read_phone', e.id)).toBe(0);
    const opened = (await api().get(`${PROVIDERS}/${e.id}`).set(province.auth).expect(200)).body;
    expect(opened.phone).toBe('13812345678');
    expect(await auditCount('legal_aid.provider.read_phone', e.id)).toBe(1);
    expect(await auditCount('legal_aid.provider.create', e.id)).toBe(1);
  });

  it('a union keeps its own entries (serving itself) and sees the province’s lent to it, read-only', async () => {
    const lent = await createEntry(province, lawyer({ name: '周律师' }));
    const own = await createEntry(admin, {
      name: '赵志愿者',
      kind: 'volunteer',
      phone: '0571-87654321',
      specialties: ['hours_leave'],
    });
    expect(own).toMatchObject({
      ownerOrgId: fx.tenant.id,
      servedTenants: [{ id: fx.tenant.id, name: fx.tenant.name }],
      phoneMasked: '057*****4321',
      licenceNo: null,
      editable: true,
    });
    const list = (await api().get(PROVIDERS).set(admin.auth).query({ pageSize: 200 }).expect(200)).body;
    expect(ids(list)).toEqual(expect.arrayContaining([lent.id, own.id]));
    expect(list.items.find((x: Entry) => x.id === lent.id)).toMatchObject({ editable: false });

    const res = await api()
      .patch(`${PROVIDERS}/${lent.id}`)
      .set(admin.auth)
      .send({ version: lent.version, name: '改名' })
      .expect(403);
    expect(res.body.code).toBe('LEGAL_AID_NOT_OWNER');
    await api().post(`${PROVIDERS}/${lent.id}/deactivate`).set(admin.auth).send({ version: 1 }).expect(403);

    // The province sees the union's entry too, and cannot change it either.
    const mine = (await api().get(`${PROVIDERS}/${own.id}`).set(province.auth).expect(200)).body;
    expect(mine).toMatchObject({ editable: false, phone: '0571-87654321' });
    await api()
      .patch(`${PROVIDERS}/${own.id}`)
      .set(province.auth)
      .send({ version: 1, name: 'x' })
      .expect(403);
  });

  it('a union’s entry serves that union only; the province serves unions below it, at least one', async () => {
    const before = await snapshot(h);
    const other = await api()
      .post(PROVIDERS)
      .set(admin.auth)
      .send(lawyer({ servedTenantIds: [fx.otherTenant.id] }))
      .expect(422);
    expect(other.body).toMatchObject({ code: 'LEGAL_AID_SERVES_OWN_UNION_ONLY' });
    expect(other.body.errors[0].path).toBe('body.servedTenantIds');

    const school = await api()
      .post(PROVIDERS)
      .set(province.auth)
      .send(lawyer({ servedTenantIds: [fx.tenant.id, fx.schools[0]!.id] }))
      .expect(422);
    expect(school.body.code).toBe('LEGAL_AID_SERVED_NOT_A_TENANT');
    expect(school.body.errors).toEqual([
      expect.objectContaining({ path: 'body.servedTenantIds.1', code: 'LEGAL_AID_SERVED_NOT_A_TENANT' }),
    ]);
    const none = await api()
      .post(PROVIDERS)
      .set(province.auth)
      .send(lawyer({ servedTenantIds: [] }))
      .expect(422);
    expect(none.body.code).toBe('LEGAL_AID_SERVED_REQUIRED');
    const omitted = await api()
      .post(PROVIDERS)
      .set(province.auth)
      .send(lawyer({ servedTenantIds: undefined }))
      .expect(422);
    expect(omitted.body.code).toBe('LEGAL_AID_SERVED_REQUIRED');
    expect(await snapshot(h)).toBe(before);
  });

  it('rejects bad input with 400 at the field, nothing written', async () => {
    const before = await snapshot(h);
    const cases: [Record<string, unknown>, string][] = [
      [{ phone: '12345' }, 'body.phone'],
      [{ kind: 'judge' }, 'body.kind'],
      [{ specialties: ['wage_arrears', 'wage_arrears'] }, 'body.specialties'],
      [{ specialties: ['astrology'] }, 'body.specialties.0'],
      [{ name: '  ' }, 'body.name'],
      [{ servedTenantIds: ['not-a-uuid'] }, 'body.servedTenantIds.0'],
      [{ extra: 1 }, 'body.extra'],
    ];
    for (const [over, path] of cases) {
      const res = await api().post(PROVIDERS).set(province.auth).send(lawyer(over)).expect(400);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
      expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(path);
    }
    const phone = await api()
      .post(PROVIDERS)
      .set(province.auth)
      .send(lawyer({ phone: '12345' }))
      .expect(400);
    expect(phone.body.errors[0]).toMatchObject({ code: 'invalid_format' });
    expect(phone.body.errors[0].message).toMatch(/手机号|固定电话/);
    expect(await snapshot(h)).toBe(before);
  });

  it('updates with the version (stale → 409), deactivates and activates, and filters the list', async () => {
    const e = await createEntry(
      province,
      lawyer({ name: `筛选律师${Date.now()}`, specialties: ['discipline'] }),
    );
    const changed = (
      await api()
        .patch(`${PROVIDERS}/${e.id}`)
        .set(province.auth)
        .send({
          version: 1,
          organisation: '杭州公正律师事务所',
          phone: null,
          servedTenantIds: [fx.tenant.id, fx.otherTenant.id],
        })
        .expect(200)
    ).body;
    expect(changed).toMatchObject({
      version: 2,
      organisation: '杭州公正律师事务所',
      phoneMasked: null,
      servedTenants: expect.arrayContaining([
        { id: fx.tenant.id, name: fx.tenant.name },
        { id: fx.otherTenant.id, name: fx.otherTenant.name },
      ]),
    });
    const stale = await api()
      .patch(`${PROVIDERS}/${e.id}`)
      .set(province.auth)
      .send({ version: 1, name: 'x' });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('STALE_VERSION');

    const off = (
      await api().post(`${PROVIDERS}/${e.id}/deactivate`).set(province.auth).send({ version: 2 }).expect(200)
    ).body;
    expect(off).toMatchObject({ active: false, version: 3 });
    const list = (q: Record<string, string>) =>
      api()
        .get(PROVIDERS)
        .set(province.auth)
        .query({ pageSize: 200, ...q })
        .expect(200);
    expect(ids((await list({ category: 'discipline' })).body)).toContain(e.id);
    expect(ids((await list({ category: 'hours_leave' })).body)).not.toContain(e.id);
    expect(ids((await list({ active: 'false' })).body)).toContain(e.id);
    expect(ids((await list({ active: 'true' })).body)).not.toContain(e.id);
    expect(ids((await list({ kind: 'volunteer' })).body)).not.toContain(e.id);
    expect(ids((await list({ q: '公正律师' })).body)).toEqual([e.id]);
    expect(ids((await list({ q: '100%' })).body)).toEqual([]);
    await api().get(PROVIDERS).set(province.auth).query({ active: 'maybe' }).expect(400);

    const on = (
      await api().post(`${PROVIDERS}/${e.id}/activate`).set(province.auth).send({ version: 3 }).expect(200)
    ).body;
    expect(on).toMatchObject({ active: true, version: 4 });
    expect(await auditCount('legal_aid.provider.deactivate', e.id)).toBe(1);
  });

  it('a union not served sees neither the province’s entry nor another union’s own (404)', async () => {
    const lent = await createEntry(province, lawyer({ name: '只服务甲县' }));
    const own = await createEntry(admin, { name: '甲县自己的', kind: 'volunteer' });
    const list = (await api().get(PROVIDERS).set(otherAdmin.auth).query({ pageSize: 200 }).expect(200)).body;
    expect(ids(list)).not.toContain(lent.id);
    expect(ids(list)).not.toContain(own.id);
    for (const id of [lent.id, own.id]) {
      expect((await api().get(`${PROVIDERS}/${id}`).set(otherAdmin.auth).expect(404)).body.code).toBe(
        'NOT_FOUND',
      );
      await api()
        .patch(`${PROVIDERS}/${id}`)
        .set(otherAdmin.auth)
        .send({ version: 1, name: 'x' })
        .expect(404);
    }
  });

  it('case handlers and school officers hold no legal_aid.manage (403)', async () => {
    for (const s of [handler, officer, teacher])
      expect((await api().get(PROVIDERS).set(s.auth).expect(403)).body.code).toBe('FORBIDDEN');
    await api().post(PROVIDERS).set(handler.auth).send(lawyer()).expect(403);
  });
});

describe('the roster for case handlers', () => {
  it('a handler of a served union sees the entry (phone masked) and opens it (phone clear, audited)', async () => {
    const lent = await createEntry(province, lawyer({ name: '服务甲县的律师' }));
    const own = await createEntry(admin, { name: '甲县志愿者', kind: 'volunteer' });
    const list = (await api().get(ROSTER).set(handler.auth).query({ pageSize: 200 }).expect(200)).body;
    expect(ids(list)).toEqual(expect.arrayContaining([lent.id, own.id]));
    expect(list.items.find((x: Entry) => x.id === lent.id)).toMatchObject({
      phone: null,
      phoneMasked: '138****5678',
      editable: false,
    });
    const opened = (await api().get(`${ROSTER}/${lent.id}`).set(handler.auth).expect(200)).body;
    expect(opened).toMatchObject({ phone: '13812345678', editable: false });
    expect(await auditCount('legal_aid.provider.read_phone', lent.id)).toBe(1);
  });

  it('a handler of a union not served gets 404 for the entry and does not see it listed', async () => {
    const lent = await createEntry(province, lawyer({ name: '不服务乙县' }));
    expect(
      ids((await api().get(ROSTER).set(otherHandler.auth).query({ pageSize: 200 }).expect(200)).body),
    ).not.toContain(lent.id);
    expect((await api().get(`${ROSTER}/${lent.id}`).set(otherHandler.auth).expect(404)).body.code).toBe(
      'NOT_FOUND',
    );
    await api().get(ROSTER).set(province.auth).expect(403);
    await api().get(ROSTER).set(officer.auth).expect(403);
  });
});

describe('assignment to a case: hours (minutes) and cost (fen)', () => {
  let entry: Entry;
  beforeAll(async () => {
    entry = await createEntry(province, lawyer({ name: '指派律师' }));
  });
  const legalAid = (c: { id: string }) => `/api/v1/cases/${c.id}/legal-aid`;

  it('a handler assigns a served entry, records hours and cost, ends it; totals and the timeline follow', async () => {
    const c = await newCase(handler, applicant, 'mediation');
    const a = (
      await api()
        .post(legalAid(c))
        .set(handler.auth)
        .send({ providerId: entry.id, role: 'representation', assignedOn: '2025-03-05', notes: '按件收费' })
        .expect(201)
    ).body;
    expect(a).toMatchObject({
      caseId: c.id,
      providerId: entry.id,
      providerName: '指派律师',
      providerKind: 'lawyer',
      providerOrganisation: '浙江明理律师事务所',
      role: 'representation',
      assignedOn: '2025-03-05',
      endedOn: null,
      minutes: 0,
      costFen: 0,
      notes: '按件收费',
      createdByName: '维权专员la',
      version: 1,
    });
    const updated = (
      await api()
        .patch(`${legalAid(c)}/${a.id}`)
        .set(handler.auth)
        .send({ version: 1, minutes: 390, costFen: 150_050, endedOn: '2025-04-30' })
        .expect(200)
    ).body;
    expect(updated).toMatchObject({ minutes: 390, costFen: 150_050, endedOn: '2025-04-30', version: 2 });
    const stale = await api()
      .patch(`${legalAid(c)}/${a.id}`)
      .set(handler.auth)
      .send({ version: 1, minutes: 1 });
    expect(stale.status).toBe(409);

    // Ended, the same entry may be assigned again (say, for the arbitration).
    const again = (
      await api()
        .post(legalAid(c))
        .set(handler.auth)
        .send({
          providerId: entry.id,
          role: 'consultation',
          assignedOn: '2025-05-01',
          minutes: 60,
          costFen: 20_000,
        })
        .expect(201)
    ).body;
    const list = (await api().get(legalAid(c)).set(admin.auth).expect(200)).body;
    expect(list.items.map((x: Entry) => x.id)).toEqual([a.id, again.id]);
    expect(list.totals).toEqual({ minutes: 450, costFen: 170_050 });

    const opened = (await api().get(`/api/v1/cases/${c.id}`).set(handler.auth).expect(200)).body;
    const events = opened.events.filter((e: { action: string }) => e.action.startsWith('legal_aid'));
    expect(events.map((e: { action: string }) => e.action)).toEqual([
      'legal_aid_assigned',
      'legal_aid_updated',
      'legal_aid_assigned',
    ]);
    expect(events[1]).toMatchObject({
      fromState: 'mediation',
      toState: 'mediation',
      actorName: '维权专员la',
      details: expect.objectContaining({ providerName: '指派律师', minutes: 390, costFen: 150_050 }),
    });
    expect(opened.state).toBe('mediation');
    expect(await auditCount('case.legal_aid.assign', a.id)).toBe(1);
    expect(await auditCount('case.legal_aid.update', a.id)).toBe(1);
  });

  it('one running assignment of an entry per case (409); a deactivated entry cannot be assigned (422)', async () => {
    const c = await newCase(handler, applicant, 'submitted');
    const body = { providerId: entry.id, role: 'consultation', assignedOn: today };
    await api().post(legalAid(c)).set(handler.auth).send(body).expect(201);
    expect((await api().post(legalAid(c)).set(handler.auth).send(body).expect(409)).body.code).toBe(
      'LEGAL_AID_ALREADY_ASSIGNED',
    );
    const off = await createEntry(province, lawyer({ name: '停用律师' }));
    await api().post(`${PROVIDERS}/${off.id}/deactivate`).set(province.auth).send({ version: 1 }).expect(200);
    const res = await api()
      .post(legalAid(c))
      .set(handler.auth)
      .send({ ...body, providerId: off.id })
      .expect(422);
    expect(res.body).toMatchObject({ code: 'LEGAL_AID_PROVIDER_INACTIVE' });
    expect(res.body.errors[0].path).toBe('body.providerId');
  });

  it('two handlers assigning the same entry at once: one 201, the other 409', async () => {
    const c = await newCase(handler, applicant, 'submitted');
    const body = { providerId: entry.id, role: 'consultation', assignedOn: today };
    const results = await Promise.all(
      [handler, admin].map((s) => api().post(legalAid(c)).set(s.auth).send(body)),
    );
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(results.find((r) => r.status === 409)!.body.code).toBe('LEGAL_AID_ALREADY_ASSIGNED');
    expect((await api().get(legalAid(c)).set(handler.auth).expect(200)).body.items).toHaveLength(1);
  });

  it('a union not served, or an unknown entry: 422 LEGAL_AID_PROVIDER_NOT_SERVING, nothing written', async () => {
    const theirs = await newCase(otherHandler, farApplicant, 'submitted');
    const before = await snapshot(h);
    for (const providerId of [entry.id, crypto.randomUUID()]) {
      const res = await api()
        .post(legalAid(theirs))
        .set(otherHandler.auth)
        .send({ providerId, role: 'representation', assignedOn: today })
        .expect(422);
      expect(res.body).toMatchObject({ code: 'LEGAL_AID_PROVIDER_NOT_SERVING' });
      expect(res.body.errors).toEqual([expect.objectContaining({ path: 'body.providerId' })]);
    }
    expect(await snapshot(h)).toBe(before);
  });

  it('bad hours, cost or dates: 4xx at the field, nothing written', async () => {
    const c = await newCase(handler, applicant, 'submitted');
    const ok = { providerId: entry.id, role: 'representation', assignedOn: '2025-03-05' };
    const before = await snapshot(h);
    // [change, status, field, the problem's code (422) or the field's message (400)]
    const cases: [Record<string, unknown>, number, string, string][] = [
      [{ minutes: -30 }, 400, 'body.minutes', '时长不能为负数'],
      [{ minutes: 90.5 }, 400, 'body.minutes', '时长以分钟计，应为整数'],
      [{ costFen: 1000.5 }, 400, 'body.costFen', '金额以“分”为单位，须为整数（如 100 元填 10000）'],
      [{ costFen: -100 }, 400, 'body.costFen', '金额不能为负数'],
      [{ role: 'judge' }, 400, 'body.role', ''],
      [{ providerId: 'x' }, 400, 'body.providerId', ''],
      [{ assignedOn: addDays(today, 3) }, 422, 'body.assignedOn', 'DATE_IN_FUTURE'],
      [{ endedOn: '2025-03-01' }, 422, 'body.endedOn', 'LEGAL_AID_ENDED_BEFORE_ASSIGNED'],
    ];
    for (const [over, status, path, expected] of cases) {
      const res = await api()
        .post(legalAid(c))
        .set(handler.auth)
        .send({ ...ok, ...over })
        .expect(status);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
      const err = res.body.errors.find((e: { path: string }) => e.path === path);
      expect(err).toBeDefined();
      if (status === 422) expect([res.body.code, err.code]).toEqual([expected, expected]);
      else if (expected) expect(err.message).toBe(expected);
    }
    expect(await snapshot(h)).toBe(before);
  });

  it('bad updates are refused the same way, the assignment unchanged', async () => {
    const c = await newCase(handler, applicant, 'submitted');
    const a = (
      await api()
        .post(legalAid(c))
        .set(handler.auth)
        .send({ providerId: entry.id, role: 'representation', assignedOn: '2025-03-05', minutes: 30 })
        .expect(201)
    ).body;
    const before = await snapshot(h);
    await api()
      .patch(`${legalAid(c)}/${a.id}`)
      .set(handler.auth)
      .send({ version: 1, minutes: -1 })
      .expect(400);
    await api()
      .patch(`${legalAid(c)}/${a.id}`)
      .set(handler.auth)
      .send({ version: 1, costFen: 0.5 })
      .expect(400);
    const early = await api()
      .patch(`${legalAid(c)}/${a.id}`)
      .set(handler.auth)
      .send({ version: 1, endedOn: '2025-03-04' })
      .expect(422);
    expect(early.body.code).toBe('LEGAL_AID_ENDED_BEFORE_ASSIGNED');
    await api()
      .patch(`${legalAid(c)}/${crypto.randomUUID()}`)
      .set(handler.auth)
      .send({ version: 1, minutes: 5 })
      .expect(404);
    expect(await snapshot(h)).toBe(before);
  });

  it('no new assignment on a finished case (409), though hours are still recorded on an existing one', async () => {
    let c = await newCase(handler, applicant, 'submitted');
    const a = (
      await api()
        .post(legalAid(c))
        .set(handler.auth)
        .send({ providerId: entry.id, role: 'consultation', assignedOn: today })
        .expect(201)
    ).body;
    c = (
      await api()
        .post(`/api/v1/cases/${c.id}/transitions`)
        .set(handler.auth)
        .send({ version: c.version, action: 'withdraw', reason: '教师撤回' })
        .expect(200)
    ).body;
    const other = await createEntry(province, lawyer({ name: '结案后律师' }));
    const res = await api()
      .post(legalAid(c))
      .set(handler.auth)
      .send({ providerId: other.id, role: 'consultation', assignedOn: today })
      .expect(409);
    expect(res.body.code).toBe('LEGAL_AID_CASE_CLOSED');
    const done = await api()
      .patch(`${legalAid(c)}/${a.id}`)
      .set(handler.auth)
      .send({ version: 1, minutes: 120, costFen: 30_000, endedOn: today })
      .expect(200);
    expect(done.body).toMatchObject({ minutes: 120, costFen: 30_000, endedOn: today });
  });

  it('another union gets 404 for a case’s assignments, and so do a school officer, a teacher and the province (no case permission)', async () => {
    const c = await newCase(handler, applicant, 'submitted');
    const a = (
      await api()
        .post(legalAid(c))
        .set(handler.auth)
        .send({ providerId: entry.id, role: 'representation', assignedOn: today })
        .expect(201)
    ).body;
    for (const s of [otherHandler, otherAdmin]) {
      expect((await api().get(legalAid(c)).set(s.auth).expect(404)).body.code).toBe('NOT_FOUND');
      await api()
        .patch(`${legalAid(c)}/${a.id}`)
        .set(s.auth)
        .send({ version: 1, minutes: 60 })
        .expect(404);
    }
    await api()
      .post(legalAid(c))
      .set(otherHandler.auth)
      .send({ providerId: entry.id, role: 'representation', assignedOn: today })
      .expect(404);
    for (const s of [officer, teacher, province]) {
      await api().get(legalAid(c)).set(s.auth).expect(404);
      await api()
        .patch(`${legalAid(c)}/${a.id}`)
        .set(s.auth)
        .send({ version: 1, minutes: 60 })
        .expect(404);
    }
    // The assignment's case must match the path: another case of the same union does not reach it.
    const c2 = await newCase(handler, applicant, 'submitted');
    await api()
      .patch(`${legalAid(c2)}/${a.id}`)
      .set(handler.auth)
      .send({ version: 1, minutes: 60 })
      .expect(404);
  });
});

describe('mediation sessions and hearings', () => {
  const sessions = (c: { id: string }) => `/api/v1/cases/${c.id}/sessions`;
  const PARTICIPANTS = '申请人钱某、被申请人学校代表、调解员王某';
  const RESULT = '双方同意于四月底前补发工资的一半，其余待核';

  it('records a mediation session in mediation: participants and result sealed, read in clear (audited), on the timeline', async () => {
    const c = await newCase(handler, applicant, 'mediation');
    const s = (
      await api()
        .post(sessions(c))
        .set(handler.auth)
        .send({
          kind: 'mediation_session',
          heldOn: '2025-03-10',
          startsAt: '09:30',
          place: '县教育工会三楼调解室',
          participants: PARTICIPANTS,
          result: RESULT,
        })
        .expect(201)
    ).body;
    expect(s).toMatchObject({
      kind: 'mediation_session',
      heldOn: '2025-03-10',
      startsAt: '09:30',
      place: '县教育工会三楼调解室',
      participants: PARTICIPANTS,
      result: RESULT,
      recordedByName: '维权专员la',
      version: 1,
    });
    const [row] = await rows(`SELECT participants_enc, result_enc FROM dispute_case_sessions WHERE id = $1`, [
      s.id,
    ]);
    expect(row.participants_enc).toMatch(/^v1\.k1\./);
    expect(row.result_enc).toMatch(/^v1\.k1\./);
    expect(`${row.participants_enc}${row.result_enc}`).not.toContain('调解');

    // While mediation runs, the next session may be scheduled ahead.
    await api()
      .post(sessions(c))
      .set(handler.auth)
      .send({ kind: 'mediation_session', heldOn: addDays(today, 7) })
      .expect(201);
    const list = (await api().get(sessions(c)).set(admin.auth).expect(200)).body;
    expect(list.allowedKinds).toEqual(['mediation_session']);
    expect(list.items).toHaveLength(2);
    expect(list.items[0]).toMatchObject({ id: s.id, participants: PARTICIPANTS, result: RESULT });
    expect(await auditCount('case.sessions.read', c.id)).toBe(1);

    const opened = (await api().get(`/api/v1/cases/${c.id}`).set(handler.auth).expect(200)).body;
    expect(opened.events.filter((e: { action: string }) => e.action === 'session_recorded')).toHaveLength(2);
    expect(JSON.stringify(opened.events)).not.toContain(RESULT);
  });

  it('a hearing before its stage is 409 with the kinds allowed; nothing written', async () => {
    const submitted = await newCase(handler, applicant, 'submitted');
    const mediation = await newCase(handler, applicant, 'mediation');
    const before = await snapshot(h);
    const none = await api()
      .post(sessions(submitted))
      .set(handler.auth)
      .send({ kind: 'mediation_session', heldOn: today })
      .expect(409);
    expect(none.body).toMatchObject({ code: 'SESSION_STAGE_NOT_REACHED', allowed: [] });
    for (const kind of ['arbitration_hearing', 'court_hearing']) {
      const res = await api()
        .post(sessions(mediation))
        .set(handler.auth)
        .send({ kind, heldOn: today })
        .expect(409);
      expect(res.body).toMatchObject({ code: 'SESSION_STAGE_NOT_REACHED', allowed: ['mediation_session'] });
    }
    expect(await snapshot(h)).toBe(before);
  });

  it('dates within the stage: not before it began, not after it ended (422 at body.heldOn)', async () => {
    const c = await newCase(handler, applicant, 'arbitration');
    const before = await snapshot(h);
    const early = await api()
      .post(sessions(c))
      .set(handler.auth)
      .send({ kind: 'mediation_session', heldOn: '2025-03-02' })
      .expect(422);
    expect(early.body).toMatchObject({ code: 'SESSION_BEFORE_STAGE' });
    expect(early.body.errors).toEqual([expect.objectContaining({ path: 'body.heldOn' })]);
    expect(early.body.messages['zh-CN']).toContain('2025-03-03');
    const late = await api()
      .post(sessions(c))
      .set(handler.auth)
      .send({ kind: 'mediation_session', heldOn: '2025-03-21' })
      .expect(422);
    expect(late.body).toMatchObject({ code: 'SESSION_AFTER_STAGE' });
    expect(late.body.messages['zh-CN']).toContain('2025-03-20');
    const hearingEarly = await api()
      .post(sessions(c))
      .set(handler.auth)
      .send({ kind: 'arbitration_hearing', heldOn: '2025-03-23' })
      .expect(422);
    expect(hearingEarly.body.code).toBe('SESSION_BEFORE_STAGE');
    expect(await snapshot(h)).toBe(before);

    // A past mediation session within the mediation, and the arbitration hearing, both fit.
    await api()
      .post(sessions(c))
      .set(handler.auth)
      .send({ kind: 'mediation_session', heldOn: '2025-03-12' })
      .expect(201);
    await api()
      .post(sessions(c))
      .set(handler.auth)
      .send({
        kind: 'arbitration_hearing',
        heldOn: '2025-05-15',
        startsAt: '14:00',
        place: '县劳动人事争议仲裁院',
      })
      .expect(201);
    const list = (await api().get(sessions(c)).set(handler.auth).expect(200)).body;
    expect(list.allowedKinds).toEqual(['mediation_session', 'arbitration_hearing']);
    expect(list.items.map((s: { kind: string }) => s.kind)).toEqual([
      'mediation_session',
      'arbitration_hearing',
    ]);
  });

  it('court hearings once a suit is filed', async () => {
    const c = await newCase(handler, applicant, 'litigation');
    const s = (
      await api()
        .post(sessions(c))
        .set(handler.auth)
        .send({ kind: 'court_hearing', heldOn: '2025-07-01', place: '县人民法院第二法庭' })
        .expect(201)
    ).body;
    expect(s.kind).toBe('court_hearing');
    expect(
      (
        await api()
          .post(sessions(c))
          .set(handler.auth)
          .send({ kind: 'court_hearing', heldOn: '2025-06-01' })
          .expect(422)
      ).body.code,
    ).toBe('SESSION_BEFORE_STAGE');
  });

  it('updates with the version: result, a new date within the stage; out of it 422, stale 409', async () => {
    const c = await newCase(handler, applicant, 'mediation_failed');
    const s = (
      await api()
        .post(sessions(c))
        .set(handler.auth)
        .send({ kind: 'mediation_session', heldOn: '2025-03-10' })
        .expect(201)
    ).body;
    const updated = (
      await api()
        .patch(`${sessions(c)}/${s.id}`)
        .set(handler.auth)
        .send({ version: 1, heldOn: '2025-03-11', result: RESULT, startsAt: '15:00' })
        .expect(200)
    ).body;
    expect(updated).toMatchObject({ heldOn: '2025-03-11', result: RESULT, startsAt: '15:00', version: 2 });
    const before = await snapshot(h);
    const out = await api()
      .patch(`${sessions(c)}/${s.id}`)
      .set(handler.auth)
      .send({ version: 2, heldOn: '2025-04-01' })
      .expect(422);
    expect(out.body.code).toBe('SESSION_AFTER_STAGE');
    await api()
      .patch(`${sessions(c)}/${s.id}`)
      .set(handler.auth)
      .send({ version: 1, place: 'x' })
      .expect(409);
    await api()
      .patch(`${sessions(c)}/${s.id}`)
      .set(handler.auth)
      .send({ version: 2, kind: 'court_hearing' })
      .expect(400);
    expect(await snapshot(h)).toBe(before);
  });

  it('bad input is 400 at the field, nothing written', async () => {
    const c = await newCase(handler, applicant, 'mediation');
    const before = await snapshot(h);
    const cases: [Record<string, unknown>, string][] = [
      [{ kind: 'tea_party' }, 'body.kind'],
      [{ heldOn: '2025-02-30' }, 'body.heldOn'],
      [{ startsAt: '25:00' }, 'body.startsAt'],
      [{ startsAt: '9:30' }, 'body.startsAt'],
      [{ place: 'x'.repeat(201) }, 'body.place'],
      [{ result: 'x'.repeat(10_001) }, 'body.result'],
    ];
    for (const [over, path] of cases) {
      const res = await api()
        .post(sessions(c))
        .set(handler.auth)
        .send({ kind: 'mediation_session', heldOn: '2025-03-10', ...over })
        .expect(400);
      expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(path);
    }
    expect(await snapshot(h)).toBe(before);
  });

  it('another union gets 404 for a case’s sessions, and so does a school officer', async () => {
    const c = await newCase(handler, applicant, 'mediation');
    const s = (
      await api()
        .post(sessions(c))
        .set(handler.auth)
        .send({ kind: 'mediation_session', heldOn: '2025-03-10', result: RESULT })
        .expect(201)
    ).body;
    for (const who of [otherHandler, otherAdmin]) {
      await api().get(sessions(c)).set(who.auth).expect(404);
      await api()
        .post(sessions(c))
        .set(who.auth)
        .send({ kind: 'mediation_session', heldOn: '2025-03-11' })
        .expect(404);
      await api()
        .patch(`${sessions(c)}/${s.id}`)
        .set(who.auth)
        .send({ version: 1, place: 'x' })
        .expect(404);
    }
    await api().get(sessions(c)).set(officer.auth).expect(404);
    await api().get(sessions(c)).set(teacher.auth).expect(404);
  });
});

describe('row-level security', () => {
  it('another union’s scope reads none of this union’s roster, assignments or sessions, and cannot write them', async () => {
    const lent = await createEntry(province, lawyer({ name: 'RLS 律师' }));
    const own = await createEntry(admin, { name: 'RLS 志愿者', kind: 'volunteer' });
    const c = await newCase(handler, applicant, 'mediation');
    await api()
      .post(`/api/v1/cases/${c.id}/legal-aid`)
      .set(handler.auth)
      .send({ providerId: lent.id, role: 'representation', assignedOn: today })
      .expect(201);
    await api()
      .post(`/api/v1/cases/${c.id}/sessions`)
      .set(handler.auth)
      .send({ kind: 'mediation_session', heldOn: '2025-03-10' })
      .expect(201);

    const counts = `SELECT
      (SELECT count(*) FROM legal_aid_providers WHERE id = ANY($1::uuid[]))::int AS p,
      (SELECT count(*) FROM legal_aid_assignments WHERE org_id = $2)::int AS a,
      (SELECT count(*) FROM dispute_case_sessions WHERE org_id = $2)::int AS s`;
    const params = [[lent.id, own.id], fx.tenant.id];
    // The union itself sees all of it, through the owner's policy and the served one.
    const mine = await inScope(h.appDs, { path: fx.tenant.path }, (em) => em.query(counts, params));
    expect(mine[0].p).toBe(2);
    expect(mine[0].a).toBeGreaterThan(0);
    expect(mine[0].s).toBeGreaterThan(0);
    const theirs = await inScope(h.appDs, { path: fx.otherTenant.path }, (em) => em.query(counts, params));
    expect(theirs).toEqual([{ p: 0, a: 0, s: 0 }]);
    // A school below the served union is not the union: the province's entry is not lent to it.
    const school = await inScope(h.appDs, { path: fx.schools[0]!.path }, (em) => em.query(counts, params));
    expect(school).toEqual([{ p: 0, a: 0, s: 0 }]);

    await expect(
      inScope(h.appDs, { path: fx.otherTenant.path }, (em) =>
        em.query(
          `INSERT INTO legal_aid_assignments (id, org_id, case_id, provider_id, provider_name, provider_kind, role, assigned_on)
           VALUES (gen_random_uuid(), $1, $2, $3, 'x', 'lawyer', 'representation', '2025-03-05')`,
          [fx.tenant.id, c.id, lent.id],
        ),
      ),
    ).rejects.toThrow(/row-level security/);
    // A served union reads the province's entry but cannot change it (the served policy is SELECT only).
    const changed = await inScope(h.appDs, { path: fx.tenant.path }, (em) =>
      em.query(`UPDATE legal_aid_providers SET name = 'x' WHERE id = $1 RETURNING id`, [lent.id]),
    );
    expect(returnedRows(changed)).toEqual([]);
  });

  it('nothing is deleted by the application role', async () => {
    for (const t of ['legal_aid_providers', 'legal_aid_assignments', 'dispute_case_sessions'])
      await expect(
        inScope(h.appDs, { path: fx.tenant.path }, (em) => em.query(`DELETE FROM ${t}`)),
      ).rejects.toThrow(/permission denied/);
  });
});
