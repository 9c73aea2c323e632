import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { connect } from 'node:net';
import { delimiter, join } from 'node:path';
import { createInterface } from 'node:readline';
import { RecentLines } from './log';
import { freePort } from './ports';
import { stopProcess } from './processes';

export interface RedisServerOptions {
  /** Working folder of the server (nothing is persisted there: Redis holds only transient state). */
  dir: string;
  /** Port on 127.0.0.1; a free one when absent. */
  port?: number;
  /** The executable; `redis-server` from the PATH when absent. */
  bin?: string;
}

export interface RunningRedis {
  url: string;
  port: number;
  /** Settles when the server process ends, for whatever reason. */
  exited: Promise<void>;
  /** SIGTERM, then SIGKILL if it lingers; safe to call twice. */
  stop(): Promise<void>;
}

export class RedisNotFoundError extends Error {
  constructor() {
    super(
      'redis-server is not on the PATH. Install it (Debian/Ubuntu: sudo apt-get install redis-server; ' +
        'macOS: brew install redis) or set REDIS_URL to a Redis you already run.\n' +
        '未找到 redis-server：请先安装（Debian/Ubuntu：sudo apt-get install redis-server；macOS：brew install redis），' +
        '或设置 REDIS_URL 指向已有的 Redis。',
    );
  }
}

/** Full path of an executable on the PATH, or undefined. */
export function findOnPath(name: string, path = process.env.PATH ?? ''): string | undefined {
  for (const dir of path.split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here; keep looking
    }
  }
  return undefined;
}

/**
 * Starts a private redis-server on loopback. No snapshots and no append-only file, because Postgres is
 * the source of truth and the worker re-enqueues what Redis lost; `noeviction` because BullMQ must
 * never have its keys evicted.
 */
export async function startRedisServer(options: RedisServerOptions): Promise<RunningRedis> {
  const bin = options.bin ?? findOnPath('redis-server');
  if (!bin) throw new RedisNotFoundError();
  const port = options.port ?? (await freePort());
  await mkdir(options.dir, { recursive: true });

  const args = ['--port', String(port), '--bind', '127.0.0.1', '--protected-mode', 'yes'];
  args.push('--save', '', '--appendonly', 'no', '--maxmemory-policy', 'noeviction', '--dir', options.dir);
  const child = spawn(bin, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const log = new RecentLines();
  // Read the output even when nobody shows it: a full pipe would block the server.
  for (const stream of [child.stdout, child.stderr])
    createInterface({ input: stream }).on('line', (l) => log.add(l));
  const exited = new Promise<void>((resolve) => child.once('close', () => resolve()));
  const failed = new Promise<never>((_, reject) => {
    child.once('error', reject);
    void exited.then(() => reject(new Error('redis-server exited')));
  });

  try {
    await Promise.race([waitForPong(port, 10_000), failed]);
  } catch (err) {
    await stopProcess(child, 2_000);
    throw new Error(`redis-server did not start on 127.0.0.1:${port}: ${(err as Error).message}\n${log}`, {
      cause: err,
    });
  }
  failed.catch(() => undefined); // from here on, an exit is reported through `exited`
  return { url: `redis://127.0.0.1:${port}`, port, exited, stop: () => stopProcess(child, 5_000) };
}

/** Polls with PING until the server answers PONG. */
async function waitForPong(port: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await ping(port)) return;
    if (Date.now() > deadline) throw new Error(`no PONG within ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function ping(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    let reply = '';
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1_000, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.on('data', (chunk) => {
      reply += chunk.toString('utf8');
      if (reply.includes('\r\n')) done(reply.startsWith('+PONG'));
    });
  });
}
