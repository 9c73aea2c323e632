import { table } from './markdown';
import {
  DAY_OFFSET,
  DELIVERIES,
  DELIVERY_USERS,
  EVALUATION_CONCURRENCY,
  LUNAR_SHARE,
  SLOW_GREETING_MS,
  TARGET_EVALUATION_SECONDS,
  TARGET_WORKER_RSS_MB,
  type Breakdown,
  type EvaluationFigures,
  type PlanSummary,
  type RemindersFigures,
} from './reminders-bench';

const n0 = (v: number) => (Number.isFinite(v) ? Math.round(v).toLocaleString('en-US') : '–');
const s1 = (v: number) => `${v.toFixed(1)} s`;
const ms1 = (v: number) => (Number.isFinite(v) ? v.toFixed(1) : '–');
const x2 = (v: number) => (Number.isFinite(v) ? `${v.toFixed(2)}×` : '–');
/** MiB against a target in MB (10^6 bytes), as the import benchmark states it. */
const rssRatio = (miB: number) => x2((miB * 1.048576) / TARGET_WORKER_RSS_MB);

function evaluationRows(e: EvaluationFigures, label: string): string[][] {
  return [
    [
      `${label}: wall time (first job enqueued → last tenant done)`,
      `${s1(e.wallSeconds)} (${x2(e.wallSeconds / TARGET_EVALUATION_SECONDS)} of the ${TARGET_EVALUATION_SECONDS} s target)`,
    ],
    [
      `${label}: reminders created`,
      `${n0(e.created)}${e.wallSeconds > 0 && e.created ? `, ${n0(e.created / e.wallSeconds)}/s` : ''}`,
    ],
    [`${label}: teachers scanned`, `${n0(e.scanned)}, ${n0(e.scanned / e.wallSeconds)}/s`],
    [`${label}: in-app notifications written`, n0(e.notified)],
    [
      `${label}: one tenant's run, p50 / p95 / max`,
      `${n0(e.perTenant.p50)} / ${n0(e.perTenant.p95)} / ${n0(e.perTenant.max)} ms`,
    ],
    [
      `${label}: worker peak RSS (VmHWM)`,
      `${n0(e.peakRssMiB)} MiB (${rssRatio(e.peakRssMiB)} of ${TARGET_WORKER_RSS_MB} MB; ${n0(e.idleRssMiB)} MiB before)`,
    ],
    [
      `${label}: CPU, worker / PostgreSQL`,
      `${s1(e.workerCpuSeconds)} / ${s1(e.postgresCpuSeconds)} (over ${s1(e.wallSeconds)} of wall time)`,
    ],
  ];
}

const codeBlock = (lines: string[]) => '```text\n' + lines.join('\n') + '\n```';

function deliverPlanSection(p: PlanSummary | undefined): string {
  if (!p) return '';
  return `
The delivery job's first statement (the outbox row locked with its notification and the recipient's
preferences, in the system scope, as \`apps/worker/src/notifications/deliver-job.ts\` sends it) under
\`EXPLAIN (ANALYZE, BUFFERS)\`, for a delivered row: planning ${ms1(p.planningMs)} ms, execution ${ms1(p.executionMs)} ms, of
which ${ms1(p.orgScans.ms)} ms in ${p.orgScans.count} sequential scans of \`orgs\` (${n0(p.orgScans.rows)} rows each: row-level security's scope check,
once per table):

${codeBlock(p.lines)}
`;
}

