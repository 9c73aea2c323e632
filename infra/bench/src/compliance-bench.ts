// Issue 4's figures: compliance for a province of 100 unions, 1,000,000 teachers and 10,000,000 care
// participations — the nightly pre-aggregation, the province's dashboard, one union's drill-down and
// the cost of recording a 5,000-participant activity, all through the built API.
import {
  createDataSource,
  defaultDay,
  evaluateProgrammeOn,
  evaluateSpec,
  indicatorSpecs,
  inScope,
  loadComplianceProgramme,
  missingTeachers,
  refreshComplianceResults,
  type DataSource,
  type EntityManager,
} from '@guanai/db';
import { periodContaining } from '@guanai/domain';
import type { TestDatabase } from '@guanai/db/testing';
import { cpus } from 'node:os';
import { cpuDuring } from './cpu';
import { measure, percentile, type LoadOptions, type Measurement } from './load';
import { within } from './ports';
import { seedCompliance, type ComplianceData } from './compliance-seed';
import type { TeacherListData } from './teacher-list-seed';

/** Issue 4: under 1 s p95 for the province's dashboard and for one tenant's drill-down. */
export const TARGET_COMPLIANCE_MS = 1_000;
/** Requests one after another, after two that are not counted. */
export const SEQUENTIAL = 20;
/** The same requests from a handful of users at once (autocannon, like the endpoints above). */
export const CONCURRENT: LoadOptions = { connections: 5, warmupSeconds: 2, seconds: 10 };
/** Activities recorded one after another, per way of naming the participants. */
export const WRITES = 20;
/** Participants of the activity recorded by teacher ids. */
export const WRITE_PARTICIPANTS = 5_000;
/** The worker's concurrency on the compliance queue (apps/worker/src/queues/worker-host.ts). */
export const WORKER_CONCURRENCY = 2;

export interface Stats {
  n: number;
  p50: number;
  p95: number;
  max: number;
  mean: number;
}

export function stats(ms: number[]): Stats {
  const sorted = Float64Array.from(ms).sort();
  return {
    n: ms.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    max: sorted.length ? sorted[sorted.length - 1]! : Number.NaN,
    mean: ms.reduce((a, b) => a + b, 0) / Math.max(1, ms.length),
  };
}

export interface ReadFigure {
  name: 'overview' | 'report' | 'gaps';
  label: string;
  /** The path as the report shows it. */
  shown: string;
  /** Who asks. */
  as: string;
  /** What the answer held (tenants, indicators, gap total…). */
  answer: string;
  bytes: number;
  sequential: Stats;
  /** CPU per request of the one-at-a-time run: the API's Node process and the database's backends. */
  cpu: Cpu;
  concurrent?: Measurement;
}

export interface Cpu {
  apiMs: number;
  postgresMs: number;
}

export interface WriteFigure {
  label: string;
  /** Participants each activity got. */
  participants: number;
  stats: Stats;
  /** Participants written per second at the median. */
  rowsPerSecond: number;
  cpu: Cpu;
}

export interface RefreshFigures {
  programmes: number;
  /** Stored rows over all programmes. */
  rows: number;
  perProgramme: Stats;
  sequentialSeconds: number;
  /** All programmes again, WORKER_CONCURRENCY at a time, as the worker's queue runs them. */
  parallelSeconds: number;
}

export type ComplianceSeedFigures = Omit<ComplianceData, 'programmes' | 'benchTenant' | 'templateId'>;

/** One SQL statement of a drill-down, as the engine sent it. */
export interface Statement {
  /** The CTEs it defines and the tables it reads, e.g. `counted, reached, roster, pending → teachers, orgs`. */
  what: string;
  ms: number;
}

/** A plan node whose row estimate was far off, or that discarded many rows in a join filter. */
export interface PlanNote {
  node: string;
  loops: number;
  estimated: number;
  actual: number;
  removedByJoinFilter: number;
  /** Rows a scan read and threw away (a filter that is not an index condition: row-level security, say). */
  removedByFilter: number;
}

/**
 * Where a drill-down's time goes: the engine calls the endpoint makes, run directly as the app role
 * in the union administrator's scope, each statement timed; the slowest one under EXPLAIN ANALYZE.
 */
