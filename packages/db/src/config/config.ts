import { z } from 'zod';

const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

/**
 * Every setting of the API and worker, read once at boot from the environment. Secrets are marked
 * `secret` in the description and never logged. Nothing else reads process.env.
 */
export const ConfigSchema = z.object({
  // --- database
  /** Owner URL: migrations only. */
  DATABASE_URL: z.string().url().describe('secret'),
  /** Application login (no ownership, no BYPASSRLS) used by the API and the worker. */
  APP_DATABASE_URL: z.string().url().describe('secret'),
  DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  // --- redis
  REDIS_URL: z.string().url().default('redis://127.0.0.1:6379'),
  /** Key prefix for BullMQ and rate limits, so several installs (or test runs) can share one Redis. */
  REDIS_PREFIX: z
    .string()
    .regex(/^[a-z0-9_:-]+$/)
    .default('guanai'),
  // --- http
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  /** Built SPA to serve beside the API; empty to serve none. */
  ADMIN_DIST: z.string().default(''),
  TRUST_PROXY: bool.default(false),
  /** Requests per minute per client on the API, and login attempts per minute per IP and username. */
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(600),
  LOGIN_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(20),
  // --- auth
  JWT_SECRET: z.string().min(32).describe('secret'),
  ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(30).max(3600).default(600),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).default(30),
  SESSION_MAX_HOURS: z.coerce.number().int().min(1).default(12),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
  LOGIN_LOCK_MINUTES: z.coerce.number().int().min(1).default(15),
  // --- encryption of sensitive columns
  /** `id:base64key[,id:base64key…]`, 32-byte keys; the first is used for new writes unless FIELD_KEY_CURRENT says. */
  FIELD_KEYS: z.string().min(1).describe('secret'),
  FIELD_KEY_CURRENT: z.string().optional(),
  /** Base64, ≥ 32 bytes: the HMAC key of lookup hashes. */
  LOOKUP_HASH_KEY: z.string().min(44).describe('secret'),
  // --- notifications (docs/operations.md)
  /** smtp(s)://user:pass@host:port; unset, email is not offered. */
  SMTP_URL: z.string().url().optional().describe('secret'),
  /** Where officers open the platform; links in emails and robot messages start with it. */
  PUBLIC_URL: z.string().url().default('http://localhost:3000'),
  MAIL_FROM: z.string().default('教师关爱平台 <noreply@guanai.local>'),
  /** Hosts (host or host:port) webhooks may reach although private or not https: on-premise robots, tests. */
  WEBHOOK_ALLOWED_HOSTS: z.string().default(''),
  /** Attempts per delivery before it is a dead letter, and the first retry's delay (doubling after). */
  NOTIFY_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(6),
  NOTIFY_BACKOFF_MS: z.coerce.number().int().min(10).max(3_600_000).default(30_000),
  NOTIFY_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(8),
  // --- file store (case documents; docs/operations.md): bytes are sealed before they reach it
  /** `local`: a directory on this machine; `s3`: an S3-compatible bucket (required once several API replicas run). */
  FILE_STORE: z.enum(['local', 's3']).default('local'),
  /** The local store's directory, relative to the working directory unless absolute. */
  FILE_STORE_DIR: z.string().min(1).default('.data/files'),
  /** Unset for AWS itself; the URL of MinIO, Ceph, OSS and other S3-compatible services. */
  S3_ENDPOINT: z.string().url().optional(),
  S3_REGION: z.string().min(1).optional(),
  S3_BUCKET: z.string().min(3).max(63).optional(),
  /** Both or neither: neither lets the SDK find credentials itself (instance or pod role). */
  S3_ACCESS_KEY_ID: z.string().min(1).optional().describe('secret'),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional().describe('secret'),
  /** `bucket` in the path rather than the host name: most self-hosted services need it. */
  S3_FORCE_PATH_STYLE: bool.default(false),
  // --- logging
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOG_PRETTY: bool.default(false),
});

export type Config = z.infer<typeof ConfigSchema>;

/** Settings that only matter together: the S3 ones once FILE_STORE=s3. */
const CheckedConfig = ConfigSchema.superRefine((c, ctx) => {
  if (c.FILE_STORE !== 's3') return;
  for (const key of ['S3_REGION', 'S3_BUCKET'] as const)
    if (!c[key]) ctx.addIssue({ code: 'custom', path: [key], message: 'required when FILE_STORE=s3' });
  if (!c.S3_ACCESS_KEY_ID !== !c.S3_SECRET_ACCESS_KEY)
    ctx.addIssue({
      code: 'custom',
      path: [c.S3_ACCESS_KEY_ID ? 'S3_SECRET_ACCESS_KEY' : 'S3_ACCESS_KEY_ID'],
      message: 'set both S3 keys, or neither',
    });
});

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = CheckedConfig.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return parsed.data;
}

export function parseFieldKeys(config: Config): { keys: Record<string, string>; current: string } {
  const pairs = config.FIELD_KEYS.split(',').map((p) => p.trim().split(':') as [string, string]);
  const keys = Object.fromEntries(pairs);
  return { keys, current: config.FIELD_KEY_CURRENT ?? pairs[0]![0] };
}