function breakdownSection(b: Breakdown | undefined): string {
  if (!b) return '';
  const rows = b.groups.map((g) => [
    g.what,
    n0(g.count),
    n0(g.ms),
    `${Math.round((g.ms / b.totalMs) * 100)} %`,
  ]);
  rows.push([
    'other (wall clock): JavaScript (occurrences, lunar dates, titles), BEGIN/COMMIT, waiting for a core',
    '–',
    n0(b.otherMs),
    `${Math.round((b.otherMs / b.totalMs) * 100)} %`,
  ]);
  const plans = b.plans
    .map(
      (p) =>
        `\`EXPLAIN (ANALYZE, BUFFERS)\` of the slowest ${p.what} (${n0(p.ms)} ms when traced):\n\n` +
        codeBlock(p.lines),
    )
    .join('\n\n');
  return `
Where one union's evaluation spends its time: the benchmarked union's reminders deleted and its day
evaluated again by \`evaluateTenantDay\` in the bench process, as the application role, every statement
timed (${n0(b.teachers)} teachers, ${n0(b.created)} reminders, ${n0(b.totalMs)} ms in all):

${table(['statements', 'count', 'ms', 'share'], rows, [false, true, true, true])}

${plans}
`;
}

/** The reminders benchmark's section: method, figures against the targets, findings. */
export function renderReminders(figures: RemindersFigures | { failure: string } | undefined): {
  section: string;
  findings: string[];
} {
  if (!figures) return { section: '', findings: [] };
  const method = `## Reminders (issue 5)

- On the teacher-list database (100 county unions, 1,000,000 teachers), after the compliance
  benchmark when it ran. Every union runs the built-in Leiyang plan for this year: the compliance
  benchmark's programmes when it ran, else the plan published by the province and adopted by every
  union here, as \`infra/bench/src/compliance-seed.ts\` writes them. Its reminder rules: birthdays
  (3 days ahead), 30 years of teaching and retirement (30 days), festivals per school or union, check-ups
  not recorded, and quotas read from \`compliance_results\` (only there when the compliance benchmark ran).
- About ${Math.round(LUNAR_SHARE * 100)} % of the teachers keep their birthday by the lunar calendar
  (\`UPDATE teachers SET birthday_calendar = 'lunar'\` for ids whose first byte is below ${Math.round(LUNAR_SHARE * 256)}), then
  \`VACUUM (ANALYZE) teachers\`.
- The built worker (\`node apps/worker/dist/main.js\`, same settings and keys as the API, its
  production defaults: ${EVALUATION_CONCURRENCY} evaluations at a time, a pool of 10 connections) runs as a child process. The
  day evaluated is ${DAY_OFFSET} days after the run's date (the registry is generated relative to that date, so every
  kind of per-teacher moment falls in it); the days around today are marked evaluated beforehand, so
  the worker's start-up catch-up does not evaluate them meanwhile.
- Evaluation: one \`reminders.evaluate\` job per union (\`{tenantId, day}\`) added to the \`reminders\`
  queue at once; the wall time runs from the enqueue until every union's \`reminder_runs\` row for
  the day is \`done\` (polled every 200 ms). The engine (\`packages/db/src/reminders\`) scans each union's
  active teachers in keyset batches of 5,000, each read and its reminders inserted in a transaction of its
  own, then evaluates the set rules and fans the due reminders out to their recipients. Then the same
  day again: idempotent, it must create nothing.
- The worker's peak memory is VmHWM from \`/proc/<pid>/status\`, reset (\`clear_refs\`) before each
  measured step; CPU is the worker's and the database's backends' user + system time over the step.
- Delivery: ${DELIVERY_USERS} school officers with email and a WeCom robot (the webhook URL sealed with the run's
  field key) receive ${n0(DELIVERIES)} notifications per step; the bench writes one outbox row per notification
  for the step's channel and adds a \`notifications.deliver\` job per row (\`deliver-<id>\`, 500 per
  \`addBulk\`), as the worker does, and times it until every row is \`sent\`. Email goes to an SMTP sink
  in the bench process (\`SMTP_URL=smtp://127.0.0.1:<port>\`, a raw-socket server that accepts and
  counts): once greeting each new connection at once, once after ${SLOW_GREETING_MS} ms, the pause the \`smtp-server\`
  package always makes before its greeting (and about what a remote relay's round trips cost). WeCom
  goes to a local HTTP server answering \`{"errcode":0}\` (\`WEBHOOK_ALLOWED_HOSTS=127.0.0.1\`).
- Targets (issue 5): the whole evaluation under ${TARGET_EVALUATION_SECONDS} s and the worker's peak RSS under
  ${TARGET_WORKER_RSS_MB} MB on this machine. "×" is the figure over its target.
- \`BENCH_ONLY=reminders npm run bench\` runs this benchmark alone (seeding the 1,000,000 teachers first)
  and prints its section instead of rewriting this file.`;
  if ('failure' in figures) {
    return {
      section: `${method}\n\nThe reminders benchmark FAILED: ${figures.failure}.\n`,
      findings: [`- The reminders benchmark failed: ${figures.failure}.`],
    };
  }
  const f = figures;
  const seedRows = [
    [
      'programmes',
      f.seed.reusedProgrammes
        ? `${f.seed.programmes} unions, the compliance benchmark's`
        : `${f.seed.programmes} unions adopt the Leiyang plan, ${n0(f.seed.programmeSeconds * 1000)} ms`,
    ],
    [
      'lunar birthdays',
      `${n0(f.seed.lunar)} of ${n0(f.seed.teachers)} active teachers (${((f.seed.lunar / f.seed.teachers) * 100).toFixed(1)} %), ` +
        `UPDATE ${s1(f.seed.lunarSeconds)}, VACUUM (ANALYZE) ${s1(f.seed.vacuumSeconds)}`,
    ],
    ['day evaluated', f.day],
  ];
  const rows = [
    ...evaluationRows(f.first, 'first run'),
    ...evaluationRows(f.second, 'second run (same day)').filter((r) => !r[0]!.includes('notifications')),
  ];
  const ruleRows = f.byRule.map((r) => [
    `\`${r.rule}\``,
    n0(r.count) +
      (r.rule === 'birthday_greeting' && f.lunarBirthdays ? ` (${n0(f.lunarBirthdays)} lunar)` : ''),
  ]);
  const deliveryRows = f.deliveries.map((d) => [
    d.label,
    n0(d.deliveries),
    s1(d.wallSeconds),
    n0(d.perSecond),
    `${n0(d.sent)} / ${n0(d.dead)} / ${n0(d.retried)}`,
    n0(d.received),
    `${d.workerCpuSeconds.toFixed(1)} / ${d.postgresCpuSeconds.toFixed(1)}`,
    `${n0(d.peakRssMiB)} MiB (${rssRatio(d.peakRssMiB)})`,
  ]);

  const findings: string[] = [];
  if (f.first.wallSeconds >= TARGET_EVALUATION_SECONDS)
    findings.push(
      `- The reminders evaluation of ${n0(f.first.scanned)} teachers took ${s1(f.first.wallSeconds)}, over the target of ${TARGET_EVALUATION_SECONDS} s.`,
    );
  for (const [what, e] of [
    ['evaluation', f.first],
    ['second evaluation', f.second],
  ] as const)
    if (e.peakRssMiB * 1.048576 >= TARGET_WORKER_RSS_MB)
      findings.push(
        `- The worker's peak RSS during the ${what} was ${n0(e.peakRssMiB)} MiB, not below ${TARGET_WORKER_RSS_MB} MB.`,
      );
  for (const d of f.deliveries)
    if (d.peakRssMiB * 1.048576 >= TARGET_WORKER_RSS_MB)
      findings.push(`- The worker's peak RSS while delivering ${d.channel} was ${n0(d.peakRssMiB)} MiB.`);
  if (f.second.created !== 0)
    findings.push(
      `- Evaluating ${f.day} a second time created ${n0(f.second.created)} reminders: not idempotent.`,
    );
  for (const d of f.deliveries)
    if (d.dead || d.received < d.sent)
      findings.push(
        `- ${d.label}: ${n0(d.dead)} deliveries dead, ${n0(d.received)} received by the sink for ${n0(d.sent)} sent.`,
      );
  const cpuBound = (f.first.workerCpuSeconds + f.first.postgresCpuSeconds) / f.cores;
  if (f.first.wallSeconds > 1.5 * cpuBound)
    findings.push(
      `- The first evaluation used ${s1(f.first.workerCpuSeconds)} of the worker's CPU and ${s1(f.first.postgresCpuSeconds)} of PostgreSQL's: ` +
        `${s1(cpuBound)} of the machine's ${f.cores} cores, against ${s1(f.first.wallSeconds)} of wall time. The rest is waiting for a core: ` +
        `other work on the machine held them (see the load average), and each job alternates between the worker's one thread and its ` +
        `database connection, so ${EVALUATION_CONCURRENCY} jobs at a time cannot keep ${f.cores} cores busy on their own.`,
    );
  const [fast, slow] = [
    f.deliveries.find((d) => d.channel === 'email' && d.greetingDelayMs === 0),
    f.deliveries.find((d) => d.channel === 'email' && (d.greetingDelayMs ?? 0) > 0),
  ];
  if (fast && slow && slow.perSecond < 0.8 * fast.perSecond)
    findings.push(
      `- Each email opens an SMTP connection of its own (\`smtpTransport\` in \`apps/worker/src/notifications/channels.ts\` ` +
        `creates the nodemailer transport without \`pool\`), so whatever a server spends before its greeting is paid per message: ` +
        `${n0(slow.perSecond)} emails/s with a ${slow.greetingDelayMs} ms pause against ${n0(fast.perSecond)}/s without; ` +
        `${f.notifyConcurrency} deliveries at a time can never exceed ${n0((f.notifyConcurrency * 1000) / slow.greetingDelayMs!)}/s then. ` +
        `A pooled transport (\`pool: true\`: up to 5 connections of up to 100 messages each) pays it once per 100 messages.`,
    );
  const p = f.deliverPlan;
  if (p && p.orgScans.count) {
    const per = (v: (d: (typeof f.deliveries)[number]) => number) => {
      const [a, b] = [Math.min(...f.deliveries.map(v)), Math.max(...f.deliveries.map(v))].map((x) => n0(x));
      return a === b ? a : `${a}–${b}`;
    };
    findings.push(
      `- A delivery costs the database ${per((d) => (d.postgresCpuSeconds * 1000) / d.deliveries)} ms of CPU ` +
        `(PostgreSQL's CPU over a step / its deliveries) and the worker ${per((d) => (d.workerCpuSeconds * 1000) / d.deliveries)} ms. ` +
        `The job's SELECT alone is planned anew each time (${ms1(p.planningMs)} ms) and checks row-level security with ` +
        `${p.orgScans.count} sequential scans of all ${n0(p.orgScans.rows)} organisations (${ms1(p.orgScans.ms)} ms of its ` +
        `${ms1(p.executionMs)} ms), a cost that grows with the number of organisations, not with the message.`,
    );
  }
  if (f.strayRuns)
    findings.push(
      `- ${f.strayRuns} evaluations of other days (the worker's own daily schedulers) ran during the reminders benchmark: its figures include them.`,
    );

  return {
    section: `${method}

${table(['measure', 'value'], seedRows, [false, false])}

${table(['measure', 'value'], rows, [false, false])}

Reminders of the day by rule:

${table(['rule', 'reminders'], ruleRows, [false, true])}
${breakdownSection(f.breakdown)}
Delivery (the worker's concurrency on the notifications queue: ${f.notifyConcurrency}):

${table(
  [
    'channel',
    'deliveries',
    'wall time',
    'deliveries/s',
    'sent / dead / retried',
    'received by the sink',
    'CPU s: worker / PostgreSQL',
    'worker peak RSS',
  ],
  deliveryRows,
  [false, true, true, true, true, true, true, true],
)}
${deliverPlanSection(f.deliverPlan)}`,
    findings,
  };
}
