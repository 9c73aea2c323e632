import { cpus } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import {
  createChildOrg,
  createDataSource,
  inScope,
  systemScope,
  TEACHER_COLUMNS,
  type DataSource,
  type OrgEntity,
} from '@guanai/db';
import { createTenantFixture, type TenantFixture, type TestDatabase } from '@guanai/db/testing';
import { todayInShanghai } from '@guanai/domain';
import type { GenKeys, GenSchool, GenTenant } from './teacher-gen';
import type { GenReply } from './teacher-gen-worker';

export interface TeacherListSeedOptions {
  db: TestDatabase;
  keys: GenKeys;
  tenants: number;
  schoolsPerTenant: number;
  teachers: number;
  log: (m: string) => void;
}

export interface TeacherListData {
  fixture: TenantFixture;
  /** The benchmarked tenant's schools (the fixture's tenant), the first of them used for the org filter. */
  schools: OrgEntity[];
  tenants: number;
  schoolsPerTenant: number;
  teachers: number;
  /** Teachers in the benchmarked tenant: what its administrator sees. */
  tenantTeachers: number;
  orgSeconds: number;
  /** Generation and sealing on `threads` threads, streamed into one COPY. */
  copySeconds: number;
  threads: number;
  vacuumSeconds: number;
  totalSeconds: number;
  /** teachers with its indexes and TOAST, after VACUUM. */
  tableMiB: number;
  /** Whether the owner bypasses row-level security, so COPY went straight into teachers. */
  directCopy: boolean;
}

const STAGES = ['primary', 'junior_secondary', 'primary', 'senior_secondary'] as const;

/**
 * Platform → province → `tenants` county unions (the fixture's two and the rest) with
 * `schoolsPerTenant` schools each, every fourth one rural. Made through the same builders as the
 * tests and the demo, as the application role in the system scope.
 */
async function createOrgs(
  ds: DataSource,
  opts: TeacherListSeedOptions,
): Promise<{ fixture: TenantFixture; tenants: { tenant: OrgEntity; schools: OrgEntity[] }[] }> {
  const fixture = await createTenantFixture(ds);
  const tenants = await inScope(ds, systemScope('bench'), async (em) => {
    const out: { tenant: OrgEntity; schools: OrgEntity[] }[] = [
      { tenant: fixture.tenant, schools: [...fixture.schools] },
      { tenant: fixture.otherTenant, schools: [fixture.otherSchool] },
    ];
    for (let t = out.length; t < opts.tenants; t++) {
      const tenant = await createChildOrg(em, fixture.province, {
        kind: 'county',
        name: `压测县教育工会 ${t}`,
        code: `c${t}`,
      });
      out.push({ tenant, schools: [] });
    }
    for (const [t, entry] of out.entries()) {
      for (let s = entry.schools.length; s < opts.schoolsPerTenant; s++) {
        entry.schools.push(
          await createChildOrg(em, entry.tenant, {
            kind: 'school',
            name: `压测县${t}第${s + 1}学校`,
            code: `b${s + 1}`,
            rural: s % 4 === 3,
          }),
        );
      }
    }
    return out;
  });
  return { fixture, tenants };
}

/**
 * COPY … FROM STDIN through a pg client, as a query object pg drives (the protocol pg-copy-streams
 * implements), with the rows pulled from `source` and the socket's back-pressure respected.
 */
export function copyFrom(
  client: { query(q: object): unknown },
  sql: string,
  source: AsyncIterable<Buffer>,
): Promise<void> {
  return new Promise((resolve, reject) => {
    let failed: Error | undefined;
    client.query({
      submit(connection: { query(text: string): void }) {
        connection.query(sql);
      },
      handleCopyInResponse(connection: {
        stream: NodeJS.WritableStream & { writableNeedDrain: boolean };
        sendCopyFromChunk(b: Buffer): void;
        endCopyFrom(): void;
        sendCopyFail(m: string): void;
      }) {
        void (async () => {
          try {
            for await (const chunk of source) {
              connection.sendCopyFromChunk(chunk);
              if (connection.stream.writableNeedDrain) {
                await new Promise<void>((r) => connection.stream.once('drain', () => r()));
              }
            }
            connection.endCopyFrom();
          } catch (err) {
            failed = err as Error;
            connection.sendCopyFail(failed.message);
          }
        })();
      },
      handleCommandComplete() {},
      handleError(err: Error) {
        failed ??= err;
      },
      handleReadyForQuery() {
        if (failed) reject(failed);
        else resolve();
      },
    });
  });
}

/**
 * Tenants handed to `threads` generator threads, their rows yielded as each tenant is done (a tenant's
 * rows stay together, as a union's import writes them).
 */
