import { generateSync } from 'otplib';
import type { TenantFixture } from '@guanai/db/testing';
import { fixture, login, request, startHarness, type Harness } from './harness';

let h: Harness;
let fx: TenantFixture;
beforeAll(async () => {
  h = await startHarness();
  fx = await fixture(h);
});
afterAll(() => h.close());

const post = (path: string, body: object, auth?: Record<string, string>) => request(h.http).post(path).set(auth ?? {}).send(body);

describe('login', () => {
  it('issues an access and a refresh token and /me names the user, role and organisation', async () => {
    const s = await login(h, fx.users.officer.username, fx.password);
    expect(s.accessToken.split('.')).toHaveLength(3);
    const me = await request(h.http).get('/api/v1/me').set(s.auth);
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({
      username: fx.users.officer.username,
      role: 'unit_officer',
      org: { id: fx.schools[0]!.id, kind: 'school' },
      tenant: { id: fx.tenant.id },
    });
    expect(me.body.orgChain.map((o: { id: string }) => o.id)).toEqual([fx.root.id, fx.province.id, fx.tenant.id, fx.schools[0]!.id]);
  });

  it('says the same for an unknown user and a wrong password', async () => {
    const unknown = await post('/api/v1/auth/login', { username: 'nobody-here', password: 'x' });
    const wrong = await post('/api/v1/auth/login', { username: fx.users.otherAdmin.username, password: 'wrong-password' });
    expect([unknown.status, unknown.body.code]).toEqual([401, 'INVALID_CREDENTIALS']);
    expect([wrong.status, wrong.body.code]).toEqual([401, 'INVALID_CREDENTIALS']);
    expect(wrong.body.messages['zh-CN']).toBe('用户名或密码错误');
  });

  it('locks the account for 15 minutes after 5 failures, even for the right password', async () => {
    const username = fx.users.teacher.username;
    for (let i = 0; i < 4; i++) {
      const r = await post('/api/v1/auth/login', { username, password: 'nope' });
      expect([i, r.status, r.body.code]).toEqual([i, 401, 'INVALID_CREDENTIALS']);
    }
    const fifth = await post('/api/v1/auth/login', { username, password: 'nope' });
    expect([fifth.status, fifth.body.code]).toEqual([423, 'ACCOUNT_LOCKED']);
    const right = await post('/api/v1/auth/login', { username, password: fx.password });
    expect(right.body.code).toBe('ACCOUNT_LOCKED');
    const [row] = await h.owner.query(`SELECT locked_until > now() + interval '14 minutes' AS locked FROM users WHERE id = $1`, [
      fx.users.teacher.id,
    ]);
    expect(row.locked).toBe(true);
    // An administrator lifts it.
    const admin = await login(h, fx.users.tenantAdmin.username, fx.password);
    const current = await request(h.http).get(`/api/v1/users/${fx.users.teacher.id}`).set(admin.auth);
    const unlocked = await post(`/api/v1/users/${fx.users.teacher.id}/unlock`, { version: current.body.version }, admin.auth);
    expect(unlocked.body.lockedUntil).toBeNull();
    expect((await post('/api/v1/auth/login', { username, password: fx.password })).status).toBe(200);
  });
});

describe('refresh tokens', () => {
  it('rotate: the new one works, the old one presented again revokes the whole family', async () => {
    const s = await login(h, fx.users.officer.username, fx.password);
    const r1 = await post('/api/v1/auth/refresh', { refreshToken: s.refreshToken });
    expect(r1.status).toBe(200);
    expect(r1.body.refreshToken).not.toBe(s.refreshToken);
    const reuse = await post('/api/v1/auth/refresh', { refreshToken: s.refreshToken });
    expect([reuse.status, reuse.body.code]).toEqual([401, 'REFRESH_TOKEN_REUSED']);
    // The thief's fresh token is dead too, and so is the access token of the family.
    const r2 = await post('/api/v1/auth/refresh', { refreshToken: r1.body.refreshToken });
    expect(r2.status).toBe(401);
    const me = await request(h.http).get('/api/v1/me').set({ Authorization: `Bearer ${r1.body.accessToken}` });
    expect([me.status, me.body.code]).toEqual([401, 'SESSION_EXPIRED']);
  });

  it('end at logout', async () => {
    const s = await login(h, fx.users.officer.username, fx.password);
    expect((await post('/api/v1/auth/logout', {}, s.auth)).status).toBe(200);
    expect((await request(h.http).get('/api/v1/me').set(s.auth)).status).toBe(401);
    expect((await post('/api/v1/auth/refresh', { refreshToken: s.refreshToken })).status).toBe(401);
  });
});

