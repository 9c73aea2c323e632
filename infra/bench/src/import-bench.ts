import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// The bench's own package.json does not list exceljs (4.4.0, the API's and worker's); it resolves
// from the workspace root. See the report of the import benchmark's introduction.
import { stream } from 'exceljs';
import {
  createChildOrg,
  createDataSource,
  FieldCipher,
  inScope,
  type OrgEntity,
  parseFieldKeys,
  systemScope,
  TEACHER_COLUMNS,
  teacherColumns,
  type Config,
  type DataSource,
  type TeacherColumns,
  type TeacherRecord,
} from '@guanai/db';
import { makeIdNumber, type TenantFixture } from '@guanai/db/testing';
import type { ApiEnv } from './api-process';
import { ApiProcess } from './api-process';
import { sleep } from './ports';

export interface ImportFigures {
  rows: number;
  schools: number;
  fileMiB: number;
  /** Upload until the API answered 201 (the API reads the whole file then: type, header, row count). */
  uploadSeconds: number;
  /** Start until the worker marked the import done. */
  runSeconds: number;
  /** Upload start until done: what an officer waits. */
  totalSeconds: number;
  rowsPerSecond: number;
  counts: { created: number; updated: number; unchanged: number; rejected: number };
  /** The worker's VmHWM (peak resident set since it started) and its resident set before the upload. */
  workerPeakRssMiB: number;
  workerIdleRssMiB: number;
  /** The same rows, sealed beforehand, through COPY … FROM STDIN into a scratch copy of the table. */
  copySeconds: number;
  copyRowsPerSecond: number;
  /** Sealing (AES-GCM, HMAC) of those rows in this process, outside the COPY figure. */
  sealSeconds: number;
}

export interface ImportBenchOptions {
  repoRoot: string;
  env: ApiEnv;
  baseUrl: string;
  token: string;
  fixture: TenantFixture;
  appUrl: string;
  ownerUrl: string;
  rows: number;
  log: (m: string) => void;
}

const TARGET_ROWS_PER_SECOND = 5_000;
const TARGET_PEAK_RSS_MIB = 512;
export { TARGET_PEAK_RSS_MIB, TARGET_ROWS_PER_SECOND };

const SCHOOLS = 20;
const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈';
const GIVEN = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红娥玲芬燕彬鹏辉丹建国文晨宇';
const HEADERS = [
  '姓名',
  '性别',
  '身份证号',
  '出生日期',
  '手机号',
  '民族',
  '政治面貌',
  '学校代码',
  '用工类型',
  '岗位',
  '任教学科',
  '学段',
  '职称',
  '职称取得时间',
  '从教时间',
  '到校时间',
  '骨干教师',
  '家庭住址',
  '标签',
];

const pick = <T>(list: ArrayLike<T>, i: number) => list[i % list.length]!;
const iso = (d: Date) => d.toISOString().slice(0, 10);
const plusYears = (d: Date, y: number) =>
  new Date(Date.UTC(d.getUTCFullYear() + y, d.getUTCMonth(), d.getUTCDate()));

interface Synthetic {
  cells: unknown[];
  record: TeacherRecord;
  school: number;
}

