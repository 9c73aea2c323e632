import type { TenantFixture } from '@guanai/db/testing';
import { fixture, login, request, startHarness, type Harness, type Session } from './harness';

// A request holds one pooled connection for its transaction; anything that takes a second one while
// holding the first deadlocks once every connection is held (the bench found this at 50 clients).
let h: Harness;
let fx: TenantFixture;
let admin: Session;
beforeAll(async () => {
  h = await startHarness({ DB_POOL_SIZE: '3' });
  fx = await fixture(h);
  admin = await login(h, fx.users.tenantAdmin.username, fx.password);
});
afterAll(() => h.close());

describe('many more concurrent requests than pooled connections', () => {
  it('answers every one of them', async () => {
    const routes = ['/api/v1/me', '/api/v1/users?pageSize=5', '/api/v1/orgs', '/api/v1/audit-events?pageSize=5'];
    const responses = await Promise.all(
      Array.from({ length: 40 }, (_, i) => request(h.http).get(routes[i % routes.length]!).set(admin.auth)),
    );
    expect(responses.map((r) => r.status)).toEqual(Array(40).fill(200));
  });

  it('answers concurrent logins and user creations too', async () => {
    const logins = await Promise.all(
      Array.from({ length: 12 }, () =>
        request(h.http).post('/api/v1/auth/login').send({ username: fx.users.officer.username, password: fx.password }),
      ),
    );
    expect(logins.map((r) => r.status)).toEqual(Array(12).fill(200));
    const created = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        request(h.http)
          .post('/api/v1/users')
          .set(admin.auth)
          .send({ username: `conc${Date.now()}${i}`, displayName: `并发${i}`, role: 'teacher', orgId: fx.schools[0]!.id, password: 'Bingfa-Teacher-2026' }),
      ),
    );
    expect(created.map((r) => r.status)).toEqual(Array(8).fill(201));
  });
});
