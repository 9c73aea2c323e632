import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createTestDatabase, dropTestDatabase, testRedisUrl, type TestDatabase } from '@guanai/db/testing';
import { ApiProcess } from './api-process';
import { measure, type LoadOptions, type Measurement, type Target } from './load';
import { describeMachine } from './machine';
import { freePort, within } from './ports';
import { MiniRedis } from './redis';
import { renderReport } from './report';
import { seedBench } from './seed';

const REPO_ROOT = resolve(__dirname, '../../..');
const REPORT_PATH = join(REPO_ROOT, 'docs/benchmarks.md');
const EXTRA_USERS = 200;
const LOAD: LoadOptions = { connections: 50, warmupSeconds: 2, seconds: 10 };
/** The whole run, setup and clean-up included, ends by itself within this. */
const DEADLINE_MS = 8 * 60_000;
/** More non-2xx answers than this share make the figures meaningless (an error page is fast). */
const MAX_FAILURE_SHARE = 0.001;

const log = (message: string) => console.log(`[bench] ${message}`);

interface Resources {
  db?: TestDatabase;
  api?: ApiProcess;
  redisUrl?: string;
  redisPrefix?: string;
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

/** One authenticated request before the load, so a wrong token or path fails loudly, not as 50 000 401s. */
async function probe(baseUrl: string, target: Target): Promise<void> {
  const res = await fetch(baseUrl + target.path, {
    headers: target.headers,
    signal: AbortSignal.timeout(10_000),
  });
  if (res.status !== 200) {
    throw new Error(
      `${target.method} ${target.path} answered HTTP ${res.status}: ${(await res.text()).slice(0, 400)}`,
    );
  }
}

function check(m: Measurement): void {
  const total = m.ok + m.non2xx;
  if (m.ok === 0 || m.non2xx + m.errors > total * MAX_FAILURE_SHARE) {
    throw new Error(
      `${m.target.method} ${m.target.path}: ${m.ok} ok, ${m.non2xx} non-2xx, ${m.errors} errors (${m.timeouts} timeouts); ` +
        'the figures would not describe a working endpoint',
    );
  }
}

async function bench(res: Resources): Promise<void> {
  const machine = describeMachine();
  res.redisUrl = testRedisUrl();
  res.redisPrefix = `guanai_bench_${randomBytes(6).toString('hex')}`;
  const redis = await within(10_000, 'redis', MiniRedis.connect(res.redisUrl));
  let redisVersion: string;
  try {
    redisVersion = await redis.version();
  } finally {
    redis.close();
  }

  log('creating and migrating a fresh database');
  res.db = await within(120_000, 'creating the database', createTestDatabase('guanai_bench'));
  log(`database ${res.db.name}; seeding the tenant fixture and ${EXTRA_USERS} users`);
  const data = await within(120_000, 'seeding', seedBench(res.db.appUrl, EXTRA_USERS));

  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  log(`starting the API on ${baseUrl}`);
  res.api = ApiProcess.start(REPO_ROOT, {
    DATABASE_URL: res.db.ownerUrl,
    APP_DATABASE_URL: res.db.appUrl,
    REDIS_URL: res.redisUrl,
    REDIS_PREFIX: res.redisPrefix,
    PORT: String(port),
    HOST: '127.0.0.1',
    JWT_SECRET: randomBytes(48).toString('base64url'),
    FIELD_KEYS: `k1:${randomBytes(32).toString('base64')}`,
    LOOKUP_HASH_KEY: randomBytes(32).toString('base64'),
    LOG_LEVEL: 'warn',
    RATE_LIMIT_PER_MINUTE: '100000000',
  });
  try {
    await res.api.waitReady(`${baseUrl}/api/health/ready`, 90_000);
  } catch (err) {
    throw new Error(`${(err as Error).message}\n--- API output ---\n${res.api.output()}`, { cause: err });
  }

  const admin = data.fixture.users.tenantAdmin;
  const token = await login(baseUrl, admin.username, data.fixture.password);
  const auth = { authorization: `Bearer ${token}` };
  const targets: Target[] = [
    { name: 'live', method: 'GET', path: '/api/health/live' },
    { name: 'me', method: 'GET', path: '/api/v1/me', headers: auth },
    { name: 'users', method: 'GET', path: '/api/v1/users?pageSize=20', headers: auth },
  ];
  for (const t of targets) await probe(baseUrl, t);

  const results: Measurement[] = [];
  for (const t of targets) {
    log(
      `${t.method} ${t.path}: ${LOAD.warmupSeconds} s warm-up, ${LOAD.seconds} s × ${LOAD.connections} connections`,
    );
    const m = await within(
      (LOAD.warmupSeconds + LOAD.seconds) * 1000 + 60_000,
      t.path,
      measure(baseUrl, t, LOAD),
    );
    check(m);
    log(
      `  ${Math.round(m.requestsPerSecond)} req/s, p50 ${m.p50.toFixed(1)} ms, p95 ${m.p95.toFixed(1)} ms, ` +
        `p99 ${m.p99.toFixed(1)} ms (${m.ok} ok, ${m.non2xx} non-2xx, ${m.errors} errors)`,
    );
    results.push(m);
  }

  const report = renderReport(
    {
      date: new Date(),
      machine,
      postgresVersion: data.postgresVersion,
      redisVersion,
      tenantUsers: data.tenantUsers,
      load: LOAD,
      results,
      baseline: 'live',
    },
    EXTRA_USERS,
  );
  writeFileSync(REPORT_PATH, report);
  log(`wrote ${REPORT_PATH}`);
}

/** Stops the API, drops the database and deletes the run's Redis keys; never throws. */
async function cleanUp(res: Resources): Promise<void> {
  if (res.api) {
    await within(20_000, 'stopping the API', res.api.stop()).catch((e: Error) =>
      log(`could not stop the API: ${e.message}`),
    );
  }
  if (res.db) {
    const name = res.db.name;
    await within(30_000, 'dropping the database', dropTestDatabase(name))
      .then(() => log(`dropped ${name}`))
      .catch((e: Error) => log(`could not drop ${name}: ${e.message}`));
  }
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

  let code = 0;
  try {
    await within(DEADLINE_MS, 'the benchmark', bench(res));
  } catch (err) {
    console.error(`[bench] failed: ${(err as Error).stack ?? String(err)}`);
    code = 1;
  } finally {
    if (!stopping) await cleanUp(res);
  }
  return code;
}

// Exit explicitly: a stray socket or timer must not keep a finished bench alive.
void main().then((code) => process.exit(code));
