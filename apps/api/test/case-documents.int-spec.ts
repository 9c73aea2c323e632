import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateBucketCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { createUser, inScope, systemScope, type EntityManager } from '@guanai/db';
import { makeZip, type TenantFixture } from '@guanai/db/testing';
import { insertTeacher } from './compliance-fixtures';
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

// Issue 6: the evidence and documents of a dispute case — kept sealed in the file store with their
// checksum, handed out through the API under the case's access rules (handlers of its union; the
// applicant teacher for what is shared with them), every upload, download and removal audited, and every
// bad file refused with nothing written: no row and no stored object.

let h: Harness;
let fx: TenantFixture;
let storeDir: string;
let handler: Session;
let officer: Session;
let teacher: Session;
let other: Session;
let applicant: string;
let neighbour: string;

const sys = <R>(work: (em: EntityManager) => Promise<R>) => inScope(h.appDs, systemScope('test'), work);
const rows = (sql: string, params: unknown[] = []) => sys((em) => em.query(sql, params));
const api = () => request(h.http);
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

const MARKER = '劳动仲裁证据 工资条 周申请';
const PDF = Buffer.concat([Buffer.from(`%PDF-1.7\n${MARKER}\n`), randomBytes(3000)]);
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(500)]);
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(500)]);
const DOCX = makeZip({
  '[Content_Types].xml': '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
  'word/document.xml': `<w:document><w:body><w:p><w:r><w:t>${MARKER}</w:t></w:r></w:p></w:body></w:document>`,
});
const XLSX_AS_DOCX = makeZip({
  '[Content_Types].xml': '<Types/>',
  'xl/workbook.xml': '<workbook/>',
});
const EXE = Buffer.concat([
  Buffer.from('MZ\x90\x00\x03\x00\x00\x00'),
  Buffer.from('This program cannot be run in DOS mode'),
]);

