import type { Machine } from './machine';
import { table } from './markdown';
import type { LoadOptions, Measurement } from './load';
import { TARGET_PEAK_RSS_MIB, TARGET_ROWS_PER_SECOND, type ImportFigures } from './import-bench';
import {
  ALONE,
  SWEEP_CONNECTIONS,
  TARGET_LIST_P95_MS,
  TEACHER_LIST,
  type ListMeasurement,
  type SweepPoint,
  type TeacherListFigures,
} from './teacher-list-bench';
import { renderCompliance } from './report-compliance';
import type { ComplianceFigures } from './compliance-bench';
import { renderReminders } from './report-reminders';
import type { RemindersFigures } from './reminders-bench';
import { renderCases } from './report-cases';
import type { CasesFigures } from './cases-bench';

export { renderCompliance, renderReminders };

export interface Report {
  date: Date;
  machine: Machine;
  /** One-minute load average just before the run: other work on the machine skews the figures. */
  loadBefore: number;
  /** The same at the end: other work during the run shows here, not in the figure before it. */
  loadAfter?: number;
  postgresVersion: string;
  redisVersion: string;
  tenantUsers: number;
  load: LoadOptions;
  results: Measurement[];
  /** The name of the measurement the others are compared with. */
  baseline: string;
  /** The teacher import benchmark, when it ran. */
  imports?: ImportFigures | { failure: string };
  /** The teacher-list benchmark at 1,000,000 teachers, when it ran. */
  teacherList?: TeacherListFigures | { failure: string };
  /** The compliance benchmark (issue 4) on the same teachers, when it ran. */
  compliance?: ComplianceFigures | { failure: string };
  /** The reminders benchmark (issue 5) on the same teachers, when it ran. */
  reminders?: RemindersFigures | { failure: string };
  /** The dispute-case benchmark (issue 6) on the same unions, when it ran. */
  cases?: CasesFigures | { failure: string };
}

export const HEADER = `# Benchmarks

Written by \`npm run bench\` (infra/bench); run it again rather than editing the figures by hand.`;

export function method(load: LoadOptions, extraUsers: number): string {
  return `## Method

- \`npm run bench\` builds everything, then \`infra/bench/dist/run.js\` creates a fresh database
  (\`createTestDatabase('guanai_bench')\`: PostgreSQL at \`TEST_DATABASE_URL\` or 127.0.0.1:5432, real
  migrations, the application login without \`BYPASSRLS\`) and uses Redis at \`TEST_REDIS_URL\` or
  127.0.0.1:6379 under a key prefix of its own.
- Data: the test tenant fixture (platform → province → two county unions with schools, one user of each
  role) plus ${extraUsers} teachers and officers in the benchmarked county union's schools.
- The built API (\`node apps/api/dist/main.js\`) runs as a child process on a free loopback port with
  \`LOG_LEVEL=warn\` and \`RATE_LIMIT_PER_MINUTE=100000000\`, so the rate limiter counts every request but
  never refuses one. Every other setting is the production default (pool of 10 connections, one Node process).
- The bench logs in as the county union's administrator (\`POST /api/v1/auth/login\`) and sends its bearer
  token with the authenticated requests; each of them goes through the JWT check, the live-session lookup,
  the permission and rate-limit guards and a scoped, RLS-bound transaction, as in production.
- For each endpoint: a ${load.warmupSeconds} s warm-up that is discarded, then ${load.seconds} s of autocannon 9 with
  ${load.connections} connections, no pipelining, on loopback only.
- Requests/s is the mean of autocannon's per-second counts. Latencies are computed by the bench from
  every 2xx response time (nearest rank): autocannon 9 reports p50, p90, p97.5 and p99 in whole
  milliseconds and has no p95. autocannon's own p97.5 is listed beside them as a cross-check.
- Load generator, API, PostgreSQL and Redis share one machine, so the figures are a floor for a single
  API process on this machine, not a capacity plan. Compare runs on the same machine only.
- An endpoint with more than 0.1 % failed requests (non-2xx, errors, timeouts) is reported as FAILED under
  "Findings" rather than given figures, and \`npm run bench\` exits with 1. If it left the API unable to
  answer, the next endpoint is measured on a freshly started API, and the report says so.
- Afterwards the bench stops the API, drops the database and deletes its Redis keys.`;
}

const ms = (v: number) => (Number.isFinite(v) ? v.toFixed(1) : '–');
const ratio = (v: number) => (Number.isFinite(v) ? `${v.toFixed(2)}×` : '–');