export interface Breakdown {
  name: ReadFigure['name'];
  /** Which engine functions ran. */
  calls: string;
  totalMs: number;
  statements: Statement[];
  slowest?: {
    what: string;
    ms: number;
    notes: PlanNote[];
    /** Planner settings the engine changed for it (`enable_nestloop = off`), replayed for the EXPLAIN. */
    settings: string[];
  };
}

export interface ComplianceFigures {
  /** Logical cores of the machine: what the CPU per request is shared out over. */
  cores: number;
  seed: ComplianceSeedFigures;
  refresh: RefreshFigures;
  reads: ReadFigure[];
  writes: WriteFigure[];
  /** Where the drill-downs' time goes, from the database as the app role in the caller's scope. */
  breakdowns: Breakdown[];
}

export interface ComplianceBenchOptions {
  db: TestDatabase;
  list: TeacherListData;
  /** The API on `db`, and a login as any fixture user. */
  baseUrl: string;
  /** The API's process, for its CPU time. */
  apiPid: number | undefined;
  login: (who: 'provinceAdmin' | 'tenantAdmin') => Promise<string>;
  log: (m: string) => void;
  failureOf: (m: Measurement, load: LoadOptions) => string | undefined;
}

const ms1 = (v: number) => v.toFixed(1);

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const t = performance.now();
  const out = await work();
  return [out, performance.now() - t];
}

/** The stored results of every programme, one at a time and then as the worker's queue would. */
async function refreshAll(opts: ComplianceBenchOptions, data: ComplianceData): Promise<RefreshFigures> {
  const app = await createDataSource({
    url: opts.db.appUrl,
    poolSize: WORKER_CONCURRENCY,
    applicationName: 'guanai-bench-refresh',
  }).initialize();
  try {
    // What the worker's compliance.refresh job does: the tenant's scope, then refreshComplianceResults.
    const one = (p: ComplianceData['programmes'][number]) =>
      timed(() =>
        inScope(app, { path: p.tenantPath, requestId: `bench:compliance.refresh:${p.id}` }, (em) =>
          refreshComplianceResults(em, p.id, data.today),
        ),
      );
    const times: number[] = [];
    let rows = 0;
    const t0 = performance.now();
    for (const [i, p] of data.programmes.entries()) {
      const [result, t] = await one(p);
      if (!result) throw new Error(`programme ${p.id} was not visible in its tenant's scope`);
      times.push(t);
      rows += result.rows;
      if (i === 0 || (i + 1) % 25 === 0)
        opts.log(
          `  refreshed ${i + 1} of ${data.programmes.length} (${result.rows} rows, ${t.toFixed(0)} ms)`,
        );
    }
    const sequentialSeconds = (performance.now() - t0) / 1000;
    const t1 = performance.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: WORKER_CONCURRENCY }, async () => {
        while (next < data.programmes.length) await one(data.programmes[next++]!);
      }),
    );
    const parallelSeconds = (performance.now() - t1) / 1000;
    return {
      programmes: data.programmes.length,
      rows,
      perProgramme: stats(times),
      sequentialSeconds,
      parallelSeconds,
    };
  } finally {
    await app.destroy();
  }
}

interface Get {
  name: ReadFigure['name'];
  label: string;
  path: string;
  shown: string;
  as: string;
  token: string;
  describe: (body: unknown) => string;
}

