import { resolve } from 'node:path';
import { Lifecycle, Stopped } from './lifecycle';
import { startAll } from './sequence';

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
  process.on('unhandledRejection', (err) =>
    life.request(1, `unexpected error: ${(err as Error)?.stack ?? err}`),
  );
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
