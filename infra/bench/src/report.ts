import type { Machine } from './machine';
import type { LoadOptions, Measurement } from './load';

export interface Report {
  date: Date;
  machine: Machine;
  postgresVersion: string;
  redisVersion: string;
  tenantUsers: number;
  load: LoadOptions;
  results: Measurement[];
  /** The name of the measurement the others are compared with. */
  baseline: string;
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

export function renderReport(r: Report, extraUsers: number): string {
  const base = r.results.find((m) => m.target.name === r.baseline);
  const rows = r.results.map((m) => [
    `\`${m.target.method} ${m.target.path}\``,
    Math.round(m.requestsPerSecond).toLocaleString('en-US'),
    ms(m.p50),
    ms(m.p95),
    ms(m.p99),
    String(m.autocannon.p97_5),
    ms(m.max),
    m.ok.toLocaleString('en-US'),
    `${m.non2xx} / ${m.errors}`,
    base && m !== base ? ratio(m.requestsPerSecond / base.requestsPerSecond) : 'baseline',
    base && m !== base ? ratio(m.p50 / base.p50) : 'baseline',
  ]);
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
  return `${HEADER}

${method(r.load, extraUsers)}

## Last run

- Date: ${r.date
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d+Z$/, ' UTC')}
- Machine: ${m.cores} logical cores (${m.cpuModel}), ${m.memoryGiB} GiB memory, ${m.os}
- Node ${m.node}, PostgreSQL ${r.postgresVersion}, Redis ${r.redisVersion}
- Users visible to the benchmarked administrator: ${r.tenantUsers}

${table(head, rows, [false, ...head.slice(1).map(() => true)])}

${baseName} is the baseline: the same HTTP stack (helmet, request id, JSON body parser, request
context, guards, the Redis rate-limit counter) with no authentication and no database. An authenticated
request adds the JWT check, a session lookup in its own transaction and the handler's scoped, RLS-bound
transaction; the ratios show what that costs.
`;
}
