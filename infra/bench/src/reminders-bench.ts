// Issue 5's figures: the daily reminder evaluation of 100 unions and 1,000,000 teachers through the
// built worker, the same day evaluated again (idempotent), where one union's evaluation spends its
// time, and the delivery of 5,000 emails and 5,000 group-robot webhooks to local sinks.
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import { createServer as createNetServer, type AddressInfo, type Socket } from 'node:net';
import { cpus } from 'node:os';
import { join } from 'node:path';
import type * as BullMQ from 'bullmq';
import {
  ConfigSchema,
  createDataSource,
  deliveryJobId,
  deliveryJobOptions,
  evaluateTenantDay,
  evaluationJobId,
  inScope,
  systemScope,
  type DataSource,
  type Scope,
  type EntityManager,
} from '@guanai/db';
import type { TestDatabase } from '@guanai/db/testing';
import { addDays, todayInShanghai, type IsoDate } from '@guanai/domain';
import type { ApiEnv } from './api-process';
import { ApiProcess } from './api-process';
import { stats, type PlanNote, planNotes, type Stats } from './compliance-bench';
import { createProgrammes, loadUnions } from './compliance-seed';
import { postgresCpuByPid, processCpuMs } from './cpu';
import { sleep, within } from './ports';
import { cipherOf } from './teacher-gen';
import type { TeacherListData } from './teacher-list-seed';

/** Issue 5: the evaluation of every union's day under 60 s, the worker under 512 MB. */
export const TARGET_EVALUATION_SECONDS = 60;
export const TARGET_WORKER_RSS_MB = 512;
/** Teachers who keep their birthday by the lunar calendar: about 15 % (38 of 256 by the id's first byte). */
export const LUNAR_SHARE = 38 / 256;
/** Deliveries per channel. */
export const DELIVERIES = 5_000;
/** Users the deliveries go to (officers of the benchmarked union's schools), round robin. */
export const DELIVERY_USERS = 100;
/** The SMTP sink's pause before greeting in the second email phase: smtp-server's fixed early-talker pause. */
export const SLOW_GREETING_MS = 100;
/** The day evaluated: this many days after the run's date (Asia/Shanghai). */
export const DAY_OFFSET = 7;
/** The worker's concurrency on the reminders queue (apps/worker/src/queues/worker-host.ts). */
export const EVALUATION_CONCURRENCY = 2;

export interface EvaluationFigures {
  wallSeconds: number;
  tenants: number;
  /** Active teachers of those tenants: every one is read once by the registry scan. */
  scanned: number;
  created: number;
  notified: number;
  /** Each tenant's run, from reminder_runs.started_at to finished_at. */
  perTenant: Stats;
  /** The worker's peak resident set (VmHWM, reset before the run) and its resident set before it. */
  peakRssMiB: number;
  idleRssMiB: number;
  /** CPU seconds the worker process and the database's backends spent during the run. */
  workerCpuSeconds: number;
  postgresCpuSeconds: number;
}

/** One statement kind of the traced evaluation. */
export interface StatementGroup {
  what: string;
  count: number;
  ms: number;
}

export interface PlanSummary {
  what: string;
  /** As traced, when it was. */
  ms: number;
  /** The plan's nodes, indented, with their actual rows and time. */
  lines: string[];
  notes: PlanNote[];
  planningMs: number;
  executionMs: number;
  /** Row-level security's look-ups of the scope: sequential scans of orgs, their time and the rows each read. */
  orgScans: { count: number; ms: number; rows: number };
}

export interface Breakdown {
  tenant: string;
  teachers: number;
  created: number;
  totalMs: number;
  groups: StatementGroup[];
  /** total − statements: JavaScript (occurrences, titles, lunar dates) and BEGIN/COMMIT. */
  otherMs: number;
  plans: PlanSummary[];
}

export interface ChannelFigures {
  channel: 'email' | 'wecom';
  label: string;
  /** For email: how long the SMTP sink waited before greeting each new connection. */
  greetingDelayMs: number | null;
  deliveries: number;
  /** CPU seconds of the worker and the database's backends over the phase. */
  workerCpuSeconds: number;
  postgresCpuSeconds: number;
  wallSeconds: number;
  perSecond: number;
  sent: number;
  dead: number;
  /** Rows that needed more than one attempt. */
  retried: number;
  /** What the local sink received. */
  received: number;
  peakRssMiB: number;
}

export interface RemindersFigures {
  /** Logical cores of the machine: what the worker and PostgreSQL share. */
  cores: number;
  day: string;
  seed: {
    programmes: number;
    /** Whether the programmes were the compliance benchmark's (else adopted here). */
    reusedProgrammes: boolean;
    programmeSeconds: number;
    teachers: number;
    lunar: number;
    lunarSeconds: number;
    vacuumSeconds: number;
  };
  first: EvaluationFigures;
  second: EvaluationFigures;
  /** Reminders of the first run by rule. */
  byRule: { rule: string; count: number }[];
  lunarBirthdays: number;
  /** Evaluations of other days that ran while the benchmark measured (the worker's own schedulers). */
  strayRuns: number;
  breakdown?: Breakdown;
  deliveries: ChannelFigures[];
  /** The delivery job's SELECT (row lock, message, preferences) under EXPLAIN ANALYZE, as the worker runs it. */
  deliverPlan?: PlanSummary;
  /** The worker's concurrency on the notifications queue. */
  notifyConcurrency: number;
}

