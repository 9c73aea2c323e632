/// <reference types="node" />
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
// The harness (not the SPA) seeds a database, so it alone may use the db package's test helpers.
import db from '@guanai/db';
import testing from '@guanai/db/testing';
import { saveState } from './state';

const here = dirname(fileURLToPath(import.meta.url));
const adminDir = resolve(here, '../..');
const apiMain = resolve(adminDir, '../api/dist/main.js');
// The worker runs background jobs (teacher imports) off the same database and Redis.
const workerMain = resolve(adminDir, '../worker/dist/main.js');
const adminDist = resolve(adminDir, 'dist');

const b64 = (bytes: number) => randomBytes(bytes).toString('base64');

function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.once('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => ok(port));
    });
  });
}

async function waitReady(url: string, exited: () => string | null, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    const exit = exited();
    if (exit) throw new Error(`The API exited before it was ready (${exit}); see apps/admin/.e2e/api.log`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
      last = `${res.status} ${await res.text()}`;
    } catch (err) {
      last = String(err);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`The API was not ready within ${timeoutMs} ms: ${last}`);
}

export default async function globalSetup(): Promise<void> {
  for (const [what, path] of [
    ['API build', apiMain],
    ['worker build', workerMain],
    ['SPA build', resolve(adminDist, 'index.html')],
  ]) {
    if (!existsSync(path!)) throw new Error(`${what} missing at ${path}: run \`npx turbo run build\` first`);
  }

  const database = await testing.createTestDatabase('guanai_e2e');
  const ds = db.createDataSource({ url: database.appUrl, poolSize: 2, applicationName: 'guanai-e2e' });
  await ds.initialize();
  const fx = await testing
    .createTenantFixture(ds)
    .catch(async (err: unknown) => {
      await testing.dropTestDatabase(database.name);
      throw err;
    })
    .finally(() => ds.destroy());

  const port = await freePort();
  // Group-robot notifications (reminders.spec.ts) go to a local port nobody listens on: allowed by
  // the webhook guard, refused at once, so after two quick attempts a delivery is a dead letter.
  const deadWebhook = `http://127.0.0.1:${await freePort()}/robot`;
  const logDir = resolve(adminDir, '.e2e');
  mkdirSync(logDir, { recursive: true });
  // API and worker share one configuration: database, Redis prefix (the job queues) and field keys.
  const env = {
    ...process.env,
    NODE_ENV: 'test',
    DATABASE_URL: database.ownerUrl,
    APP_DATABASE_URL: database.appUrl,
    REDIS_URL: testing.testRedisUrl(),
    REDIS_PREFIX: `e2e_${randomBytes(4).toString('hex')}`,
    HOST: '127.0.0.1',
    PORT: String(port),
    JWT_SECRET: b64(48),
    FIELD_KEYS: `k1:${b64(32)}`,
    LOOKUP_HASH_KEY: b64(32),
    ADMIN_DIST: adminDist,
    LOG_LEVEL: 'warn',
    WEBHOOK_ALLOWED_HOSTS: new URL(deadWebhook).host,
    NOTIFY_MAX_ATTEMPTS: '2',
    NOTIFY_BACKOFF_MS: '200',
  };
  const start = (main: string, name: string) => {
    const log = createWriteStream(resolve(logDir, `${name}.log`));
    const child = spawn(process.execPath, [main], {
      cwd: resolve(adminDir, `../${name}`),
      stdio: ['ignore', 'pipe', 'pipe'],
      env,
    });
    child.stdout.pipe(log);
    child.stderr.pipe(log);
    return child;
  };
  const api = start(apiMain, 'api');
  const worker = start(workerMain, 'worker');
  let exit: string | null = null;
  api.once('exit', (code, signal) => (exit = `code ${code}, signal ${signal}`));

  const baseURL = `http://127.0.0.1:${port}`;
  saveState({
    baseURL,
    apiPid: api.pid!,
    workerPid: worker.pid!,
    database: database.name,
    password: fx.password,
    users: {
      platformAdmin: fx.users.platformAdmin.username,
      provinceAdmin: fx.users.provinceAdmin.username,
      tenantAdmin: fx.users.tenantAdmin.username,
      otherAdmin: fx.users.otherAdmin.username,
      officer: fx.users.officer.username,
    },
    tenantName: fx.tenant.name,
    schoolNames: fx.schools.map((s) => s.name),
    otherTenantName: fx.otherTenant.name,
    deadWebhook,
  });
  try {
    await waitReady(`${baseURL}/api/health/ready`, () => exit);
  } catch (err) {
    // Teardown only runs after a successful setup, so clean up here.
    api.kill('SIGKILL');
    worker.kill('SIGKILL');
    await testing.dropTestDatabase(database.name);
    throw err;
  }
}
