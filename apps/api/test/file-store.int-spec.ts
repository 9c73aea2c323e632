import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateBucketCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { ConfigError } from '@guanai/db';
import { newStoreKey, type FileStore } from '../src/files/file-store';
import { FileSealer } from '../src/files/file-sealer';
import { createFileStore } from '../src/files/files.providers';
import { LocalFileStore } from '../src/files/local-file-store';
import { S3FileStore } from '../src/files/s3-file-store';
import { SealedFiles } from '../src/files/sealed-files';
import { testConfig } from './harness';

// The file store behind case documents: a local directory (the default) and an S3-compatible bucket,
// the latter against a real S3 server in this process (s3rver), with the bytes sealed before either
// sees them.

interface S3rverServer {
  run(): Promise<AddressInfo>;
  close(): Promise<void>;
}
// s3rver ships no types; its constructor takes the listening options and a data directory.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const S3rver = require('s3rver') as new (options: Record<string, unknown>) => S3rverServer;

const key32 = () => randomBytes(32).toString('base64');
const CLEAR = Buffer.concat([
  Buffer.from('%PDF-1.7\n仲裁申请书 申请人 周老师 拖欠绩效工资\n'),
  randomBytes(4096),
]);
const MARKER = Buffer.from('仲裁申请书');

let dir: string;
let s3dir: string;
let s3rver: S3rverServer;
let s3: S3FileStore;
let endpoint: string;
const BUCKET = 'guanai-files';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'guanai-files-'));
  s3dir = await mkdtemp(join(tmpdir(), 'guanai-s3rver-'));
  s3rver = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory: s3dir });
  const { port } = await s3rver.run();
  endpoint = `http://127.0.0.1:${port}`;
  const admin = new S3Client({
    endpoint,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
  });
  await admin.send(new CreateBucketCommand({ Bucket: BUCKET }));
  admin.destroy();
  s3 = new S3FileStore({
    endpoint,
    region: 'us-east-1',
    bucket: BUCKET,
    accessKeyId: 'S3RVER',
    secretAccessKey: 'S3RVER',
    forcePathStyle: true,
  });
});
afterAll(async () => {
  s3.onModuleDestroy();
  await s3rver.close();
  await rm(dir, { recursive: true, force: true });
  await rm(s3dir, { recursive: true, force: true });
});

