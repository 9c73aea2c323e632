import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { migrate } from '@guanai/db';
import { banner } from './banner';
import { ensureDatabase, prepareDatabase } from './database';
import { demoStep } from './demo';
import { waitForReady } from './health';
import { type Lifecycle } from './lifecycle';
import { redact, say } from './log';
import { isPortFree } from './ports';
import { startEmbeddedPostgres } from './postgres';
import { startService } from './processes';
import { findOnPath, RedisNotFoundError, startRedisServer } from './redis';
import { loadOrCreateSecrets } from './secrets';
import { withoutMark } from './supervise';

/**
 * The start-up, step by step: checks that fail fast, secrets, PostgreSQL, Redis, migrations, demo,
 * API and worker, readiness. Each thing started registers its cleanup at once; between steps a
 * requested stop ends the sequence.
 */
export async function startAll(life: Lifecycle, env: NodeJS.ProcessEnv, repo: string): Promise<void> {
  const dataDir = join(repo, '.data');
  const port = parsePort('PORT', env.PORT ?? '3000');
  const apiMain = join(repo, 'apps', 'api', 'dist', 'main.js');
  const workerMain = join(repo, 'apps', 'worker', 'dist', 'main.js');
  for (const file of [apiMain, workerMain]) {
    if (!existsSync(file))
      throw new Error(`${file} is missing: build first (npm run build; npm start does it).`);
  }
  // Checked before anything starts, so a busy port costs a second, not a database start-up.
  if (!(await isPortFree(port, env.HOST || '0.0.0.0'))) {
    throw new Error(`port ${port} is in use. Stop what uses it, or choose another: PORT=3001 npm start`);
  }

  // Also before anything starts: a missing redis-server should not cost a database start-up either.
  if (!env.REDIS_URL && !findOnPath('redis-server', env.PATH)) throw new RedisNotFoundError();

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
  const demo = await demoStep(appUrl, env.DEMO_PASSWORD, embedded ? dataDir : undefined, {
    FIELD_KEYS: secrets.FIELD_KEYS,
    LOOKUP_HASH_KEY: secrets.LOOKUP_HASH_KEY,
  });
  if (demo.seeded) {
    // Also here, in case the API then fails to start: the seeded password must not be lost.
    say(`demo seeded in ${since(t)}: ${demo.accounts.length} accounts, password ${demo.password}`);
  } else {
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
  const services = [
    startService('api', apiMain, childEnv, repo),
    startService('worker', workerMain, childEnv, repo),
  ];
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
  if (!Number.isInteger(port) || port < 1 || port > 65535)
    throw new Error(`${name}=${value} is not a port number`);
  return port;
}

function since(start: number): string {
  return `${((Date.now() - start) / 1000).toFixed(1)} s`;
}