/** Every object in the local store (the harness points FILE_STORE_DIR at a temp directory). */
async function storedObjects(): Promise<string[]> {
  const entries = await readdir(storeDir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}
const objectPath = (key: string) => join(storeDir, ...key.split('/'));
const docRow = async (id: string) =>
  (await rows(`SELECT * FROM case_documents WHERE id = $1`, [id]))[0] as Record<string, unknown> | undefined;

beforeAll(async () => {
  storeDir = await mkdtemp(join(tmpdir(), 'guanai-case-docs-'));
  h = await startHarness({ FILE_STORE_DIR: storeDir });
  fx = await fixture(h);
  const handlerUser = await sys((em) =>
    createUser(em, fx.tenant, {
      username: `handler.${fx.tenant.id.slice(0, 8)}`,
      displayName: '维权专员',
      role: 'case_handler',
      password: fx.password,
    }),
  );
  await sys(async (em) => {
    const at = (orgId: string) => ({
      orgId,
      tenantId: fx.tenant.id,
      postings: [{ orgId, from: '2010-09-01', to: null }],
    });
    applicant = await insertTeacher(em, { ...at(fx.schools[1]!.id), name: '周申请' });
    neighbour = await insertTeacher(em, { ...at(fx.schools[0]!.id), name: '吴同事' });
    await em.query(`UPDATE teachers SET linked_user_id = $1 WHERE id = $2`, [fx.users.teacher.id, applicant]);
  });
  [handler, officer, teacher, other] = await Promise.all([
    login(h, handlerUser.username, fx.password),
    login(h, fx.users.officer.username, fx.password),
    login(h, fx.users.teacher.username, fx.password),
    login(h, fx.users.otherAdmin.username, fx.password),
  ]);
});
afterAll(async () => {
  await h.close();
  await rm(storeDir, { recursive: true, force: true });
});

async function newCase(applicants: string[] = [applicant]): Promise<{ id: string; version: number }> {
  const res = await api()
    .post('/api/v1/cases')
    .set(handler.auth)
    .send({
      applicantTeacherIds: applicants,
      respondent: { kind: 'private_school', name: '甲县某民办学校' },
      category: 'wage_arrears',
      claimedFen: 1_000_000,
      facts: '学校拖欠工资三个月',
      knewOn: '2025-06-01',
    })
    .expect(201);
  return res.body;
}

const upload = (
  caseId: string,
  file: Buffer | undefined,
  name: string,
  query: Record<string, string> = { kind: 'evidence' },
  s: Session = handler,
) => {
  const req = api().post(`/api/v1/cases/${caseId}/documents`).query(query).set(s.auth);
  return file ? req.attach('file', file, name) : req;
};
const myUpload = (caseId: string, file: Buffer, name: string, s: Session = teacher) =>
  api().post(`/api/v1/me/cases/${caseId}/documents`).set(s.auth).attach('file', file, name);
const download = (path: string, s: Session) => api().get(path).set(s.auth).buffer(true).parse(binary);
const auditOf = (action: string, caseId: string) =>
  rows(`SELECT org_id, actor_id, after FROM audit_events WHERE action = $1 AND target_id = $2 ORDER BY seq`, [
    action,
    caseId,
  ]);

describe('a handler keeps a case’s documents', () => {
  it('stores a file sealed under a random key with its checksum, lists it, gives it back byte for byte, auditing both', async () => {
    const c = await newCase();
    const up = await upload(c.id, PDF, '工资条 2025年3月.pdf').expect(201);
    expect(up.body).toMatchObject({
      caseId: c.id,
      kind: 'evidence',
      fileName: '工资条 2025年3月.pdf',
      contentType: 'application/pdf',
      size: PDF.length,
      sha256: sha(PDF),
      sharedWithApplicant: false,
      uploadedByApplicant: false,
      uploadedBy: '维权专员',
    });
    const list = await api().get(`/api/v1/cases/${c.id}/documents`).set(handler.auth).expect(200);
    expect(list.body.items).toEqual([up.body]);

    const row = (await docRow(up.body.id))!;
    expect(row.sha256).toBe(sha(PDF));
    expect(row.org_id).toBe(fx.tenant.id);
    // A random key, nothing of the name in it; the object at rest is ciphertext.
    expect(row.store_key).toMatch(/^case-documents\/[0-9a-f]{2}\/[0-9a-f]{32}$/);
    const atRest = await readFile(objectPath(row.store_key as string));
    expect(atRest.includes(Buffer.from(MARKER))).toBe(false);
    expect(atRest.includes(PDF.subarray(PDF.length - 100))).toBe(false);

    const down = await download(`/api/v1/cases/${c.id}/documents/${up.body.id}`, handler).expect(200);
    expect(Buffer.compare(down.body, PDF)).toBe(0);
    expect(down.headers['content-type']).toBe('application/pdf');
    expect(down.headers['content-disposition']).toBe(
      `attachment; filename="document.pdf"; filename*=UTF-8''${encodeURIComponent('工资条 2025年3月.pdf')}`,
    );
    expect(down.headers['cache-control']).toBe('no-store');
    expect(down.headers['repr-digest']).toBe(
      `sha-256=:${createHash('sha256').update(PDF).digest('base64')}:`,
    );

    const added = await auditOf('case.document_add', c.id);
    expect(added).toEqual([
      expect.objectContaining({
        org_id: fx.tenant.id,
        after: expect.objectContaining({ documentId: up.body.id, sha256: sha(PDF), kind: 'evidence' }),
      }),
    ]);
    const reads = await auditOf('case.document_download', c.id);
    expect(reads).toEqual([
      expect.objectContaining({
        org_id: fx.tenant.id,
        after: { documentId: up.body.id, fileName: up.body.fileName },
      }),
    ]);
    // Names, sizes and checksums in the audit log; never the content.
    expect(JSON.stringify([...added, ...reads])).not.toContain('劳动仲裁证据');
  });

  it.each([
    ['a JPEG photo', JPEG, '现场照片.JPG', 'image/jpeg', 'agreement'],
    ['a PNG screenshot', PNG, '聊天记录截图.png', 'image/png', 'other'],
    [
      'a Word document (a zip holding word/document.xml)',
      DOCX,
      '仲裁裁决书.docx',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'award',
    ],
  ])('accepts %s, its type read from the content', async (_what, file, name, type, kind) => {
    const c = await newCase();
    const up = await upload(c.id, file, name, { kind, sharedWithApplicant: 'true' }).expect(201);
    expect(up.body).toMatchObject({ fileName: name, contentType: type, kind, sharedWithApplicant: true });
    const down = await download(`/api/v1/cases/${c.id}/documents/${up.body.id}`, handler).expect(200);
    expect([down.headers['content-type'], Buffer.compare(down.body, file)]).toEqual([type, 0]);
  });

  it('changes a document’s kind and shares it or stops sharing it, audited; refuses an empty change', async () => {
    const c = await newCase();
    const up = await upload(c.id, PDF, '调解协议.pdf').expect(201);
    const patch = (body: object) =>
      api().patch(`/api/v1/cases/${c.id}/documents/${up.body.id}`).set(handler.auth).send(body);
    const shared = await patch({ kind: 'agreement', sharedWithApplicant: true }).expect(200);
    expect(shared.body).toMatchObject({ kind: 'agreement', sharedWithApplicant: true });
    const unshared = await patch({ sharedWithApplicant: false }).expect(200);
    expect(unshared.body).toMatchObject({ kind: 'agreement', sharedWithApplicant: false });
    expect((await auditOf('case.document_update', c.id)).map((a: { after: unknown }) => a.after)).toEqual([
      { documentId: up.body.id, kind: 'agreement', sharedWithApplicant: true },
      { documentId: up.body.id, kind: 'agreement', sharedWithApplicant: false },
    ]);
    const before = await snapshot(h);
    const empty = await patch({}).expect(400);
    expect(empty.headers['content-type']).toMatch(/problem\+json/);
    const badKind = await patch({ kind: 'photo' }).expect(400);
    expect(badKind.body.errors[0].path).toBe('body.kind');
    expect(await snapshot(h)).toBe(before);
  });

  it('removes a document: out of the list and the downloads, its sealed object deleted, the row kept, the removal audited', async () => {
    const c = await newCase();
    const up = await upload(c.id, PDF, '作废的证据.pdf', {
      kind: 'evidence',
      sharedWithApplicant: 'true',
    }).expect(201);
    const key = (await docRow(up.body.id))!.store_key as string;
    expect((await storedObjects()).includes(objectPath(key))).toBe(true);
    const del = await api()
      .delete(`/api/v1/cases/${c.id}/documents/${up.body.id}`)
      .set(handler.auth)
      .expect(200);
    expect(del.body).toEqual({ ok: true });
    expect((await storedObjects()).includes(objectPath(key))).toBe(false);
    expect((await api().get(`/api/v1/cases/${c.id}/documents`).set(handler.auth)).body.items).toEqual([]);
    await api().get(`/api/v1/cases/${c.id}/documents/${up.body.id}`).set(handler.auth).expect(404);
    await api().get(`/api/v1/me/cases/${c.id}/documents/${up.body.id}`).set(teacher.auth).expect(404);
    await api().delete(`/api/v1/cases/${c.id}/documents/${up.body.id}`).set(handler.auth).expect(404);
    const row = (await docRow(up.body.id))!;
    expect(row.deleted_at).not.toBeNull();
    expect(row.file_name).toBe('作废的证据.pdf');
    expect((await auditOf('case.document_delete', c.id))[0].after).toMatchObject({
      documentId: up.body.id,
      fileName: '作废的证据.pdf',
    });
  });

  it('never sends a file that fails its checksum or is gone from the store, and audits no read of it', async () => {
    const c = await newCase();
    const up = await upload(c.id, PDF, '证据.pdf').expect(201);
    const key = (await docRow(up.body.id))!.store_key as string;
    // The row's checksum no longer matches what the store holds (a swapped or corrupted object).
    await h.owner.transaction(async (em) => {
      await em.query(`SELECT set_config('app.scope_path', '/', true)`);
      await em.query(`UPDATE case_documents SET sha256 = $2 WHERE id = $1`, [up.body.id, sha(PNG)]);
    });
    const bad = await download(`/api/v1/cases/${c.id}/documents/${up.body.id}`, handler);
    expect([bad.status, JSON.parse(bad.body.toString()).code]).toEqual([500, 'CASE_DOCUMENT_UNAVAILABLE']);
    // An object altered at rest does not open (GCM), and one gone is reported the same way.
    await h.owner.transaction(async (em) => {
      await em.query(`SELECT set_config('app.scope_path', '/', true)`);
      await em.query(`UPDATE case_documents SET sha256 = $2 WHERE id = $1`, [up.body.id, sha(PDF)]);
    });
    const sealed = await readFile(objectPath(key));
    sealed[sealed.length - 1]! ^= 0xff;
    await writeFile(objectPath(key), sealed);
    expect((await download(`/api/v1/cases/${c.id}/documents/${up.body.id}`, handler)).status).toBe(500);
    await rm(objectPath(key));
    expect((await download(`/api/v1/cases/${c.id}/documents/${up.body.id}`, handler)).status).toBe(500);
    expect(await auditOf('case.document_download', c.id)).toEqual([]);
  });
});

type BadFile = [string, () => Buffer | undefined, string, Record<string, string>, number, string];

describe('bad files: a clear 4xx problem, no row and no stored object', () => {
  it.each<BadFile>([
    [
      'a PNG named .pdf (content not its extension)',
      () => PNG,
      '合同.pdf',
      {},
      415,
      'CASE_DOCUMENT_EXTENSION_MISMATCH',
    ],
    ['a PDF named .jpg', () => PDF, '照片.jpg', {}, 415, 'CASE_DOCUMENT_EXTENSION_MISMATCH'],
    ['a PDF with no extension', () => PDF, '证据', {}, 415, 'CASE_DOCUMENT_EXTENSION_MISMATCH'],
    ['an executable (MZ header) renamed .pdf', () => EXE, '仲裁申请书.pdf', {}, 415, 'CASE_DOCUMENT_TYPE'],
    [
      'a spreadsheet zip renamed .docx (no word/document.xml)',
      () => XLSX_AS_DOCX,
      '证据.docx',
      {},
      415,
      'CASE_DOCUMENT_TYPE',
    ],
    [
      'a broken zip named .docx',
      () => Buffer.from('PK\x03\x04 not really a zip'),
      '证据.docx',
      {},
      415,
      'CASE_DOCUMENT_TYPE',
    ],
    ['a text file', () => Buffer.from('纯文本说明'), '说明.txt', {}, 415, 'CASE_DOCUMENT_TYPE'],
    [
      'a 21 MB file',
      () => Buffer.concat([PDF, Buffer.alloc(21 * 1024 * 1024)]),
      '扫描件.pdf',
      {},
      413,
      'CASE_DOCUMENT_TOO_LARGE',
    ],
    ['an empty file', () => Buffer.alloc(0), '空文件.pdf', {}, 422, 'CASE_DOCUMENT_EMPTY'],
    ['no file at all', () => undefined, '', {}, 400, 'CASE_DOCUMENT_FILE_MISSING'],
    ['an unknown kind', () => PDF, '证据.pdf', { kind: 'photo' }, 400, 'VALIDATION_FAILED'],
    [
      'a share flag that is not true/false',
      () => PDF,
      '证据.pdf',
      { sharedWithApplicant: 'yes' },
      400,
      'VALIDATION_FAILED',
    ],
  ])('refuses %s', async (_what, make, name, query, status, code) => {
    const c = await newCase();
    const before = await snapshot(h);
    const objects = await storedObjects();
    const res = await upload(c.id, make(), name, { kind: 'evidence', ...query });
    expect([res.status, res.body.code]).toEqual([status, code]);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.messages['zh-CN']).toBeTruthy();
    expect(res.body.messages.en).toBeTruthy();
    expect(res.body.errors?.[0]?.path).toMatch(/^(file|query\.\w+)$/);
    expect(await rows(`SELECT id FROM case_documents WHERE case_id = $1`, [c.id])).toEqual([]);
    expect(await storedObjects()).toEqual(objects);
    expect(await snapshot(h)).toBe(before);
  });

  it('says what the content is and which extension to use', async () => {
    const c = await newCase();
    const res = await upload(c.id, PNG, '合同.pdf').set('Accept-Language', 'en').expect(415);
    expect(res.body.detail).toBe('The content is PNG, which does not match the file name; name it .png');
    expect(res.body.messages['zh-CN']).toContain('.png');
  });

  it('keeps only the last part of a path in a file name (../../etc/passwd.pdf is kept as passwd.pdf)', async () => {
    const c = await newCase();
    const objects = await storedObjects();
    const up = await upload(c.id, PDF, '../../etc/passwd.pdf').expect(201);
    expect(up.body.fileName).toBe('passwd.pdf');
    const added = (await storedObjects()).filter((p) => !objects.includes(p));
    expect(added).toEqual([objectPath((await docRow(up.body.id))!.store_key as string)]);
    expect(added[0]!.startsWith(storeDir)).toBe(true);
    const bidi = await upload(c.id, PDF, '证据\u202Efdp.exe.pdf').expect(201);
    expect(bidi.body.fileName).toBe('证据fdp.exe.pdf');
  });

  it('holds at most 200 files per case', async () => {
    const c = await newCase();
    const me = (await api().get('/api/v1/me').set(handler.auth).expect(200)).body.id;
    await sys((em) =>
      em.query(
        `INSERT INTO case_documents (id, case_id, org_id, kind, file_name, content_type, size, sha256, store_key, uploaded_by)
         SELECT gen_random_uuid(), $1, $2, 'evidence', 'x.pdf', 'application/pdf', 1, $3, 'filler/' || md5(random()::text), $4
           FROM generate_series(1, 200)`,
        [c.id, fx.tenant.id, sha(PDF), me],
      ),
    );
    const objects = await storedObjects();
    const res = await upload(c.id, PDF, '第201个.pdf').expect(422);
    expect([res.body.code, res.body.detail]).toEqual(['CASE_DOCUMENTS_FULL', '每个案件最多保存 200 个文件']);
    expect(await storedObjects()).toEqual(objects);
  });

  it('takes the stored object away again when the database refuses the row after it was stored', async () => {
    const c = await newCase();
    // A failure only the database can cause, after the file has passed every check and been stored.
    await h.owner.query(`CREATE FUNCTION test_refuse_document() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.file_name = 'fail-after-store.pdf' THEN RAISE EXCEPTION 'refused by test'; END IF; RETURN NEW; END $$`);
    await h.owner.query(`CREATE TRIGGER test_refuse_document BEFORE INSERT ON case_documents
      FOR EACH ROW EXECUTE FUNCTION test_refuse_document()`);
    try {
      const objects = await storedObjects();
      const res = await upload(c.id, PDF, 'fail-after-store.pdf');
      expect(res.status).toBe(500);
      expect(await storedObjects()).toEqual(objects);
      expect(await rows(`SELECT id FROM case_documents WHERE case_id = $1`, [c.id])).toEqual([]);
    } finally {
      await h.owner.query(`DROP TRIGGER test_refuse_document ON case_documents`);
      await h.owner.query(`DROP FUNCTION test_refuse_document()`);
    }
  });

  it('answers 404 for an unknown case, writing nothing', async () => {
    const before = await snapshot(h);
    const objects = await storedObjects();
    const res = await upload('00000000-0000-4000-8000-000000000000', PDF, '证据.pdf').expect(404);
    expect(res.body.code).toBe('NOT_FOUND');
    await api()
      .get('/api/v1/cases/00000000-0000-4000-8000-000000000000/documents')
      .set(handler.auth)
      .expect(404);
    expect(await storedObjects()).toEqual(objects);
    expect(await snapshot(h)).toBe(before);
  });
});

