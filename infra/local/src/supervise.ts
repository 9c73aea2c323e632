import { spawn } from 'node:child_process';
import { constants } from 'node:os';

const MARK = 'GUANAI_LOCAL_SUPERVISED';

export function isSupervised(env: NodeJS.ProcessEnv = process.env): boolean {
  return env[MARK] === '1';
}

/** The environment without the marker, for the processes the launcher starts. */
export function withoutMark(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const rest = { ...env };
  delete rest[MARK];
  return rest;
}

/**
 * Ctrl-C in a terminal signals the whole foreground process group at once: PostgreSQL, redis-server,
 * the API and the worker would all stop together, the database while the API still finishes its
 * requests. So the launcher runs itself again in a new session (`detached` is setsid), out of the
 * terminal's reach, and this thin parent passes the first signal on, after which the child
 * stops things in order. Signals within a second of the first are echoes (npm forwards Ctrl-C too); a
 * later one means the person is out of patience: everything is killed at once.
 */
export function runSupervised(script: string): void {
  const child = spawn(process.execPath, [...process.execArgv, script, ...process.argv.slice(2)], {
    detached: true,
    // The IPC channel tells the child when this parent is gone, even by SIGKILL.
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    env: { ...process.env, [MARK]: '1' },
  });
  let first = 0;
  const onSignal = (signal: NodeJS.Signals) => {
    if (first === 0) {
      first = Date.now();
      child.kill(signal);
    } else if (Date.now() - first > 1_000 && child.pid) {
      console.error('[local] forcing: killing everything now');
      process.kill(-child.pid, 'SIGKILL');
    }
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, onSignal);
  child.on('error', (err) => {
    console.error(`[local] could not start the launcher: ${err.message}`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => process.exit(code ?? 128 + (signal ? constants.signals[signal] : 0)));
}
