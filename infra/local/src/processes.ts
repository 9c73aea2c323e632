import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

/** SIGTERM, then SIGKILL after `graceMs` if it has not gone; resolves once the process is gone. */
export async function stopProcess(child: ChildProcess, graceMs: number): Promise<void> {
  // No pid: it never started. An exit code or signal: it has already gone.
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await gone;
  clearTimeout(timer);
}

export interface Service {
  name: string;
  child: ChildProcess;
  /** Settles with how the process ended, whatever the reason. */
  exited: Promise<string>;
  /** SIGTERM, SIGKILL after 10 s. */
  stop(): Promise<void>;
}

/**
 * Runs `node <script>` with its output passed through line by line, each line tagged `[name]`, so
 * the API's and the worker's logs can be told apart in one terminal.
 */
export function startService(name: string, script: string, env: NodeJS.ProcessEnv, cwd: string): Service {
  const child = spawn(process.execPath, [script], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  createInterface({ input: child.stdout! }).on('line', (line) => process.stdout.write(`[${name}] ${line}\n`));
  createInterface({ input: child.stderr! }).on('line', (line) => process.stderr.write(`[${name}] ${line}\n`));
  const exited = new Promise<string>((resolve) => {
    child.once('error', (err) => resolve(`could not be started: ${err.message}`));
    child.once('exit', (code, signal) =>
      resolve(signal ? `was killed by ${signal}` : `exited with code ${code}`),
    );
  });
  return { name, child, exited, stop: () => stopProcess(child, 10_000) };
}
