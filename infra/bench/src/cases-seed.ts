// Issue 6's benchmark data: 200,000 dispute cases over the teacher-list database's 100 unions, with
// their applicants and timelines, written by COPY in seconds. Every case follows the workflow the API
// enforces (states reached by allowed transitions only, the dated facts of each step), ends up where
// its age lets it, and carries the next_due_on the API would have stored (the domain's own rule).
import { createHash } from 'node:crypto';
import {
  createDataSource,
  createUser,
  hashPassword,
  inScope,
  nextDueOn,
  systemScope,
  type OrgEntity,
} from '@guanai/db';
import type { TestDatabase } from '@guanai/db/testing';
import { BUILTIN_HOLIDAY_YEARS, holidayCalendar, todayInShanghai } from '@guanai/domain';
import { cipherOf, type GenKeys } from './teacher-gen';
import { copyFrom, type TeacherListData } from './teacher-list-seed';

const DAY = 86_400_000;
/** Intake dates run over the last two years, oldest first (the heap in intake order, as in production). */
const SPAN_DAYS = 730;
/** Handlers per union; the first of the benchmarked union's is the one the bench logs in as. */
const HANDLERS = 2;
/** Teachers per union the applicants are drawn from. */
const APPLICANT_POOL = 40;
export const HANDLER_PASSWORD = 'Bench-Handler-Passw0rd';

type State =
  | 'submitted'
  | 'accepted'
  | 'declined'
  | 'mediation'
  | 'settled'
  | 'mediation_failed'
  | 'arbitration'
  | 'litigation'
  | 'closed'
  | 'withdrawn';

interface Step {
  action: string;
  from: State | null;
  to: State;
  /** Days after the previous step. */
  gap: number;
  /** What an update_facts step records: the commission's acceptance or its award. */
  fact?: 'accepted' | 'award';
}

export interface CasesUnion {
  id: string;
  name: string;
  schools: { id: string; name: string }[];
  teachers: string[];
  handlers: { id: string; name: string; username: string }[];
}

export interface CasesSeedFigures {
  cases: number;
  applicants: number;
  events: number;
  unions: number;
  /** Cases of the benchmarked union, and of them taken in this year (what its report counts). */
  benchCases: number;
  benchThisYear: number;
  byState: Record<string, number>;
  /** Open cases whose next deadline has passed, over all unions. */
  overdue: number;
  usersSeconds: number;
  copySeconds: number;
  vacuumSeconds: number;
  totalSeconds: number;
  /** dispute_cases, dispute_case_applicants and dispute_case_events with indexes and TOAST. */
  tablesMiB: number;
  directCopy: boolean;
}

export interface CasesData {
  unions: CasesUnion[];
  /** The benchmarked union (the list fixture's tenant) and the handler the bench logs in as. */
  bench: CasesUnion;
  seed: CasesSeedFigures;
}

/**
 * sfc32 seeded from the md5 of the case's number: a case's plan is the same each time it is generated
 * (once per table), and 128 bits of state keep 200,000 cases' sequences apart (a 32-bit generator's
 * sequences overlap and repeat whole plans, ids included).
 */
function rng(key: string): () => number {
  const h = createHash('md5').update(key).digest();
  let a = h.readUInt32LE(0);
  let b = h.readUInt32LE(4);
  let c = h.readUInt32LE(8);
  let d = h.readUInt32LE(12);
  return () => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
}

