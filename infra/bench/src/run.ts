import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import {
  createTestDatabase,
  dropTestDatabase,
  testRedisUrl,
  type TenantFixture,
  type TestDatabase,
} from '@guanai/db/testing';
import { ApiProcess, type ApiEnv } from './api-process';
import { benchImport, type ImportFigures } from './import-bench';
import { measure, type LoadOptions, type Measurement, type Target } from './load';
import { describeMachine } from './machine';
import { freePort, within } from './ports';
import { MiniRedis } from './redis';
import { renderCompliance, renderReminders, renderReport, renderTeacherList } from './report';
import { benchReminders, type RemindersFigures } from './reminders-bench';
import { seedBench, type BenchData } from './seed';
import {
  benchTeacherList,
  seedListDatabase,
  TEACHER_LIST,
  type TeacherListFigures,
} from './teacher-list-bench';
import { benchCompliance, type ComplianceFigures } from './compliance-bench';
import { benchCases, type CasesFigures } from './cases-bench';
import { renderCases } from './report-cases';
import type { TeacherListData } from './teacher-list-seed';

const REPO_ROOT = resolve(__dirname, '../../..');
const REPORT_PATH = join(REPO_ROOT, 'docs/benchmarks.md');
const EXTRA_USERS = 200;
const LOAD: LoadOptions = { connections: 50, warmupSeconds: 2, seconds: 10 };
/**
 * The whole run, setup and clean-up included, ends by itself within this (the reminders part added
 * ~6 min, the dispute cases ~5 min).
 */
const DEADLINE_MS = 50 * 60_000;
/**
 * BENCH_ONLY=teachers runs only the teacher-list benchmark, BENCH_ONLY=compliance only the compliance
 * benchmark and BENCH_ONLY=reminders only the reminders benchmark (issue 5: the daily evaluation
 * through the built worker and the delivery of emails and webhooks), both on the same 1,000,000
 * teachers, and prints its section instead of rewriting docs/benchmarks.md (which keeps the last
 * full run). BENCH_ONLY=cases runs only the dispute-case benchmark (issue 6: 200,000 cases on the
 * same unions, the case list and the tenant report at 50 connections).
 */
const ONLY = process.env.BENCH_ONLY;
const PARTS = ['teachers', 'compliance', 'reminders', 'cases'] as const;
/** Rows of the import benchmark's workbook. */
const IMPORT_ROWS = 100_000;
/** More failed requests than this share make the figures meaningless (an error page is fast). */
const MAX_FAILURE_SHARE = 0.001;

const log = (message: string) => console.log(`[bench] ${message}`);

interface Resources {
  db?: TestDatabase;
  api?: ApiProcess;
  /**
   * The teacher-list benchmark's own database (1,000,000 teachers, then the compliance benchmark's
   * care work on them) and the API started on it.
   */
  listDb?: TestDatabase;
  listApi?: ApiProcess;
  /** The worker, started for the import benchmark and again for the reminders benchmark. */
  worker?: ApiProcess;
  /** One set of keys for every process of the run: the worker reads what the API sealed. */
  env?: Omit<ApiEnv, 'PORT'>;
  redisUrl?: string;
  redisPrefix?: string;
}

/** The API under test: its process, where it listens and the bearer token of the benchmark account. */
interface Server {
  baseUrl: string;
  token: string;
}

async function login(baseUrl: string, username: string, password: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
    signal: AbortSignal.timeout(15_000),
  });
  const body = (await res.json()) as { accessToken?: string; restrictions?: string[] };
  if (res.status !== 200 || !body.accessToken) {
    throw new Error(
      `login as ${username} answered HTTP ${res.status}: ${JSON.stringify(body).slice(0, 400)}`,
    );
  }
  if (body.restrictions?.length) {
    throw new Error(`the benchmark account's session is restricted (${body.restrictions.join(', ')})`);
  }
  return body.accessToken;
}

/** Settings and keys shared by every process of the run; the database is chosen per process. */
function runEnv(res: Resources, db: TestDatabase): Omit<ApiEnv, 'PORT'> {
  res.env ??= {
    DATABASE_URL: db.ownerUrl,
    APP_DATABASE_URL: db.appUrl,
    REDIS_URL: res.redisUrl!,
    REDIS_PREFIX: res.redisPrefix!,
    HOST: '127.0.0.1',
    JWT_SECRET: randomBytes(48).toString('base64url'),
    FIELD_KEYS: `k1:${randomBytes(32).toString('base64')}`,
    LOOKUP_HASH_KEY: randomBytes(32).toString('base64'),
    LOG_LEVEL: 'warn',
    // Counted like any other request, never refused: the limiter's cost is part of the figures.
    RATE_LIMIT_PER_MINUTE: '100000000',
  };
  return { ...res.env, DATABASE_URL: db.ownerUrl, APP_DATABASE_URL: db.appUrl };
}