/** Teacher i: valid in every respect (ID check digit, birth date and sex agree, dates in order). */
function synthetic(i: number): Synthetic {
  const male = i % 2 === 1;
  // 12,007 birth days from 1965 (a prime, so with makeIdNumber's 500 sequence numbers no ID repeats).
  const birth = new Date(Date.UTC(1965, 0, 1) + (i % 12_007) * 86_400_000);
  const teaching = plusYears(birth, 22);
  const joined = plusYears(teaching, i % 3);
  const titleSince = plusYears(teaching, 5);
  const idNumber = makeIdNumber(iso(birth), male ? 'male' : 'female');
  const name = `${pick(SURNAMES, i * 7)}${pick(GIVEN, i * 13)}${i % 3 ? pick(GIVEN, i * 31) : ''}`;
  const phone = `13${i % 10}${String(10_000_000 + (i % 90_000_000)).slice(-8)}`;
  const school = i % SCHOOLS;
  const address = `浙江省杭州市西湖区文三路${i % 500}号`;
  const tags = i % 5 === 0 ? ['班主任', '党员'] : [];
  const cells = [
    name,
    male ? '男' : '女',
    idNumber,
    birth,
    phone,
    '汉族',
    pick(['中共党员', '群众', '共青团员'], i),
    `b${String(school + 1).padStart(2, '0')}`,
    pick(['在编', '在编', '合同'], i),
    pick(['教师', '班主任'], i),
    pick(['语文', '数学', '英语', '科学'], i),
    pick(['小学', '初中'], i),
    '中级',
    titleSince,
    teaching,
    joined,
    i % 7 === 0 ? '是' : '否',
    address,
    tags.join('、'),
  ];
  const record: TeacherRecord = {
    name,
    sex: male ? 'male' : 'female',
    idNumber,
    birthDate: iso(birth),
    phone,
    address,
    ethnicity: '汉族',
    politicalStatus: pick(['cpc_member', 'masses', 'cyl_member'], i),
    maritalStatus: null,
    employmentType: pick(['establishment', 'establishment', 'contract'], i),
    position: pick(['teacher', 'head_teacher'], i),
    subject: pick(['语文', '数学', '英语', '科学'], i),
    stage: pick(['primary', 'junior_secondary'], i),
    titles: [{ level: 'intermediate', since: iso(titleSince) }],
    teachingSince: iso(teaching),
    joinedSchoolOn: iso(joined),
    backbone: i % 7 === 0,
    honours: [],
    unionStatus: 'member',
    retirementCategory: 'cadre',
    tags,
    notes: null,
  };
  return { cells, record, school };
}

/** A workbook as Excel writes one: shared strings, date cells as serial numbers. */
export async function writeWorkbook(path: string, rows: number): Promise<void> {
  const wb = new stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true, useStyles: true });
  const ws = wb.addWorksheet('教师信息');
  ws.columns = HEADERS.map((h) => ({
    header: h,
    width: 12,
    style: /时间|日期/.test(h) ? { numFmt: 'yyyy-mm-dd' } : {},
  }));
  ws.getRow(1).commit();
  for (let i = 0; i < rows; i++) ws.addRow(synthetic(i).cells).commit();
  ws.commit();
  await wb.commit();
}

/** The worker's memory from /proc (Linux): VmHWM is the peak resident set since it started. */
function memory(pid: number): { rssKiB: number; hwmKiB: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rssKiB: kib('VmRSS'), hwmKiB: kib('VmHWM') };
}

async function api<T>(
  baseUrl: string,
  token: string,
  path: string,
  init: RequestInit = {},
): Promise<{ status: number; body: T }> {
  const res = await fetch(baseUrl + path, {
    ...init,
    headers: { authorization: `Bearer ${token}`, ...(init.headers ?? {}) },
    signal: AbortSignal.timeout(120_000),
  });
  return { status: res.status, body: (await res.json()) as T };
}

interface ImportState {
  id: string;
  status: string;
  missingFields: string[];
  total: number;
  processed: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  error: string | null;
}

/**
 * COPY … FROM STDIN through the pg client TypeORM pools, as a query object pg drives (the protocol
 * that pg-copy-streams implements): on CopyInResponse it sends the rows, then CopyDone.
 */
function copyIn(client: { query(q: object): unknown }, sql: string, chunks: Buffer[]): Promise<void> {
  return new Promise((resolve, reject) => {
    let failed: Error | undefined;
    client.query({
      submit(connection: { query(text: string): void }) {
        connection.query(sql);
      },
      handleCopyInResponse(connection: { sendCopyFromChunk(b: Buffer): void; endCopyFrom(): void }) {
        for (const c of chunks) connection.sendCopyFromChunk(c);
        connection.endCopyFrom();
      },
      handleCommandComplete() {},
      handleError(err: Error) {
        failed = err;
      },
      handleReadyForQuery() {
        if (failed) reject(failed);
        else resolve();
      },
    });
  });
}

