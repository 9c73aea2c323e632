import type { Machine } from './machine';
import type { LoadOptions, Measurement } from './load';
import { TARGET_PEAK_RSS_MIB, TARGET_ROWS_PER_SECOND, type ImportFigures } from './import-bench';

export interface Report {
  date: Date;
  machine: Machine;
  /** One-minute load average just before the run: other work on the machine skews the figures. */
  loadBefore: number;
  postgresVersion: string;
  redisVersion: string;
  tenantUsers: number;
  load: LoadOptions;
  results: Measurement[];
  /** The name of the measurement the others are compared with. */
  baseline: string;
  /** The teacher import benchmark, when it ran. */
  imports?: ImportFigures | { failure: string };
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

/**
 * A Markdown table laid out the way Prettier lays it out (padded cells, `---:` for right-aligned
 * columns), so `prettier --check` passes on the written file. Cells are ASCII.
 */
export function table(head: string[], rows: string[][], right: boolean[]): string {
  const widths = head.map((h, i) => Math.max(3, h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => (right[i] ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join(' | ')} |`;
  const rule = `| ${widths.map((w, i) => (right[i] ? '-'.repeat(w - 1) + ':' : '-'.repeat(w))).join(' | ')} |`;
  return [line(head), rule, ...rows.map(line)].join('\n');
}

const n0 = (v: number) => Math.round(v).toLocaleString('en-US');
const s1 = (v: number) => `${v.toFixed(1)} s`;

/** The import benchmark's section: method, figures against the targets, and the COPY baseline. */
export function renderImports(figures: ImportFigures | { failure: string } | undefined): { section: string; findings: string[] } {
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
    return { section: `${method}\n\nThe import benchmark FAILED: ${figures.failure}.\n`, findings: [`- The import benchmark failed: ${figures.failure}.`] };
  }
  const f = figures;
  const rows = [
    ['workbook', `${f.rows.toLocaleString('en-US')} rows, ${f.fileMiB.toFixed(1)} MiB, ${f.schools} schools`],
    ['upload (API reads the file: type, header row, row count)', s1(f.uploadSeconds)],
    ['import (start to done, in the worker)', s1(f.runSeconds)],
    ['end to end', s1(f.totalSeconds)],
    ['rows/s end to end', `${n0(f.rowsPerSecond)} (target ≥ ${n0(TARGET_ROWS_PER_SECOND)})`],
    ['created / updated / unchanged / rejected', `${n0(f.counts.created)} / ${f.counts.updated} / ${f.counts.unchanged} / ${f.counts.rejected}`],
    ['worker peak RSS (VmHWM)', `${n0(f.workerPeakRssMiB)} MiB (target < ${TARGET_PEAK_RSS_MIB} MB; ${n0(f.workerIdleRssMiB)} MiB before the upload)`],
    ['COPY of the same sealed rows', `${s1(f.copySeconds)}, ${n0(f.copyRowsPerSecond)} rows/s`],
    ['sealing those rows in one process (not in the COPY figure)', s1(f.sealSeconds)],
    ['import time / COPY time', `${(f.totalSeconds / f.copySeconds).toFixed(1)}×`],
  ];
  const findings: string[] = [];
  if (f.rowsPerSecond < TARGET_ROWS_PER_SECOND)
    findings.push(`- The import ran at ${n0(f.rowsPerSecond)} rows/s end to end, below the target of ${n0(TARGET_ROWS_PER_SECOND)}.`);
  if (f.workerPeakRssMiB * 1.048576 >= TARGET_PEAK_RSS_MIB)
    findings.push(`- The worker's peak RSS was ${n0(f.workerPeakRssMiB)} MiB, not below ${TARGET_PEAK_RSS_MIB} MB.`);
  return { section: `${method}\n\n${table(['measure', 'value'], rows, [false, false])}\n`, findings };
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
  const findings = r.results
    .filter((x) => x.failure || x.note)
    .map((x) => {
      const what = `\`${x.target.method} ${x.target.path}\``;
      return x.failure ? `- ${what} failed under load: ${x.failure}.` : `- ${what}: ${x.note}.`;
    })
    .concat(imports.findings);
  return `${HEADER}

${method(r.load, extraUsers)}

## Last run

- Date: ${r.date
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d+Z$/, ' UTC')}
- Machine: ${m.cores} logical cores (${m.cpuModel}), ${m.memoryGiB} GiB memory, ${m.os}; load average ${r.loadBefore.toFixed(2)} before the run
- Node ${m.node}, PostgreSQL ${r.postgresVersion}, Redis ${r.redisVersion}
- Users visible to the benchmarked administrator: ${r.tenantUsers}

${table(head, rows, [false, ...head.slice(1).map(() => true)])}

${baseName} is the baseline: the same HTTP stack (helmet, request id, JSON body parser, request
context, guards, the Redis rate-limit counter) with no authentication and no database. An authenticated
request adds the JWT check, a session lookup in its own transaction and the handler's scoped, RLS-bound
transaction; the ratios show what that costs.
${imports.section ? `\n${imports.section}` : ''}${findings.length ? `\n## Findings\n\n${findings.join('\n')}\n` : ''}`;
}