/**
 * Starts the built API on `db` on a free loopback port, waits until it is ready and logs in as the
 * fixture's union administrator.
 */
async function startApi(
  res: Resources,
  db: TestDatabase,
  fixture: TenantFixture,
  track: (api: ApiProcess) => void,
): Promise<Server & { login: (who: keyof TenantFixture['users']) => Promise<string> }> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const env: ApiEnv = { ...runEnv(res, db), PORT: String(port) };
  log(`starting the API on ${baseUrl}`);
  const api = ApiProcess.start(REPO_ROOT, env);
  track(api);
  try {
    await api.waitReady(`${baseUrl}/api/health/ready`, 90_000);
  } catch (err) {
    throw new Error(`${(err as Error).message}\n--- API output ---\n${api.output()}`, { cause: err });
  }
  const as = (who: keyof TenantFixture['users']) =>
    login(baseUrl, fixture.users[who].username, fixture.password);
  return { baseUrl, token: await as('tenantAdmin'), login: as };
}

async function startServer(res: Resources, data: BenchData): Promise<Server> {
  return startApi(res, res.db!, data.fixture, (api) => (res.api = api));
}

function headersFor(target: Target, server: Server): Record<string, string> {
  return target.name === 'live' ? {} : { authorization: `Bearer ${server.token}` };
}

/** One request: 200 within a few seconds, else what went wrong. */
async function probe(server: Server, target: Target): Promise<string | undefined> {
  try {
    const res = await fetch(server.baseUrl + target.path, {
      headers: headersFor(target, server),
      signal: AbortSignal.timeout(5_000),
    });
    if (res.status === 200) return undefined;
    return `HTTP ${res.status}: ${(await res.text()).slice(0, 300)}`;
  } catch (err) {
    return (err as Error).message;
  }
}

function failureOf(m: Measurement, load: LoadOptions = LOAD): string | undefined {
  const failed = m.non2xx + m.errors;
  if (m.ok > 0 && failed <= (m.ok + failed) * MAX_FAILURE_SHARE) return undefined;
  const answered = m.ok + m.non2xx;
  return (
    `${m.ok} successful responses in ${m.durationSeconds} s; ${m.non2xx} non-2xx, ${m.errors} errors ` +
    `(${m.timeouts} timeouts of ${load.connections} connections, 10 s each)` +
    (answered === 0 ? ': the endpoint stopped answering under load' : '')
  );
}

type Failed = { failure: string };
const failureFrom = (err: unknown): Failed => ({ failure: (err as Error).message.split('\n')[0]! });

interface ListResults {
  list?: TeacherListFigures | Failed;
  compliance?: ComplianceFigures | Failed;
  reminders?: RemindersFigures | Failed;
  cases?: CasesFigures | Failed;
}

/**
 * The teacher-list, compliance and reminders benchmarks, on one database of their own (1,000,000
 * teachers; the compliance benchmark adds its care work after the list is measured, the reminders
 * benchmark its reminders and deliveries after that), with an API started on it; both are gone when
 * it returns.
 */
