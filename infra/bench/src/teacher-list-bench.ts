import type { TestDatabase } from '@guanai/db/testing';
import { measure, type LoadOptions, type Measurement, type Target } from './load';
import { within } from './ports';
import { seedTeacherList, type TeacherListData } from './teacher-list-seed';
import type { GenKeys } from './teacher-gen';

/** The teacher-list benchmark's shape: 100 unions × 10 schools, 1,000,000 teachers. */
export const TEACHER_LIST = { tenants: 100, schoolsPerTenant: 10, teachers: 1_000_000 };
/** The target for every variant, at 50 connections. */
export const TARGET_LIST_P95_MS = 100;

export interface ListMeasurement extends Measurement {
  /** What the variant is, in words. */
  label: string;
  /** The path as the report shows it (ids replaced by what they name). */
  shown: string;
  /** `total` of the variant's first page: the rows its filters match for the administrator. */
  total: number;
  /** The same request one at a time (one connection): its cost without queueing behind others. */
  alone: { p50: number; p95: number; requestsPerSecond: number };
}

/** One connection, one request at a time: the figures a lone user sees. */
export const ALONE: LoadOptions = { connections: 1, warmupSeconds: 1, seconds: 5 };

export type TeacherListSeedFigures = Omit<TeacherListData, 'fixture' | 'schools'>;

/** The default variant at each concurrency of the sweep (the last one is the main run's). */
export const SWEEP_CONNECTIONS = [1, 10, 20, 50];

export interface SweepPoint {
  connections: number;
  requestsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  ok: number;
  failure?: string;
}

export interface TeacherListFigures {
  seed: TeacherListSeedFigures;
  results: ListMeasurement[];
  /** The default variant at SWEEP_CONNECTIONS, same warm-up and duration as the main run. */
  sweep: SweepPoint[];
}

/** The first pages an administrator of a union opens most. */
export function listVariants(data: TeacherListData): (Target & { label: string; shown?: string })[] {
  const school = data.schools[0]!;
  return [
    { name: 'list', label: 'first page, default sort: name', method: 'GET', path: '/api/v1/teachers' },
    {
      name: 'list-retiring',
      label: 'who retires next: sort by statutory retirement date',
      method: 'GET',
      path: '/api/v1/teachers?sort=retirementDate',
    },
    {
      name: 'list-school-retiring',
      label: "one school's subtree, retiring within 365 days, by name",
      method: 'GET',
      path: `/api/v1/teachers?orgId=${school.id}&retiringWithinDays=365&sort=name`,
      shown: '/api/v1/teachers?orgId=<school>&retiringWithinDays=365&sort=name',
    },
    {
      name: 'list-search',
      label: 'name contains one character (王), by name',
      method: 'GET',
      path: `/api/v1/teachers?q=${encodeURIComponent('王')}`,
      shown: '/api/v1/teachers?q=王',
    },
  ];
}

/** The teacher-list database: 100 unions × 10 schools and 1,000,000 teachers (also the compliance benchmark's). */
export function seedListDatabase(
  db: TestDatabase,
  keys: GenKeys,
  log: (m: string) => void,
): Promise<TeacherListData> {
  return within(10 * 60_000, 'seeding the teacher list', seedTeacherList({ db, keys, ...TEACHER_LIST, log }));
}

export interface TeacherListBenchOptions {
  data: TeacherListData;
  /** The built API on the seeded database, logged in as the benchmarked union's administrator. */
  server: { baseUrl: string; token: string };
  load: LoadOptions;
  log: (m: string) => void;
  /** Marks a measurement failed (too many non-2xx), as the other endpoints are judged. */
  failureOf: (m: Measurement, load: LoadOptions) => string | undefined;
}

export async function benchTeacherList(opts: TeacherListBenchOptions): Promise<TeacherListFigures> {
  const { log, data, server } = opts;
  const headers = { authorization: `Bearer ${server.token}` };
  const results: ListMeasurement[] = [];
  for (const v of listVariants(data)) {
    // One request first: a wrong path or token fails loudly, and it tells how many rows match.
    const res = await fetch(server.baseUrl + v.path, { headers, signal: AbortSignal.timeout(30_000) });
    const body = (await res.json()) as { total?: number; items?: unknown[] };
    if (res.status !== 200 || typeof body.total !== 'number')
      throw new Error(
        `${v.path} before the load answered ${res.status}: ${JSON.stringify(body).slice(0, 300)}`,
      );
    if (body.total > 0 && !body.items?.length)
      throw new Error(`${v.path} matched ${body.total} rows but sent none`);
    log(
      `${v.method} ${v.path} (${body.total.toLocaleString('en-US')} rows match): ${opts.load.warmupSeconds} s warm-up, ` +
        `${opts.load.seconds} s × ${opts.load.connections} connections`,
    );
    const m = await within(
      (opts.load.warmupSeconds + opts.load.seconds) * 1000 + 60_000,
      v.path,
      measure(server.baseUrl, { ...v, headers }, opts.load),
    );
    m.target = { name: v.name, method: v.method, path: v.path };
    m.failure = opts.failureOf(m, opts.load);
    log(
      m.failure
        ? `  FAILED: ${m.failure}`
        : `  ${Math.round(m.requestsPerSecond)} req/s, p50 ${m.p50.toFixed(1)} ms, p95 ${m.p95.toFixed(1)} ms, ` +
            `p99 ${m.p99.toFixed(1)} ms (${m.ok} ok, ${m.non2xx} non-2xx, ${m.errors} errors)`,
    );
    const one = await within(
      (ALONE.warmupSeconds + ALONE.seconds) * 1000 + 60_000,
      v.path,
      measure(server.baseUrl, { ...v, headers }, ALONE),
    );
    log(
      `  one connection: ${Math.round(one.requestsPerSecond)} req/s, p50 ${one.p50.toFixed(1)} ms, p95 ${one.p95.toFixed(1)} ms`,
    );
    results.push({
      ...m,
      label: v.label,
      shown: v.shown ?? v.path,
      total: body.total,
      alone: { p50: one.p50, p95: one.p95, requestsPerSecond: one.requestsPerSecond },
    });
  }
  // The default variant from one connection up to the main run's: where p95 stays under the target.
  const variant = listVariants(data)[0]!;
  const sweep: SweepPoint[] = [];
  for (const connections of SWEEP_CONNECTIONS) {
    const main = results[0]!;
    let m: Measurement;
    if (connections === opts.load.connections) {
      m = main;
    } else {
      const load = { ...opts.load, connections };
      log(
        `${variant.path} at ${connections} connections: ${load.warmupSeconds} s warm-up, ${load.seconds} s`,
      );
      m = await within(
        (load.warmupSeconds + load.seconds) * 1000 + 60_000,
        variant.path,
        measure(server.baseUrl, { ...variant, headers }, load),
      );
      m.failure = opts.failureOf(m, load);
      log(
        m.failure
          ? `  FAILED: ${m.failure}`
          : `  ${Math.round(m.requestsPerSecond)} req/s, p50 ${m.p50.toFixed(1)} ms, p95 ${m.p95.toFixed(1)} ms`,
      );
    }
    sweep.push({
      connections,
      requestsPerSecond: m.requestsPerSecond,
      p50: m.p50,
      p95: m.p95,
      p99: m.p99,
      max: m.max,
      ok: m.ok,
      failure: m.failure,
    });
  }
  const { fixture: _f, schools: _s, ...seed } = data;
  return { seed, results, sweep };
}
