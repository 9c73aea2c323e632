// Issue 6's figures: the dispute-case list and the tenant report with 200,000 cases across 100 unions,
// at 50 connections through the built API (as a union's case handler), the same calls straight on the
// database at 50 concurrent transactions, and where their time goes (EXPLAIN ANALYZE).
import { join } from 'node:path';
import { createDataSource, inScope, systemScope, type DataSource, type EntityManager } from '@guanai/db';
import type { TestDatabase } from '@guanai/db/testing';
import { todayInShanghai } from '@guanai/domain';
import { stats, type Stats } from './compliance-bench';
import { measure, percentile, type LoadOptions, type Measurement, type Target } from './load';
import { within } from './ports';
import { HANDLER_PASSWORD, seedCases, type CasesData, type CasesSeedFigures } from './cases-seed';
import { measureDeadlineSweep, type SweepFigures } from './cases-sweep';
import type { GenKeys } from './teacher-gen';
import type { TeacherListData } from './teacher-list-seed';

/** Issue 6: 200,000 cases across the list database's 100 unions. */
export const CASES = 200_000;
/** Issue 6: p95 under 150 ms at 50 connections, for the case list and the tenant report. */
export const TARGET_CASES_P95_MS = 150;
/** One connection, one request at a time: what a request costs without queueing. */
export const CASES_ALONE: LoadOptions = { connections: 1, warmupSeconds: 1, seconds: 5 };
/** The province's report, one request after another (after two not counted). */
export const PROVINCE_REQUESTS = 10;

export interface CaseVariant {
  name: string;
  label: string;
  path: string;
  /** The path as the report shows it (ids replaced by what they name). */
  shown: string;
  /** The same call as the API makes it, on an EntityManager in the handler's scope. */
  direct: (em: EntityManager) => Promise<unknown>;
}

export interface CaseMeasurement extends Measurement {
  label: string;
  shown: string;
  /** What the first answer held (matches, cases counted). */
  answer: string;
  alone: { p50: number; p95: number; requestsPerSecond: number };
  /** The same calls straight on PostgreSQL, `connections` transactions at a time, no HTTP and no API process. */
  direct?: DirectFigures;
}

export interface DirectFigures {
  connections: number;
  requestsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  ok: number;
  errors: number;
}

/** One statement of a request, as the API sends it, under EXPLAIN (ANALYZE, BUFFERS). */
export interface StatementPlan {
  what: string;
  /** Execution, and planning (paid by every request: the API's statements are not prepared). */
  ms: number;
  planningMs: number;
  lines: string[];
}

export interface RequestPlans {
  label: string;
  statements: StatementPlan[];
}

export interface CasesFigures {
  seed: CasesSeedFigures;
  /**
   * `GET /api/v1/me` as the same handler, same load, same moment: authentication, the session check and
   * one scoped transaction, nothing else; what any authenticated request of this API process costs.
   */
  reference: Measurement;
  results: CaseMeasurement[];
  /** The province's report over all 100 unions, through the API, one request at a time. */
  province: { stats: Stats; answer: string };
  /** The daily deadline sweep over every union's cases (the worker's step, run here on the app role). */
  sweep: SweepFigures;
  plans: RequestPlans[];
}

export interface CasesBenchOptions {
  repoRoot: string;
  db: TestDatabase;
  list: TeacherListData;
  keys: GenKeys;
  /** The built API on `db`. */
  baseUrl: string;
  /** Logs in as a fixture user (the province's administrator). */
  login: (who: 'provinceAdmin') => Promise<string>;
  load: LoadOptions;
  log: (m: string) => void;
  failureOf: (m: Measurement, load: LoadOptions) => string | undefined;
}

/** The API's own SQL, from its build: the list's repository and the report's computation. */
interface ApiSql {
  disputesRepo: {
    page(
      em: EntityManager,
      scope: string,
      q: object,
      today: string,
    ): Promise<{ total: number; items: unknown[] }>;
  };
  computeCaseReport(em: EntityManager, scopePath: string, q: object, today: string): Promise<Report>;
}

interface Report {
  totals: { cases: number; overdue: number; missed: { cases: number } };
  byTenant: unknown[];
}

function apiSql(repoRoot: string): ApiSql {
  const dist = join(repoRoot, 'apps/api/dist');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { disputesRepo } = require(join(dist, 'disputes/disputes.repository.js')) as ApiSql;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { computeCaseReport } = require(join(dist, 'case-reports/case-report.js')) as ApiSql;
  return { disputesRepo, computeCaseReport };
}