/** One row in COPY's text format: tab-separated, \N for null, backslash escapes. */
function copyLine(row: TeacherColumns): string {
  const esc = (s: string) =>
    s.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
  return (
    TEACHER_COLUMNS.map((c) => {
      const v = row[c];
      if (v === null) return '\\N';
      if (typeof v === 'boolean') return v ? 't' : 'f';
      if (Array.isArray(v)) return esc(`{${v.map((t) => `"${t.replace(/["\\]/g, '\\$&')}"`).join(',')}}`);
      return esc(v);
    }).join('\t') + '\n'
  );
}

async function copyBaseline(
  opts: ImportBenchOptions,
  units: OrgEntity[],
): Promise<{ copySeconds: number; sealSeconds: number }> {
  const config = { FIELD_KEYS: opts.env.FIELD_KEYS, FIELD_KEY_CURRENT: undefined } as Config;
  const { keys, current } = parseFieldKeys(config);
  const cipher = new FieldCipher(keys, current, Buffer.from(opts.env.LOOKUP_HASH_KEY, 'base64'));
  const sealStart = performance.now();
  const chunks: Buffer[] = [];
  let pending = '';
  for (let i = 0; i < opts.rows; i++) {
    const s = synthetic(i);
    const u = units[s.school]!;
    pending += copyLine(
      teacherColumns(s.record, { id: u.id, tenantId: u.tenantId!, name: u.name, rural: u.rural }, cipher, {
        id: crypto.randomUUID(),
      }),
    );
    if (pending.length > 1 << 20) {
      chunks.push(Buffer.from(pending, 'utf8'));
      pending = '';
    }
  }
  chunks.push(Buffer.from(pending, 'utf8'));
  const sealSeconds = (performance.now() - sealStart) / 1000;

  const owner = await createDataSource({
    url: opts.ownerUrl,
    poolSize: 1,
    applicationName: 'guanai-bench-copy',
  }).initialize();
  const runner = owner.createQueryRunner();
  try {
    await runner.query('DROP TABLE IF EXISTS bench_teachers_copy');
    // The same columns, defaults, checks and indexes (unique key, GIN on tags…) as teachers.
    await runner.query(
      'CREATE TABLE bench_teachers_copy (LIKE teachers INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING INDEXES)',
    );
    const client = (await runner.connect()) as { query(q: object): unknown };
    const start = performance.now();
    await copyIn(client, `COPY bench_teachers_copy (${TEACHER_COLUMNS.join(', ')}) FROM STDIN`, chunks);
    const copySeconds = (performance.now() - start) / 1000;
    const [{ n }] = await runner.query('SELECT count(*)::int AS n FROM bench_teachers_copy');
    if (n !== opts.rows) throw new Error(`COPY wrote ${n} rows, not ${opts.rows}`);
    return { copySeconds, sealSeconds };
  } finally {
    await runner.query('DROP TABLE IF EXISTS bench_teachers_copy').catch(() => undefined);
    await runner.release();
    await owner.destroy();
  }
}

export async function createSchools(appUrl: string, fixture: TenantFixture): Promise<OrgEntity[]> {
  const ds: DataSource = await createDataSource({
    url: appUrl,
    poolSize: 1,
    applicationName: 'guanai-bench-seed',
  }).initialize();
  try {
    return await inScope(ds, systemScope('bench'), async (em) => {
      const out: OrgEntity[] = [];
      for (let s = 1; s <= SCHOOLS; s++) {
        const code = `b${String(s).padStart(2, '0')}`;
        out.push(
          await createChildOrg(em, fixture.tenant, {
            kind: 'school',
            name: `压测学校 ${code}`,
            code,
            rural: s % 4 === 0,
          }),
        );
      }
      return out;
    });
  } finally {
    await ds.destroy();
  }
}

/**
 * Imports `rows` synthetic teachers end to end through the built API and the built worker (a child
 * process, so its memory can be read from /proc), then COPYs the same rows for comparison.
 */