describe('who may see a case’s documents', () => {
  it('another union’s handler gets 404 for the list, a download, an upload, a change and a removal; nothing changes', async () => {
    const c = await newCase();
    const up = await upload(c.id, PDF, '证据.pdf').expect(201);
    const before = await snapshot(h);
    const objects = await storedObjects();
    const doc = `/api/v1/cases/${c.id}/documents/${up.body.id}`;
    expect((await api().get(`/api/v1/cases/${c.id}/documents`).set(other.auth).expect(404)).body.code).toBe(
      'NOT_FOUND',
    );
    await api().get(doc).set(other.auth).expect(404);
    await upload(c.id, PDF, '越权.pdf', { kind: 'evidence' }, other).expect(404);
    await api().patch(doc).set(other.auth).send({ sharedWithApplicant: true }).expect(404);
    await api().delete(doc).set(other.auth).expect(404);
    // Nor through the teacher's routes: no case of theirs.
    await api().get(`/api/v1/me/cases/${c.id}/documents`).set(other.auth).expect(404);
    await api().get(`/api/v1/me/cases/${c.id}/documents/${up.body.id}`).set(other.auth).expect(404);
    expect(await storedObjects()).toEqual(objects);
    expect(await snapshot(h)).toBe(before);
  });

  it('a unit officer holds no case permission: the case is not there for them (404), on the handlers’ routes and the teacher’s', async () => {
    const c = await newCase();
    const up = await upload(c.id, PDF, '证据.pdf', { kind: 'evidence', sharedWithApplicant: 'true' }).expect(
      201,
    );
    const before = await snapshot(h);
    expect((await api().get(`/api/v1/cases/${c.id}/documents`).set(officer.auth).expect(404)).body.code).toBe(
      'NOT_FOUND',
    );
    await api().get(`/api/v1/cases/${c.id}/documents/${up.body.id}`).set(officer.auth).expect(404);
    await upload(c.id, PDF, '证据.pdf', { kind: 'evidence' }, officer).expect(404);
    await api().get(`/api/v1/me/cases/${c.id}/documents`).set(officer.auth).expect(404);
    await api().get(`/api/v1/me/cases/${c.id}/documents/${up.body.id}`).set(officer.auth).expect(404);
    await myUpload(c.id, PDF, '证据.pdf', officer).expect(404);
    // The teacher too, on the handlers' routes.
    await api().get(`/api/v1/cases/${c.id}/documents`).set(teacher.auth).expect(404);
    await api().get(`/api/v1/cases/${c.id}/documents/${up.body.id}`).set(teacher.auth).expect(404);
    expect(await snapshot(h)).toBe(before);
  });

  it('row-level security alone: another union’s scope and a school’s scope read no document rows', async () => {
    const c = await newCase();
    await upload(c.id, PDF, '证据.pdf', { kind: 'evidence', sharedWithApplicant: 'true' }).expect(201);
    for (const scope of [
      { path: fx.otherTenant.path, userId: fx.users.otherAdmin.id },
      { path: fx.schools[0]!.path, userId: fx.users.officer.id },
    ])
      expect(
        await inScope(h.appDs, scope, (em) =>
          em.query(`SELECT id FROM case_documents WHERE case_id = $1`, [c.id]),
        ),
      ).toEqual([]);
  });
});

