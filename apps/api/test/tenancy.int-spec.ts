import { inScope, returnedRows } from '@guanai/db';
import type { TenantFixture } from '@guanai/db/testing';
import { fixture, login, request, snapshot, startHarness, type Harness } from './harness';

let h: Harness;
let fx: TenantFixture;
beforeAll(async () => {
  h = await startHarness();
  fx = await fixture(h);
});
afterAll(() => h.close());

describe('row-level security in PostgreSQL', () => {
  it('is enabled and forced on every table that has an org_id', async () => {
    const tables: { relname: string; relrowsecurity: boolean; relforcerowsecurity: boolean }[] = await h.owner.query(`
      SELECT c.relname, c.relrowsecurity, c.relforcerowsecurity FROM pg_class c
      JOIN information_schema.columns col ON col.table_name = c.relname AND col.column_name = 'org_id'
      WHERE col.table_schema = 'public' AND c.relkind = 'r'`);
    expect(tables.map((t) => t.relname).sort()).toEqual(expect.arrayContaining(['audit_events', 'refresh_tokens', 'sessions', 'users']));
    for (const t of tables) expect([t.relname, t.relrowsecurity, t.relforcerowsecurity]).toEqual([t.relname, true, true]);
  });

  it('is enabled and forced on every table but the two platform-wide ones', async () => {
    const unprotected: { relname: string }[] = await h.owner.query(`
      SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind = 'r' AND NOT (c.relrowsecurity AND c.relforcerowsecurity)
      ORDER BY 1`);
    // migrations: the owner's bookkeeping, no app grant; platform_settings: no tenant data.
    expect(unprotected.map((t) => t.relname)).toEqual(['migrations', 'platform_settings']);
  });

  it('binds the application login: not an owner, not a superuser, no BYPASSRLS', async () => {
    const [me] = await h.appDs.query(
      `SELECT r.rolsuper, r.rolbypassrls, (SELECT count(*)::int FROM pg_tables WHERE tableowner = current_user) AS owns
       FROM pg_roles r WHERE r.rolname = current_user`,
    );
    expect(me).toEqual({ rolsuper: false, rolbypassrls: false, owns: 0 });
  });

  it('shows a query with no application filter only the rows in scope', async () => {
    const seen = await inScope(h.appDs, { path: fx.tenant.path }, async (em) => ({
      users: (await em.query('SELECT org_id FROM users')) as { org_id: string }[],
      orgs: (await em.query('SELECT id, path FROM orgs')) as { id: string; path: string }[],
    }));
    expect(seen.users.length).toBeGreaterThan(0);
    // Organisations: the subtree, plus the chain above it (root, province) for names and settings.
    const below = seen.orgs.filter((o) => o.path.startsWith(fx.tenant.path)).map((o) => o.id);
    const above = seen.orgs.filter((o) => !o.path.startsWith(fx.tenant.path)).map((o) => o.id);
    expect(below.sort()).toEqual([fx.tenant.id, ...fx.schools.map((s) => s.id)].sort());
    expect(above.sort()).toEqual([fx.root.id, fx.province.id].sort());
    const subtree = new Set(below);
    expect(seen.users.every((u) => subtree.has(u.org_id))).toBe(true);
    expect(seen.orgs.map((o) => o.id)).not.toContain(fx.otherTenant.id);
    expect(seen.orgs.map((o) => o.id)).not.toContain(fx.otherSchool.id);
  });

  it('shows nothing at all without a scope, and after the scoped transaction ends', async () => {
    expect(await h.appDs.query('SELECT count(*)::int AS n FROM users')).toEqual([{ n: 0 }]);
    await inScope(h.appDs, { path: fx.tenant.path }, (em) => em.query('SELECT 1'));
    expect(await h.appDs.query('SELECT count(*)::int AS n FROM orgs')).toEqual([{ n: 0 }]);
  });

  it('refuses to write a row into another tenant', async () => {
    await expect(
      inScope(h.appDs, { path: fx.tenant.path }, (em) =>
        em.query(`UPDATE users SET org_id = $1 WHERE id = $2`, [fx.otherTenant.id, fx.users.officer.id]),
      ),
    ).rejects.toThrow(/row-level security/);
    const moved = await inScope(h.appDs, { path: fx.otherTenant.path }, async (em) =>
      returnedRows(await em.query(`UPDATE users SET display_name = 'x' WHERE id = $1 RETURNING id`, [fx.users.officer.id])),
    );
    expect(moved).toEqual([]); // invisible, so untouched
  });

  it('lets a scope read the organisations above it but never change them', async () => {
    const changed = await inScope(h.appDs, { path: fx.tenant.path }, async (em) =>
      returnedRows(await em.query(`UPDATE orgs SET name = 'x' WHERE id = $1 RETURNING id`, [fx.province.id])),
    );
    expect(changed).toEqual([]);
    await expect(
      inScope(h.appDs, { path: fx.tenant.path }, (em) =>
        em.query(`INSERT INTO orgs (parent_id, path, depth, kind, name) VALUES ($1, $2, 2, 'county', 'x')`, [
          fx.province.id,
          `${fx.province.path}ffffffff-ffff-ffff-ffff-ffffffffffff/`,
        ]),
      ),
    ).rejects.toThrow(/row-level security/);
  });
});