async function listDatabase(
  res: Resources,
  parts: { teachers: boolean; compliance: boolean; reminders: boolean; cases: boolean },
): Promise<ListResults> {
  log(
    `teacher-list database: ${TEACHER_LIST.teachers.toLocaleString('en-US')} teachers in ${TEACHER_LIST.tenants} unions, ` +
      'on a database of its own',
  );
  const out: ListResults = {};
  const apiOutput = () => (res.listApi ? `\n--- API output ---\n${res.listApi.output()}` : '');
  try {
    let data: TeacherListData;
    let server: Awaited<ReturnType<typeof startApi>>;
    try {
      res.listDb = await within(
        120_000,
        'creating the teacher-list database',
        createTestDatabase('guanai_bench_list'),
      );
      const env = runEnv(res, res.listDb);
      data = await seedListDatabase(
        res.listDb,
        { FIELD_KEYS: env.FIELD_KEYS, LOOKUP_HASH_KEY: env.LOOKUP_HASH_KEY },
        log,
      );
      server = await startApi(res, res.listDb, data.fixture, (api) => (res.listApi = api));
    } catch (err) {
      log(`  FAILED: ${(err as Error).message}${apiOutput()}`);
      if (parts.teachers) out.list = failureFrom(err);
      if (parts.compliance) out.compliance = failureFrom(err);
      if (parts.reminders) out.reminders = failureFrom(err);
      if (parts.cases) out.cases = failureFrom(err);
      return out;
    }
    if (parts.teachers) {
      try {
        out.list = await benchTeacherList({ data, server, load: LOAD, log, failureOf });
      } catch (err) {
        log(`  FAILED: ${(err as Error).message}${apiOutput()}`);
        out.list = failureFrom(err);
      }
    }
    if (parts.compliance) {
      try {
        out.compliance = await benchCompliance({
          db: res.listDb,
          list: data,
          baseUrl: server.baseUrl,
          apiPid: res.listApi?.pid,
          login: server.login,
          log,
          failureOf,
        });
      } catch (err) {
        log(`  FAILED: ${(err as Error).message}${apiOutput()}`);
        out.compliance = failureFrom(err);
      }
    }
    if (parts.reminders) {
      log('reminders benchmark: the daily evaluation and deliveries through the built worker');
      try {
        out.reminders = await within(
          25 * 60_000,
          'the reminders benchmark',
          benchReminders({
            repoRoot: REPO_ROOT,
            db: res.listDb,
            list: data,
            env: res.env!,
            log,
            track: (w) => (res.worker = w),
          }),
        );
      } catch (err) {
        const worker = res.worker ? `\n--- worker output ---\n${res.worker.output()}` : '';
        log(`  FAILED: ${(err as Error).message}${worker}`);
        out.reminders = failureFrom(err);
      }
    }
    if (parts.cases) {
      log('dispute-case benchmark: the case list and the tenant report with 200,000 cases');
      try {
        out.cases = await within(
          15 * 60_000,
          'the dispute-case benchmark',
          benchCases({
            repoRoot: REPO_ROOT,
            db: res.listDb,
            list: data,
            keys: { FIELD_KEYS: res.env!.FIELD_KEYS, LOOKUP_HASH_KEY: res.env!.LOOKUP_HASH_KEY },
            baseUrl: server.baseUrl,
            login: server.login,
            load: LOAD,
            log,
            failureOf,
          }),
        );
      } catch (err) {
        log(`  FAILED: ${(err as Error).message}${apiOutput()}`);
        out.cases = failureFrom(err);
      }
    }
    return out;
  } finally {
    await stopAndDrop(res, 'listApi', 'listDb');
  }
}

const listFailed = (list: TeacherListFigures | Failed | undefined) =>
  !list || 'failure' in list || list.results.some((r) => r.failure) || list.sweep.some((p) => p.failure);
const complianceFailed = (c: ComplianceFigures | Failed | undefined) =>
  !c || 'failure' in c || c.reads.some((r) => r.concurrent?.failure);
const casesFailed = (c: CasesFigures | Failed | undefined) =>
  !c || 'failure' in c || c.results.some((r) => r.failure);
const remindersFailed = (r: RemindersFigures | Failed | undefined) =>
  !r || 'failure' in r || r.second.created !== 0 || r.deliveries.some((d) => d.sent !== d.deliveries);