describe('the applicant teacher (self-service)', () => {
  it('sees and downloads only the documents shared with them; one not shared answers 404', async () => {
    const c = await newCase();
    const shared = await upload(c.id, PDF, '调解协议书.pdf', {
      kind: 'agreement',
      sharedWithApplicant: 'true',
    }).expect(201);
    const internal = await upload(c.id, PNG, '内部笔记.png', { kind: 'other' }).expect(201);
    const list = await api().get(`/api/v1/me/cases/${c.id}/documents`).set(teacher.auth).expect(200);
    expect(list.body.items).toEqual([shared.body]);
    const down = await download(`/api/v1/me/cases/${c.id}/documents/${shared.body.id}`, teacher).expect(200);
    expect(Buffer.compare(down.body, PDF)).toBe(0);
    expect(down.headers['content-disposition']).toContain(encodeURIComponent('调解协议书.pdf'));
    // The read is audited in the teacher's own school's chain.
    expect(await auditOf('case.document_download', c.id)).toEqual([
      expect.objectContaining({
        org_id: fx.schools[1]!.id,
        actor_id: fx.users.teacher.id,
        after: { documentId: shared.body.id, fileName: '调解协议书.pdf', selfService: true },
      }),
    ]);
    const before = await snapshot(h);
    const hidden = await download(`/api/v1/me/cases/${c.id}/documents/${internal.body.id}`, teacher);
    expect([hidden.status, JSON.parse(hidden.body.toString()).code]).toEqual([404, 'NOT_FOUND']);
    expect(await snapshot(h)).toBe(before);
    // Shared later, it appears; unshared again, it is gone.
    await api()
      .patch(`/api/v1/cases/${c.id}/documents/${internal.body.id}`)
      .set(handler.auth)
      .send({ sharedWithApplicant: true })
      .expect(200);
    expect((await api().get(`/api/v1/me/cases/${c.id}/documents`).set(teacher.auth)).body.items).toHaveLength(
      2,
    );
    await api()
      .patch(`/api/v1/cases/${c.id}/documents/${shared.body.id}`)
      .set(handler.auth)
      .send({ sharedWithApplicant: false })
      .expect(200);
    await api().get(`/api/v1/me/cases/${c.id}/documents/${shared.body.id}`).set(teacher.auth).expect(404);
  });

  it('gets 404 for the documents of a case that is not theirs', async () => {
    const notTheirs = await newCase([neighbour]);
    const up = await upload(notTheirs.id, PDF, '证据.pdf', {
      kind: 'evidence',
      sharedWithApplicant: 'true',
    }).expect(201);
    const before = await snapshot(h);
    const objects = await storedObjects();
    await api().get(`/api/v1/me/cases/${notTheirs.id}/documents`).set(teacher.auth).expect(404);
    await api().get(`/api/v1/me/cases/${notTheirs.id}/documents/${up.body.id}`).set(teacher.auth).expect(404);
    await myUpload(notTheirs.id, PDF, '证据.pdf').expect(404);
    expect(await storedObjects()).toEqual(objects);
    expect(await snapshot(h)).toBe(before);
  });

  it('adds evidence to their own open case: shared with them by definition, seen by the handler, theirs to keep seeing', async () => {
    const c = await newCase();
    const up = await myUpload(c.id, JPEG, '欠薪通知照片.jpg').expect(201);
    expect(up.body).toMatchObject({
      kind: 'evidence',
      sharedWithApplicant: true,
      uploadedByApplicant: true,
      contentType: 'image/jpeg',
    });
    expect((await api().get(`/api/v1/me/cases/${c.id}/documents`).set(teacher.auth)).body.items).toEqual([
      up.body,
    ]);
    const seen = await api().get(`/api/v1/cases/${c.id}/documents`).set(handler.auth).expect(200);
    expect(seen.body.items).toEqual([up.body]);
    expect(
      Buffer.compare((await download(`/api/v1/cases/${c.id}/documents/${up.body.id}`, handler)).body, JPEG),
    ).toBe(0);
    expect(await auditOf('case.document_add', c.id)).toEqual([
      expect.objectContaining({
        org_id: fx.schools[1]!.id,
        after: expect.objectContaining({ selfService: true }),
      }),
    ]);
    // The handler cannot take it away from the teacher nor make it something else.
    const before = await snapshot(h);
    for (const body of [{ sharedWithApplicant: false }, { kind: 'other' }]) {
      const res = await api()
        .patch(`/api/v1/cases/${c.id}/documents/${up.body.id}`)
        .set(handler.auth)
        .send(body)
        .expect(422);
      expect(res.body.code).toBe('CASE_DOCUMENT_APPLICANT_UPLOAD');
    }
    expect(await snapshot(h)).toBe(before);
  });

  it('refuses the teacher’s bad files and uploads to a case that has ended, writing nothing', async () => {
    const c = await newCase();
    const before = await snapshot(h);
    const objects = await storedObjects();
    expect((await myUpload(c.id, EXE, '证据.pdf').expect(415)).body.code).toBe('CASE_DOCUMENT_TYPE');
    expect((await myUpload(c.id, PNG, '证据.pdf').expect(415)).body.code).toBe(
      'CASE_DOCUMENT_EXTENSION_MISMATCH',
    );
    const none = await api().post(`/api/v1/me/cases/${c.id}/documents`).set(teacher.auth).expect(400);
    expect(none.body.code).toBe('CASE_DOCUMENT_FILE_MISSING');
    expect(await storedObjects()).toEqual(objects);
    expect(await snapshot(h)).toBe(before);

    await api()
      .post(`/api/v1/me/cases/${c.id}/withdraw`)
      .set(teacher.auth)
      .send({ version: c.version })
      .expect(200);
    const afterWithdraw = await snapshot(h);
    const late = await myUpload(c.id, PDF, '补充证据.pdf').expect(409);
    expect(late.body.code).toBe('CASE_DOCUMENT_CASE_CLOSED');
    expect(await storedObjects()).toEqual(objects);
    expect(await snapshot(h)).toBe(afterWithdraw);
  });

  it('row-level security alone: the teacher reads only the shared rows of their case and may add only shared evidence as themselves', async () => {
    const c = await newCase();
    const shared = await upload(c.id, PDF, 'a.pdf', { kind: 'award', sharedWithApplicant: 'true' }).expect(
      201,
    );
    await upload(c.id, PDF, 'b.pdf', { kind: 'award' }).expect(201);
    const scope = { path: fx.schools[1]!.path, userId: fx.users.teacher.id };
    const seen = await inScope(h.appDs, scope, (em) =>
      em.query(`SELECT id FROM case_documents WHERE case_id = $1`, [c.id]),
    );
    expect(seen).toEqual([{ id: shared.body.id }]);
    const insert = (kind: string, shared: boolean, byApplicant: boolean) =>
      inScope(h.appDs, scope, (em) =>
        em.query(
          `INSERT INTO case_documents (id, case_id, org_id, kind, file_name, content_type, size, sha256, store_key,
             shared_with_applicant, by_applicant, uploaded_by)
           VALUES (gen_random_uuid(), $1, $2, $3, 'x.pdf', 'application/pdf', 1, $4, $5, $6, $7, $8)`,
          [
            c.id,
            fx.tenant.id,
            kind,
            sha(PDF),
            `t/${randomBytes(8).toString('hex')}`,
            shared,
            byApplicant,
            fx.users.teacher.id,
          ],
        ),
      );
    await expect(insert('evidence', false, false)).rejects.toThrow(/row-level security/);
    await expect(insert('award', true, false)).rejects.toThrow(/row-level security/);
    await expect(insert('evidence', true, true)).resolves.toBeDefined();
  });
});