const n0 = (v: number) => Math.round(v).toLocaleString('en-US');
const s1 = (v: number) => `${v.toFixed(1)} s`;

/** The import benchmark's section: method, figures against the targets, and the COPY baseline. */
export function renderImports(figures: ImportFigures | { failure: string } | undefined): {
  section: string;
  findings: string[];
} {
  if (!figures) return { section: '', findings: [] };
  const method = `## Import of 100,000 teachers

- The bench writes an .xlsx of 100,000 valid synthetic teachers (exceljs, shared strings and date cells
  as Excel writes them; 19 columns including ID number, mobile and address, which are sealed) over 20
  schools of the benchmarked county union, named by school code.
- It starts the built worker (\`node apps/worker/dist/main.js\`, same settings and keys as the API) as a
  child process, uploads the file to \`POST /api/v1/teacher-imports\` as the union's administrator, starts
  the import and polls \`GET /api/v1/teacher-imports/:id\` every 100 ms until it is done. Rows/s is
  100,000 over the time from the upload's first byte to the poll that saw \`done\`: what an officer waits.
- The worker's peak memory is VmHWM from \`/proc/<pid>/status\` (the peak resident set since it started),
  read when the import is done; the resident set before the upload is given beside it.
- Baseline: the same 100,000 rows, sealed beforehand by the same writer in the bench process (that
  sealing time is shown separately), sent with \`COPY … FROM STDIN\` into a scratch table created
  \`LIKE teachers INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING INDEXES\`, as the table owner.
- Targets: at least ${n0(TARGET_ROWS_PER_SECOND)} rows/s end to end and a worker peak below ${TARGET_PEAK_RSS_MIB} MB.`;
  if ('failure' in figures) {
    return {
      section: `${method}\n\nThe import benchmark FAILED: ${figures.failure}.\n`,
      findings: [`- The import benchmark failed: ${figures.failure}.`],
    };
  }
  const f = figures;
  const rows = [
    ['workbook', `${f.rows.toLocaleString('en-US')} rows, ${f.fileMiB.toFixed(1)} MiB, ${f.schools} schools`],
    ['upload (API reads the file: type, header row, row count)', s1(f.uploadSeconds)],
    ['import (start to done, in the worker)', s1(f.runSeconds)],
    ['end to end', s1(f.totalSeconds)],
    ['rows/s end to end', `${n0(f.rowsPerSecond)} (target ≥ ${n0(TARGET_ROWS_PER_SECOND)})`],
    [
      'created / updated / unchanged / rejected',
      `${n0(f.counts.created)} / ${f.counts.updated} / ${f.counts.unchanged} / ${f.counts.rejected}`,
    ],
    [
      'worker peak RSS (VmHWM)',
      `${n0(f.workerPeakRssMiB)} MiB (target < ${TARGET_PEAK_RSS_MIB} MB; ${n0(f.workerIdleRssMiB)} MiB before the upload)`,
    ],
    ['COPY of the same sealed rows', `${s1(f.copySeconds)}, ${n0(f.copyRowsPerSecond)} rows/s`],
    ['sealing those rows in one process (not in the COPY figure)', s1(f.sealSeconds)],
    ['import time / COPY time', `${(f.totalSeconds / f.copySeconds).toFixed(1)}×`],
  ];
  const findings: string[] = [];
  if (f.rowsPerSecond < TARGET_ROWS_PER_SECOND)
    findings.push(
      `- The import ran at ${n0(f.rowsPerSecond)} rows/s end to end, below the target of ${n0(TARGET_ROWS_PER_SECOND)}.`,
    );
  if (f.workerPeakRssMiB * 1.048576 >= TARGET_PEAK_RSS_MIB)
    findings.push(
      `- The worker's peak RSS was ${n0(f.workerPeakRssMiB)} MiB, not below ${TARGET_PEAK_RSS_MIB} MB.`,
    );
  return { section: `${method}\n\n${table(['measure', 'value'], rows, [false, false])}\n`, findings };
}

