import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { sleep } from './ports';

export interface ApiEnv {
  DATABASE_URL: string;
  APP_DATABASE_URL: string;
  REDIS_URL: string;
  REDIS_PREFIX: string;
  PORT: string;
  HOST: string;
  JWT_SECRET: string;
  FIELD_KEYS: string;
  LOOKUP_HASH_KEY: string;
  LOG_LEVEL: string;
  RATE_LIMIT_PER_MINUTE: string;
}

/**
 * A built app in a child process, its output kept for when it fails: the API (`apps/api/dist/main.js`)
 * or, with the same environment, the worker (`apps/worker/dist/main.js`).
 */
export class ApiProcess {
  private readonly tail: string[] = [];
  private exited: { code: number | null; signal: NodeJS.Signals | null } | undefined;

  private constructor(private readonly child: ChildProcess) {
    const keep = (chunk: Buffer) => {
      for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) this.tail.push(line);
      this.tail.splice(0, Math.max(0, this.tail.length - 60));
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    child.on('exit', (code, signal) => (this.exited = { code, signal }));
  }

  static start(repoRoot: string, env: ApiEnv, script = 'apps/api/dist/main.js'): ApiProcess {
    const main = join(repoRoot, script);
    if (!existsSync(main)) throw new Error(`${main} is missing: build it first (npx turbo run build)`);
    // Only what the API needs: nothing of the caller's DATABASE_URL or REDIS_URL leaks in.
    const base: Record<string, string> = { NODE_ENV: 'production' };
    for (const key of ['PATH', 'HOME', 'TZ', 'LANG']) {
      const value = process.env[key];
      if (value !== undefined) base[key] = value;
    }
    const child = spawn(process.execPath, [main], {
      cwd: repoRoot,
      env: { ...base, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return new ApiProcess(child);
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  /** null while it runs. */
  get exitCode(): number | null {
    return this.exited ? (this.exited.code ?? -1) : null;
  }

  /** The last lines the API printed, for an error message. */
  output(): string {
    return this.tail.join('\n');
  }

  /** Polls `url` until it answers 200, the process dies or `timeoutMs` passes. */
  async waitReady(url: string, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let last = 'no answer yet';
    while (Date.now() < deadline) {
      if (this.exited) {
        throw new Error(
          `the API exited (code ${this.exited.code}, signal ${this.exited.signal}) before it was ready`,
        );
      }
      try {
        const res = await fetch(url, { signal: AbortSignal.timeout(2_000) });
        if (res.status === 200) return;
        last = `HTTP ${res.status}: ${(await res.text()).slice(0, 300)}`;
      } catch (err) {
        last = (err as Error).message;
      }
      await sleep(250);
    }
    throw new Error(`the API was not ready within ${Math.round(timeoutMs / 1000)} s (${last})`);
  }

  /** SIGTERM, then SIGKILL if it has not gone within `graceMs`. */
  async stop(graceMs = 10_000): Promise<void> {
    if (this.exited || this.child.exitCode !== null || this.child.signalCode !== null) return;
    const gone = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), graceMs);
    await gone;
    clearTimeout(timer);
  }
}