/** A version-4 uuid of the case's number: unique (md5 of distinct texts), random-looking like randomUUID's. */
function uuid(key: string): string {
  const b = createHash('md5').update(`id:${key}`).digest();
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

const int = (r: () => number, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
function pick<T>(r: () => number, weighted: readonly (readonly [T, number])[]): T {
  const total = weighted.reduce((n, [, w]) => n + w, 0);
  let x = r() * total;
  for (const [v, w] of weighted) if ((x -= w) < 0) return v;
  return weighted[weighted.length - 1]![0];
}

const CATEGORIES = [
  ['wage_arrears', 30],
  ['social_insurance_housing_fund', 20],
  ['termination_dismissal', 15],
  ['hours_leave', 10],
  ['appointment_title_evaluation', 10],
  ['discipline', 5],
  ['other', 10],
] as const;

/** How a case would run if nothing stopped it (then cut by its age, and some stall on the way). */
const DESTINIES = [
  ['declined', 7],
  ['withdrawn', 8],
  ['settled', 38],
  ['arbitration', 30],
  ['litigation', 17],
] as const;

function stepsFor(destiny: (typeof DESTINIES)[number][0], r: () => number): Step[] {
  const s = (action: string, from: State | null, to: State, gap: number, fact?: Step['fact']): Step => ({
    action,
    from,
    to,
    gap,
    fact,
  });
  const intake = [s('submit', null, 'submitted', 0)];
  if (destiny === 'declined') return [...intake, s('decline', 'submitted', 'declined', int(r, 1, 7))];
  const mediation = [
    ...intake,
    s('accept', 'submitted', 'accepted', int(r, 1, 5)),
    s('start_mediation', 'accepted', 'mediation', int(r, 2, 10)),
  ];
  if (destiny === 'withdrawn')
    return r() < 0.5
      ? [...mediation.slice(0, 2), s('withdraw', 'accepted', 'withdrawn', int(r, 2, 20))]
      : [...mediation, s('withdraw', 'mediation', 'withdrawn', int(r, 3, 30))];
  // Most mediations end within the 15 days of 第十四条; some run over.
  const ends = int(r, 5, r() < 0.8 ? 15 : 30);
  if (destiny === 'settled')
    return [
      ...mediation,
      s('settle', 'mediation', 'settled', ends),
      s('close', 'settled', 'closed', int(r, 10, 90)),
    ];
  const arbitration = [
    ...mediation,
    s('fail_mediation', 'mediation', 'mediation_failed', ends),
    s('start_arbitration', 'mediation_failed', 'arbitration', int(r, 2, 20)),
    // The commission's acceptance, recorded on the case (受理日): the award period runs from it.
    s('update_facts', 'arbitration', 'arbitration', int(r, 3, 10), 'accepted'),
    // The award, mostly within the 45 days of 第四十三条, sometimes late.
    s('update_facts', 'arbitration', 'arbitration', int(r, 20, r() < 0.85 ? 45 : 60), 'award'),
  ];
  if (destiny === 'arbitration') return [...arbitration, s('close', 'arbitration', 'closed', int(r, 5, 30))];
  return [
    ...arbitration,
    // Suing within 15 days of the award (第四十八条、第五十条).
    s('start_litigation', 'arbitration', 'litigation', int(r, 3, 15)),
    s('close', 'litigation', 'closed', int(r, 60, 200)),
  ];
}

interface Plan {
  id: string;
  union: CasesUnion;
  handler: CasesUnion['handlers'][number];
  category: string;
  respondent: { kind: string; orgId: string | null; name: string };
  claimedFen: number;
  knewOn: string;
  wageArrearsOngoing: boolean;
  createdAt: number;
  steps: (Step & { at: number })[];
  state: State;
  applicants: string[];
  columns: {
    mediator_name: string | null;
    mediation_applied_on: string | null;
    mediation_ended_on: string | null;
    arbitration_applied_on: string | null;
    arbitration_accepted_on: string | null;
    award_on: string | null;
    litigation_filed_on: string | null;
    outcome: string | null;
    recovered_fen: number | null;
    closed_on: string | null;
  };
}

// Shanghai keeps UTC+8 all year (no summer time): the day is the UTC day eight hours on, which is much
// cheaper than Intl for the millions of dates the seed writes (todayInShanghai agrees; see today.spec.ts).
const day = (ms: number) => new Date(ms + 8 * 3600_000).toISOString().slice(0, 10);

/** Case `i` of `n`, the same every time it is asked for. */
function plan(i: number, n: number, unions: CasesUnion[], now: number): Plan {
  const r = rng(`case:${i}`);
  const union = unions[i % unions.length]!;
  const handler = union.handlers[int(r, 0, union.handlers.length - 1)]!;
  const ageDays = ((n - i) / n) * SPAN_DAYS;
  const createdAt = now - ageDays * DAY - int(r, 0, 3600_000);
  const category = pick(r, CATEGORIES);
  const knewOn = day(createdAt - int(r, 1, 330) * DAY);
  const kind = pick(r, [
    ['registry_school', 60],
    ['private_school', 25],
    ['outside_employer', 15],
  ] as const);
  const school = union.schools[int(r, 0, union.schools.length - 1)]!;
  const respondent =
    kind === 'registry_school'
      ? { kind, orgId: school.id, name: school.name }
      : {
          kind,
          orgId: null,
          name: kind === 'private_school' ? `民办学校 ${int(r, 1, 200)}` : `某公司 ${int(r, 1, 500)}`,
        };
  const claimedFen = category === 'wage_arrears' || r() < 0.6 ? int(r, 1, 6000) * 1000 : 0;

  // The planned path, cut where the case stalls (15 %) and where its age ends.
  let steps = stepsFor(pick(r, DESTINIES), r);
  if (r() < 0.15) steps = steps.slice(0, int(r, 1, steps.length - 1));
  const timed: (Step & { at: number })[] = [];
  let at = createdAt;
  for (const step of steps) {
    at += step.gap * DAY + (step.gap ? int(r, 0, 8 * 3600_000) : 0);
    if (at > now) break;
    timed.push({ ...step, at });
  }
  const state = timed[timed.length - 1]!.to;
  const when = (action: string, fact?: Step['fact']) => {
    const s = timed.find((x) => x.action === action && x.fact === fact);
    return s ? day(s.at) : null;
  };
  const outcome =
    state !== 'closed'
      ? null
      : timed.some((x) => x.action === 'settle')
        ? pick(r, [
            ['settled', 85],
            ['other', 15],
          ] as const)
        : pick(r, [
            ['upheld', 35],
            ['partly_upheld', 40],
            ['dismissed', 25],
          ] as const);
  const share =
    outcome === 'upheld' || outcome === 'settled'
      ? 0.6 + r() * 0.4
      : outcome === 'partly_upheld'
        ? 0.2 + r() * 0.5
        : 0;
  const ended = timed.find((x) => x.to === 'closed' || x.to === 'declined' || x.to === 'withdrawn');
  const wageArrearsOngoing = category === 'wage_arrears' && r() < 0.2;
  const columns = {
    mediator_name: when('start_mediation') ? '县劳动人事争议调解委员会' : null,
    mediation_applied_on: when('start_mediation'),
    mediation_ended_on: when('settle') ?? when('fail_mediation'),
    arbitration_applied_on: when('start_arbitration'),
    arbitration_accepted_on: when('update_facts', 'accepted'),
    award_on: when('update_facts', 'award'),
    litigation_filed_on: when('start_litigation'),
    outcome,
    recovered_fen: outcome === null ? null : Math.round((claimedFen * share) / 100) * 100,
    closed_on: ended ? day(ended.at) : null,
  };
  // Most cases have one applicant; collective disputes (集体争议) a few.
  const count = pick(r, [
    [1, 85],
    [2, 10],
    [3, 5],
  ] as const);
  const applicants = new Set<string>();
  while (applicants.size < Math.min(count, union.teachers.length))
    applicants.add(union.teachers[int(r, 0, union.teachers.length - 1)]!);
  return {
    id: uuid(String(i)),
    union,
    handler,
    category,
    respondent,
    claimedFen,
    knewOn,
    wageArrearsOngoing,
    createdAt,
    steps: timed,
    state,
    applicants: [...applicants],
    columns,
  };
}

/** What the API stores on each write: the earliest running deadline (the domain's rule, the shipped calendar). */
function nextDue(p: Plan, today: string): string | null {
  const c = p.columns;
  return nextDueOn(
    {
      knew_on: p.knewOn,
      wage_arrears_ongoing: p.wageArrearsOngoing,
      mediation_applied_on: c.mediation_applied_on,
      mediation_ended_on: c.mediation_ended_on,
      arbitration_applied_on: c.arbitration_applied_on,
      arbitration_accepted_on: c.arbitration_accepted_on,
      award_extension_days: null,
      award_on: c.award_on,
      custom_deadlines: [],
      state: p.state,
    },
    today,
    CALENDAR,
  );
}

const CALENDAR = holidayCalendar(BUILTIN_HOLIDAY_YEARS);

const SPECIAL = /[\\\t\n\r]/;
const cell = (v: string | number | boolean | null) => {
  if (v === null) return '\\N';
  const s = String(v);
  return SPECIAL.test(s)
    ? s.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r')
    : s;
};
const line = (values: (string | number | boolean | null)[]) => `${values.map(cell).join('\t')}\n`;

// Column lists of the three COPYs, in the order the row formatters below write them.
const CASE_COLUMNS =
  `id org_id category respondent_kind respondent_org_id respondent_name claimed_fen claims_enc
  facts_enc knew_on wage_arrears_ongoing state handler_id submitted_by mediator_name mediation_applied_on
  mediation_ended_on arbitration_applied_on arbitration_accepted_on award_on litigation_filed_on outcome
  recovered_fen closed_on next_due_on created_at updated_at version`.split(/\s+/);
const APPLICANT_COLUMNS = ['case_id', 'teacher_id', 'org_id'];
const EVENT_COLUMNS =
  `case_id org_id actor_id actor_name action from_state to_state details created_at`.split(/\s+/);

/** Rows of one table for every case, in chunks of about 1 MB. */
async function* rows(
  n: number,
  make: (i: number) => Plan,
  format: (p: Plan) => string,
): AsyncGenerator<Buffer> {
  let chunk = '';
  for (let i = 0; i < n; i++) {
    chunk += format(make(i));
    if (chunk.length > 1 << 20) {
      yield Buffer.from(chunk);
      chunk = '';
    }
  }
  if (chunk) yield Buffer.from(chunk);
}

/** The unions of the list database under its province, the fixture's first; their schools, teachers and handlers. */
async function loadUnions(db: TestDatabase, list: TeacherListData): Promise<CasesUnion[]> {
  const owner = await createDataSource({
    url: db.ownerUrl,
    poolSize: 1,
    applicationName: 'guanai-bench-seed',
  }).initialize();
  try {
    return await owner.transaction(async (em) => {
      await em.query(`SELECT set_config('app.scope_path', '/', true)`);
      const unions = (await em.query(
        `SELECT u.id::text AS id, u.name,
                (SELECT json_agg(json_build_object('id', s.id, 'name', s.name) ORDER BY s.path) FROM orgs s
                  WHERE s.tenant_id = u.id AND s.kind = 'school') AS schools,
                array(SELECT t.id::text FROM teachers t WHERE t.tenant_id = u.id ORDER BY t.id LIMIT ${APPLICANT_POOL}) AS teachers
           FROM orgs u WHERE u.kind = 'county' AND u.parent_id = $1
          ORDER BY u.id = $2 DESC, u.path`,
        [list.fixture.province.id, list.fixture.tenant.id],
      )) as Omit<CasesUnion, 'handlers'>[];
      return unions.map((u) => ({ ...u, handlers: [] }));
    });
  } finally {
    await owner.destroy();
  }
}

/** Case handlers (维权专员) of every union, through the shared builder, with one password hash for all. */
async function createHandlers(db: TestDatabase, unions: CasesUnion[]): Promise<void> {
  const app = await createDataSource({
    url: db.appUrl,
    poolSize: 1,
    applicationName: 'guanai-bench-seed',
  }).initialize();
  try {
    const passwordHash = await hashPassword(HANDLER_PASSWORD);
    await inScope(app, systemScope('bench'), async (em) => {
      for (const [u, union] of unions.entries())
        for (let k = 0; k < HANDLERS; k++) {
          const username = `case.h${u}.${k}.${union.id.slice(0, 8)}`;
          // createUser reads only the organisation's id.
          const user = await createUser(em, { id: union.id } as OrgEntity, {
            username,
            displayName: `维权专员 ${u}-${k}`,
            role: 'case_handler',
            password: HANDLER_PASSWORD,
            passwordHash,
          });
          union.handlers.push({ id: user.id, name: user.displayName, username });
        }
    });
  } finally {
    await app.destroy();
  }
}

export async function seedCases(opts: {
  db: TestDatabase;
  list: TeacherListData;
  keys: GenKeys;
  cases: number;
  log: (m: string) => void;
}): Promise<CasesData> {
  const { log } = opts;
  const started = performance.now();
  const unions = await loadUnions(opts.db, opts.list);
  if (unions.length === 0 || unions.some((u) => !u.schools?.length || u.teachers.length === 0))
    throw new Error('the list database has no unions with schools and teachers to file cases for');
  await createHandlers(opts.db, unions);
  const usersSeconds = (performance.now() - started) / 1000;
  log(`  ${unions.length * HANDLERS} case handlers in ${unions.length} unions, ${usersSeconds.toFixed(1)} s`);

  // One sealed text for every case: sealing is the import's cost, not what the list and the report read.
  const cipher = cipherOf(opts.keys);
  const facts = cipher.encrypt('（压测数据）学校拖欠绩效工资三个月，经多次催要未果。');
  const claims = cipher.encrypt('（压测数据）补发工资并支付经济补偿');
  const now = Date.now();
  const today = todayInShanghai();
  const n = opts.cases;
  const make = (i: number) => plan(i, n, unions, now);
  const iso = (ms: number) => new Date(ms).toISOString();

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
    const client = (await runner.connect()) as { query(q: object): unknown };
    const copy = async (table: string, columns: string[], source: AsyncIterable<Buffer>) => {
      if (bypass) return copyFrom(client, `COPY ${table} (${columns.join(', ')}) FROM STDIN`, source);
      // Bound by row-level security, COPY is refused: a scratch table, then INSERT … SELECT in the system scope.
      await runner.query(`CREATE TEMP TABLE bench_in (LIKE ${table} INCLUDING DEFAULTS)`);
      await copyFrom(client, `COPY bench_in (${columns.join(', ')}) FROM STDIN`, source);
      await runner.startTransaction();
      await runner.query(`SELECT set_config('app.scope_path', '/', true)`);
      await runner.query(
        `INSERT INTO ${table} (${columns.join(', ')}) SELECT ${columns.join(', ')} FROM bench_in`,
      );
      await runner.commitTransaction();
      await runner.query(`DROP TABLE bench_in`);
    };
    const t0 = performance.now();
    await copy(
      'dispute_cases',
      CASE_COLUMNS,
      rows(n, make, (p) => {
        const c = p.columns;
        const last = p.steps[p.steps.length - 1]!.at;
        return line([
          p.id,
          p.union.id,
          p.category,
          p.respondent.kind,
          p.respondent.orgId,
          p.respondent.name,
          p.claimedFen,
          p.claimedFen % 3000 === 0 ? claims : null,
          facts,
          p.knewOn,
          p.wageArrearsOngoing,
          p.state,
          p.handler.id,
          p.handler.id,
          c.mediator_name,
          c.mediation_applied_on,
          c.mediation_ended_on,
          c.arbitration_applied_on,
          c.arbitration_accepted_on,
          c.award_on,
          c.litigation_filed_on,
          c.outcome,
          c.recovered_fen,
          c.closed_on,
          nextDue(p, today),
          iso(p.createdAt),
          iso(last),
          p.steps.length,
        ]);
      }),
    );
    await copy(
      'dispute_case_applicants',
      APPLICANT_COLUMNS,
      rows(n, make, (p) => p.applicants.map((t) => line([p.id, t, p.union.id])).join('')),
    );
    await copy(
      'dispute_case_events',
      EVENT_COLUMNS,
      rows(n, make, (p) =>
        p.steps
          .map((s) =>
            line([
              p.id,
              p.union.id,
              p.handler.id,
              p.handler.name,
              s.action,
              s.from,
              s.to,
              s.fact === 'accepted'
                ? JSON.stringify({ arbitrationAcceptedOn: day(s.at) })
                : s.fact === 'award'
                  ? JSON.stringify({ awardOn: day(s.at) })
                  : '{}',
              iso(s.at),
            ]),
          )
          .join(''),
      ),
    );
    const copySeconds = (performance.now() - t0) / 1000;
    const t1 = performance.now();
    for (const t of ['dispute_cases', 'dispute_case_applicants', 'dispute_case_events'])
      await runner.query(`VACUUM (ANALYZE) ${t}`);
    const vacuumSeconds = (performance.now() - t1) / 1000;

    await runner.startTransaction();
    await runner.query(`SELECT set_config('app.scope_path', '/', true)`);
    const yearStart = `${today.slice(0, 4)}-01-01`;
    const [counts] = await runner.query(
      `SELECT (SELECT count(*) FROM dispute_cases)::int AS cases,
              (SELECT count(*) FROM dispute_case_applicants)::int AS applicants,
              (SELECT count(*) FROM dispute_case_events)::int AS events,
              (SELECT count(*) FROM dispute_cases WHERE next_due_on < $2::date)::int AS overdue,
              (SELECT count(*) FROM dispute_cases WHERE org_id = $1)::int AS bench,
              (SELECT count(*) FROM dispute_cases WHERE org_id = $1
                  AND created_at >= ($3::date::timestamp AT TIME ZONE 'Asia/Shanghai'))::int AS bench_year`,
      [unions[0]!.id, today, yearStart],
    );
    const states = (await runner.query(
      `SELECT state, count(*)::int AS n FROM dispute_cases GROUP BY state ORDER BY state`,
    )) as { state: string; n: number }[];
    await runner.commitTransaction();
    if (counts.cases !== n) throw new Error(`the seed wrote ${counts.cases} cases, not ${n}`);
    const [{ bytes }] = await runner.query(
      `SELECT sum(pg_total_relation_size(t))::bigint AS bytes
         FROM unnest(ARRAY['dispute_cases', 'dispute_case_applicants', 'dispute_case_events']::regclass[]) t`,
    );
    log(
      `  ${n.toLocaleString('en-US')} cases, ${counts.applicants.toLocaleString('en-US')} applicants, ` +
        `${counts.events.toLocaleString('en-US')} events by COPY in ${copySeconds.toFixed(1)} s; VACUUM (ANALYZE) ${vacuumSeconds.toFixed(1)} s`,
    );
    return {
      unions,
      bench: unions[0]!,
      seed: {
        cases: counts.cases,
        applicants: counts.applicants,
        events: counts.events,
        unions: unions.length,
        benchCases: counts.bench,
        benchThisYear: counts.bench_year,
        byState: Object.fromEntries(states.map((s) => [s.state, s.n])),
        overdue: counts.overdue,
        usersSeconds,
        copySeconds,
        vacuumSeconds,
        totalSeconds: (performance.now() - started) / 1000,
        tablesMiB: Number(bytes) / 2 ** 20,
        directCopy: Boolean(bypass),
      },
    };
  } finally {
    if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
    await runner.release();
    await owner.destroy();
  }
}
