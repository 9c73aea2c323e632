import { ROUTES, type RouteContract } from '@guanai/contracts';
import { can } from '@guanai/domain';
import type { TenantFixture } from '@guanai/db/testing';
import { fixture, login, request, snapshot, startHarness, type Harness, type Session } from './harness';

let h: Harness;
let fx: TenantFixture;
let platform: Session;
let tenantAdmin: Session;
beforeAll(async () => {
  h = await startHarness();
  fx = await fixture(h);
  platform = await login(h, fx.users.platformAdmin.username, fx.password);
  tenantAdmin = await login(h, fx.users.tenantAdmin.username, fx.password);
});
afterAll(() => h.close());

/** A caller who holds the route's permission, so validation (not the guard) answers. */
const callerFor = (r: RouteContract) =>
  r.access === 'public' || r.access === 'self' || can('platform_admin', r.access) ? platform.auth : tenantAdmin.auth;

const withBody = Object.entries(ROUTES as Record<string, RouteContract>).filter(([, r]) => r.body);
const pathOf = (r: RouteContract) => `/api${r.path.replace(':id', fx.schools[0]!.id)}`;
const send = (r: RouteContract, auth: Record<string, string>) =>
  (request(h.http) as never as Record<string, (p: string) => request.Test>)[r.method]!(pathOf(r)).set(auth);

describe('every route with a body, given bad input, answers a problem and changes nothing', () => {
  it.each(withBody)('%s', async (name, route) => {
    const before = await snapshot(h);
    const auth = callerFor(route);
    const problems = [
      await send(route, auth).set('Content-Type', 'application/json').send('{"broken":'),
      await send(route, auth).send({ unexpectedField: 1 }),
      await send(route, auth).send([1, 2, 3]),
      await send(route, auth).send({ version: 'one', name: 42, username: {}, password: [], parentId: 'not-a-uuid' }),
      await send(route, auth).set('Content-Type', 'application/json').send(JSON.stringify({ pad: 'x'.repeat(1_100_000) })),
    ];
    const statuses = problems.map((p) => p.status);
    expect([name, statuses]).toEqual([name, [400, 400, 400, 400, 413]]);
    for (const p of problems) {
      expect(p.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(p.body).toMatchObject({ status: p.status, code: expect.any(String), messages: { 'zh-CN': expect.any(String), en: expect.any(String) } });
    }
    expect(problems[0]!.body.code).toBe('MALFORMED_JSON');
    expect(problems[4]!.body.code).toBe('PAYLOAD_TOO_LARGE');
    if (name !== 'logout') {
      // An unknown field is named by its path.
      expect(problems[1]!.body.errors).toEqual(
        expect.arrayContaining([expect.objectContaining({ path: 'body.unexpectedField', code: 'unknown_field' })]),
      );
    }
    expect(await snapshot(h)).toBe(before);
  });
});

describe('parameters and queries', () => {
  it('answers 400 with the field path for a malformed id and for bad query values', async () => {
    const id = await request(h.http).get('/api/v1/users/not-a-uuid').set(platform.auth);
    expect([id.status, id.body.errors[0].path]).toEqual([400, 'params']);
    const q = await request(h.http).get('/api/v1/users?pageSize=5000&role=king&bogus=1').set(platform.auth);
    expect(q.status).toBe(400);
    expect(q.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['query.bogus', 'query.pageSize', 'query.role']);
  });

  it('care records: malformed ids and query values are named by their paths', async () => {
    for (const path of ['/api/v1/care-records/x', '/api/v1/care-records/x/participants', '/api/v1/teachers/x/care']) {
      const res = await request(h.http).get(path).set(tenantAdmin.auth);
      expect([path, res.status, res.body.errors[0].path]).toEqual([path, 400, 'params']);
    }
    const q = await request(h.http)
      .get('/api/v1/care-records?pageSize=5000&activityType=party&from=2025-02-30&sort=title&teacherId=1&measureKey=Bad%20Key&bogus=1')
      .set(tenantAdmin.auth);
    expect(q.status).toBe(400);
    expect(q.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(
      ['query.activityType', 'query.bogus', 'query.from', 'query.measureKey', 'query.pageSize', 'query.sort', 'query.teacherId'],
    );
    const page = await request(h.http).get(`/api/v1/teachers/${fx.schools[0]!.id}/care?page=0`).set(tenantAdmin.auth);
    expect([page.status, page.body.errors[0].path]).toEqual([400, 'query.page']);
  });

  it('speaks English when asked', async () => {
    const res = await request(h.http).get('/api/v1/users?pageSize=0').set({ ...platform.auth, 'Accept-Language': 'en-US' });
    expect(res.body.detail).toBe('The request is not valid');
    expect(res.body.errors[0].message).toMatch(/Too small/);
  });
});

describe('rate limits', () => {
  it('answers 429 with Retry-After once a client passes its limit', async () => {
    const limited = await startHarness({ RATE_LIMIT_PER_MINUTE: '5', LOGIN_RATE_LIMIT_PER_MINUTE: '3' });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 5; i++) codes.push((await request(limited.http).post('/api/v1/auth/login').send({ username: 'nobody', password: 'x' })).status);
      expect(codes).toEqual([401, 401, 401, 429, 429]);
      const res = await request(limited.http).post('/api/v1/auth/login').send({ username: 'nobody', password: 'x' });
      expect([res.body.code, res.headers['retry-after']]).toEqual(['RATE_LIMITED', '60']);
    } finally {
      await limited.close();
    }
  });
});