describe('on an S3-compatible store (FILE_STORE=s3, against s3rver)', () => {
  interface S3rverServer {
    run(): Promise<AddressInfo>;
    close(): Promise<void>;
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const S3rver = require('s3rver') as new (options: Record<string, unknown>) => S3rverServer;
  const credentials = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };
  let s3h: Harness;
  let server: S3rverServer;
  let bucketDir: string;
  let client: S3Client;
  let s3handler: Session;

  beforeAll(async () => {
    bucketDir = await mkdtemp(join(tmpdir(), 'guanai-s3rver-'));
    server = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory: bucketDir });
    const { port } = await server.run();
    const endpoint = `http://127.0.0.1:${port}`;
    client = new S3Client({ endpoint, region: 'us-east-1', forcePathStyle: true, credentials });
    await client.send(new CreateBucketCommand({ Bucket: 'case-files' }));
    s3h = await startHarness({
      FILE_STORE: 's3',
      S3_ENDPOINT: endpoint,
      S3_REGION: 'us-east-1',
      S3_BUCKET: 'case-files',
      S3_ACCESS_KEY_ID: 'S3RVER',
      S3_SECRET_ACCESS_KEY: 'S3RVER',
      S3_FORCE_PATH_STYLE: 'true',
    });
    // A second API on the same database: the same handler logs in to it.
    s3handler = await login(s3h, `handler.${fx.tenant.id.slice(0, 8)}`, fx.password);
  });
  afterAll(async () => {
    await s3h.close();
    client.destroy();
    await server.close();
    await rm(bucketDir, { recursive: true, force: true });
  });

  const keys = async () =>
    ((await client.send(new ListObjectsV2Command({ Bucket: 'case-files' }))).Contents ?? []).map(
      (o) => o.Key,
    );

  it('keeps the sealed object in the bucket, gives it back through the API, deletes it on removal; a bad file leaves none', async () => {
    const c = await newCase();
    const s3api = () => request(s3h.http);
    const up = await s3api()
      .post(`/api/v1/cases/${c.id}/documents`)
      .query({ kind: 'judgment' })
      .set(s3handler.auth)
      .attach('file', DOCX, '一审判决书.docx')
      .expect(201);
    const key = (await docRow(up.body.id))!.store_key as string;
    expect(await keys()).toEqual([key]);
    const held = await readdir(bucketDir, { recursive: true, withFileTypes: true });
    for (const f of held.filter((e) => e.isFile()))
      expect((await readFile(join(f.parentPath, f.name))).includes(Buffer.from(MARKER))).toBe(false);
    const down = await s3api()
      .get(`/api/v1/cases/${c.id}/documents/${up.body.id}`)
      .set(s3handler.auth)
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(Buffer.compare(down.body, DOCX)).toBe(0);
    // Not on the local disk: the main harness's directory never saw it.
    expect(await storedObjects()).not.toContain(objectPath(key));

    const bad = await s3api()
      .post(`/api/v1/cases/${c.id}/documents`)
      .query({ kind: 'evidence' })
      .set(s3handler.auth)
      .attach('file', EXE, 'x.pdf')
      .expect(415);
    expect(bad.body.code).toBe('CASE_DOCUMENT_TYPE');
    expect(await keys()).toEqual([key]);

    await s3api().delete(`/api/v1/cases/${c.id}/documents/${up.body.id}`).set(s3handler.auth).expect(200);
    expect(await keys()).toEqual([]);
  });
});
