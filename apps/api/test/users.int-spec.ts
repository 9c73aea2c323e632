import type { TenantFixture } from '@guanai/db/testing';
import { fixture, login, request, snapshot, startHarness, type Harness, type Session } from './harness';

let h: Harness;
let fx: TenantFixture;
let admin: Session;
beforeAll(async () => {
  h = await startHarness();
  fx = await fixture(h);
  admin = await login(h, fx.users.tenantAdmin.username, fx.password);
});
afterAll(() => h.close());

const api = () => request(h.http);
const uname = () => `u${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

describe('users', () => {
  it('creates a school officer with a generated temporary password that must be changed at first login', async () => {
    const username = uname();
    const res = await api()
      .post('/api/v1/users')
      .set(admin.auth)
      .send({ username, displayName: '王老师', role: 'unit_officer', orgId: fx.schools[0]!.id });
    expect(res.status).toBe(201);
    expect(res.body.user).toMatchObject({ username, role: 'unit_officer', orgId: fx.schools[0]!.id, mustChangePassword: true });
    expect(res.body.temporaryPassword).toHaveLength(16);

    const s = await login(h, username, res.body.temporaryPassword);
    expect(s).toMatchObject({ restrictions: ['password_change'] });
    const blocked = await api().get('/api/v1/orgs').set(s.auth);
    expect([blocked.status, blocked.body.code]).toEqual([403, 'PASSWORD_CHANGE_REQUIRED']);
    const weak = await api().post('/api/v1/me/password').set(s.auth).send({ currentPassword: res.body.temporaryPassword, newPassword: 'short' });
    expect(weak.status).toBe(422);
    expect(weak.body.errors.map((e: { path: string; code: string }) => [e.path, e.code])).toEqual(
      expect.arrayContaining([['body.newPassword', 'PASSWORD_TOO_SHORT']]),
    );
    const ok = await api()
      .post('/api/v1/me/password')
      .set(s.auth)
      .send({ currentPassword: res.body.temporaryPassword, newPassword: 'Xuejun-Officer-2026' });
    expect(ok.status).toBe(200);
    expect((await api().get('/api/v1/orgs').set(s.auth)).status).toBe(200);
  });

  it('checks a given initial password against the tenant policy, naming each problem', async () => {
    const before = await snapshot(h);
    const res = await api()
      .post('/api/v1/users')
      .set(admin.auth)
      .send({ username: uname(), displayName: '李老师', role: 'teacher', orgId: fx.schools[0]!.id, password: 'password1' });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('PASSWORD_POLICY');
    expect(res.body.errors.map((e: { code: string }) => e.code).sort()).toEqual(['PASSWORD_COMMON', 'PASSWORD_TOO_FEW_CLASSES', 'PASSWORD_TOO_SHORT']);
    expect(res.body.errors[0].path).toBe('body.password');
    expect(res.body.errors.find((e: { code: string }) => e.code === 'PASSWORD_TOO_SHORT').message).toBe('密码至少 12 位');
    expect(await snapshot(h)).toBe(before);
  });

  it('follows a stricter tenant password policy', async () => {
    const policy = await api().get(`/api/v1/orgs/${fx.tenant.id}/password-policy`).set(admin.auth);
    expect(policy.body).toEqual({ minLength: 12, minClasses: 3, rejectCommon: true });
    await api().put(`/api/v1/orgs/${fx.tenant.id}/password-policy`).set(admin.auth).send({ minLength: 16, minClasses: 4, rejectCommon: true });
    const res = await api()
      .post('/api/v1/users')
      .set(admin.auth)
      .send({ username: uname(), displayName: '赵老师', role: 'teacher', orgId: fx.schools[1]!.id, password: 'Jiaoshi-2026-ab' });
    expect(res.body.errors.map((e: { code: string }) => e.code)).toEqual(['PASSWORD_TOO_SHORT']);
    await api().put(`/api/v1/orgs/${fx.tenant.id}/password-policy`).set(admin.auth).send({ minLength: 12, minClasses: 3, rejectCommon: true });
  });

  it('refuses a role wider than the creator’s, a role in the wrong kind of organisation, a taken username', async () => {
    const officer = await login(h, fx.users.officer.username, fx.password);
    const before = await snapshot(h);
    const wider = await api().post('/api/v1/users').set(admin.auth).send({ username: uname(), displayName: 'x', role: 'province_admin', orgId: fx.tenant.id });
    expect([wider.status, wider.body.code]).toEqual([403, 'ROLE_NOT_ASSIGNABLE']);
    const misplaced = await api().post('/api/v1/users').set(admin.auth).send({ username: uname(), displayName: 'x', role: 'unit_officer', orgId: fx.tenant.id });
    expect([misplaced.status, misplaced.body.code]).toEqual([422, 'ROLE_ORG_MISMATCH']);
    // Usernames are global: one used in the other county is taken here too.
    const taken = await api().post('/api/v1/users').set(admin.auth).send({ username: fx.users.otherAdmin.username, displayName: 'x', role: 'teacher', orgId: fx.schools[0]!.id });
    expect([taken.status, taken.body.code, taken.body.errors[0].path]).toEqual([409, 'USERNAME_TAKEN', 'body.username']);
    const noPerm = await api().post('/api/v1/users').set(officer.auth).send({ username: uname(), displayName: 'x', role: 'teacher', orgId: fx.schools[0]!.id });
    expect([noPerm.status, noPerm.body.code]).toEqual([403, 'FORBIDDEN']);
    expect(await snapshot(h)).toBe(before);
  });

  it('answers 409 to a stale edit and applies a current one', async () => {
    const u = (await api().get(`/api/v1/users/${fx.users.teacher.id}`).set(admin.auth)).body;
    const ok = await api().patch(`/api/v1/users/${u.id}`).set(admin.auth).send({ version: u.version, displayName: '陈老师' });
    expect([ok.status, ok.body.displayName, ok.body.version]).toEqual([200, '陈老师', u.version + 1]);
    const stale = await api().patch(`/api/v1/users/${u.id}`).set(admin.auth).send({ version: u.version, displayName: '覆盖' });
    expect([stale.status, stale.body.code]).toEqual([409, 'STALE_VERSION']);
  });

  it('disabling ends the user’s sessions at once; a reset password is temporary', async () => {
    const s = await login(h, fx.users.teacher.username, fx.password);
    const u = (await api().get(`/api/v1/users/${fx.users.teacher.id}`).set(admin.auth)).body;
    const off = await api().post(`/api/v1/users/${u.id}/disable`).set(admin.auth).send({ version: u.version });
    expect(off.body.status).toBe('disabled');
    expect((await api().get('/api/v1/me').set(s.auth)).body.code).toBe('SESSION_EXPIRED');
    const refused = await api().post('/api/v1/auth/login').send({ username: u.username, password: fx.password });
    expect(refused.body.code).toBe('ACCOUNT_DISABLED');
    const on = await api().post(`/api/v1/users/${u.id}/enable`).set(admin.auth).send({ version: off.body.version });
    const reset = await api().post(`/api/v1/users/${u.id}/reset-password`).set(admin.auth).send({ version: on.body.version });
    expect(reset.body.user.mustChangePassword).toBe(true);
    expect((await login(h, u.username, reset.body.temporaryPassword)).restrictions).toEqual(['password_change']);
  });

  it('will not let an administrator disable themselves', async () => {
    const me = (await api().get(`/api/v1/users/${fx.users.tenantAdmin.id}`).set(admin.auth)).body;
    const res = await api().post(`/api/v1/users/${me.id}/disable`).set(admin.auth).send({ version: me.version });
    expect(res.body.code).toBe('CANNOT_DISABLE_SELF');
  });

  it('pages, filters and sorts on the server', async () => {
    const res = await api().get(`/api/v1/users?pageSize=2&page=1&sort=-username&orgId=${fx.schools[0]!.id}`).set(admin.auth);
    expect(res.status).toBe(200);
    expect(res.body.items.length).toBeLessThanOrEqual(2);
    const names = res.body.items.map((u: { username: string }) => u.username);
    expect([...names].sort().reverse()).toEqual(names);
    const byRole = await api().get('/api/v1/users?role=tenant_admin').set(admin.auth);
    expect(byRole.body.items.every((u: { role: string }) => u.role === 'tenant_admin')).toBe(true);
  });
});
