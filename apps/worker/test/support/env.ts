import { randomBytes } from 'node:crypto';
import {
  createDataSource,
  DataSource,
  FieldCipher,
  loadConfig,
  parseFieldKeys,
  type Config,
} from '@guanai/db';
import { testRedisUrl } from '@guanai/db/testing';

/**
 * The Redis database the worker tests own. A real FLUSHALL would empty every database of the server
 * (a developer's `npm start`, the API's tests): the Redis-loss test flushes this one (FLUSHDB), which
 * is the whole keyspace the worker under test can see.
 */
export const WORKER_TEST_REDIS_DB = Number(process.env.GUANAI_WORKER_TEST_REDIS_DB ?? 5);

export function workerRedisUrl(): string {
  const url = new URL(testRedisUrl());
  url.pathname = `/${WORKER_TEST_REDIS_DB}`;
  return url.toString();
}

/** The secrets and addresses one test file shares with the worker processes it starts. */
export interface TestEnv {
  /** Environment of the worker process (merged over the test's own). */
  env: Record<string, string>;
  config: Config;
  cipher: FieldCipher;
  prefix: string;
}

export function testEnv(overrides: Record<string, string> = {}): TestEnv {
  const prefix = `guanai-wtest-${randomBytes(4).toString('hex')}`;
  const env: Record<string, string> = {
    DATABASE_URL: required('GUANAI_TEST_OWNER_URL'),
    APP_DATABASE_URL: required('GUANAI_TEST_APP_URL'),
    REDIS_URL: workerRedisUrl(),
    REDIS_PREFIX: prefix,
    JWT_SECRET: randomBytes(48).toString('base64'),
    FIELD_KEYS: `k1:${randomBytes(32).toString('base64')}`,
    LOOKUP_HASH_KEY: randomBytes(32).toString('base64'),
    PUBLIC_URL: 'https://guanai.test',
    MAIL_FROM: '教师关爱平台 <noreply@guanai.test>',
    WEBHOOK_ALLOWED_HOSTS: '127.0.0.1',
    NOTIFY_MAX_ATTEMPTS: '6',
    NOTIFY_BACKOFF_MS: '500',
    NOTIFY_CONCURRENCY: '8',
    DB_POOL_SIZE: '12',
    LOG_LEVEL: 'info',
    ...overrides,
  };
  const config = loadConfig(env);
  const { keys, current } = parseFieldKeys(config);
  const cipher = new FieldCipher(keys, current, Buffer.from(config.LOOKUP_HASH_KEY, 'base64'));
  return { env, config, cipher, prefix };
}

function required(name: string): string {
  const v = process.env[name];
  if (!v)
    throw new Error(
      `${name} is not set: run through jest.int.config.js (its global setup creates the database)`,
    );
  return v;
}

/** The application login (bound by row-level security, like the worker) for arranging and asserting. */
export function appDataSource(): Promise<DataSource> {
  return createDataSource({ url: required('GUANAI_TEST_APP_URL'), poolSize: 4 }).initialize();
}
