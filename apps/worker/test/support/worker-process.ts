import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** The built worker (`npx turbo run build`): tests run what production runs, not its sources. */
export const WORKER_MAIN = join(__dirname, '..', '..', 'dist', 'main.js');

/**
 * One `node apps/worker/dist/main.js` child process. Its pino lines are kept (the tail goes into
 * every timeout message); `kill9` is the crash the fault tests inflict.
 */
export class WorkerProcess {
  readonly lines: string[] = [];
  private exited: Promise<number | null>;
  private exitCode: number | null | undefined;

  private constructor(
    readonly name: string,
    private readonly child: ChildProcess,
  ) {
    this.exited = new Promise((resolve) =>
      child.on('exit', (code, signal) => {
        this.exitCode = code;
        this.lines.push(`[exit code=${code} signal=${signal}]`);
        resolve(code);
      }),
    );
    let partial = '';
    const collect = (chunk: Buffer) => {
      const text = partial + chunk.toString('utf8');
      const parts = text.split('\n');
      partial = parts.pop() ?? '';
      for (const line of parts) if (line.trim()) this.lines.push(line);
    };
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
  }

  /** Starts a worker and resolves once it logged 'worker started' (reconcile done, workers running). */
  static async start(name: string, env: Record<string, string>, timeoutMs = 30_000): Promise<WorkerProcess> {
    if (!existsSync(WORKER_MAIN))
      throw new Error(`${WORKER_MAIN} is missing: build first (npx turbo run build)`);
    const child = spawn(process.execPath, [WORKER_MAIN], {
      env: { PATH: process.env.PATH ?? '', TZ: process.env.TZ ?? 'UTC', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const w = new WorkerProcess(name, child);
    // A test run that ends without its afterAll (a crash, ^C) must not leave workers behind.
    live.add(child);
    child.once('exit', () => live.delete(child));
    const started = Date.now();
    while (!w.lines.some((l) => l.includes('worker started'))) {
      if (w.exitCode !== undefined) throw new Error(`worker ${name} exited during start:\n${w.tail()}`);
      if (Date.now() - started > timeoutMs)
        throw new Error(`worker ${name} did not start in ${timeoutMs} ms:\n${w.tail()}`);
      await sleep(50);
    }
    return w;
  }

  get pid(): number {
    return this.child.pid!;
  }

  get running(): boolean {
    return this.exitCode === undefined;
  }

  /** SIGKILL: no shutdown hook runs, jobs stay active in Redis, open transactions are cut off. */
  async kill9(): Promise<void> {
    if (!this.running) return;
    this.child.kill('SIGKILL');
    await this.exited;
  }

  /** A clean stop (SIGTERM: Nest's shutdown hooks close the BullMQ workers); SIGKILL after 15 s. */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 15_000);
    await this.exited;
    clearTimeout(timer);
  }

  tail(n = 40): string {
    return this.lines
      .slice(-n)
      .map((l) => `  ${this.name}| ${l}`)
      .join('\n');
  }

  /** Lines (pino JSON) whose message matches. */
  logged(pattern: RegExp): string[] {
    return this.lines.filter((l) => pattern.test(l));
  }
}

const live = new Set<ChildProcess>();
process.once('exit', () => live.forEach((c) => c.kill('SIGKILL')));

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Polls until `check` returns a value other than undefined/false. On timeout the error carries what
 * was awaited, the last value seen and the workers' log tails.
 */
export async function waitFor<T>(
  what: string,
  check: () => Promise<T | undefined | false>,
  opts: {
    timeoutMs: number;
    intervalMs?: number;
    workers?: readonly WorkerProcess[];
    describe?: () => Promise<string>;
  },
): Promise<T> {
  const started = Date.now();
  for (;;) {
    const v = await check();
    if (v !== undefined && v !== false) return v;
    if (Date.now() - started > opts.timeoutMs) {
      const state = opts.describe ? await opts.describe() : '';
      const logs = (opts.workers ?? []).map((w) => w.tail()).join('\n');
      throw new Error(`timed out after ${opts.timeoutMs} ms waiting for ${what}\n${state}\n${logs}`);
    }
    await sleep(opts.intervalMs ?? 100);
  }
}