export async function benchImport(
  opts: ImportBenchOptions,
  track: (w: ApiProcess) => void,
): Promise<ImportFigures> {
  const { log } = opts;
  const units = await createSchools(opts.appUrl, opts.fixture);
  const dir = await mkdtemp(join(tmpdir(), 'guanai-bench-'));
  const path = join(dir, 'teachers.xlsx');
  try {
    let t = performance.now();
    await writeWorkbook(path, opts.rows);
    const file = await readFile(path);
    log(
      `wrote a ${(file.length / 2 ** 20).toFixed(1)} MiB workbook of ${opts.rows} teachers in ${((performance.now() - t) / 1000).toFixed(1)} s`,
    );

    const worker = ApiProcess.start(opts.repoRoot, opts.env, 'apps/worker/dist/main.js');
    track(worker);
    const pid = worker.pid!;
    await sleep(3_000); // boot: connections, queues, schedulers
    if (worker.exitCode !== null) throw new Error(`the worker exited at start:\n${worker.output()}`);
    const idle = memory(pid);

    let peakRss = idle.rssKiB;
    const sampler = setInterval(() => {
      try {
        peakRss = Math.max(peakRss, memory(pid).rssKiB);
      } catch {
        // the worker has gone; the error shows below
      }
    }, 100);
    try {
      const form = new FormData();
      form.append('file', new Blob([file]), '压测-教师名单.xlsx');
      const started = performance.now();
      const up = await api<ImportState>(opts.baseUrl, opts.token, '/api/v1/teacher-imports', {
        method: 'POST',
        body: form,
      });
      const uploaded = performance.now();
      if (up.status !== 201)
        throw new Error(`upload answered ${up.status}: ${JSON.stringify(up.body).slice(0, 400)}`);
      if (up.body.missingFields.length) throw new Error(`the upload misses fields: ${up.body.missingFields}`);
      log(
        `uploaded in ${((uploaded - started) / 1000).toFixed(1)} s: ${up.body.total} rows; starting the import`,
      );
      const go = await api<ImportState>(
        opts.baseUrl,
        opts.token,
        `/api/v1/teacher-imports/${up.body.id}/start`,
        { method: 'POST' },
      );
      if (go.status !== 200)
        throw new Error(`start answered ${go.status}: ${JSON.stringify(go.body).slice(0, 400)}`);
      let state = go.body;
      t = performance.now();
      while (state.status !== 'done' && state.status !== 'failed') {
        await sleep(100);
        if (worker.exitCode !== null)
          throw new Error(`the worker exited during the import:\n${worker.output()}`);
        state = (await api<ImportState>(opts.baseUrl, opts.token, `/api/v1/teacher-imports/${up.body.id}`))
          .body;
        if (performance.now() - t > 2_000) {
          log(`  ${state.status}: ${state.processed} / ${state.total} rows`);
          t = performance.now();
        }
      }
      const done = performance.now();
      if (state.status !== 'done') throw new Error(`the import failed: ${state.error}\n${worker.output()}`);
      if (state.created !== opts.rows)
        throw new Error(`created ${state.created} of ${opts.rows} rows (${state.rejected} rejected)`);
      const hwm = memory(pid).hwmKiB;
      log(
        `imported in ${((done - uploaded) / 1000).toFixed(1)} s; worker peak RSS ${(hwm / 1024).toFixed(0)} MiB`,
      );

      log('COPY of the same rows, sealed beforehand, into a scratch copy of the table');
      const copy = await copyBaseline(opts, units);
      const total = (done - started) / 1000;
      return {
        rows: opts.rows,
        schools: SCHOOLS,
        fileMiB: file.length / 2 ** 20,
        uploadSeconds: (uploaded - started) / 1000,
        runSeconds: (done - uploaded) / 1000,
        totalSeconds: total,
        rowsPerSecond: opts.rows / total,
        counts: {
          created: state.created,
          updated: state.updated,
          unchanged: state.unchanged,
          rejected: state.rejected,
        },
        workerPeakRssMiB: Math.max(hwm, peakRss) / 1024,
        workerIdleRssMiB: idle.rssKiB / 1024,
        copySeconds: copy.copySeconds,
        copyRowsPerSecond: opts.rows / copy.copySeconds,
        sealSeconds: copy.sealSeconds,
      };
    } finally {
      clearInterval(sampler);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
