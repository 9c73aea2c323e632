import { randomBytes } from 'node:crypto';
import { todayInShanghai } from '@guanai/domain';
import { makeIdNumber, type TenantFixture } from '@guanai/db/testing';
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
const today = todayInShanghai();

async function newTeacher(orgId: string) {
  const res = await api()
    .post('/api/v1/teachers')
    .set(admin.auth)
    .send({
      name: `李${randomBytes(2).toString('hex')}`,
      sex: 'male',
      idNumber: makeIdNumber('1985-10-01', 'male'),
      birthDate: '1985-10-01',
      employmentType: 'establishment',
      position: 'teacher',
      stage: 'primary',
      teachingSince: '2008-09-01',
      orgId,
    });
  expect(res.status).toBe(201);
  return res.body as { id: string; version: number; name: string; idNumberMasked: string };
}

describe('teacher self-service', () => {
  it('a linked teacher sees their own record and nothing else, and asks for a correction an officer resolves', async () => {
    const record = await newTeacher(fx.schools[1]!.id);
    const teacher = await login(h, fx.users.teacher.username, fx.password);
    const before = await api().get('/api/v1/me/teacher-record').set(teacher.auth);
    expect([before.status, before.body.code]).toEqual([404, 'NO_TEACHER_RECORD']);

    const linked = await api().put(`/api/v1/teachers/${record.id}/account`).set(admin.auth).send({ userId: fx.users.teacher.id });
    expect(linked.body.linkedUserId).toBe(fx.users.teacher.id);
    const mine = await api().get('/api/v1/me/teacher-record').set(teacher.auth);
    expect([mine.status, mine.body.id, mine.body.idNumberMasked]).toEqual([200, record.id, record.idNumberMasked]);
    // Nothing else: no list, no other record, no reveal.
    expect((await api().get('/api/v1/teachers').set(teacher.auth)).status).toBe(403);
    expect((await api().get(`/api/v1/teachers/${record.id}`).set(teacher.auth)).status).toBe(403);
    expect((await api().post(`/api/v1/teachers/${record.id}/reveal`).set(teacher.auth).send({ field: 'idNumber', reason: '看看' })).status).toBe(403);

    const asked = await api().post('/api/v1/me/teacher-record/corrections').set(teacher.auth).send({ field: 'phone', proposed: '13900001111', note: '换了新号码' });
    expect(asked.status).toBe(201);
    expect(asked.body).toMatchObject({ field: 'phone', proposed: '139****1111', status: 'pending' });
    const queue = await api().get('/api/v1/teacher-corrections?status=pending').set(admin.auth);
    expect(queue.body.items.map((c: { id: string }) => c.id)).toContain(asked.body.id);
    // The officer needs the new number in clear to apply it: an audited reveal with a reason.
    const clear = await api().post(`/api/v1/teacher-corrections/${asked.body.id}/reveal`).set(admin.auth).send({ reason: '更新档案' });
    expect(clear.body).toEqual({ value: '13900001111' });
    const trail = await api().get(`/api/v1/audit-events?action=teacher.correction_reveal`).set(admin.auth);
    expect(trail.body.items[0]).toMatchObject({ targetId: record.id, after: { field: 'phone', reason: '更新档案' } });
    expect((await api().post(`/api/v1/teacher-corrections/${asked.body.id}/reveal`).set(teacher.auth).send({ reason: '看看' })).status).toBe(403);
    const done = await api().post(`/api/v1/teacher-corrections/${asked.body.id}/resolve`).set(admin.auth).send({ accept: true, resolution: '已更新' });
    expect(done.body.status).toBe('accepted');
    const again = await api().post(`/api/v1/teacher-corrections/${asked.body.id}/resolve`).set(admin.auth).send({ accept: false, resolution: 'x' });
    expect(again.body.code).toBe('CORRECTION_RESOLVED');
    const seen = await api().get('/api/v1/me/teacher-record/corrections').set(teacher.auth);
    expect(seen.body.items[0]).toMatchObject({ id: asked.body.id, status: 'accepted', resolution: '已更新' });
  });

  it('links only a teacher account of the same school, each account once', async () => {
    const record = await newTeacher(fx.schools[0]!.id);
    const before = await snapshot(h);
    const officer = await api().put(`/api/v1/teachers/${record.id}/account`).set(admin.auth).send({ userId: fx.users.officer.id });
    expect([officer.status, officer.body.code]).toEqual([422, 'ACCOUNT_NOT_A_TEACHER']);
    const elsewhere = await api().put(`/api/v1/teachers/${record.id}/account`).set(admin.auth).send({ userId: fx.users.teacher.id });
    expect(elsewhere.body.code).toBe('ACCOUNT_NOT_A_TEACHER'); // the teacher account belongs to the other school
    const foreign = await api().put(`/api/v1/teachers/${record.id}/account`).set(admin.auth).send({ userId: fx.users.otherAdmin.id });
    expect(foreign.status).toBe(404);
    expect(await snapshot(h)).toBe(before);
  });
});