/** The teacher-list benchmark's section: method, seeding, figures per variant against the target. */
export function renderTeacherList(
  figures: TeacherListFigures | { failure: string } | undefined,
  load: LoadOptions,
  reference?: Measurement,
): { section: string; findings: string[] } {
  if (!figures) return { section: '', findings: [] };
  const { tenants, schoolsPerTenant, teachers } = TEACHER_LIST;
  const perTenant = teachers / tenants;
  const method = `## Teacher list at ${n0(teachers)} teachers

- A database of its own (\`createTestDatabase('guanai_bench_list')\`, same server, real migrations):
  the test fixture's platform and province with ${tenants} county unions under it (the fixture's two and
  ${tenants - 2} more), ${schoolsPerTenant} schools each (every fourth rural), and ${n0(teachers)} teachers, ${n0(perTenant)} per union.
- Teachers are generated by the bench (\`infra/bench/src/teacher-gen.ts\`): valid ID numbers (check
  character, unique in the union, agreeing with birth date and sex), ages from 22 to the statutory
  retirement date, titles by years of service, earlier postings (often rural), a phone each and an
  address for about a third. Every row goes through the registry's writer (\`teacherColumns\`: sealed
  with AES-256-GCM, keyed lookup hash, masked forms, statutory retirement date), on one generator thread
  per core, streamed by \`COPY … FROM STDIN\` into \`teachers\` as the owner (a superuser, so row-level
  security does not refuse COPY; otherwise through a scratch table and \`INSERT … SELECT\` in the system
  scope). A union's rows are written together, as its import writes them, its schools interleaved.
  Then \`VACUUM (ANALYZE) teachers\` and \`ANALYZE orgs\`: the state autovacuum reaches after a bulk load.
- A fresh API (same settings as above) on that database; the bench logs in as the fixture union's
  administrator, who sees that union's ${n0(perTenant)} teachers, and runs each variant as the endpoints
  above: ${load.warmupSeconds} s warm-up, then ${load.seconds} s of autocannon with ${load.connections} connections. Every request counts the
  matches (\`total\`) and reads one page of 20, in the caller's RLS-bound transaction. Then the same
  request one at a time (${ALONE.warmupSeconds} s warm-up, ${ALONE.seconds} s on one connection): "alone" is what a request costs without
  waiting for others.
- Target: p95 below ${TARGET_LIST_P95_MS} ms for every variant (at ${load.connections} connections).
- Concurrency sweep: the default variant again at ${SWEEP_CONNECTIONS.filter((c) => c !== load.connections).join(', ')} connections (${load.warmupSeconds} s warm-up, ${load.seconds} s
  each); its ${load.connections}-connection row is the run above.
- \`BENCH_ONLY=teachers npm run bench\` runs this benchmark alone and prints its section instead of
  rewriting this file.`;
  if ('failure' in figures) {
    return {
      section: `${method}\n\nThe teacher-list benchmark FAILED: ${figures.failure}.\n`,
      findings: [`- The teacher-list benchmark failed: ${figures.failure}.`],
    };
  }
  const { seed, results } = figures;
  const seedRows = [
    [
      'organisations',
      `${seed.tenants} unions × ${seed.schoolsPerTenant} schools, ${s1(seed.orgSeconds)} (fixture included)`,
    ],
    [
      'teachers: generate, seal and COPY',
      `${n0(seed.teachers)} rows in ${s1(seed.copySeconds)}, ${n0(seed.teachers / seed.copySeconds)} rows/s, ${seed.threads} generator threads${seed.directCopy ? '' : ', through a scratch table'}`,
    ],
    ['VACUUM (ANALYZE)', s1(seed.vacuumSeconds)],
    ['seeding in all', s1(seed.totalSeconds)],
    ['teachers table with indexes and TOAST', `${n0(seed.tableMiB)} MiB`],
    ['teachers visible to the benchmarked administrator', n0(seed.tenantTeachers)],
  ];
  const head = [
    'variant',
    'request',
    'matches',
    'alone: p50 / p95 ms',
    'requests/s',
    'p50 ms',
    'p95 ms',
    'p99 ms',
    'p97.5 ms (autocannon)',
    'max ms',
    '2xx',
    'non-2xx / errors',
    `p95 < ${TARGET_LIST_P95_MS} ms`,
  ];
  const rows = results.map((m) => {
    const counts = [m.ok.toLocaleString('en-US'), `${m.non2xx} / ${m.errors}`];
    const what = [
      m.label,
      `\`${m.target.method} ${m.shown}\``,
      n0(m.total),
      `${ms(m.alone.p50)} / ${ms(m.alone.p95)}`,
    ];
    if (m.failure) return [...what, 'FAILED', '–', '–', '–', '–', '–', ...counts, 'no'];
    return [
      ...what,
      n0(m.requestsPerSecond),
      ms(m.p50),
      ms(m.p95),
      ms(m.p99),
      String(m.autocannon.p97_5),
      ms(m.max),
      ...counts,
      m.p95 < TARGET_LIST_P95_MS ? 'yes' : 'no',
    ];
  });
  const findings = results.flatMap((m) =>
    m.failure
      ? [`- \`${m.target.method} ${m.shown}\` failed under load: ${m.failure}.`]
      : m.p95 >= TARGET_LIST_P95_MS
        ? [
            `- \`${m.target.method} ${m.shown}\` (${m.label}): p95 ${ms(m.p95)} ms at ${load.connections} connections, above the target of ${TARGET_LIST_P95_MS} ms.`,
          ]
        : [],
  );
  return {
    section: `${method}

${table(['measure', 'value'], seedRows, [false, false])}

${table(head, rows, [false, false, ...head.slice(2).map(() => true)])}
${sweepTable(figures.sweep)}${queueing(results, load, reference)}
${LIST_QUERIES}
`,
    findings,
  };
}