describe('session limits', () => {
  it('ends a session idle for 30 minutes', async () => {
    const s = await login(h, fx.users.officer.username, fx.password);
    await h.owner.query(`UPDATE sessions SET last_seen_at = now() - interval '31 minutes' WHERE user_id = $1`, [fx.users.officer.id]);
    const me = await request(h.http).get('/api/v1/me').set(s.auth);
    expect([me.status, me.body.code]).toEqual([401, 'SESSION_EXPIRED']);
    expect((await post('/api/v1/auth/refresh', { refreshToken: s.refreshToken })).status).toBe(401);
  });

  it('ends a session 12 hours after login however active it is', async () => {
    const s = await login(h, fx.users.officer.username, fx.password);
    await h.owner.query(`UPDATE sessions SET expires_at = now() - interval '1 second' WHERE user_id = $1 AND revoked_at IS NULL`, [
      fx.users.officer.id,
    ]);
    expect((await request(h.http).get('/api/v1/me').set(s.auth)).body.code).toBe('SESSION_EXPIRED');
  });

  it('rejects a forged or expired access token', async () => {
    const forged = await request(h.http).get('/api/v1/me').set({ Authorization: 'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.' });
    expect([forged.status, forged.body.code]).toEqual([401, 'UNAUTHENTICATED']);
    const none = await request(h.http).get('/api/v1/users');
    expect([none.status, none.body.code]).toEqual([401, 'UNAUTHENTICATED']);
  });
});

describe('two factors', () => {
  it('enrols TOTP, then asks for a code at login, refuses a wrong or replayed one', async () => {
    const s = await login(h, fx.users.provinceAdmin.username, fx.password);
    const setup = await post('/api/v1/me/totp/setup', {}, s.auth);
    expect(setup.body.otpauthUrl).toMatch(/^otpauth:\/\/totp\//);
    const bad = await post('/api/v1/me/totp/enable', { code: '000000' }, s.auth);
    expect(bad.status).toBe(401);
    const code = generateSync({ secret: setup.body.secret });
    expect((await post('/api/v1/me/totp/enable', { code }, s.auth)).status).toBe(200);
    const [stored] = await h.owner.query('SELECT totp_secret FROM users WHERE id = $1', [fx.users.provinceAdmin.id]);
    expect(stored.totp_secret).not.toContain(setup.body.secret); // encrypted at rest

    const without = await post('/api/v1/auth/login', { username: fx.users.provinceAdmin.username, password: fx.password });
    expect([without.status, without.body.code]).toEqual([401, 'MFA_REQUIRED']);
    const replay = await post('/api/v1/auth/login', { username: fx.users.provinceAdmin.username, password: fx.password, totp: code });
    expect(replay.body.code).toBe('MFA_INVALID');
    await h.owner.query('UPDATE users SET totp_last_step = totp_last_step - 2, failed_logins = 0 WHERE id = $1', [
      fx.users.provinceAdmin.id,
    ]);
    const ok = await post('/api/v1/auth/login', { username: fx.users.provinceAdmin.username, password: fx.password, totp: code });
    expect(ok.status).toBe(200);
  });

  it('when the platform requires it, holds administrators to enrolment before anything else', async () => {
    const platform = await login(h, fx.users.platformAdmin.username, fx.password);
    const set = await request(h.http).put('/api/v1/platform-settings').set(platform.auth).send({ requireAdminMfa: true });
    expect(set.status).toBe(200);
    try {
      const admin = await login(h, fx.users.tenantAdmin.username, fx.password);
      expect(admin).toMatchObject({ restrictions: ['mfa_enrollment'] });
      const users = await request(h.http).get('/api/v1/users').set(admin.auth);
      expect([users.status, users.body.code]).toEqual([403, 'MFA_ENROLLMENT_REQUIRED']);
      expect((await request(h.http).get('/api/v1/me').set(admin.auth)).status).toBe(200);
      // Teachers and officers are not administrators: no restriction for them.
      expect((await login(h, fx.users.officer.username, fx.password)).restrictions).toEqual([]);
      // The platform admin is an administrator too: held to enrolment like everyone else.
      const again = await login(h, fx.users.platformAdmin.username, fx.password);
      const undo = await request(h.http).put('/api/v1/platform-settings').set(again.auth).send({ requireAdminMfa: false });
      expect(undo.body.code).toBe('MFA_ENROLLMENT_REQUIRED');
    } finally {
      // Platform settings are shared by every test file: put it back behind the API's back.
      await h.owner.query(`DELETE FROM platform_settings WHERE key = 'requireAdminMfa'`);
    }
  });
});
