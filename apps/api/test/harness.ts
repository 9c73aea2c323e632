import { randomBytes } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import type { App } from 'supertest/types';
import { createDataSource, DataSource, loadConfig, type Config } from '@guanai/db';
import { createTenantFixture, testRedisUrl, type TenantFixture } from '@guanai/db/testing';
import { createApp } from '../src/app.factory';

export interface Harness {
  app: INestApplication;
  http: App;
  /** Owner connection, for arranging and asserting behind the API's back. */
  owner: DataSource;
  /** Application-role connection, bound by RLS like the API. */
  appDs: DataSource;
  config: Config;
  close(): Promise<void>;
}

export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig({
    DATABASE_URL: process.env.GUANAI_TEST_OWNER_URL,
    APP_DATABASE_URL: process.env.GUANAI_TEST_APP_URL,
    REDIS_URL: testRedisUrl(),
    REDIS_PREFIX: `guanai-test-${randomBytes(4).toString('hex')}`,
    JWT_SECRET: randomBytes(48).toString('base64'),
    FIELD_KEYS: `k1:${randomBytes(32).toString('base64')}`,
    LOOKUP_HASH_KEY: randomBytes(32).toString('base64'),
    LOG_LEVEL: 'silent',
    DB_POOL_SIZE: '4',
    LOGIN_RATE_LIMIT_PER_MINUTE: '10000',
    ...overrides,
  });
}

export async function startHarness(overrides: Record<string, string> = {}): Promise<Harness> {
  const config = testConfig(overrides);
  const app = await createApp(config);
  const owner = await createDataSource({ url: config.DATABASE_URL, poolSize: 2 }).initialize();
  const appDs = await createDataSource({ url: config.APP_DATABASE_URL, poolSize: 2 }).initialize();
  return {
    app,
    http: app.getHttpServer(),
    owner,
    appDs,
    config,
    async close() {
      await app.close();
      await owner.destroy();
      await appDs.destroy();
    },
  };
}

export function fixture(h: Harness): Promise<TenantFixture> {
  return createTenantFixture(h.appDs);
}

export interface Session {
  accessToken: string;
  refreshToken: string;
  restrictions: string[];
  auth: { Authorization: string };
}

export async function login(h: Harness, username: string, password: string, totp?: string): Promise<Session> {
  const res = await request(h.http)
    .post('/api/v1/auth/login')
    .send({ username, password, ...(totp ? { totp } : {}) });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${JSON.stringify(res.body)}`);
  return { ...res.body, auth: { Authorization: `Bearer ${res.body.accessToken}` } };
}

/**
 * Every row of every table, as the owner sees it (RLS off for the owner? no: FORCEd, so read in the
 * system scope). Comparing two snapshots proves a request changed nothing.
 */
export async function snapshot(h: Harness): Promise<string> {
  return h.owner.transaction(async (em) => {
    await em.query(`SELECT set_config('app.scope_path', '/', true)`);
    const tables: { table_name: string }[] = await em.query(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'
       AND table_name <> 'migrations' ORDER BY table_name`,
    );
    const parts: string[] = [];
    for (const { table_name } of tables) {
      const [row] = await em.query(
        `SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS h FROM ${table_name} t`,
      );
      parts.push(`${table_name}:${row.h}`);
    }
    return parts.join('\n');
  });
}

export { request };

/** Collects a binary response body (superagent would otherwise try to read an .xlsx or a PDF as text): `.parse(binary)`. */
export const binary = ((res: NodeJS.ReadableStream, cb: (e: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
}) as unknown as Parameters<request.Test['parse']>[0];
