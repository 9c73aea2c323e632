import { addDays, todayInShanghai } from '@guanai/domain';
import type { TenantFixture } from '@guanai/db/testing';
import {
  binary,
  fixture,
  login,
  request,
  snapshot,
  startHarness,
  type Harness,
  type Session,
} from './harness';

let h: Harness;
let fx: TenantFixture;
let admin: Session;
let other: Session;
beforeAll(async () => {
  h = await startHarness();
  fx = await fixture(h);
  admin = await login(h, fx.users.tenantAdmin.username, fx.password);
  other = await login(h, fx.users.otherAdmin.username, fx.password);
});
afterAll(() => h.close());

const api = () => request(h.http);
const PDF = Buffer.concat([
  Buffer.from('%PDF-1.4\n'),
  Buffer.from('患病住院慰问 收据 王老师 住院号 20261122\n'),
  Buffer.alloc(2000, 0x20),
]);
const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(100, 1),
]);

async function newRecord(): Promise<string> {
  const res = await api()
    .post('/api/v1/care-records')
    .set(admin.auth)
    .send({
      orgId: fx.schools[0]!.id,
      activityType: 'illness_care',
      title: '患病住院慰问',
      occurredOn: addDays(todayInShanghai(), -1),
      amountFen: 100_000,
    });
  expect(res.status).toBe(201);
  return res.body.id;
}
const upload = (id: string, file: Buffer, name: string, s: Session = admin) =>
  api().post(`/api/v1/care-records/${id}/attachments`).set(s.auth).attach('file', file, name);

describe('care record attachments', () => {
  it('keeps a file sealed, lists it, gives it back byte for byte and audits the download', async () => {
    const id = await newRecord();
    const up = await upload(id, PDF, '住院收据.pdf');
    expect(up.status).toBe(201);
    expect(up.body).toMatchObject({
      fileName: '住院收据.pdf',
      contentType: 'application/pdf',
      size: PDF.length,
    });
    const list = await api().get(`/api/v1/care-records/${id}/attachments`).set(admin.auth);
    expect(list.body.items.map((a: { id: string }) => a.id)).toEqual([up.body.id]);

    const down = await api()
      .get(`/api/v1/care-records/${id}/attachments/${up.body.id}`)
      .set(admin.auth)
      .buffer(true)
      .parse(binary);
    expect([down.status, down.headers['content-type'], Buffer.compare(down.body, PDF)]).toEqual([
      200,
      'application/pdf',
      0,
    ]);
    expect(down.headers['content-disposition']).toContain(encodeURIComponent('住院收据.pdf'));
    const audit = await api().get(`/api/v1/audit-events?action=care.attachment_download`).set(admin.auth);
    expect(audit.body.items[0]).toMatchObject({ targetId: id, after: { attachmentId: up.body.id } });

    // At rest the bytes are sealed: neither the text nor its base64 is in the table.
    const [row] = await h.owner.transaction(async (em) => {
      await em.query(`SELECT set_config('app.scope_path', '/', true)`);
      return em.query(`SELECT data_enc FROM care_attachments WHERE id = $1`, [up.body.id]);
    });
    expect(row.data_enc).not.toContain(PDF.toString('base64').slice(0, 40));
    expect(row.data_enc).not.toContain('住院号');
  });

  it('refuses what is not a PDF, an image or an Office file, by content, and writes nothing', async () => {
    const id = await newRecord();
    const before = await snapshot(h);
    for (const [file, name] of [
      [Buffer.from('MZ\x90\x00 this is a program'), '收据.pdf'],
      [Buffer.from('plain text'), 'notes.txt'],
      [Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), 'archive.zip'],
    ] as const) {
      const res = await upload(id, file, name);
      expect([name, res.status, res.body.code]).toEqual([name, 415, 'CARE_ATTACHMENT_TYPE']);
    }
    const missing = await api().post(`/api/v1/care-records/${id}/attachments`).set(admin.auth);
    expect([missing.status, missing.body.code]).toEqual([400, 'IMPORT_FILE_MISSING']);
    expect(await snapshot(h)).toBe(before);
  });

  it('holds at most 20 files per record', async () => {
    const id = await newRecord();
    for (let i = 0; i < 20; i++) expect((await upload(id, PNG, `照片${i}.png`)).status).toBe(201);
    const full = await upload(id, PNG, '照片20.png');
    expect([full.status, full.body.code]).toEqual([422, 'CARE_ATTACHMENTS_FULL']);
  });

  it('removes a file with a reason: gone from the list and the download, its bytes wiped, the removal audited', async () => {
    const id = await newRecord();
    const up = await upload(id, PNG, '签到表.png');
    const noReason = await api()
      .post(`/api/v1/care-records/${id}/attachments/${up.body.id}/delete`)
      .set(admin.auth)
      .send({});
    expect(noReason.status).toBe(400);
    const del = await api()
      .post(`/api/v1/care-records/${id}/attachments/${up.body.id}/delete`)
      .set(admin.auth)
      .send({ reason: '传错了文件' });
    expect(del.body).toEqual({ ok: true });
    expect((await api().get(`/api/v1/care-records/${id}/attachments`).set(admin.auth)).body.items).toEqual(
      [],
    );
    expect(
      (await api().get(`/api/v1/care-records/${id}/attachments/${up.body.id}`).set(admin.auth)).status,
    ).toBe(404);
    const audit = await api().get(`/api/v1/audit-events?action=care.attachment_delete`).set(admin.auth);
    expect(audit.body.items[0]).toMatchObject({
      targetId: id,
      after: { fileName: '签到表.png', reason: '传错了文件' },
    });
  });

  it('are another union’s business: it can neither list, download, add nor remove them', async () => {
    const id = await newRecord();
    const up = await upload(id, PNG, '合影.png');
    const before = await snapshot(h);
    expect((await api().get(`/api/v1/care-records/${id}/attachments`).set(other.auth)).status).toBe(404);
    expect(
      (await api().get(`/api/v1/care-records/${id}/attachments/${up.body.id}`).set(other.auth)).status,
    ).toBe(404);
    expect((await upload(id, PNG, 'x.png', other)).status).toBe(404);
    expect(
      (
        await api()
          .post(`/api/v1/care-records/${id}/attachments/${up.body.id}/delete`)
          .set(other.auth)
          .send({ reason: '越权删除' })
      ).status,
    ).toBe(404);
    expect(await snapshot(h)).toBe(before);
  });
});