/** One request at a time: the wait a lone user sees, then `CONCURRENT`. */
async function read(opts: ComplianceBenchOptions, g: Get): Promise<ReadFigure> {
  const headers = { authorization: `Bearer ${g.token}` };
  const once = async () => {
    const t = performance.now();
    const res = await fetch(opts.baseUrl + g.path, { headers, signal: AbortSignal.timeout(60_000) });
    const text = await res.text();
    const elapsed = performance.now() - t;
    if (res.status !== 200) throw new Error(`${g.shown} answered ${res.status}: ${text.slice(0, 300)}`);
    return { text, elapsed };
  };
  const first = await once();
  const answer = g.describe(JSON.parse(first.text));
  await once();
  const times: number[] = [];
  const used = await cpuDuring(opts.apiPid, opts.db.name, async () => {
    for (let i = 0; i < SEQUENTIAL; i++) times.push((await once()).elapsed);
  });
  const cpu = { apiMs: used.apiMs / SEQUENTIAL, postgresMs: used.postgresMs / SEQUENTIAL };
  const sequential = stats(times);
  opts.log(
    `${g.label}: ${answer}; one at a time p50 ${ms1(sequential.p50)} ms, p95 ${ms1(sequential.p95)} ms, max ${ms1(sequential.max)} ms; ` +
      `CPU per request: API ${ms1(cpu.apiMs)} ms, PostgreSQL ${ms1(cpu.postgresMs)} ms`,
  );
  const m = await within(
    (CONCURRENT.warmupSeconds + CONCURRENT.seconds) * 1000 + 90_000,
    g.path,
    measure(opts.baseUrl, { name: g.name, method: 'GET', path: g.path, headers }, CONCURRENT),
  );
  m.target = { name: g.name, method: 'GET', path: g.shown };
  m.failure = opts.failureOf(m, CONCURRENT);
  opts.log(
    m.failure
      ? `  ${CONCURRENT.connections} connections: FAILED: ${m.failure}`
      : `  ${CONCURRENT.connections} connections: ${m.requestsPerSecond.toFixed(1)} req/s, p50 ${ms1(m.p50)} ms, p95 ${ms1(m.p95)} ms, max ${ms1(m.max)} ms`,
  );
  return {
    name: g.name,
    label: g.label,
    shown: g.shown,
    as: g.as,
    answer,
    bytes: Buffer.byteLength(first.text),
    sequential,
    cpu,
    concurrent: m,
  };
}

/** `WRITES` activities recorded one after another, each a new record with its participants. */
async function write(
  opts: ComplianceBenchOptions,
  token: string,
  label: string,
  body: (i: number) => object,
): Promise<WriteFigure> {
  const times: number[] = [];
  let participants = 0;
  const post = async (i: number) => {
    const t = performance.now();
    const res = await fetch(`${opts.baseUrl}/api/v1/care-records`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body(i)),
      signal: AbortSignal.timeout(120_000),
    });
    const text = await res.text();
    const elapsed = performance.now() - t;
    if (res.status !== 201)
      throw new Error(`POST /api/v1/care-records (${label}) answered ${res.status}: ${text.slice(0, 300)}`);
    participants = (JSON.parse(text) as { participantCount: number }).participantCount;
    return elapsed;
  };
  // The first is a warm-up: not counted.
  await post(-1);
  const used = await cpuDuring(opts.apiPid, opts.db.name, async () => {
    for (let i = 0; i < WRITES; i++) times.push(await post(i));
  });
  const cpu = { apiMs: used.apiMs / WRITES, postgresMs: used.postgresMs / WRITES };
  const s = stats(times);
  const rowsPerSecond = participants / (s.p50 / 1000);
  opts.log(
    `POST /api/v1/care-records, ${label}: ${participants} participants; p50 ${ms1(s.p50)} ms, p95 ${ms1(s.p95)} ms, ` +
      `max ${ms1(s.max)} ms (${Math.round(rowsPerSecond)} participants/s); CPU per request: API ${ms1(cpu.apiMs)} ms, PostgreSQL ${ms1(cpu.postgresMs)} ms`,
  );
  return { label, participants, stats: s, rowsPerSecond, cpu };
}

/** `4 met, 1 on track, 2 at risk, 1 missed`: how many of each status, in the order of severity. */
function statusCounts(statuses: string[]): string {
  return ['met', 'on_track', 'at_risk', 'missed']
    .map((k) => `${statuses.filter((x) => x === k).length} ${k.replace('_', ' ')}`)
    .join(', ');
}

interface OverviewBody {
  tenants: { results: Record<string, { status: string }> }[];
  indicators: unknown[];
}
interface ReportBody {
  indicators: { key: string; status: string; units: unknown[] }[];
}
interface PageBody {
  total: number;
  items: unknown[];
}