export interface RemindersBenchOptions {
  repoRoot: string;
  db: TestDatabase;
  list: TeacherListData;
  env: Omit<ApiEnv, 'PORT'>;
  log: (m: string) => void;
  track: (worker: ApiProcess | undefined) => void;
}

const mib = (kib: number) => kib / 1024;

/** The worker's memory from /proc (Linux): VmHWM is the peak resident set since start or the last reset. */
function memory(pid: number): { rssKiB: number; hwmKiB: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rssKiB: kib('VmRSS'), hwmKiB: kib('VmHWM') };
}

/**
 * Peak resident set of `pid` while `work` runs: VmHWM reset before it (`echo 5 > clear_refs`, Linux
 * 4.0+), and the resident set sampled every 100 ms in case the reset is refused.
 */
async function peakDuring<T>(
  pid: number,
  work: () => Promise<T>,
): Promise<{ out: T; peakKiB: number; idleKiB: number }> {
  let reset = true;
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
  } catch {
    reset = false;
  }
  const idle = memory(pid);
  let peak = idle.rssKiB;
  const sampler = setInterval(() => {
    try {
      peak = Math.max(peak, memory(pid).rssKiB);
    } catch {
      // the worker has gone; the caller sees it
    }
  }, 100);
  try {
    const out = await work();
    const end = memory(pid);
    return { out, peakKiB: Math.max(peak, end.rssKiB, reset ? end.hwmKiB : 0), idleKiB: idle.rssKiB };
  } finally {
    clearInterval(sampler);
  }
}

/** Work in the whole platform's scope as the owner (a superuser bypasses row-level security anyway). */
const asSystem = <T>(owner: DataSource, work: (em: EntityManager) => Promise<T>) =>
  inScope(owner, systemScope('bench'), work);