/** The default variant by concurrency, and the highest concurrency whose p95 met the target. */
function sweepTable(sweep: SweepPoint[] | undefined): string {
  if (!sweep?.length) return '';
  const head = [
    'connections',
    'requests/s',
    'p50 ms',
    'p95 ms',
    'p99 ms',
    'max ms',
    '2xx',
    `p95 < ${TARGET_LIST_P95_MS} ms`,
  ];
  const rows = sweep.map((p) =>
    p.failure
      ? [String(p.connections), 'FAILED', '–', '–', '–', '–', n0(p.ok), 'no']
      : [
          String(p.connections),
          n0(p.requestsPerSecond),
          ms(p.p50),
          ms(p.p95),
          ms(p.p99),
          ms(p.max),
          n0(p.ok),
          p.p95 < TARGET_LIST_P95_MS ? 'yes' : 'no',
        ],
  );
  const ok = sweep.filter((p) => !p.failure && p.p95 < TARGET_LIST_P95_MS).map((p) => p.connections);
  const best = ok.length ? Math.max(...ok) : undefined;
  const verdict =
    best === undefined
      ? `The default list's p95 is above ${TARGET_LIST_P95_MS} ms even at one connection.`
      : best === sweep[sweep.length - 1]!.connections
        ? `The default list's p95 stays under ${TARGET_LIST_P95_MS} ms at every concurrency measured, up to ${best} connections.`
        : `The default list's p95 stays under ${TARGET_LIST_P95_MS} ms up to ${best} concurrent connection${best === 1 ? '' : 's'} on this machine, ` +
          `not at ${sweep.find((p) => p.connections > best)!.connections}.`;
  return `\nThe default variant (\`GET /api/v1/teachers\`) by concurrency:\n\n${table(
    head,
    rows,
    head.map(() => true),
  )}\n\n${verdict}\n`;
}

/** How the list's SQL is shaped; kept beside the figures it explains. */
const LIST_QUERIES = `How the list's SQL is shaped (\`apps/api/src/teachers/teachers.repository.ts\`, migration
\`1764400000000-TeacherListIndexes\`):

- Every condition is on \`teachers t\` alone. The scope, the org filter and the rural flag are one
  \`t.org_id = ANY(ARRAY(SELECT id FROM orgs WHERE …))\`, evaluated once. The former
  \`JOIN orgs o … WHERE starts_with(o.path, …)\` led PostgreSQL to start from the union's organisations
  (it expects one) and read and sort all of the union's rows for every page of 20.
- When every organisation of the caller's scope belongs to one union (a county union, a school), the
  list also says \`t.tenant_id = <that union>\`: in addition to row-level security and the org
  condition, never instead of them. A scope spanning several unions (a city union with county unions
  under it) gets no such condition.
- One index per sort, \`(tenant_id, <sort column>, id) INCLUDE (org_id)\`: a page's ids are the first
  entries of the union's part of one index, read index-only (\`org_id\` is there for the policy's check),
  and the count reads the union's entries of an index without touching the table. The page's 20 rows
  are then read by primary key with their school. Descending sorts break ties by descending id, so the
  same index read backwards serves them.
- The export (\`GET /api/v1/teachers/export.xlsx\`) pages through the same query by keyset on the sort
  column and id, 500 rows at a time, with no count and no OFFSET.`;

/**
 * Why the list misses its target, if it does, with a figure from the same run that shows how much of
 * it every authenticated request of one API process pays.
 */