describe('transfer to another union (跨单位调动)', () => {
  it('is a request the receiving union accepts; only then does the record move', async () => {
    const t = await newTeacher(fx.schools[0]!.id);
    const other = await login(h, fx.users.otherAdmin.username, fx.password);
    const directory = await api().get('/api/v1/tenant-directory').set(admin.auth);
    expect(directory.body.items.map((d: { id: string }) => d.id)).toEqual(expect.arrayContaining([fx.tenant.id, fx.otherTenant.id]));

    const sent = await api().post(`/api/v1/teachers/${t.id}/tenant-transfers`).set(admin.auth).send({ toTenantId: fx.otherTenant.id, on: today, note: '夫妻团聚' });
    expect(sent.status).toBe(201);
    const dup = await api().post(`/api/v1/teachers/${t.id}/tenant-transfers`).set(admin.auth).send({ toTenantId: fx.otherTenant.id, on: today });
    expect([dup.status, dup.body.code]).toEqual([409, 'TRANSFER_PENDING']);

    // The receiver sees who is coming (masked), but not the record yet.
    const incoming = await api().get('/api/v1/tenant-transfers?direction=incoming&status=pending').set(other.auth);
    expect(incoming.body.items).toEqual([expect.objectContaining({ id: sent.body.id, teacherName: t.name, idNumberMasked: t.idNumberMasked })]);
    expect((await api().get(`/api/v1/teachers/${t.id}`).set(other.auth)).status).toBe(404);
    // The sender cannot accept its own request.
    expect((await api().post(`/api/v1/tenant-transfers/${sent.body.id}/accept`).set(admin.auth).send({ orgId: fx.schools[1]!.id })).status).toBe(404);
    // Nor can the receiver place the teacher in a school that is not its own.
    expect((await api().post(`/api/v1/tenant-transfers/${sent.body.id}/accept`).set(other.auth).send({ orgId: fx.schools[1]!.id })).status).toBe(404);

    const accepted = await api().post(`/api/v1/tenant-transfers/${sent.body.id}/accept`).set(other.auth).send({ orgId: fx.otherSchool.id });
    expect(accepted.body).toMatchObject({ status: 'accepted', toOrgId: fx.otherSchool.id });
    const moved = await api().get(`/api/v1/teachers/${t.id}`).set(other.auth);
    expect(moved.body).toMatchObject({ orgId: fx.otherSchool.id, status: 'active' });
    expect(moved.body.postings.at(-1)).toMatchObject({ orgId: fx.otherSchool.id, from: today, to: null });
    expect((await api().get(`/api/v1/teachers/${t.id}`).set(admin.auth)).status).toBe(404);
    // Both unions' audit logs say what happened on their side.
    const out = await api().get(`/api/v1/audit-events?action=teacher.transferred_out`).set(admin.auth);
    expect(out.body.items.map((e: { targetId: string }) => e.targetId)).toContain(t.id);
    const into = await api().get(`/api/v1/audit-events?action=teacher.transferred_in`).set(other.auth);
    expect(into.body.items.map((e: { targetId: string }) => e.targetId)).toContain(t.id);
    const twice = await api().post(`/api/v1/tenant-transfers/${sent.body.id}/accept`).set(other.auth).send({ orgId: fx.otherSchool.id });
    expect(twice.body.code).toBe('TRANSFER_NOT_PENDING');
  });

  it('can be declined, leaving the record where it was', async () => {
    const t = await newTeacher(fx.schools[0]!.id);
    const other = await login(h, fx.users.otherAdmin.username, fx.password);
    const sent = await api().post(`/api/v1/teachers/${t.id}/tenant-transfers`).set(admin.auth).send({ toTenantId: fx.otherTenant.id, on: today });
    const declined = await api().post(`/api/v1/tenant-transfers/${sent.body.id}/reject`).set(other.auth).send({ reason: '暂无编制' });
    expect(declined.body).toMatchObject({ status: 'rejected', reason: '暂无编制' });
    // The sender sees why.
    const outgoing = await api().get('/api/v1/tenant-transfers?direction=outgoing&status=rejected').set(admin.auth);
    expect(outgoing.body.items.find((x: { id: string }) => x.id === sent.body.id)).toMatchObject({ reason: '暂无编制' });
    expect((await api().get(`/api/v1/teachers/${t.id}`).set(admin.auth)).body.orgId).toBe(fx.schools[0]!.id);
    const self = await api().post(`/api/v1/teachers/${t.id}/tenant-transfers`).set(admin.auth).send({ toTenantId: fx.tenant.id, on: today });
    expect(self.body.code).toBe('TRANSFER_TARGET_INVALID');
  });

  it('can be withdrawn by the sender while pending, not by the receiver', async () => {
    const t = await newTeacher(fx.schools[0]!.id);
    const other = await login(h, fx.users.otherAdmin.username, fx.password);
    const sent = await api().post(`/api/v1/teachers/${t.id}/tenant-transfers`).set(admin.auth).send({ toTenantId: fx.otherTenant.id, on: today });
    expect((await api().post(`/api/v1/tenant-transfers/${sent.body.id}/cancel`).set(other.auth).send({})).status).toBe(404);
    const withdrawn = await api().post(`/api/v1/tenant-transfers/${sent.body.id}/cancel`).set(admin.auth).send({ reason: '本人不再调动' });
    expect(withdrawn.body).toMatchObject({ status: 'cancelled', reason: '本人不再调动' });
    const accept = await api().post(`/api/v1/tenant-transfers/${sent.body.id}/accept`).set(other.auth).send({ orgId: fx.otherSchool.id });
    expect(accept.body.code).toBe('TRANSFER_NOT_PENDING');
    const again = await api().post(`/api/v1/tenant-transfers/${sent.body.id}/cancel`).set(admin.auth).send({});
    expect(again.body.code).toBe('TRANSFER_NOT_PENDING');
    // A new request may follow (only one may be pending at a time).
    const next = await api().post(`/api/v1/teachers/${t.id}/tenant-transfers`).set(admin.auth).send({ toTenantId: fx.otherTenant.id, on: today });
    expect(next.status).toBe(201);
  });
});