async function bench(res: Resources): Promise<number> {
  const machine = describeMachine();
  const loadBefore = loadavg()[0]!;
  res.redisUrl = testRedisUrl();
  res.redisPrefix = `guanai_bench_${randomBytes(6).toString('hex')}`;
  const redis = await within(10_000, 'redis', MiniRedis.connect(res.redisUrl));
  let redisVersion: string;
  try {
    redisVersion = await redis.version();
  } finally {
    redis.close();
  }

  if (ONLY === 'teachers') {
    const { list } = await listDatabase(res, {
      teachers: true,
      compliance: false,
      reminders: false,
      cases: false,
    });
    console.log(renderTeacherList(list, LOAD).section);
    log('BENCH_ONLY=teachers: docs/benchmarks.md left as it was');
    return listFailed(list) ? 1 : 0;
  }
  if (ONLY === 'compliance') {
    const { compliance } = await listDatabase(res, {
      teachers: false,
      compliance: true,
      reminders: false,
      cases: false,
    });
    console.log(renderCompliance(compliance).section);
    log(`load average ${loadBefore.toFixed(2)} before, ${loadavg()[0]!.toFixed(2)} after`);
    log('BENCH_ONLY=compliance: docs/benchmarks.md left as it was');
    return complianceFailed(compliance) ? 1 : 0;
  }
  if (ONLY === 'reminders') {
    const { reminders } = await listDatabase(res, {
      teachers: false,
      compliance: false,
      reminders: true,
      cases: false,
    });
    const rendered = renderReminders(reminders);
    console.log(rendered.section);
    // The full run gathers findings at the end of the report; alone, they follow the section.
    if (rendered.findings.length) console.log(`### Findings\n\n${rendered.findings.join('\n')}\n`);
    log(`load average ${loadBefore.toFixed(2)} before, ${loadavg()[0]!.toFixed(2)} after`);
    log('BENCH_ONLY=reminders: docs/benchmarks.md left as it was');
    return remindersFailed(reminders) ? 1 : 0;
  }
  if (ONLY === 'cases') {
    const { cases } = await listDatabase(res, {
      teachers: false,
      compliance: false,
      reminders: false,
      cases: true,
    });
    const rendered = renderCases(cases, LOAD);
    console.log(rendered.section);
    if (rendered.findings.length) console.log(`### Findings\n\n${rendered.findings.join('\n')}\n`);
    log(`load average ${loadBefore.toFixed(2)} before, ${loadavg()[0]!.toFixed(2)} after`);
    log('BENCH_ONLY=cases: docs/benchmarks.md left as it was');
    return casesFailed(cases) ? 1 : 0;
  }
  if (ONLY)
    throw new Error(
      `BENCH_ONLY=${ONLY}: only ${PARTS.slice(0, -1)
        .map((p) => `"${p}"`)
        .join(', ')} and "${PARTS[PARTS.length - 1]}" are known`,
    );

  log('creating and migrating a fresh database');
  res.db = await within(120_000, 'creating the database', createTestDatabase('guanai_bench'));
  log(`database ${res.db.name}; seeding the tenant fixture and ${EXTRA_USERS} users`);
  const data = await within(120_000, 'seeding', seedBench(res.db.appUrl, EXTRA_USERS));

  let server = await startServer(res, data);
  const targets: Target[] = [
    { name: 'live', method: 'GET', path: '/api/health/live' },
    { name: 'me', method: 'GET', path: '/api/v1/me' },
    { name: 'users', method: 'GET', path: '/api/v1/users?pageSize=20' },
  ];
  // One request each before any load, so a wrong token or path fails loudly, not as 50 000 401s.
  for (const t of targets) {
    const problem = await probe(server, t);
    if (problem) throw new Error(`${t.method} ${t.path} before the load: ${problem}`);
  }

  const results: Measurement[] = [];
  let restartNote: string | undefined;
  for (const t of targets) {
    // An endpoint that wedged the API must not spoil the next one's figures: start a fresh API.
    if (results.some((r) => r.failure) && (await probe(server, t))) {
      log('the API no longer answers: restarting it for the next endpoint');
      await res.api!.stop();
      server = await startServer(res, data);
      restartNote = 'measured on a freshly started API, after the previous endpoint stopped it answering';
    }
    log(
      `${t.method} ${t.path}: ${LOAD.warmupSeconds} s warm-up, ${LOAD.seconds} s × ${LOAD.connections} connections`,
    );
    const target = { ...t, headers: headersFor(t, server) };
    const m = await within(
      (LOAD.warmupSeconds + LOAD.seconds) * 1000 + 60_000,
      t.path,
      measure(server.baseUrl, target, LOAD),
    );
    m.target = t;
    m.failure = failureOf(m);
    if (restartNote) m.note = restartNote;
    restartNote = undefined;
    log(
      m.failure
        ? `  FAILED: ${m.failure}`
        : `  ${Math.round(m.requestsPerSecond)} req/s, p50 ${m.p50.toFixed(1)} ms, p95 ${m.p95.toFixed(1)} ms, ` +
            `p99 ${m.p99.toFixed(1)} ms (${m.ok} ok, ${m.non2xx} non-2xx, ${m.errors} errors)`,
    );
    if (m.failure) log(`  API output:\n${res.api!.output() || '(nothing)'}`);
    results.push(m);
  }

  log(
    `import benchmark: ${IMPORT_ROWS.toLocaleString('en-US')} teachers through the API and the built worker`,
  );
  let imports: ImportFigures | { failure: string };
  try {
    imports = await within(
      6 * 60_000,
      'the import benchmark',
      benchImport(
        {
          repoRoot: REPO_ROOT,
          env: { ...res.env!, PORT: '0' },
          baseUrl: server.baseUrl,
          token: server.token,
          fixture: data.fixture,
          appUrl: res.db!.appUrl,
          ownerUrl: res.db!.ownerUrl,
          rows: IMPORT_ROWS,
          log,
        },
        (w) => (res.worker = w),
      ),
    );
    log(
      `  ${Math.round(imports.rowsPerSecond)} rows/s end to end (${imports.totalSeconds.toFixed(1)} s), worker peak RSS ` +
        `${imports.workerPeakRssMiB.toFixed(0)} MiB; COPY ${Math.round(imports.copyRowsPerSecond)} rows/s`,
    );
  } catch (err) {
    imports = { failure: (err as Error).message.split('\n')[0]! };
    log(`  FAILED: ${(err as Error).message}`);
  }
  // The import's worker, the API and their database are done: the next benchmark has the machine to itself.
  if (res.worker) {
    await within(20_000, 'stopping the worker', res.worker.stop()).catch((e: Error) =>
      log(`could not stop the worker: ${e.message}`),
    );
    res.worker = undefined;
  }
  await stopAndDrop(res, 'api', 'db');

  const { list, compliance, reminders, cases } = await listDatabase(res, {
    teachers: true,
    compliance: true,
    reminders: true,
    cases: true,
  });

  const report = renderReport(
    {
      date: new Date(),
      machine,
      loadBefore,
      loadAfter: loadavg()[0]!,
      postgresVersion: data.postgresVersion,
      redisVersion,
      tenantUsers: data.tenantUsers,
      load: LOAD,
      results,
      baseline: 'live',
      imports,
      teacherList: list,
      compliance,
      reminders,
      cases,
    },
    EXTRA_USERS,
  );
  writeFileSync(REPORT_PATH, report);
  log(`wrote ${REPORT_PATH}`);
  const failed = results.filter((r) => r.failure);
  if (failed.length) log(`${failed.length} endpoint(s) failed under load: see "Findings" in the report`);
  return failed.length ||
    'failure' in imports ||
    listFailed(list) ||
    complianceFailed(compliance) ||
    remindersFailed(reminders) ||
    casesFailed(cases)
    ? 1
    : 0;
}

