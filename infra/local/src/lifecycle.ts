import { complain, say } from './log';

/** Thrown at a checkpoint once a stop was asked for: not an error, just the way out of startup. */
export class Stopped extends Error {}

interface Cleanup {
  name: string;
  run: () => Promise<void>;
}

/**
 * What the launcher started and how to stop it. A signal, a crash of something it started or a
 * failed step asks for a stop (once; the first reason wins and sets the exit code); the cleanups then
 * run newest first, so the API and worker go before Redis, and Redis before PostgreSQL.
 */
export class Lifecycle {
  private readonly cleanups: Cleanup[] = [];
  private code: number | undefined;
  private resolveStop!: () => void;
  /** Settles when a stop has been asked for. */
  readonly stopRequested = new Promise<void>((resolve) => (this.resolveStop = resolve));

  get stopping(): boolean {
    return this.code !== undefined;
  }

  get exitCode(): number {
    return this.code ?? 0;
  }

  request(code: number, message: string): void {
    if (this.stopping) return;
    this.code = code;
    (code === 0 ? say : complain)(message);
    this.resolveStop();
  }

  /** Between startup steps: a step is not abandoned half way (a migration, a seed), but none starts after a stop. */
  checkpoint(): void {
    if (this.stopping) throw new Stopped();
  }

  /** Races work that is safe to abandon (waiting for readiness) against a stop. */
  async interruptible<T>(work: Promise<T>): Promise<T> {
    work.catch(() => undefined); // if the stop wins, a late failure is of no interest
    return Promise.race([work, this.stopRequested.then(() => Promise.reject(new Stopped()))]);
  }

  onCleanup(name: string, run: () => Promise<void>): void {
    this.cleanups.push({ name, run });
  }

  /**
   * When `exited` settles before any stop was asked for, that is a crash: stop everything, exit
   * non-zero. A moment's grace first, because a SIGTERM sent to the whole group (systemd, `kill -- -pgid`)
   * may end a child just before this process handles its own copy; that is a stop, not a crash.
   */
  watch(name: string, exited: Promise<string | void>): void {
    void exited.then((how) => {
      const crash = () => this.request(1, `${name} ${how || 'exited'} unexpectedly; stopping everything.`);
      if (!this.stopping) setTimeout(crash, 250);
    });
  }

  async cleanup(): Promise<void> {
    while (this.cleanups.length > 0) {
      const { name, run } = this.cleanups.pop()!;
      try {
        await run();
        say(`stopped ${name}`);
      } catch (err) {
        complain(`stopping ${name} failed: ${(err as Error).message}`);
      }
    }
  }
}