/** ioredis options from a redis:// URL. */
function redisOptions(url: string): {
  host: string;
  port: number;
  username?: string;
  password?: string;
  db?: number;
} {
  const u = new URL(url);
  const db = u.pathname.replace(/^\//, '');
  return {
    host: u.hostname || '127.0.0.1',
    port: Number(u.port || 6379),
    ...(u.username ? { username: decodeURIComponent(u.username) } : {}),
    ...(u.password ? { password: decodeURIComponent(u.password) } : {}),
    ...(db ? { db: Number(db) } : {}),
  };
}

/**
 * A minimal SMTP server on a raw socket that takes every message and counts it, greeting each new
 * connection after `greetingDelayMs` (settable between phases). Not the smtp-server package the
 * worker's tests use: that one always waits 100 ms before its greeting (to catch early talkers), which
 * would cap a client that opens a connection per message at 10 messages/s per connection whatever the
 * client does; here that pause is one of the two measured settings.
 */
async function smtpSink(): Promise<{
  port: number;
  received: () => number;
  setGreetingDelay: (ms: number) => void;
  close: () => Promise<void>;
}> {
  let received = 0;
  let greetingDelayMs = 0;
  const sockets = new Set<Socket>();
  const server = createNetServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    socket.setEncoding('latin1');
    const reply = (line: string) => socket.write(`${line}\r\n`);
    let buffer = '';
    let inData = false;
    socket.on('data', (chunk: string) => {
      buffer += chunk;
      for (;;) {
        if (inData) {
          // The message ends with a line holding one dot (dot-stuffed lines start with two).
          const end = buffer.startsWith('.\r\n') ? 0 : buffer.indexOf('\r\n.\r\n');
          if (end < 0) return;
          buffer = buffer.slice(end === 0 ? 3 : end + 5);
          inData = false;
          received++;
          reply('250 OK queued');
          continue;
        }
        const eol = buffer.indexOf('\r\n');
        if (eol < 0) return;
        const verb = buffer.slice(0, Math.min(eol, 4)).toUpperCase();
        buffer = buffer.slice(eol + 2);
        if (verb === 'EHLO') reply('250-bench.sink\r\n250 8BITMIME');
        else if (verb === 'DATA') {
          inData = true;
          reply('354 End data with <CR><LF>.<CR><LF>');
        } else if (verb === 'QUIT') {
          reply('221 Bye');
          socket.end();
          return;
        } else reply('250 OK'); // HELO, MAIL, RCPT, RSET, NOOP
      }
    });
    if (greetingDelayMs) setTimeout(() => reply('220 bench.sink ESMTP'), greetingDelayMs);
    else reply('220 bench.sink ESMTP');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    received: () => received,
    setGreetingDelay: (ms) => (greetingDelayMs = ms),
    close: () =>
      new Promise((r) => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  };
}

/** A group robot's endpoint: every POST answered `{"errcode":0}`, counted. */
async function robotSink(): Promise<{ port: number; received: () => number; close: () => Promise<void> }> {
  let received = 0;
  const server: Server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      if (req.method === 'POST') received++;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"errcode":0,"errmsg":"ok"}');
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    received: () => received,
    close: () =>
      new Promise((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

/** Programmes of `year` per union: the compliance benchmark's when it ran, else the Leiyang plan adopted here. */
async function ensureProgrammes(
  owner: DataSource,
  opts: RemindersBenchOptions,
  year: number,
): Promise<{ programmes: number; reused: boolean; seconds: number; unions: { id: string; path: string }[] }> {
  const t = performance.now();
  const unions = await loadUnions(owner, opts.list.fixture);
  const [{ n }] = (await asSystem(owner, (em) =>
    em.query(
      `SELECT count(DISTINCT org_id)::int AS n FROM programmes WHERE year = $1 AND org_id = ANY($2::uuid[])`,
      [year, unions.map((u) => u.id)],
    ),
  )) as { n: number }[];
  let reused = n === unions.length;
  if (!reused) {
    if (n > 0) throw new Error(`only ${n} of ${unions.length} unions have a programme for ${year}`);
    await createProgrammes(owner, opts.list.fixture, unions, year);
    reused = false;
  }
  return { programmes: unions.length, reused, seconds: (performance.now() - t) / 1000, unions };
}

/** Polls reminder_runs until every tenant's run of `day` that finished after `since` is done. */
async function waitForRuns(
  owner: DataSource,
  tenants: string[],
  day: string,
  since: string,
  worker: ApiProcess,
  log: (m: string) => void,
): Promise<{ created: number; notified: number; perTenantMs: number[] }> {
  let last = performance.now();
  for (;;) {
    if (worker.exitCode !== null)
      throw new Error(`the worker exited during the evaluation:\n${worker.output()}`);
    const rows = (await asSystem(owner, (em) =>
      em.query(
        `SELECT status, created, notified, extract(epoch FROM finished_at - started_at) * 1000 AS ms, error
           FROM reminder_runs WHERE day = $1 AND org_id = ANY($2::uuid[]) AND finished_at >= $3::timestamptz`,
        [day, tenants, since],
      ),
    )) as { status: string; created: number; notified: number; ms: number; error: string | null }[];
    const failed = rows.find((r) => r.status === 'failed');
    if (failed) throw new Error(`a tenant's evaluation failed: ${failed.error}\n${worker.output()}`);
    const done = rows.filter((r) => r.status === 'done');
    if (done.length === tenants.length)
      return {
        created: done.reduce((s, r) => s + r.created, 0),
        notified: done.reduce((s, r) => s + r.notified, 0),
        perTenantMs: done.map((r) => Number(r.ms)),
      };
    if (performance.now() - last > 5_000) {
      log(`  ${done.length} of ${tenants.length} tenants done`);
      last = performance.now();
    }
    await sleep(200);
  }
}

/** Every tenant's `reminders.evaluate` for `day` on the worker's queue, timed until all are done. */
async function evaluateAll(
  owner: DataSource,
  queue: BullMQ.Queue,
  worker: ApiProcess,
  opts: RemindersBenchOptions,
  tenants: string[],
  day: string,
  scanned: number,
  jobSuffix: string,
): Promise<EvaluationFigures> {
  const pid = worker.pid!;
  const [{ now }] = (await owner.query(`SELECT now()::text AS now`)) as { now: string }[];
  const cpu0 = processCpuMs(pid);
  const pg0 = postgresCpuByPid(opts.db.name);
  const { out, peakKiB, idleKiB } = await peakDuring(pid, async () => {
    const t = performance.now();
    await queue.addBulk(
      tenants.map((tenantId) => ({
        name: 'reminders.evaluate',
        data: { tenantId, day },
        // One attempt: a failure shows at once instead of after a minute's backoff.
        opts: {
          jobId: `${evaluationJobId(tenantId, day)}${jobSuffix}`,
          attempts: 1,
          removeOnComplete: 500,
          removeOnFail: 1000,
        },
      })),
    );
    const runs = await waitForRuns(owner, tenants, day, now, worker, opts.log);
    return { ...runs, wallSeconds: (performance.now() - t) / 1000 };
  });
  let postgresMs = 0;
  for (const [p, ms] of postgresCpuByPid(opts.db.name)) postgresMs += ms - (pg0.get(p) ?? 0);
  return {
    wallSeconds: out.wallSeconds,
    tenants: tenants.length,
    scanned,
    created: out.created,
    notified: out.notified,
    perTenant: stats(out.perTenantMs),
    peakRssMiB: mib(peakKiB),
    idleRssMiB: mib(idleKiB),
    workerCpuSeconds: (processCpuMs(pid) - cpu0) / 1000,
    postgresCpuSeconds: postgresMs / 1000,
  };
}

/** What a statement of the engine is, by its text. */
function statementKind(sql: string): string {
  const s = sql.replace(/\s+/g, ' ');
  if (/^ ?SELECT set_config\(/.test(s)) return 'set_config (the scope, per transaction)';
  if (s.includes("FROM teachers WHERE tenant_id = $1 AND status = 'active' AND id > $2"))
    return 'registry scan: keyset batch of teachers';
  if (/^ ?INSERT INTO reminders /.test(s)) return 'INSERT INTO reminders … ON CONFLICT DO NOTHING';
  if (s.includes('reminder_runs')) return 'reminder_runs (start, done)';
  if (s.includes("status = 'snoozed'")) return 'wake snoozed reminders';
  if (s.includes('programme_versions')) return "the tenant's rules (programmes)";
  if (s.includes('WITH due AS')) return 'fan-out: notifications and outbox rows';
  if (s.includes('WITH today AS')) return 'digests';
  if (s.includes('GROUP BY o.id, o.name')) return 'festival rules: teachers per unit';
  if (s.includes('compliance_results')) return 'quota rules: compliance_results';
  if (s.includes("'health_checkup'")) return 'check-up due: teachers without a check-up';
  if (s.includes('follow_up_on')) return 'care follow-ups';
  if (s.includes('ANY(t.tags)')) return 'hardship follow-ups';
  return s.slice(0, 60);
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
  'Sort Method'?: string;
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
    n['Sort Method'] ? n['Sort Method'] : '',
  ]
    .filter(Boolean)
    .join(', ');
  if (depth <= 5)
    out.push(
      `${'  '.repeat(depth)}${n['Node Type']}${on ? ` ${on}` : ''}: ${n['Actual Rows'] * n['Actual Loops']} rows, ` +
        `${n['Actual Total Time'].toFixed(1)} ms${extra ? ` (${extra})` : ''}`,
    );
  for (const c of n.Plans ?? []) planLines(c, depth + 1, out);
  return out;
}

class Rollback extends Error {}

/** EXPLAIN (ANALYZE, BUFFERS) of one statement in `scope`, rolled back whatever it wrote. */
async function explain(
  app: DataSource,
  scope: Scope,
  sql: string,
  params: unknown[],
): Promise<Omit<PlanSummary, 'what' | 'ms'>> {
  let out: Omit<PlanSummary, 'what' | 'ms'> | undefined;
  await inScope(app, scope, async (em) => {
    const [row] = (await em.query(`EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${sql}`, params)) as {
      'QUERY PLAN': [{ Plan: PlanNode; 'Planning Time': number; 'Execution Time': number }];
    }[];
    const top = row!['QUERY PLAN'][0];
    out = {
      lines: planLines(top.Plan),
      notes: planNotes(top.Plan as unknown as Parameters<typeof planNotes>[0]),
      planningMs: top['Planning Time'],
      executionMs: top['Execution Time'],
      orgScans: countNodes(top.Plan, (n) => n['Node Type'] === 'Seq Scan' && n['Relation Name'] === 'orgs'),
    };
    throw new Rollback();
  }).catch((e: unknown) => {
    if (!(e instanceof Rollback)) throw e;
  });
  return out!;
}

function countNodes(
  n: PlanNode,
  match: (n: PlanNode) => boolean,
): { count: number; ms: number; rows: number } {
  const here = match(n)
    ? {
        count: n['Actual Loops'],
        ms: n['Actual Total Time'] * n['Actual Loops'],
        rows: n['Actual Rows'] + (n['Rows Removed by Filter'] ?? 0),
      }
    : { count: 0, ms: 0, rows: 0 };
  for (const c of n.Plans ?? []) {
    const below = countNodes(c, match);
    here.count += below.count;
    here.ms += below.ms;
    here.rows = Math.max(here.rows, below.rows);
  }
  return here;
}

/**
 * The delivery job's first statement, as apps/worker/src/notifications/deliver-job.ts sends it (in the
 * system scope), for one delivered row.
 */
const DELIVER_SELECT = `SELECT d.id, d.channel, d.status, d.attempts, n.title, n.body, n.link, np.channels, np.email,
                np.wecom_webhook_enc, np.dingtalk_webhook_enc, np.dingtalk_secret_enc
           FROM notification_deliveries d
           JOIN notifications n ON n.id = d.notification_id
           LEFT JOIN notification_preferences np ON np.user_id = d.user_id
          WHERE d.id = $1
          FOR UPDATE OF d SKIP LOCKED`;

/**
 * The first evaluation of the benchmarked union again, run directly in this process as the
 * application role with every statement timed: its reminders (and their notifications) are deleted
 * first and come back the same. Twice, the first not counted (this process's code and lunar tables
 * warm up, as the worker's had). Then EXPLAIN ANALYZE of the slowest scan batch in the tenant's
 * scope, rolled back.
 */
async function breakdown(
  owner: DataSource,
  opts: RemindersBenchOptions,
  tenant: { id: string; path: string },
  day: IsoDate,
): Promise<Breakdown> {
  const forget = () =>
    asSystem(owner, async (em) => {
      await em.query(
        `DELETE FROM notifications WHERE reminder_id IN (SELECT id FROM reminders WHERE tenant_id = $1)`,
        [tenant.id],
      );
      await em.query(`DELETE FROM reminders WHERE tenant_id = $1`, [tenant.id]);
    });
  const ref = { id: tenant.id, path: tenant.path, timeZone: 'Asia/Shanghai' };
  const app = await createDataSource({
    url: opts.db.appUrl,
    poolSize: 1,
    applicationName: 'guanai-bench-trace',
  }).initialize();
  try {
    const statements: { sql: string; params: unknown[]; ms: number }[] = [];
    // evaluateTenantDay reaches the database only through inScope → ds.transaction: time every em.query.
    const traced = Object.create(app, {
      transaction: {
        value: (work: (em: EntityManager) => Promise<unknown>) =>
          app.transaction((em) => {
            const query = em.query.bind(em);
            em.query = (async (sql: string, params?: unknown[]) => {
              const t = performance.now();
              const out: unknown = await query(sql, params);
              statements.push({ sql, params: params ?? [], ms: performance.now() - t });
              return out;
            }) as EntityManager['query'];
            return work(em);
          }),
      },
    }) as DataSource;
    await forget();
    await evaluateTenantDay(app, ref, day);
    await forget();
    const t = performance.now();
    const result = await evaluateTenantDay(traced, ref, day);
    const totalMs = performance.now() - t;
    const groups = new Map<string, StatementGroup>();
    for (const s of statements) {
      const what = statementKind(s.sql);
      const g = groups.get(what) ?? { what, count: 0, ms: 0 };
      g.count++;
      g.ms += s.ms;
      groups.set(what, g);
    }
    const sorted = [...groups.values()].sort((a, b) => b.ms - a.ms);
    const plans: PlanSummary[] = [];
    // The inserts are not explained: their rows exist by now, and only the conflict path would show.
    for (const kind of ['registry scan: keyset batch of teachers']) {
      const mine = statements.filter((s) => statementKind(s.sql) === kind);
      if (!mine.length) continue;
      const worst = mine.reduce((a, b) => (b.ms > a.ms ? b : a));
      plans.push({
        ...(await explain(
          app,
          { path: tenant.path, requestId: 'bench:reminders.explain' },
          worst.sql,
          worst.params,
        )),
        what: kind,
        ms: worst.ms,
      });
    }
    const statementMs = statements.reduce((s, x) => s + x.ms, 0);
    return {
      tenant: tenant.id,
      teachers: result.scanned,
      created: result.created,
      totalMs,
      groups: sorted,
      otherMs: totalMs - statementMs,
      plans,
    };
  } finally {
    await app.destroy();
  }
}

/** Users, preferences (email and a sealed WeCom robot URL), notifications and their outbox rows. */
async function prepareDeliveries(
  owner: DataSource,
  opts: RemindersBenchOptions,
  robotPort: number,
  sets: number,
): Promise<{ notifications: string[][] }> {
  const cipher = cipherOf({ FIELD_KEYS: opts.env.FIELD_KEYS, LOOKUP_HASH_KEY: opts.env.LOOKUP_HASH_KEY });
  const schools = opts.list.schools;
  return asSystem(owner, async (em) => {
    const users = (await em.query(
      `INSERT INTO users (org_id, username, display_name, role, password_hash, must_change_password)
       SELECT ($1::uuid[])[1 + i % cardinality($1::uuid[])], 'bench.notify.' || i, '压测通知对象 ' || i, 'unit_officer', '!', false
         FROM generate_series(0, $2::int - 1) AS i
       RETURNING id::text AS id, org_id::text AS org_id`,
      [schools.map((s) => s.id), DELIVERY_USERS],
    )) as { id: string; org_id: string }[];
    const hooks = users.map((u, i) =>
      cipher.encrypt(`http://127.0.0.1:${robotPort}/cgi-bin/webhook/send?key=bench-${i}`),
    );
    await em.query(
      `INSERT INTO notification_preferences (user_id, org_id, channels, email, wecom_webhook_enc)
       SELECT u, o, ARRAY['email','wecom'], 'bench.notify.' || n || '@bench.invalid', h
         FROM unnest($1::uuid[], $2::uuid[], $3::text[]) WITH ORDINALITY AS x(u, o, h, n)`,
      [users.map((u) => u.id), users.map((u) => u.org_id), hooks],
    );
    const reminders = (await em.query(`SELECT id::text AS id, title FROM reminders ORDER BY id LIMIT $1`, [
      DELIVERIES * sets,
    ])) as { id: string; title: string }[];
    if (reminders.length < DELIVERIES * sets)
      throw new Error(`only ${reminders.length} reminders to notify, not ${DELIVERIES * sets}`);
    const rows = (await em.query(
      `INSERT INTO notifications (user_id, org_id, kind, reminder_id, round, title, body, link)
       SELECT ($1::uuid[])[1 + (n - 1) % cardinality($1::uuid[])], ($2::uuid[])[1 + (n - 1) % cardinality($2::uuid[])],
              'reminder', r, 1, t, '日期：压测', '/reminders?id=' || r
         FROM unnest($3::uuid[], $4::text[]) WITH ORDINALITY AS x(r, t, n)
       RETURNING id::text AS id`,
      [
        users.map((u) => u.id),
        users.map((u) => u.org_id),
        reminders.map((r) => r.id),
        reminders.map((r) => r.title),
      ],
    )) as { id: string }[];
    const ids = rows.map((r) => r.id);
    return {
      notifications: Array.from({ length: sets }, (_, i) => ids.slice(i * DELIVERIES, (i + 1) * DELIVERIES)),
    };
  });
}

/** One channel's outbox rows for every notification, handed to the worker and timed until all are sent. */
async function deliverChannel(
  owner: DataSource,
  queue: BullMQ.Queue,
  worker: ApiProcess,
  notifications: string[],
  channel: 'email' | 'wecom',
  label: string,
  greetingDelayMs: number | null,
  received: () => number,
  database: string,
  log: (m: string) => void,
): Promise<ChannelFigures> {
  const ids = (await asSystem(owner, (em) =>
    em.query(
      `INSERT INTO notification_deliveries (notification_id, user_id, org_id, channel, title)
       SELECT n.id, n.user_id, n.org_id, $2, n.title FROM notifications n WHERE n.id = ANY($1::uuid[])
       RETURNING id::text AS id`,
      [notifications, channel],
    ),
  )) as { id: string }[];
  const options = deliveryJobOptions(
    ConfigSchema.pick({ NOTIFY_MAX_ATTEMPTS: true, NOTIFY_BACKOFF_MS: true }).parse({}),
  );
  const before = received();
  const cpu0 = processCpuMs(worker.pid);
  const pg0 = postgresCpuByPid(database);
  const { out, peakKiB } = await peakDuring(worker.pid!, async () => {
    const t = performance.now();
    // As the worker enqueues them (enqueueDeliveries): 500 per addBulk, the job named after the row.
    for (let i = 0; i < ids.length; i += 500)
      await queue.addBulk(
        ids.slice(i, i + 500).map((d) => ({
          name: 'notifications.deliver',
          data: { deliveryId: d.id },
          opts: { ...options, jobId: deliveryJobId(d.id) },
        })),
      );
    let last = performance.now();
    for (;;) {
      if (worker.exitCode !== null) throw new Error(`the worker exited during delivery:\n${worker.output()}`);
      // Only this step's rows are pending (the earlier steps' are all sent or dead): a count on the
      // partial index, cheap enough to poll without taking the database's time from the worker.
      const [{ pending }] = (await asSystem(owner, (em) =>
        em.query(`SELECT count(*)::int AS pending FROM notification_deliveries WHERE status = 'pending'`),
      )) as { pending: number }[];
      if (pending === 0) break;
      if (performance.now() - last > 5_000) {
        log(`  ${ids.length - pending} of ${ids.length} ${channel} deliveries sent or dead`);
        last = performance.now();
      }
      await sleep(100);
    }
    const wallSeconds = (performance.now() - t) / 1000;
    const [c] = (await asSystem(owner, (em) =>
      em.query(
        `SELECT count(*) FILTER (WHERE status = 'sent')::int AS sent, count(*) FILTER (WHERE status = 'dead')::int AS dead,
                count(*) FILTER (WHERE attempts > 1)::int AS retried
           FROM notification_deliveries WHERE id = ANY($1::uuid[])`,
        [ids.map((d) => d.id)],
      ),
    )) as { sent: number; dead: number; retried: number }[];
    return { ...c!, wallSeconds };
  });
  let postgresMs = 0;
  for (const [p, ms] of postgresCpuByPid(database)) postgresMs += ms - (pg0.get(p) ?? 0);
  return {
    channel,
    label,
    greetingDelayMs,
    deliveries: ids.length,
    workerCpuSeconds: (processCpuMs(worker.pid) - cpu0) / 1000,
    postgresCpuSeconds: postgresMs / 1000,
    wallSeconds: out.wallSeconds,
    perSecond: ids.length / out.wallSeconds,
    sent: out.sent,
    dead: out.dead,
    retried: out.retried,
    received: received() - before,
    peakRssMiB: mib(peakKiB),
  };
}

export async function benchReminders(opts: RemindersBenchOptions): Promise<RemindersFigures> {
  const { log } = opts;
  // Not a dependency of the bench: the worker's own bullmq, to add jobs as the worker and API do.
  const bullmq = createRequire(join(opts.repoRoot, 'apps/worker/package.json'))('bullmq') as typeof BullMQ;

  const today = todayInShanghai();
  const day = addDays(today, DAY_OFFSET);
  // This year's programmes (the compliance benchmark's year); a day early next year still runs them.
  const year = Number(today.slice(0, 4));
  const owner = await createDataSource({
    url: opts.db.ownerUrl,
    poolSize: 2,
    applicationName: 'guanai-bench-reminders',
  }).initialize();
  const mail = await smtpSink();
  const robot = await robotSink();
  const connection = redisOptions(opts.env.REDIS_URL);
  const reminders = new bullmq.Queue('reminders', { connection, prefix: opts.env.REDIS_PREFIX });
  const notifications = new bullmq.Queue('notifications', { connection, prefix: opts.env.REDIS_PREFIX });
  let worker: ApiProcess | undefined;
  try {
    const prog = await ensureProgrammes(owner, opts, year);
    log(
      prog.reused
        ? `${prog.programmes} unions' programmes for ${year}: the compliance benchmark's`
        : `the Leiyang plan adopted by ${prog.programmes} unions for ${year} in ${prog.seconds.toFixed(1)} s`,
    );
    const tenants = prog.unions.map((u) => u.id);

    // About 15 % of the teachers keep their birthday by the lunar calendar.
    let t = performance.now();
    const [{ lunar, teachers }] = (await asSystem(owner, async (em) => {
      await em.query(
        `UPDATE teachers SET birthday_calendar = 'lunar' WHERE get_byte(uuid_send(id), 0) < $1 AND birthday_calendar <> 'lunar'`,
        [Math.round(LUNAR_SHARE * 256)],
      );
      return em.query(
        `SELECT count(*) FILTER (WHERE birthday_calendar = 'lunar')::int AS lunar, count(*)::int AS teachers
           FROM teachers WHERE status = 'active' AND tenant_id = ANY($1::uuid[])`,
        [tenants],
      );
    })) as { lunar: number; teachers: number }[];
    const lunarSeconds = (performance.now() - t) / 1000;
    t = performance.now();
    await owner.query('VACUUM (ANALYZE) teachers');
    const vacuumSeconds = (performance.now() - t) / 1000;
    log(
      `${lunar.toLocaleString('en-US')} of ${teachers.toLocaleString('en-US')} active teachers made lunar-birthday in ` +
        `${lunarSeconds.toFixed(1)} s, VACUUM (ANALYZE) teachers ${vacuumSeconds.toFixed(1)} s`,
    );
    // The worker evaluates today on start for a tenant whose hour has passed without a run: marked done,
    // so only the benchmark's day runs.
    await asSystem(owner, (em) =>
      em.query(
        `INSERT INTO reminder_runs (org_id, day, status, finished_at)
         SELECT o.id, d::date, 'done', now() FROM orgs o, unnest($1::date[]) AS d
          WHERE o.kind IN ('city','county','university') AND o.active
         ON CONFLICT (org_id, day) DO NOTHING`,
        [[addDays(today, -1), today, addDays(today, 1)]],
      ),
    );

    const env = {
      ...opts.env,
      PORT: '0',
      SMTP_URL: `smtp://127.0.0.1:${mail.port}`,
      WEBHOOK_ALLOWED_HOSTS: '127.0.0.1',
    } as ApiEnv;
    log('starting the worker');
    worker = ApiProcess.start(opts.repoRoot, env, 'apps/worker/dist/main.js');
    opts.track(worker);
    // Ready when its start-up is done: every tenant's scheduler and the fixed schedules are in Redis.
    const maintenance = new bullmq.Queue('maintenance', { connection, prefix: opts.env.REDIS_PREFIX });
    try {
      await within(
        60_000,
        'the worker start',
        (async () => {
          for (;;) {
            if (worker!.exitCode !== null)
              throw new Error(`the worker exited at start:\n${worker!.output()}`);
            const [r, m] = await Promise.all([
              reminders.getJobSchedulersCount(),
              maintenance.getJobSchedulersCount(),
            ]);
            if (r > tenants.length && m >= 2) return;
            await sleep(250);
          }
        })(),
      );
    } finally {
      await maintenance.close();
    }
    await sleep(2_000);
    const startedAt = (await owner.query(`SELECT now()::text AS now`))[0].now as string;

    log(
      `first evaluation of ${day}: ${tenants.length} reminders.evaluate jobs, ${teachers.toLocaleString('en-US')} teachers`,
    );
    const first = await within(
      10 * 60_000,
      'the first evaluation',
      evaluateAll(owner, reminders, worker, opts, tenants, day, teachers, ''),
    );
    log(
      `  ${first.wallSeconds.toFixed(1)} s: ${first.created.toLocaleString('en-US')} reminders ` +
        `(${Math.round(first.created / first.wallSeconds).toLocaleString('en-US')}/s), ` +
        `${Math.round(first.scanned / first.wallSeconds).toLocaleString('en-US')} teachers/s; per tenant p50 ` +
        `${first.perTenant.p50.toFixed(0)} ms, max ${first.perTenant.max.toFixed(0)} ms; worker peak RSS ` +
        `${first.peakRssMiB.toFixed(0)} MiB; CPU worker ${first.workerCpuSeconds.toFixed(1)} s, PostgreSQL ${first.postgresCpuSeconds.toFixed(1)} s`,
    );
    const [{ n: stored }] = (await asSystem(owner, (em) =>
      em.query(`SELECT count(*)::int AS n FROM reminders WHERE tenant_id = ANY($1::uuid[])`, [tenants]),
    )) as { n: number }[];
    if (stored !== first.created)
      throw new Error(`reminder_runs count ${first.created} new reminders, the table holds ${stored}`);

    log(`second evaluation of ${day} (idempotent)`);
    const second = await within(
      10 * 60_000,
      'the second evaluation',
      evaluateAll(owner, reminders, worker, opts, tenants, day, teachers, '-again'),
    );
    log(
      `  ${second.wallSeconds.toFixed(1)} s, ${second.created} created; per tenant p50 ${second.perTenant.p50.toFixed(0)} ms`,
    );

    const byRule = (await asSystem(owner, (em) =>
      em.query(
        `SELECT rule_key AS rule, count(*)::int AS count FROM reminders GROUP BY rule_key ORDER BY count DESC, rule_key`,
      ),
    )) as { rule: string; count: number }[];
    const [{ lunarBirthdays, strayRuns }] = (await asSystem(owner, (em) =>
      em.query(
        `SELECT (SELECT count(*) FROM reminders WHERE rule_key = 'birthday_greeting' AND detail ? 'lunar')::int AS "lunarBirthdays",
                (SELECT count(*) FROM reminder_runs WHERE day <> $1 AND started_at >= $2::timestamptz)::int AS "strayRuns"`,
        [day, startedAt],
      ),
    )) as { lunarBirthdays: number; strayRuns: number }[];
    if (strayRuns) log(`  WARNING: ${strayRuns} evaluations of other days ran during the measurement`);

    const union = prog.unions[0]!;
    log(`where one union's evaluation spends its time: ${union.id}, traced in this process`);
    const trace = await within(5 * 60_000, 'the breakdown', breakdown(owner, opts, union, day));
    log(
      `  ${trace.totalMs.toFixed(0)} ms, ${trace.created} reminders: ` +
        trace.groups.map((g) => `${g.what} ${g.count}× ${g.ms.toFixed(0)} ms`).join('; ') +
        `; other (JS, BEGIN/COMMIT) ${trace.otherMs.toFixed(0)} ms`,
    );
    for (const p of trace.plans) log(`  ${p.what} (${p.ms.toFixed(0)} ms):\n    ${p.lines.join('\n    ')}`);

    log(
      `deliveries: ${DELIVERIES.toLocaleString('en-US')} emails twice (SMTP sink greeting at once, then after ` +
        `${SLOW_GREETING_MS} ms), then ${DELIVERIES.toLocaleString('en-US')} WeCom webhooks`,
    );
    // Two sets of notifications: an outbox row is unique per notification and channel.
    const { notifications: sets } = await prepareDeliveries(owner, opts, robot.port, 2);
    const deliveries: ChannelFigures[] = [];
    const phases = [
      {
        channel: 'email',
        set: 0,
        greeting: 0,
        label: 'email, SMTP server greeting at once',
        sink: mail.received,
      },
      {
        channel: 'email',
        set: 1,
        greeting: SLOW_GREETING_MS,
        label: `email, SMTP server greeting after ${SLOW_GREETING_MS} ms (as smtp-server does)`,
        sink: mail.received,
      },
      {
        channel: 'wecom',
        set: 0,
        greeting: null,
        label: 'WeCom group robot (HTTP POST)',
        sink: robot.received,
      },
    ] as const;
    for (const p of phases) {
      if (p.greeting !== null) mail.setGreetingDelay(p.greeting);
      const c = await within(
        10 * 60_000,
        `${p.channel} deliveries`,
        deliverChannel(
          owner,
          notifications,
          worker,
          sets[p.set]!,
          p.channel,
          p.label,
          p.greeting,
          p.sink,
          opts.db.name,
          log,
        ),
      );
      log(
        `  ${p.label}: ${c.sent} sent, ${c.dead} dead in ${c.wallSeconds.toFixed(1)} s (${c.perSecond.toFixed(0)}/s), ` +
          `${c.received} received, worker peak RSS ${c.peakRssMiB.toFixed(0)} MiB; CPU worker ` +
          `${c.workerCpuSeconds.toFixed(1)} s, PostgreSQL ${c.postgresCpuSeconds.toFixed(1)} s`,
      );
      deliveries.push(c);
    }
    const app = await createDataSource({
      url: opts.db.appUrl,
      poolSize: 1,
      applicationName: 'guanai-bench-explain',
    }).initialize();
    let deliverPlan: PlanSummary;
    try {
      const [{ id }] = (await asSystem(owner, (em) =>
        em.query(
          `SELECT id::text AS id FROM notification_deliveries WHERE status = 'sent' ORDER BY id LIMIT 1`,
        ),
      )) as { id: string }[];
      // Twice: the first plans cold.
      await explain(app, systemScope('notifications.deliver'), DELIVER_SELECT, [id]);
      const p = await explain(app, systemScope('notifications.deliver'), DELIVER_SELECT, [id]);
      deliverPlan = {
        ...p,
        what: "the delivery job's SELECT … FOR UPDATE OF d SKIP LOCKED",
        ms: p.executionMs,
      };
      log(
        `  the delivery job's SELECT: planning ${p.planningMs.toFixed(1)} ms, execution ${p.executionMs.toFixed(1)} ms, ` +
          `${p.orgScans.count} scans of orgs (${p.orgScans.rows} rows each) ${p.orgScans.ms.toFixed(1)} ms`,
      );
    } finally {
      await app.destroy();
    }

    return {
      cores: cpus().length,
      day,
      seed: {
        programmes: prog.programmes,
        reusedProgrammes: prog.reused,
        programmeSeconds: prog.seconds,
        teachers,
        lunar,
        lunarSeconds,
        vacuumSeconds,
      },
      first,
      second,
      byRule,
      lunarBirthdays,
      strayRuns,
      breakdown: trace,
      deliveries,
      deliverPlan,
      notifyConcurrency: ConfigSchema.shape.NOTIFY_CONCURRENCY.parse(undefined),
    };
  } finally {
    if (worker) {
      await within(20_000, 'stopping the worker', worker.stop()).catch((e: Error) =>
        log(`could not stop the worker: ${e.message}`),
      );
      opts.track(undefined);
    }
    await Promise.allSettled([reminders.close(), notifications.close()]);
    await Promise.allSettled([mail.close(), robot.close()]);
    await owner.destroy();
  }
}