/** Stops one API and drops one database of the run; never throws. */
async function stopAndDrop(res: Resources, api: 'api' | 'listApi', db: 'db' | 'listDb'): Promise<void> {
  const proc = res[api];
  if (proc) {
    await within(20_000, 'stopping the API', proc.stop()).catch((e: Error) =>
      log(`could not stop the API: ${e.message}`),
    );
    res[api] = undefined;
  }
  const database = res[db];
  if (database) {
    const name = database.name;
    await within(60_000, 'dropping the database', dropTestDatabase(name))
      .then(() => log(`dropped ${name}`))
      .catch((e: Error) => log(`could not drop ${name}: ${e.message}`));
    res[db] = undefined;
  }
}

/** Stops the API, drops the database and deletes the run's Redis keys; never throws. */
async function cleanUp(res: Resources): Promise<void> {
  if (res.worker) {
    await within(20_000, 'stopping the worker', res.worker.stop()).catch((e: Error) =>
      log(`could not stop the worker: ${e.message}`),
    );
  }
  await stopAndDrop(res, 'api', 'db');
  await stopAndDrop(res, 'listApi', 'listDb');
  if (res.redisUrl && res.redisPrefix) {
    const { redisUrl, redisPrefix } = res;
    await within(
      20_000,
      'cleaning redis',
      (async () => {
        const redis = await MiniRedis.connect(redisUrl);
        try {
          const n = await redis.deleteByPrefix(redisPrefix);
          log(`deleted ${n} redis keys under ${redisPrefix}`);
        } finally {
          redis.close();
        }
      })(),
    ).catch((e: Error) => log(`could not clean redis keys under ${redisPrefix}: ${e.message}`));
  }
}

async function main(): Promise<number> {
  const res: Resources = {};
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: cleaning up`);
    void cleanUp(res).finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  let code = 1;
  try {
    code = await within(DEADLINE_MS, 'the benchmark', bench(res));
  } catch (err) {
    console.error(`[bench] failed: ${(err as Error).stack ?? String(err)}`);
  } finally {
    if (!stopping) await cleanUp(res);
  }
  return code;
}

// Exit explicitly: a stray socket or timer must not keep a finished bench alive.
void main().then((code) => process.exit(code));