async function loginAs(baseUrl: string, username: string, password: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
    signal: AbortSignal.timeout(15_000),
  });
  const body = (await res.json()) as { accessToken?: string };
  if (res.status !== 200 || !body.accessToken)
    throw new Error(
      `login as ${username} answered HTTP ${res.status}: ${JSON.stringify(body).slice(0, 300)}`,
    );
  return body.accessToken;
}

/** The pages a case handler opens most, and the union's report for this year. */
export function caseVariants(sql: ApiSql, data: CasesData, scopePath: string, today: string): CaseVariant[] {
  const me = data.bench.handlers[0]!.id;
  const page = (q: Record<string, unknown>) => (em: EntityManager) =>
    sql.disputesRepo.page(em, scopePath, { page: 1, pageSize: 20, ...q }, today);
  return [
    {
      name: 'cases',
      label: 'case list, first page, newest first',
      path: '/api/v1/cases',
      shown: '/api/v1/cases',
      direct: page({}),
    },
    {
      name: 'cases-overdue',
      label: 'case list: deadline passed',
      path: '/api/v1/cases?overdue=true',
      shown: '/api/v1/cases?overdue=true',
      direct: page({ overdue: true }),
    },
    {
      name: 'cases-due',
      label: 'case list: in mediation, deadline within 30 days',
      path: '/api/v1/cases?state=mediation&deadlineWithinDays=30',
      shown: '/api/v1/cases?state=mediation&deadlineWithinDays=30',
      direct: page({ state: 'mediation', deadlineWithinDays: 30 }),
    },
    {
      name: 'cases-mine',
      label: 'case list: my wage-arrears cases',
      path: `/api/v1/cases?handlerId=${me}&category=wage_arrears`,
      shown: '/api/v1/cases?handlerId=<me>&category=wage_arrears',
      direct: page({ handlerId: me, category: 'wage_arrears' }),
    },
    {
      name: 'report',
      label: "the union's report, this year",
      path: '/api/v1/case-reports',
      shown: '/api/v1/case-reports',
      direct: (em) => sql.computeCaseReport(em, scopePath, {}, today),
    },
  ];
}

/** `connections` loops running `work` in its own scoped transaction for `seconds`, after a warm-up. */
async function direct(
  ds: DataSource,
  scope: { path: string; userId: string },
  work: (em: EntityManager) => Promise<unknown>,
  load: LoadOptions,
): Promise<DirectFigures> {
  const run = async (seconds: number, latencies: number[] | null) => {
    const end = performance.now() + seconds * 1000;
    let errors = 0;
    await Promise.all(
      Array.from({ length: load.connections }, async () => {
        while (performance.now() < end) {
          const t = performance.now();
          try {
            await inScope(ds, { ...scope, requestId: 'bench:cases' }, work);
            latencies?.push(performance.now() - t);
          } catch {
            errors++;
          }
        }
      }),
    );
    return errors;
  };
  await run(load.warmupSeconds, null);
  const latencies: number[] = [];
  const errors = await run(load.seconds, latencies);
  const sorted = Float64Array.from(latencies).sort();
  return {
    connections: load.connections,
    requestsPerSecond: latencies.length / load.seconds,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted.length ? sorted[sorted.length - 1]! : Number.NaN,
    ok: latencies.length,
    errors,
  };
}

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Actual Rows': number;
  'Actual Loops': number;
  'Actual Total Time': number;
  'Rows Removed by Filter'?: number;
  'Heap Fetches'?: number;
  Plans?: PlanNode[];
}

function planLines(n: PlanNode, depth = 0, out: string[] = []): string[] {
  const on = [
    n['Index Name'] ? `using ${n['Index Name']}` : '',
    n['Relation Name'] ? `on ${n['Relation Name']}` : '',
  ]
    .filter(Boolean)
    .join(' ');
  const extra = [
    n['Rows Removed by Filter'] ? `${n['Rows Removed by Filter'] * n['Actual Loops']} removed by filter` : '',
    n['Heap Fetches'] !== undefined ? `${n['Heap Fetches']} heap fetches` : '',
  ]
    .filter(Boolean)
    .join(', ');
  if (depth <= 12)
    out.push(
      `${'  '.repeat(depth)}${n['Node Type']}${on ? ` ${on}` : ''}: ${n['Actual Rows'] * n['Actual Loops']} rows, ` +
        // Actual Total Time is per loop: times the loops, what the node cost in all.
        `${(n['Actual Total Time'] * n['Actual Loops']).toFixed(1)} ms${extra ? ` (${extra})` : ''}`,
    );
  for (const c of n.Plans ?? []) planLines(c, depth + 1, out);
  return out;
}