describe('another tenant through the API', () => {
  let other: Awaited<ReturnType<typeof login>>;
  beforeAll(async () => {
    other = await login(h, fx.users.otherAdmin.username, fx.password);
  });

  it('never lists the first tenant’s users or organisations', async () => {
    const users = await request(h.http).get('/api/v1/users?pageSize=200').set(other.auth);
    expect(users.status).toBe(200);
    const names = users.body.items.map((u: { username: string }) => u.username);
    expect(names).toContain(fx.users.otherAdmin.username);
    expect(names).not.toContain(fx.users.officer.username);
    const orgs = await request(h.http).get('/api/v1/orgs').set(other.auth);
    expect(orgs.body.items.map((o: { id: string }) => o.id)).not.toContain(fx.tenant.id);
  });

  it('answers 404 for every route given the first tenant’s ids, and changes nothing', async () => {
    const before = await snapshot(h);
    const u = fx.users.officer.id;
    const o = fx.schools[0]!.id;
    const attempts: [string, string, object?][] = [
      ['get', `/api/v1/users/${u}`],
      ['patch', `/api/v1/users/${u}`, { version: 1, displayName: 'x' }],
      ['post', `/api/v1/users/${u}/disable`, { version: 1 }],
      ['post', `/api/v1/users/${u}/enable`, { version: 1 }],
      ['post', `/api/v1/users/${u}/unlock`, { version: 1 }],
      ['post', `/api/v1/users/${u}/reset-password`, { version: 1 }],
      ['get', `/api/v1/orgs/${o}`],
      ['patch', `/api/v1/orgs/${o}`, { version: 1, name: 'x' }],
      ['post', `/api/v1/orgs/${o}/move`, { version: 1, parentId: fx.otherTenant.id }],
      ['post', `/api/v1/orgs/${o}/deactivate`, { version: 1 }],
      ['post', `/api/v1/orgs/${o}/activate`, { version: 1 }],
      ['get', `/api/v1/orgs/${fx.tenant.id}/password-policy`],
      ['put', `/api/v1/orgs/${fx.tenant.id}/password-policy`, { minLength: 8, minClasses: 1, rejectCommon: false }],
      ['post', '/api/v1/orgs', { parentId: fx.tenant.id, name: '入侵学校', kind: 'school' }],
    ];
    for (const [method, path, body] of attempts) {
      const res = await (request(h.http) as never as Record<string, (p: string) => request.Test>)[method]!(path)
        .set(other.auth)
        .send(body);
      expect([path, res.status, res.body.code]).toEqual([path, 404, 'NOT_FOUND']);
    }
    const created = await request(h.http)
      .post('/api/v1/users')
      .set(other.auth)
      .send({ username: 'sneaky.user', displayName: '越权', role: 'unit_officer', orgId: o });
    expect(created.status).toBe(404);
    expect(await snapshot(h)).toBe(before);
  });

  it('does not show the first tenant’s audit events', async () => {
    const res = await request(h.http).get(`/api/v1/audit-events?orgId=${fx.tenant.id}`).set(other.auth);
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([]);
  });
});