export async function benchCompliance(opts: ComplianceBenchOptions): Promise<ComplianceFigures> {
  const { log } = opts;
  const data = await within(
    12 * 60_000,
    'seeding the care work',
    seedCompliance({ db: opts.db, fixture: opts.list.fixture, log }),
  );

  log(
    `pre-aggregation: refreshComplianceResults for ${data.programmes.length} programmes, as the worker's job does`,
  );
  const refresh = await within(15 * 60_000, 'the refresh', refreshAll(opts, data));
  log(
    `  ${refresh.rows.toLocaleString('en-US')} rows; per programme p50 ${ms1(refresh.perProgramme.p50)} ms, p95 ${ms1(refresh.perProgramme.p95)} ms, ` +
      `max ${ms1(refresh.perProgramme.max)} ms; all ${refresh.sequentialSeconds.toFixed(1)} s one at a time, ` +
      `${refresh.parallelSeconds.toFixed(1)} s ${WORKER_CONCURRENCY} at a time`,
  );

  const province = await opts.login('provinceAdmin');
  const tenant = await opts.login('tenantAdmin');
  const programme = data.programmes[0]!;
  const reads: ReadFigure[] = [];
  reads.push(
    await read(opts, {
      name: 'overview',
      label: "province dashboard (stored results of every union's programme, spending summed live)",
      path: `/api/v1/compliance/overview?template=${data.templateId}&year=${data.year}`,
      shown: `/api/v1/compliance/overview?template=<Leiyang>&year=${data.year}`,
      as: 'province admin',
      token: province,
      describe: (b) => {
        const o = b as OverviewBody;
        const cells = o.tenants.flatMap((t) => Object.values(t.results).map((r) => r.status));
        return `${o.tenants.length} unions × ${o.indicators.length} indicators: ${statusCounts(cells)}`;
      },
    }),
  );
  reads.push(
    await read(opts, {
      name: 'report',
      label: "one union's live report (every indicator evaluated on request, per school)",
      path: `/api/v1/compliance?programme=${programme.id}`,
      shown: '/api/v1/compliance?programme=<union>',
      as: 'union admin',
      token: tenant,
      describe: (b) => {
        const r = b as ReportBody;
        const schools = Math.max(...r.indicators.map((i) => i.units.length));
        return `${r.indicators.length} indicators over ${schools} schools: ${statusCounts(r.indicators.map((i) => i.status))}`;
      },
    }),
  );
  reads.push(
    await read(opts, {
      name: 'gaps',
      label: 'coverage gap: teachers with no heart-to-heart talk this year, first page',
      path: `/api/v1/compliance/gaps?programme=${programme.id}&indicator=heart_to_heart_talks`,
      shown: '/api/v1/compliance/gaps?programme=<union>&indicator=heart_to_heart_talks',
      as: 'union admin',
      token: tenant,
      describe: (b) => {
        const p = b as PageBody;
        return `${p.total.toLocaleString('en-US')} teachers missing, ${p.items.length} on the page`;
      },
    }),
  );

  // Before the writes below add check-ups: the same data the reads saw.
  const breakdowns = await breakdownDrillDowns(opts, data);

  // Recording: by 5,000 teacher ids (five schools' teachers) and by a teacher-list filter.
  const schools = data.benchTenant.schools;
  const ids = schools.flatMap((s) => s.teacherIds).slice(0, WRITE_PARTICIPANTS);
  if (ids.length < WRITE_PARTICIPANTS)
    throw new Error(`the benchmarked union has only ${ids.length} teachers`);
  const activity = (i: number) => ({
    orgId: data.benchTenant.id,
    programmeId: programme.id,
    measureKey: 'working_conditions',
    activityType: 'health_checkup',
    title: `压测：集中体检 ${i + 2}`,
    occurredOn: data.today,
    amountFen: 0,
  });
  const writes = [
    await write(opts, tenant, `${WRITE_PARTICIPANTS.toLocaleString('en-US')} teacherIds`, (i) => ({
      ...activity(i),
      participants: { teacherIds: ids },
    })),
    await write(opts, tenant, 'filter: women at the non-rural schools', (i) => ({
      ...activity(i),
      participants: { filter: { sex: 'female', rural: 'false' } },
    })),
  ];

  const { programmes: _p, benchTenant: _b, templateId: _t, ...seed } = data;
  return { cores: cpus().length, seed, refresh, reads, writes, breakdowns };
}

