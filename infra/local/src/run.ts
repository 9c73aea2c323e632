import { existsSync } from 'node:fs';
import { migrate } from '@guanai/db';
import { join, resolve } from 'node:path';
import { banner, type DemoOutcome } from './banner';
import { ensureDatabase, prepareDatabase } from './database';
import { generatePassword, loadDemoAccounts, saveDemoAccounts, seedDemoIfEmpty } from './demo';
import { waitForReady } from './health';
import { Lifecycle, Stopped } from './lifecycle';
import { redact, say } from './log';
import { isPortFree } from './ports';
import { startEmbeddedPostgres } from './postgres';
import { startService } from './processes';
import { startRedisServer } from './redis';
import { loadOrCreateSecrets } from './secrets';
import { withoutMark } from './supervise';

/** The checkout this file was built in (infra/local/dist → three levels up). */
export const REPO_ROOT = resolve(__dirname, '..', '..', '..');

/**
 * `npm start`: Postgres and Redis (unless given), migrations, the demo, then the API and the worker,
 * until a signal or a crash. Returns the exit code; everything it started is stopped by then.
 */
export async function runLocal(env: NodeJS.ProcessEnv = process.env, repo = REPO_ROOT): Promise<number> {
  const life = new Lifecycle();
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => life.request(0, `${signal}: stopping… 正在停止…`));
  }
  // Under the supervisor: its end (even by SIGKILL) closes the channel, and nobody would stop us.
  if (process.connected) process.on('disconnect', () => life.request(0, 'the launcher went away: stopping'));
  // Whatever goes wrong inside, the servers must still be stopped, so nothing escapes to kill the process.
  process.on('uncaughtException', (err) => life.request(1, `unexpected error: ${err.stack ?? err}`));
  process.on('unhandledRejection', (err) => life.request(1, `unexpected error: ${(err as Error)?.stack ?? err}`));
  try {
    await startAll(life, env, repo);
    await life.stopRequested;
  } catch (err) {
    if (!(err instanceof Stopped)) life.request(1, `Could not start / 启动失败: ${(err as Error).message}`);
  } finally {
    await life.cleanup();
  }
  return life.exitCode;
}

async function startAll(life: Lifecycle, env: NodeJS.ProcessEnv, repo: string): Promise<void> {
  const dataDir = join(repo, '.data');
  const port = parsePort('PORT', env.PORT ?? '3000');
  const apiMain = join(repo, 'apps', 'api', 'dist', 'main.js');
  const workerMain = join(repo, 'apps', 'worker', 'dist', 'main.js');
  for (const file of [apiMain, workerMain]) {
    if (!existsSync(file)) throw new Error(`${file} is missing: build first (npm run build; npm start does it).`);
  }
  // Checked before anything starts, so a busy port costs a second, not a database start-up.
  if (!(await isPortFree(port, env.HOST || '0.0.0.0'))) {
    throw new Error(`port ${port} is in use. Stop what uses it, or choose another: PORT=3001 npm start`);
  }

  const secrets = await loadOrCreateSecrets(dataDir, env);
  const embedded = !env.DATABASE_URL;
  let ownerUrl = env.DATABASE_URL;
  if (ownerUrl) {
    say(`PostgreSQL: DATABASE_URL ${redact(ownerUrl)}`);
  } else {
    const t = Date.now();
    const pg = await startEmbeddedPostgres({
      dataDir: join(dataDir, 'postgres'),
      port: env.PG_PORT ? parsePort('PG_PORT', env.PG_PORT) : undefined,
      password: secrets.POSTGRES_PASSWORD,
    });
    life.onCleanup('PostgreSQL', () => pg.stop());
    life.watch('PostgreSQL', pg.exited);
    ownerUrl = await ensureDatabase(pg.url, 'guanai');
    const what = pg.initialised ? 'initialised in .data/postgres and started' : 'started (.data/postgres)';
    say(`PostgreSQL ${what} on 127.0.0.1:${pg.port} in ${since(t)}`);
  }
  life.checkpoint();

  let redisUrl = env.REDIS_URL;
  if (redisUrl) {
    say(`Redis: REDIS_URL ${redact(redisUrl)}`);
  } else {
    const redis = await startRedisServer({ dir: join(dataDir, 'redis') });
    life.onCleanup('redis-server', () => redis.stop());
    life.watch('redis-server', redis.exited);
    redisUrl = redis.url;
    say(`redis-server started on 127.0.0.1:${redis.port}`);
  }
  life.checkpoint();

  let t = Date.now();
  let appUrl = env.APP_DATABASE_URL;
  if (appUrl) {
    const ran = await migrate(ownerUrl); // the login behind APP_DATABASE_URL is the operator's to manage
    say(`database migrated (${ran.length} new) in ${since(t)}; APP_DATABASE_URL ${redact(appUrl)}`);
  } else {
    const prepared = await prepareDatabase(ownerUrl, secrets.APP_DB_PASSWORD);
    appUrl = prepared.appUrl;
    say(`database migrated (${prepared.ran.length} new) and login provisioned in ${since(t)}`);
  }
  life.checkpoint();

  t = Date.now();
  const demoPassword = env.DEMO_PASSWORD || generatePassword();
  const accounts = await seedDemoIfEmpty(appUrl, demoPassword);
  let demo: DemoOutcome;
  if (accounts) {
    demo = { seeded: true, accounts, password: demoPassword, generated: !env.DEMO_PASSWORD };
    if (embedded) await saveDemoAccounts(dataDir, accounts);
    // Also here, in case the API then fails to start: the seeded password must not be lost.
    say(`demo seeded in ${since(t)}: ${accounts.length} accounts, password ${demoPassword}`);
  } else {
    demo = {
      seeded: false,
      accounts: embedded ? await loadDemoAccounts(dataDir) : undefined,
      resetHint: embedded ? '从头开始：停止后删除 .data 文件夹。 To start afresh: stop, then delete .data/.' : undefined,
    };
    say('the database already has data: demo not seeded, existing accounts keep their passwords');
  }
  life.checkpoint();

  const childEnv: NodeJS.ProcessEnv = {
    ...withoutMark(env),
    DATABASE_URL: ownerUrl,
    APP_DATABASE_URL: appUrl,
    REDIS_URL: redisUrl,
    PORT: String(port),
    JWT_SECRET: secrets.JWT_SECRET,
    FIELD_KEYS: secrets.FIELD_KEYS,
    LOOKUP_HASH_KEY: secrets.LOOKUP_HASH_KEY,
    ADMIN_DIST: env.ADMIN_DIST || join(repo, 'apps', 'admin', 'dist'),
    LOG_LEVEL: env.LOG_LEVEL || 'info',
  };
  const services = [startService('api', apiMain, childEnv, repo), startService('worker', workerMain, childEnv, repo)];
  life.onCleanup('API and worker', async () => {
    await Promise.all(services.map((s) => s.stop()));
  });
  for (const s of services) life.watch(`[${s.name}]`, s.exited);

  t = Date.now();
  await life.interruptible(waitForReady(`http://127.0.0.1:${port}/api/health/ready`));
  say(`API ready in ${since(t)}`);
  console.log(banner(port, demo));
}

function parsePort(name: string, value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`${name}=${value} is not a port number`);
  return port;
}

function since(start: number): string {
  return `${((Date.now() - start) / 1000).toFixed(1)} s`;
}