const describeSql = (sql: string) => {
  const s = sql.replace(/\s+/g, ' ').trim();
  if (s.startsWith('WITH cs AS')) return 'report: days per stage (cases → events)';
  if (s.includes('GROUP BY c.org_id, c.category')) return 'report: counts and amounts';
  if (s.includes("c.state IN ('closed', 'declined', 'withdrawn')"))
    return 'report: ended cases past a deadline';
  if (s.includes("kind IN ('city', 'county', 'university')")) return 'report: unions of the scope';
  if (s.includes('FROM holiday_years')) return 'report: holiday calendar';
  if (s.startsWith('SELECT count(*)::int AS total')) return 'list: count';
  if (s.includes('ORDER BY c.created_at DESC')) return 'list: page of 20';
  return s.slice(0, 60);
};

/**
 * Every statement one request sends, in the caller's scope, under EXPLAIN (ANALYZE, BUFFERS); then the
 * statement itself, so the request carries on with real answers. Read-only, and rolled back anyway.
 */
async function explainRequest(
  ds: DataSource,
  scope: { path: string; userId: string },
  label: string,
  work: (em: EntityManager) => Promise<unknown>,
): Promise<RequestPlans> {
  const statements: StatementPlan[] = [];
  await inScope(ds, scope, async (em) => {
    const query = em.query.bind(em);
    em.query = (async (sql: string, params?: unknown[]) => {
      // Settings (SET LOCAL) run as they are; only reads are explained.
      if (!/^\s*(SELECT|WITH)\b/i.test(sql)) return query(sql, params);
      const [row] = (await query(`EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${sql}`, params)) as {
        'QUERY PLAN': [{ Plan: PlanNode; 'Execution Time': number; 'Planning Time': number }];
      }[];
      const top = row!['QUERY PLAN'][0];
      statements.push({
        what: describeSql(sql),
        ms: top['Execution Time'],
        planningMs: top['Planning Time'],
        lines: planLines(top.Plan),
      });
      return query(sql, params);
    }) as EntityManager['query'];
    await work(em);
  });
  return { label, statements };
}