async function* generate(specs: GenTenant[], keys: GenKeys, threads: number): AsyncGenerator<Buffer> {
  const script = join(__dirname, 'teacher-gen-worker.js');
  const today = todayInShanghai();
  const workers = Array.from(
    { length: threads },
    () =>
      new Worker(script, { workerData: { keys, today }, resourceLimits: { maxYoungGenerationSizeMb: 64 } }),
  );
  const done: GenReply[] = [];
  let wake: (() => void) | undefined;
  let error: Error | undefined;
  let next = 0;
  let received = 0;
  const feed = (w: Worker) => {
    if (next < specs.length) w.postMessage({ tenant: specs[next++] });
  };
  try {
    for (const w of workers) {
      w.on('message', (reply: GenReply) => {
        done.push(reply);
        feed(w);
        wake?.();
      });
      w.on('error', (err) => {
        error = err;
        wake?.();
      });
      // Two tenants queued per thread: it starts the next while its last one is sent.
      feed(w);
      feed(w);
    }
    while (received < specs.length) {
      if (error) throw error;
      const reply = done.shift();
      if (!reply) {
        await new Promise<void>((r) => (wake = r));
        wake = undefined;
        continue;
      }
      received++;
      // Uint8Arrays after the crossing; pg's writer wants Buffers (it calls .copy).
      for (const c of reply.chunks) yield Buffer.from(c.buffer, c.byteOffset, c.byteLength);
    }
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

/**
 * A fresh database with `tenants` unions of `schoolsPerTenant` schools and `teachers` teachers spread
 * evenly over them, then VACUUM (ANALYZE): the steady state autovacuum reaches after a bulk load.
 */
export async function seedTeacherList(opts: TeacherListSeedOptions): Promise<TeacherListData> {
  const { log } = opts;
  const started = performance.now();
  const app = await createDataSource({
    url: opts.db.appUrl,
    poolSize: 2,
    applicationName: 'guanai-bench-seed',
  }).initialize();
  let orgs: Awaited<ReturnType<typeof createOrgs>>;
  try {
    orgs = await createOrgs(app, opts);
  } finally {
    await app.destroy();
  }
  const orgSeconds = (performance.now() - started) / 1000;
  log(
    `created ${orgs.tenants.length} unions with ${opts.schoolsPerTenant} schools each in ${orgSeconds.toFixed(1)} s`,
  );

  const perTenant = Math.floor(opts.teachers / orgs.tenants.length);
  const specs: GenTenant[] = orgs.tenants.map(({ tenant, schools }, index) => ({
    index,
    tenantId: tenant.id,
    region: String(330100 + (index % 100)).padStart(6, '0'),
    schools: schools.map((s, i): GenSchool => ({
      id: s.id,
      name: s.name,
      rural: s.rural,
      stage: STAGES[i % STAGES.length]!,
    })),
    count: index === 0 ? opts.teachers - perTenant * (orgs.tenants.length - 1) : perTenant,
  }));

  const owner = await createDataSource({
    url: opts.db.ownerUrl,
    poolSize: 1,
    applicationName: 'guanai-bench-seed',
  }).initialize();
  const runner = owner.createQueryRunner();
  try {
    const [{ bypass }] = await runner.query(
      `SELECT rolsuper OR rolbypassrls AS bypass FROM pg_roles WHERE rolname = current_user`,
    );
    const threads = Math.max(1, Math.min(4, cpus().length));
    log(
      `generating and sealing ${opts.teachers.toLocaleString('en-US')} teachers on ${threads} threads, streamed into COPY`,
    );
    const t0 = performance.now();
    const client = (await runner.connect()) as { query(q: object): unknown };
    const columns = TEACHER_COLUMNS.join(', ');
    const rows = generate(specs, opts.keys, threads);
    if (bypass) {
      await copyFrom(client, `COPY teachers (${columns}) FROM STDIN`, rows);
    } else {
      // COPY FROM refuses a table under row-level security for a role bound by it: COPY into a scratch
      // table, then INSERT … SELECT in the system scope, which the policies check row by row.
      await runner.query(`CREATE TEMP TABLE bench_teachers_in (LIKE teachers INCLUDING DEFAULTS)`);
      await copyFrom(client, `COPY bench_teachers_in (${columns}) FROM STDIN`, rows);
      await runner.startTransaction();
      await runner.query(`SELECT set_config('app.scope_path', '/', true)`);
      await runner.query(`INSERT INTO teachers (${columns}) SELECT ${columns} FROM bench_teachers_in`);
      await runner.commitTransaction();
      await runner.query(`DROP TABLE bench_teachers_in`);
    }
    const copySeconds = (performance.now() - t0) / 1000;
    log(
      `  ${copySeconds.toFixed(1)} s (${Math.round(opts.teachers / copySeconds).toLocaleString('en-US')} rows/s)`,
    );

    const t1 = performance.now();
    await runner.query('VACUUM (ANALYZE) teachers');
    await runner.query('ANALYZE orgs');
    const vacuumSeconds = (performance.now() - t1) / 1000;
    await runner.startTransaction();
    await runner.query(`SELECT set_config('app.scope_path', '/', true)`);
    const [{ n, bench }] = await runner.query(
      `SELECT count(*)::int AS n, count(*) FILTER (WHERE tenant_id = $1)::int AS bench FROM teachers`,
      [orgs.fixture.tenant.id],
    );
    await runner.commitTransaction();
    if (n !== opts.teachers) throw new Error(`the seed wrote ${n} teachers, not ${opts.teachers}`);
    const [{ bytes }] = await runner.query(`SELECT pg_total_relation_size('teachers')::bigint AS bytes`);
    log(
      `VACUUM (ANALYZE) in ${vacuumSeconds.toFixed(1)} s; teachers take ${(Number(bytes) / 2 ** 20).toFixed(0)} MiB`,
    );
    return {
      fixture: orgs.fixture,
      schools: orgs.tenants[0]!.schools,
      tenants: orgs.tenants.length,
      schoolsPerTenant: opts.schoolsPerTenant,
      teachers: n,
      tenantTeachers: bench,
      orgSeconds,
      copySeconds,
      threads,
      vacuumSeconds,
      totalSeconds: (performance.now() - started) / 1000,
      tableMiB: Number(bytes) / 2 ** 20,
      directCopy: Boolean(bypass),
    };
  } finally {
    if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
    await runner.release();
    await owner.destroy();
  }
}
