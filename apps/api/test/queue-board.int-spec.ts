import type { TenantFixture } from '@guanai/db/testing';
import { fixture, login, request, startHarness, type Harness } from './harness';

// Issue 5: platform admins see the queues in Bull Board, behind admin auth.

let h: Harness;
let fx: TenantFixture;
beforeAll(async () => {
  h = await startHarness();
  fx = await fixture(h);
});
afterAll(() => h.close());

describe('Bull Board at /admin/queues', () => {
  it('opens for a platform admin through a single-use ticket, then a cookie scoped to the board', async () => {
    const platform = await login(h, fx.users.platformAdmin.username, fx.password);
    const { body } = await request(h.http).post('/api/v1/admin/queues/ticket').set(platform.auth).expect(200);
    expect(body.url).toMatch(/^\/admin\/queues\?ticket=/);
    const entry = await request(h.http).get(body.url).expect(303);
    const cookie = String(entry.headers['set-cookie']).split(';')[0]!;
    expect(String(entry.headers['set-cookie'])).toMatch(/HttpOnly; SameSite=Strict/);
    expect(String(entry.headers['set-cookie'])).toMatch(/Path=\/admin\/queues/);
    const page = await request(h.http).get('/admin/queues').set('Cookie', cookie).expect(200);
    expect(page.text).toContain('__UI_CONFIG__');
    const queues = await request(h.http).get('/admin/queues/api/queues').set('Cookie', cookie).expect(200);
    expect(queues.body.queues.map((q: { name: string }) => q.name)).toEqual(
      expect.arrayContaining(['reminders', 'notifications', 'compliance', 'imports', 'maintenance']),
    );
    // The ticket was used up.
    await request(h.http).get(body.url).expect(401);
  });

  it('answers 401 without a session and 403 to anyone who is not a platform admin', async () => {
    await request(h.http).get('/admin/queues').expect(401);
    await request(h.http).get('/admin/queues/api/queues').set('Cookie', 'guanai_board=forged').expect(401);
    const admin = await login(h, fx.users.tenantAdmin.username, fx.password);
    await request(h.http).post('/api/v1/admin/queues/ticket').set(admin.auth).expect(403);
    await request(h.http).post('/api/v1/admin/queues/ticket').expect(401);
  });
});