function queueing(results: ListMeasurement[], load: LoadOptions, reference?: Measurement): string {
  const missed = results.filter((m) => !m.failure && m.p95 >= TARGET_LIST_P95_MS);
  if (!missed.length) return '';
  const best = Math.max(...results.filter((m) => !m.failure).map((m) => m.requestsPerSecond));
  let out =
    `At ${load.connections} connections the latency is mostly waiting: one API process answers at most about ` +
    `${n0(best)} list requests/s here, so a request waits for the ${load.connections - 1} before it ` +
    `(${load.connections} / ${n0(best)} s ≈ ${n0((load.connections / best) * 1000)} ms).`;
  if (reference && !reference.failure) {
    out +=
      ` In the same run \`${reference.target.method} ${reference.target.path}\` (authentication, the session check ` +
      `and one scoped transaction, nothing else) reached ${n0(reference.requestsPerSecond)} requests/s with p95 ` +
      `${ms(reference.p95)} ms at the same concurrency. A p95 below ${TARGET_LIST_P95_MS} ms at ${load.connections} connections needs ` +
      `about ${n0((load.connections / TARGET_LIST_P95_MS) * 1000)} requests/s: beyond any authenticated endpoint of one API ` +
      `process on this machine, not only beyond the list's queries.`;
  }
  return `\n${out}\n`;
}

export function renderReport(r: Report, extraUsers: number): string {
  const base = r.results.find((m) => m.target.name === r.baseline && !m.failure);
  const rows = r.results.map((m) => {
    const endpoint = `\`${m.target.method} ${m.target.path}\``;
    const counts = [m.ok.toLocaleString('en-US'), `${m.non2xx} / ${m.errors}`];
    if (m.failure) return [endpoint, 'FAILED', '–', '–', '–', '–', '–', ...counts, '–', '–'];
    return [
      endpoint,
      Math.round(m.requestsPerSecond).toLocaleString('en-US'),
      ms(m.p50),
      ms(m.p95),
      ms(m.p99),
      String(m.autocannon.p97_5),
      ms(m.max),
      ...counts,
      !base ? '–' : m === base ? 'baseline' : ratio(m.requestsPerSecond / base.requestsPerSecond),
      !base ? '–' : m === base ? 'baseline' : ratio(m.p50 / base.p50),
    ];
  });
  const head = [
    'endpoint',
    'requests/s',
    'p50 ms',
    'p95 ms',
    'p99 ms',
    'p97.5 ms (autocannon)',
    'max ms',
    '2xx',
    'non-2xx / errors',
    'req/s vs baseline',
    'p50 vs baseline',
  ];
  const m = r.machine;
  const baseName = base ? `\`${base.target.method} ${base.target.path}\`` : r.baseline;
  const imports = renderImports(r.imports);
  const list = renderTeacherList(
    r.teacherList,
    r.load,
    r.results.find((m) => m.target.name === 'me'),
  );
  const compliance = renderCompliance(r.compliance);
  const reminders = renderReminders(r.reminders);
  const cases = renderCases(r.cases, r.load);
  const findings = r.results
    .filter((x) => x.failure || x.note)
    .map((x) => {
      const what = `\`${x.target.method} ${x.target.path}\``;
      return x.failure ? `- ${what} failed under load: ${x.failure}.` : `- ${what}: ${x.note}.`;
    })
    .concat(imports.findings)
    .concat(list.findings)
    .concat(compliance.findings)
    .concat(reminders.findings)
    .concat(cases.findings);
  return `${HEADER}

${method(r.load, extraUsers)}

## Last run

- Date: ${r.date
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d+Z$/, ' UTC')}
- Machine: ${m.cores} logical cores (${m.cpuModel}), ${m.memoryGiB} GiB memory, ${m.os}; load average ${r.loadBefore.toFixed(2)} before the run${r.loadAfter === undefined ? '' : `, ${r.loadAfter.toFixed(2)} after it`}
- Node ${m.node}, PostgreSQL ${r.postgresVersion}, Redis ${r.redisVersion}
- Users visible to the benchmarked administrator: ${r.tenantUsers}

${table(head, rows, [false, ...head.slice(1).map(() => true)])}

${baseName} is the baseline: the same HTTP stack (helmet, request id, JSON body parser, request
context, guards, the Redis rate-limit counter) with no authentication and no database. An authenticated
request adds the JWT check, a session lookup in its own transaction and the handler's scoped, RLS-bound
transaction; the ratios show what that costs.
${imports.section ? `\n${imports.section}` : ''}${list.section ? `\n${list.section}` : ''}${compliance.section ? `\n${compliance.section}` : ''}${reminders.section ? `\n${reminders.section}` : ''}${cases.section ? `\n${cases.section}` : ''}${findings.length ? `\n## Findings\n\n${findings.join('\n')}\n` : ''}`;
}