/** Seeds the cases on the list database, then measures the list and the report. */
export async function benchCases(opts: CasesBenchOptions): Promise<CasesFigures> {
  const { log } = opts;
  log(`seeding ${CASES.toLocaleString('en-US')} dispute cases across the list database's unions`);
  const data = await within(
    10 * 60_000,
    'seeding the cases',
    seedCases({ db: opts.db, list: opts.list, keys: opts.keys, cases: CASES, log }),
  );
  const today = todayInShanghai();
  const handler = data.bench.handlers[0]!;
  const scope = { path: opts.list.fixture.tenant.path, userId: handler.id };
  const sql = apiSql(opts.repoRoot);
  const headers = {
    authorization: `Bearer ${await loginAs(opts.baseUrl, handler.username, HANDLER_PASSWORD)}`,
  };
  const app = await createDataSource({
    url: opts.db.appUrl,
    poolSize: opts.load.connections,
    applicationName: 'guanai-bench-cases',
  }).initialize();
  try {
    log(
      `/api/v1/me (the reference): ${opts.load.warmupSeconds} s warm-up, ${opts.load.seconds} s × ${opts.load.connections} connections`,
    );
    const reference = await within(
      (opts.load.warmupSeconds + opts.load.seconds) * 1000 + 60_000,
      '/api/v1/me',
      measure(opts.baseUrl, { name: 'me', method: 'GET', path: '/api/v1/me', headers }, opts.load),
    );
    reference.target = { name: 'me', method: 'GET', path: '/api/v1/me' };
    reference.failure = opts.failureOf(reference, opts.load);
    log(
      `  ${Math.round(reference.requestsPerSecond)} req/s, p50 ${reference.p50.toFixed(1)} ms, p95 ${reference.p95.toFixed(1)} ms`,
    );
    const results: CaseMeasurement[] = [];
    for (const v of caseVariants(sql, data, scope.path, today)) {
      // One request first: a wrong path or token fails loudly, and it says what the answer holds.
      const res = await fetch(opts.baseUrl + v.path, { headers, signal: AbortSignal.timeout(30_000) });
      const body = (await res.json()) as { total?: number; totals?: Report['totals'] };
      if (res.status !== 200)
        throw new Error(
          `${v.path} before the load answered ${res.status}: ${JSON.stringify(body).slice(0, 300)}`,
        );
      const answer =
        body.totals !== undefined
          ? `${body.totals.cases.toLocaleString('en-US')} cases, ${body.totals.overdue} overdue, ${body.totals.missed.cases} past a deadline at the end`
          : `${(body.total ?? 0).toLocaleString('en-US')} match`;
      log(
        `${v.shown} (${answer}): ${opts.load.warmupSeconds} s warm-up, ${opts.load.seconds} s × ${opts.load.connections} connections`,
      );
      const target: Target = { name: v.name, method: 'GET', path: v.path, headers };
      const m = await within(
        (opts.load.warmupSeconds + opts.load.seconds) * 1000 + 60_000,
        v.path,
        measure(opts.baseUrl, target, opts.load),
      );
      m.target = { name: v.name, method: 'GET', path: v.path };
      m.failure = opts.failureOf(m, opts.load);
      log(
        m.failure
          ? `  FAILED: ${m.failure}`
          : `  ${Math.round(m.requestsPerSecond)} req/s, p50 ${m.p50.toFixed(1)} ms, p95 ${m.p95.toFixed(1)} ms, p99 ${m.p99.toFixed(1)} ms`,
      );
      const one = await within(
        (CASES_ALONE.warmupSeconds + CASES_ALONE.seconds) * 1000 + 60_000,
        v.path,
        measure(opts.baseUrl, target, CASES_ALONE),
      );
      log(`  one connection: p50 ${one.p50.toFixed(1)} ms, p95 ${one.p95.toFixed(1)} ms`);
      const db = await within(
        (opts.load.warmupSeconds + opts.load.seconds) * 1000 + 60_000,
        `${v.path} on the database`,
        direct(app, scope, v.direct, opts.load),
      );
      log(
        `  on the database, ${db.connections} transactions at a time: ${Math.round(db.requestsPerSecond)}/s, ` +
          `p50 ${db.p50.toFixed(1)} ms, p95 ${db.p95.toFixed(1)} ms (${db.errors} errors)`,
      );
      results.push({
        ...m,
        label: v.label,
        shown: v.shown,
        answer,
        alone: { p50: one.p50, p95: one.p95, requestsPerSecond: one.requestsPerSecond },
        direct: db,
      });
    }

    log(
      `the province's report over ${data.unions.length} unions: ${PROVINCE_REQUESTS} requests one at a time`,
    );
    const provinceHeaders = { authorization: `Bearer ${await opts.login('provinceAdmin')}` };
    const times: number[] = [];
    let answer = '';
    for (let i = 0; i < PROVINCE_REQUESTS + 2; i++) {
      const t = performance.now();
      const res = await fetch(`${opts.baseUrl}/api/v1/case-reports`, {
        headers: provinceHeaders,
        signal: AbortSignal.timeout(60_000),
      });
      const body = (await res.json()) as Report;
      if (res.status !== 200)
        throw new Error(
          `the province's report answered ${res.status}: ${JSON.stringify(body).slice(0, 300)}`,
        );
      if (i >= 2) times.push(performance.now() - t);
      answer = `${body.byTenant.length} unions, ${body.totals.cases.toLocaleString('en-US')} cases`;
    }
    const province = { stats: stats(times), answer };
    log(`  ${answer}: p50 ${province.stats.p50.toFixed(0)} ms, p95 ${province.stats.p95.toFixed(0)} ms`);

    const variants = caseVariants(sql, data, scope.path, today);
    const plans = [
      await explainRequest(app, scope, variants[0]!.label, variants[0]!.direct),
      await explainRequest(app, scope, variants[4]!.label, variants[4]!.direct),
      await explainRequest(
        app,
        { path: opts.list.fixture.province.path, userId: opts.list.fixture.users.provinceAdmin.id },
        "the province's report, this year",
        (em) => sql.computeCaseReport(em, opts.list.fixture.province.path, {}, today),
      ),
    ];

    // The daily deadline sweep over these cases: every union in turn, as one worker's evaluations would.
    log(
      `the daily deadline sweep over ${data.unions.length} unions' cases, twice (the second creates nothing)`,
    );
    const paths = (await inScope(app, systemScope('bench:cases'), (em) =>
      em.query(`SELECT id, path FROM orgs WHERE id = ANY($1::uuid[])`, [data.unions.map((u) => u.id)]),
    )) as { id: string; path: string }[];
    const sweep = await measureDeadlineSweep(app, paths, today);
    log(
      `  ${sweep.openCases.toLocaleString('en-US')} open cases: ${sweep.seconds.toFixed(1)} s, ` +
        `${sweep.remindersCreated.toLocaleString('en-US')} reminders, again ${sweep.again.seconds.toFixed(1)} s creating ${sweep.again.created}`,
    );

    return { seed: data.seed, reference, results, province, plans, sweep };
  } finally {
    await app.destroy();
  }
}
