import type { TenantFixture } from '@guanai/db/testing';
import { fixture, login, request, snapshot, startHarness, type Harness, type Session } from './harness';

let h: Harness;
let fx: TenantFixture;
let admin: Session;
let province: Session;
beforeAll(async () => {
  h = await startHarness();
  fx = await fixture(h);
  admin = await login(h, fx.users.tenantAdmin.username, fx.password);
  province = await login(h, fx.users.provinceAdmin.username, fx.password);
});
afterAll(() => h.close());

const api = () => request(h.http);

describe('organisation tree', () => {
  it('lists the caller’s organisation and everything below it, nothing beside or above', async () => {
    const res = await api().get('/api/v1/orgs').set(admin.auth);
    const ids = res.body.items.map((o: { id: string }) => o.id).sort();
    expect(ids).toEqual([fx.tenant.id, ...fx.schools.map((s) => s.id)].sort());
  });

  it('creates a school under the county, refuses a kind that does not belong there', async () => {
    const ok = await api().post('/api/v1/orgs').set(admin.auth).send({ parentId: fx.tenant.id, name: '甲县第三小学', kind: 'school', code: 's3', rural: true });
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ parentId: fx.tenant.id, kind: 'school', tenantId: fx.tenant.id, rural: true, depth: 3 });
    const before = await snapshot(h);
    const wrongKind = await api().post('/api/v1/orgs').set(admin.auth).send({ parentId: fx.tenant.id, name: '某学院', kind: 'department' });
    expect([wrongKind.status, wrongKind.body.code, wrongKind.body.errors[0].path]).toEqual([422, 'ORG_KIND_NOT_ALLOWED', 'body.kind']);
    const dupCode = await api().post('/api/v1/orgs').set(admin.auth).send({ parentId: fx.tenant.id, name: '重复', kind: 'school', code: 's3' });
    expect([dupCode.status, dupCode.body.code]).toEqual([409, 'ORG_CODE_TAKEN']);
    expect(await snapshot(h)).toBe(before);
  });

  it('renames with optimistic concurrency', async () => {
    const s = (await api().get(`/api/v1/orgs/${fx.schools[1]!.id}`).set(admin.auth)).body;
    const ok = await api().patch(`/api/v1/orgs/${s.id}`).set(admin.auth).send({ version: s.version, name: '甲县实验小学' });
    expect(ok.body.name).toBe('甲县实验小学');
    const stale = await api().patch(`/api/v1/orgs/${s.id}`).set(admin.auth).send({ version: s.version, name: '旧名' });
    expect(stale.status).toBe(409);
  });

  it('lets the province move a school to another county, with its people following', async () => {
    const school = (await api().post('/api/v1/orgs').set(admin.auth).send({ parentId: fx.tenant.id, name: '待调整学校', kind: 'school' })).body;
    const user = await api().post('/api/v1/users').set(admin.auth).send({ username: `mv${Date.now()}`, displayName: '调动教师', role: 'teacher', orgId: school.id });
    // The county admin cannot move it out of their scope…
    const denied = await api().post(`/api/v1/orgs/${school.id}/move`).set(admin.auth).send({ version: school.version, parentId: fx.otherTenant.id });
    expect(denied.status).toBe(404);
    // …the province can.
    const moved = await api().post(`/api/v1/orgs/${school.id}/move`).set(province.auth).send({ version: school.version, parentId: fx.otherTenant.id });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ parentId: fx.otherTenant.id, tenantId: fx.otherTenant.id });
    expect((await api().get(`/api/v1/users/${user.body.user.id}`).set(admin.auth)).status).toBe(404);
    const other = await login(h, fx.users.otherAdmin.username, fx.password);
    expect((await api().get(`/api/v1/users/${user.body.user.id}`).set(other.auth)).status).toBe(200);
  });

  it('refuses to move a node under its own descendant, or one’s own organisation', async () => {
    const t = (await api().get(`/api/v1/orgs/${fx.tenant.id}`).set(province.auth)).body;
    const cycle = await api().post(`/api/v1/orgs/${t.id}/move`).set(province.auth).send({ version: t.version, parentId: fx.schools[0]!.id });
    expect(cycle.body.code).toBe('ORG_MOVE_CYCLE');
    const self = await api().post(`/api/v1/orgs/${t.id}/deactivate`).set(admin.auth).send({ version: t.version });
    expect(self.body.code).toBe('ORG_NOT_BELOW_SCOPE');
  });

  it('deactivates a school with its subtree: its people can no longer log in, until reactivated', async () => {
    const school = (await api().post('/api/v1/orgs').set(admin.auth).send({ parentId: fx.tenant.id, name: '撤并学校', kind: 'school' })).body;
    const created = await api().post('/api/v1/users').set(admin.auth).send({ username: `de${Date.now()}`, displayName: '撤并教师', role: 'teacher', orgId: school.id, password: 'Chebing-School-2026' });
    const s = await login(h, created.body.user.username, 'Chebing-School-2026');
    const off = await api().post(`/api/v1/orgs/${school.id}/deactivate`).set(admin.auth).send({ version: school.version });
    expect(off.body.active).toBe(false);
    expect((await api().get('/api/v1/me').set(s.auth)).body.code).toBe('SESSION_EXPIRED');
    const refused = await api().post('/api/v1/auth/login').send({ username: created.body.user.username, password: 'Chebing-School-2026' });
    expect(refused.body.code).toBe('ACCOUNT_DISABLED');
    const inactiveParent = await api().post('/api/v1/orgs').set(admin.auth).send({ parentId: school.id, name: 'x', kind: 'school' });
    expect(inactiveParent.body.code).toBe('ORG_INACTIVE');
    await api().post(`/api/v1/orgs/${school.id}/activate`).set(admin.auth).send({ version: off.body.version });
    expect((await api().post('/api/v1/auth/login').send({ username: created.body.user.username, password: 'Chebing-School-2026' })).status).toBe(200);
  });
});