/** Every object of the bucket, as s3rver keeps it, and every file under the local root. */
async function bucketKeys(): Promise<string[]> {
  const client = new S3Client({
    endpoint,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
  });
  const res = await client.send(new ListObjectsV2Command({ Bucket: BUCKET }));
  client.destroy();
  return (res.Contents ?? []).map((o) => o.Key!);
}
async function filesUnder(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

describe.each([
  ['local disk', () => new LocalFileStore(join(dir, 'plain')) as FileStore],
  ['S3 (s3rver)', () => s3 as FileStore],
])('the %s store', (_name, make) => {
  it('puts, gets and deletes by key; a missing key reads as null and deletes without error', async () => {
    const store = make();
    const key = newStoreKey('test');
    const bytes = randomBytes(70_000);
    await store.put(key, bytes);
    expect(Buffer.compare((await store.get(key))!, bytes)).toBe(0);
    // Same key again replaces the object (an upload retried never leaves two).
    await store.put(key, Buffer.from('second'));
    expect((await store.get(key))!.toString()).toBe('second');
    await store.delete(key);
    expect(await store.get(key)).toBeNull();
    await store.delete(key);
    expect(await store.get(newStoreKey('test'))).toBeNull();
  });

  it('refuses keys that could leave the store: a path, dot-dot, upper case, an empty segment', async () => {
    const store = make();
    for (const bad of ['../etc/passwd', '/abs/key', 'a/../../b', 'A/b', 'a//b', '', 'a/b/c/d/e/f'])
      await expect(store.put(bad, Buffer.from('x'))).rejects.toThrow(/not a file store key/);
  });
});

describe('store keys', () => {
  it('are random, 128 bits, fanned out by their first two hex digits, and never carry a file name', () => {
    const keys = new Set(Array.from({ length: 1000 }, () => newStoreKey('case-documents')));
    expect(keys.size).toBe(1000);
    for (const k of keys) expect(k).toMatch(/^case-documents\/([0-9a-f]{2})\/\1[0-9a-f]{30}$/);
  });
});

describe('sealed files', () => {
  const sealer = new FileSealer({ k1: key32() }, 'k1');

  it.each([
    [
      'local disk',
      () => ({
        files: new SealedFiles(new LocalFileStore(join(dir, 'sealed')), sealer),
        held: () => filesUnder(join(dir, 'sealed')).then((ps) => Promise.all(ps.map((p) => readFile(p)))),
        disk: join(dir, 'sealed'),
      }),
    ],
    [
      'S3',
      () => ({
        files: new SealedFiles(s3, sealer),
        held: async () => Promise.all((await bucketKeys()).map(async (k) => (await s3.get(k))!)),
        // Where s3rver keeps the bucket: the server's own disk holds no clear content either.
        disk: s3dir,
      }),
    ],
  ])('on %s: give back the clear bytes, while the store holds only ciphertext', async (_name, make) => {
    const { files, held, disk } = make();
    const key = await files.put('case-documents', CLEAR);
    expect(key).toMatch(/^case-documents\/[0-9a-f]{2}\/[0-9a-f]{32}$/);
    expect(Buffer.compare((await files.get(key))!, CLEAR)).toBe(0);
    const stored = await held();
    expect(stored.length).toBeGreaterThan(0);
    for (const bytes of stored) {
      expect(bytes.subarray(0, 4).toString()).toBe('GAF1');
      expect(bytes.includes(MARKER)).toBe(false);
      expect(bytes.includes(CLEAR.subarray(CLEAR.length - 64))).toBe(false);
    }
    const raw = await Promise.all((await filesUnder(disk)).map((p) => readFile(p)));
    expect(raw.some((b) => b.subarray(0, 4).toString() === 'GAF1')).toBe(true);
    expect(raw.filter((b) => b.includes(MARKER))).toEqual([]);
    await files.delete(key);
    expect(await files.get(key)).toBeNull();
  });

  it('keeps local files readable by the owner only', async () => {
    const root = join(dir, 'modes');
    const files = new SealedFiles(new LocalFileStore(root), sealer);
    await files.put('case-documents', CLEAR);
    const [path] = await filesUnder(root);
    expect((await stat(path!)).mode & 0o777).toBe(0o600);
  });

  it('refuses an altered object, one moved under another key, and one sealed under an unknown key', async () => {
    const root = join(dir, 'tamper');
    const store = new LocalFileStore(root);
    const files = new SealedFiles(store, sealer);
    const key = await files.put('case-documents', CLEAR);
    const [path] = await filesUnder(root);
    const sealed = await readFile(path!);

    const flipped = Buffer.from(sealed);
    flipped[flipped.length - 10]! ^= 0x01;
    await writeFile(path!, flipped);
    await expect(files.get(key)).rejects.toThrow();

    const other = newStoreKey('case-documents');
    await store.put(other, sealed);
    await expect(files.get(other)).rejects.toThrow();

    await store.put(key, Buffer.from('plain bytes, never sealed'));
    await expect(files.get(key)).rejects.toThrow(/not a sealed file/);

    const stranger = new SealedFiles(store, new FileSealer({ k9: key32() }, 'k9'));
    await store.put(key, sealed);
    await expect(stranger.get(key)).rejects.toThrow(/not a sealed file/);
  });

  it('opens files sealed under an older key after a rotation (FIELD_KEYS lists both)', async () => {
    const k1 = key32();
    const store = new LocalFileStore(join(dir, 'rotation'));
    const before = new SealedFiles(store, new FileSealer({ k1 }, 'k1'));
    const key = await before.put('case-documents', CLEAR);
    const after = new SealedFiles(store, new FileSealer({ k1, k2: key32() }, 'k2'));
    expect(Buffer.compare((await after.get(key))!, CLEAR)).toBe(0);
    const newer = await after.put('case-documents', CLEAR);
    expect((await store.get(newer))!.subarray(5, 7).toString()).toBe('k2');
  });

  it('seals the same content differently each time (a fresh IV per file)', () => {
    expect(sealer.seal(CLEAR, 'a/b').equals(sealer.seal(CLEAR, 'a/b'))).toBe(false);
  });
});

describe('configuration', () => {
  it('defaults to the local store under .data/files of the working directory', () => {
    const config = testConfig();
    expect([config.FILE_STORE, config.FILE_STORE_DIR]).toEqual(['local', '.data/files']);
    const store = createFileStore(config);
    expect(store).toBeInstanceOf(LocalFileStore);
    expect((store as LocalFileStore).root).toBe(join(process.cwd(), '.data', 'files'));
  });

  it('requires the bucket and region for S3, and both keys or neither', () => {
    expect(() => testConfig({ FILE_STORE: 's3' })).toThrow(ConfigError);
    expect(() => testConfig({ FILE_STORE: 's3' })).toThrow(/S3_REGION[\s\S]*S3_BUCKET/);
    expect(() =>
      testConfig({ FILE_STORE: 's3', S3_REGION: 'cn-east-1', S3_BUCKET: 'evidence', S3_ACCESS_KEY_ID: 'x' }),
    ).toThrow(/S3_SECRET_ACCESS_KEY: set both S3 keys, or neither/);
    expect(() => testConfig({ FILE_STORE: 'ftp' })).toThrow(/FILE_STORE/);
    expect(() =>
      testConfig({ FILE_STORE: 's3', S3_REGION: 'us-east-1', S3_BUCKET: 'b1', S3_ENDPOINT: 'not a url' }),
    ).toThrow(/S3_ENDPOINT/);
    // Without FILE_STORE=s3 the S3 settings are not asked for.
    expect(testConfig({ S3_ACCESS_KEY_ID: 'x' }).FILE_STORE).toBe('local');
  });

  it('builds the S3 store from the settings, and it works against the server', async () => {
    const config = testConfig({
      FILE_STORE: 's3',
      S3_ENDPOINT: endpoint,
      S3_REGION: 'us-east-1',
      S3_BUCKET: BUCKET,
      S3_ACCESS_KEY_ID: 'S3RVER',
      S3_SECRET_ACCESS_KEY: 'S3RVER',
      S3_FORCE_PATH_STYLE: 'true',
    });
    const store = createFileStore(config);
    expect(store).toBeInstanceOf(S3FileStore);
    const files = new SealedFiles(store, FileSealer.fromConfig(config));
    const key = await files.put('case-documents', CLEAR);
    expect(await bucketKeys()).toContain(key);
    expect(Buffer.compare((await files.get(key))!, CLEAR)).toBe(0);
    await files.delete(key);
    expect(await bucketKeys()).not.toContain(key);
    (store as S3FileStore).onModuleDestroy();
  });
});
