/// <reference types="node" />
import testing from '@guanai/db/testing';
import { loadState } from './state';

function stop(pid: number): Promise<void> {
  return new Promise((done) => {
    try {
      process.kill(pid, 'SIGTERM');
    } catch {
      return done();
    }
    const started = Date.now();
    const poll = setInterval(() => {
      let alive = true;
      try {
        process.kill(pid, 0);
      } catch {
        alive = false;
      }
      if (!alive || Date.now() - started > 10_000) {
        clearInterval(poll);
        if (alive) process.kill(pid, 'SIGKILL');
        done();
      }
    }, 100);
  });
}

export default async function globalTeardown(): Promise<void> {
  if (!process.env.E2E_STATE) return;
  const state = loadState();
  await Promise.all([stop(state.apiPid), stop(state.workerPid)]);
  await testing.dropTestDatabase(state.database);
}