/** The planner settings (not the scope's app.* ones) that `set_config` statements leave in force, as `name = value`. */
export function plannerSettings(sqls: string[]): string[] {
  const last = new Map<string, string>();
  for (const sql of sqls)
    for (const m of sql.matchAll(/set_config\('([a-z_]+)',\s*'([^']*)'/g)) last.set(m[1]!, m[2]!);
  return [...last].map(([k, v]) => `${k} = ${v}`);
}

/** `WITH a AS (…), b AS (…) SELECT … FROM t …` → `a, b → t`: enough to tell the statements apart. */
export function describeSql(sql: string): string {
  const flat = sql.replace(/\s+/g, ' ');
  const ctes = [...flat.matchAll(/(?:WITH|,)\s*(\w+) AS (?:MATERIALIZED )?\(/g)].map((m) => m[1]!);
  const tables = [
    ...new Set([...flat.matchAll(/\b(?:FROM|JOIN|INTO|UPDATE)\s+(\w+)/g)].map((m) => m[1]!)),
  ].filter((t) => !ctes.includes(t) && !['unnest', 'jsonb_array_elements', 'LATERAL'].includes(t));
  if (/^\s*SELECT set_config\(/i.test(sql)) return 'set_config';
  return ctes.length ? `${ctes.join(', ')} → ${tables.join(', ')}` : tables.join(', ');
}

interface PlanNode {
  'Node Type': string;
  'Join Type'?: string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Plan Rows': number;
  'Actual Rows': number;
  'Actual Loops': number;
  'Rows Removed by Join Filter'?: number;
  'Rows Removed by Filter'?: number;
  Plans?: PlanNode[];
}

/**
 * What a plan got wrong: nodes that discarded a million rows in a join filter or read 100,000 rows
 * to throw them away, and the nodes where a
 * row estimate first went 100 times off (over at least 1,000 actual rows) — not the nodes above them,
 * which only inherit the error.
 */
export function planNotes(root: PlanNode): PlanNote[] {
  const out: PlanNote[] = [];
  const name = (n: PlanNode) =>
    [n['Node Type'], n['Join Type'] && !n['Node Type'].includes(n['Join Type']) ? `(${n['Join Type']})` : '']
      .concat(n['Relation Name'] ? [`on ${n['Relation Name']}`] : [])
      .concat(n['Index Name'] ? [`using ${n['Index Name']}`] : [])
      .filter(Boolean)
      .join(' ');
  /** Answers whether the subtree holds a node whose estimate is far off. */
  const walk = (n: PlanNode): boolean => {
    const below = (n.Plans ?? []).map(walk).some(Boolean);
    const loops = n['Actual Loops'];
    const actual = n['Actual Rows'] * loops;
    const estimated = n['Plan Rows'] * loops;
    const removed = (n['Rows Removed by Join Filter'] ?? 0) * loops;
    const filtered = (n['Rows Removed by Filter'] ?? 0) * loops;
    const off = Math.max(actual, 1) / Math.max(estimated, 1);
    const far = actual >= 1_000 && (off >= 100 || off <= 0.01);
    if (removed >= 1_000_000 || filtered >= 100_000 || (far && !below))
      out.push({
        node: name(n),
        loops,
        estimated,
        actual,
        removedByJoinFilter: removed,
        removedByFilter: filtered,
      });
    return far || below;
  };
  walk(root);
  return out;
}

/** Runs `work` in the tenant's scope with every statement timed; answers them in order. */
async function tracedInScope(
  app: DataSource,
  path: string,
  work: (em: EntityManager) => Promise<unknown>,
): Promise<{ statements: (Statement & { sql: string; params: unknown[] })[]; totalMs: number }> {
  const statements: (Statement & { sql: string; params: unknown[] })[] = [];
  const t0 = performance.now();
  await inScope(app, { path, requestId: 'bench:compliance.breakdown' }, async (em) => {
    const query = em.query.bind(em);
    em.query = (async (sql: string, params?: unknown[]) => {
      const t = performance.now();
      const out: unknown = await query(sql, params);
      statements.push({ what: describeSql(sql), ms: performance.now() - t, sql, params: params ?? [] });
      return out;
    }) as EntityManager['query'];
    await work(em);
  });
  return { statements, totalMs: performance.now() - t0 };
}

/**
 * The report and the gap list as their endpoints compute them (ComplianceService.build / gaps, less
 * the names and spending lookups), twice each (the second counts), then EXPLAIN ANALYZE of the
 * slowest statement in the same scope.
 */
export async function breakdownDrillDowns(
  opts: ComplianceBenchOptions,
  data: ComplianceData,
): Promise<Breakdown[]> {
  const app = await createDataSource({
    url: opts.db.appUrl,
    poolSize: 1,
    applicationName: 'guanai-bench-explain',
  }).initialize();
  const programme = data.programmes[0]!;
  const today = data.today;
  const runs: { name: ReadFigure['name']; calls: string; work: (em: EntityManager) => Promise<unknown> }[] = [
    {
      name: 'report',
      calls: 'loadComplianceProgramme, evaluateProgrammeOn',
      work: async (em) => {
        const p = (await loadComplianceProgramme(em, programme.id))!;
        await evaluateProgrammeOn(em, p, defaultDay(p, today), {
          today,
          units: null,
          schoolLevelOnly: false,
        });
      },
    },
    {
      name: 'gaps',
      calls: 'loadComplianceProgramme, evaluateSpec, missingTeachers',
      work: async (em) => {
        const p = (await loadComplianceProgramme(em, programme.id))!;
        const spec = indicatorSpecs(p).find((x) => x.indicator.key === 'heart_to_heart_talks')!;
        const period = periodContaining(spec.indicator.period, defaultDay(p, today), p.calendar);
        const row = await evaluateSpec(em, p, spec, period, { today, units: null });
        await missingTeachers(em, row.query, row.outcome, { limit: 20, offset: 0 }, row.eligible);
      },
    },
  ];
  try {
    const out: Breakdown[] = [];
    for (const r of runs) {
      await tracedInScope(app, programme.tenantPath, r.work);
      const { statements, totalMs } = await tracedInScope(app, programme.tenantPath, r.work);
      const worst = statements.reduce((a, b) => (b.ms > a.ms ? b : a));
      // The settings the engine made before it (set_config(…, true): enable_nestloop and the like) apply to the EXPLAIN too.
      const settings = statements
        .slice(0, statements.indexOf(worst))
        .filter((x) => /^\s*SELECT set_config\(/i.test(x.sql));
      const [plan] = (await inScope(
        app,
        { path: programme.tenantPath, requestId: 'bench:compliance.explain' },
        async (em) => {
          for (const x of settings) await em.query(x.sql, x.params);
          return em.query(`EXPLAIN (ANALYZE, FORMAT JSON) ${worst.sql}`, worst.params);
        },
      )) as { 'QUERY PLAN': [{ Plan: PlanNode }] }[];
      const notes = planNotes(plan!['QUERY PLAN'][0].Plan);
      out.push({
        name: r.name,
        calls: r.calls,
        totalMs,
        statements: statements.map(({ what, ms }) => ({ what, ms })),
        slowest: {
          what: worst.what,
          ms: worst.ms,
          notes,
          settings: plannerSettings(settings.map((x) => x.sql)),
        },
      });
      opts.log(
        `${r.name}: ${statements.length} statements, ${totalMs.toFixed(0)} ms in the engine; slowest ${worst.ms.toFixed(0)} ms (${worst.what})` +
          notes
            .map(
              (n) =>
                `\n  ${n.node} (${n.loops} loops): estimated ${n.estimated}, actual ${n.actual}, removed by join filter ` +
                `${n.removedByJoinFilter}, by filter ${n.removedByFilter}`,
            )
            .join(''),
      );
    }
    return out;
  } finally {
    await app.destroy();
  }
}
