import { verifyAuditChains, inScope } from '@guanai/db';
import type { TenantFixture } from '@guanai/db/testing';
import { fixture, login, request, startHarness, type Harness, type Session } from './harness';

let h: Harness;
let fx: TenantFixture;
let admin: Session;
beforeAll(async () => {
  h = await startHarness();
  fx = await fixture(h);
  admin = await login(h, fx.users.tenantAdmin.username, fx.password);
});
afterAll(() => h.close());

describe('audit log', () => {
  it('records every write with actor, organisation, target, before/after and request id', async () => {
    const u = (await request(h.http).get(`/api/v1/users/${fx.users.teacher.id}`).set(admin.auth)).body;
    const res = await request(h.http)
      .patch(`/api/v1/users/${u.id}`)
      .set({ ...admin.auth, 'X-Request-Id': 'req-audit-1' })
      .send({ version: u.version, displayName: '审计测试' });
    expect(res.status).toBe(200);
    const list = await request(h.http).get(`/api/v1/audit-events?action=user.update&actorId=${fx.users.tenantAdmin.id}`).set(admin.auth);
    const ev = list.body.items.find((e: { requestId: string }) => e.requestId === 'req-audit-1');
    expect(ev).toMatchObject({
      orgId: fx.schools[1]!.id,
      actorId: fx.users.tenantAdmin.id,
      action: 'user.update',
      targetType: 'user',
      targetId: u.id,
      before: expect.objectContaining({ displayName: u.displayName }),
      after: expect.objectContaining({ displayName: '审计测试' }),
    });
  });

  it('is append-only for the application role', async () => {
    for (const sql of ['UPDATE audit_events SET action = $1', 'DELETE FROM audit_events WHERE action = $1']) {
      await expect(inScope(h.appDs, { path: fx.tenant.path }, (em) => em.query(sql, ['x']))).rejects.toThrow(/permission denied/);
    }
  });

  it('detects an altered or removed row through the per-organisation hash chain', async () => {
    await login(h, fx.users.officer.username, fx.password);
    await login(h, fx.users.officer.username, fx.password);
    await login(h, fx.users.officer.username, fx.password);
    const orgId = fx.schools[0]!.id;
    const clean = await verifyAuditChains(h.owner);
    expect(clean.breaks.filter((b) => b.orgId === orgId)).toEqual([]);
    // Someone with the owner's password edits history behind the application's back.
    await h.owner.transaction(async (em) => {
      await em.query(`SELECT set_config('app.scope_path', '/', true)`);
      await em.query(`UPDATE audit_events SET after = '{"ip":"forged"}' WHERE org_id = $1 AND seq = 1`, [orgId]);
      await em.query(`DELETE FROM audit_events WHERE org_id = $1 AND seq = 2`, [orgId]);
    });
    const broken = (await verifyAuditChains(h.owner)).breaks.filter((b) => b.orgId === orgId);
    expect(broken).toEqual([
      { orgId, seq: '1', problem: 'altered' },
      { orgId, seq: '3', problem: 'missing-before' },
    ]);
  });

  it('lets an officer without audit permission see none of it', async () => {
    const officer = await login(h, fx.users.officer.username, fx.password);
    const res = await request(h.http).get('/api/v1/audit-events').set(officer.auth);
    expect([res.status, res.body.code]).toEqual([403, 'FORBIDDEN']);
  });
});
