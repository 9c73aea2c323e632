// The compliance benchmark's data, on top of the teacher-list seed (100 unions, 1,000,000 teachers):
// the Leiyang plan published by the province and adopted by every union for this year, and
// 10,000,000 care participations over the last school year and this one — a few hundred activities
// per union, with tens to thousands of participants each, some schools meeting each indicator and
// some missing it. Written by COPY as the owner, then VACUUM (ANALYZE).
import { randomUUID } from 'node:crypto';
import { createDataSource, eligibleGroup, type DataSource, type EntityManager } from '@guanai/db';
import type { TenantFixture, TestDatabase } from '@guanai/db/testing';
import {
  addDays,
  BUILTIN_TEMPLATES,
  periodContaining,
  todayInShanghai,
  type Period,
  type ProgrammeTemplate,
} from '@guanai/domain';
import { prng } from './teacher-gen';
import { copyFrom } from './teacher-list-seed';

/** Participations per union: 100 unions × 100,000 = 10,000,000. */
export const PARTICIPATIONS_PER_UNION = 100_000;

export interface ComplianceSeedOptions {
  db: TestDatabase;
  fixture: TenantFixture;
  log: (m: string) => void;
}

export interface ProgrammeRef {
  id: string;
  tenantId: string;
  tenantPath: string;
  tenantName: string;
}

export interface ComplianceData {
  templateId: string;
  year: number;
  today: string;
  /** Every union's programme; the fixture union's first. */
  programmes: ProgrammeRef[];
  /** The fixture union (the drill-down's tenant): its teachers by school, for the write benchmark. */
  benchTenant: { id: string; schools: { id: string; rural: boolean; teacherIds: string[] }[] };
  unions: number;
  records: number;
  participations: number;
  /** The first and last day of care work. */
  from: string;
  to: string;
  /** Templates, versions and programmes. */
  programmeSeconds: number;
  /** Reading the teachers and rotation groups, planning the work, COPY of both tables. */
  copySeconds: number;
  /** The participants' indexes, dropped for the COPY and built again. */
  indexSeconds: number;
  /** The copied columns checked against the records and teachers in one join. */
  checkSeconds: number;
  vacuumSeconds: number;
  totalSeconds: number;
  recordsMiB: number;
  participantsMiB: number;
  participantsIndexMiB: number;
  directCopy: boolean;
}

export interface Union {
  index: number;
  id: string;
  path: string;
  name: string;
  schools: { id: string; rural: boolean }[];
}

/** A care record as COPY writes it; `people` are indices into the union's teachers. */
interface PlannedRecord {
  id: string;
  orgId: string;
  type: string;
  title: string;
  on: string;
  amountFen: number;
  people: number[];
}

const TITLES: Record<string, string> = {
  counselling: '教师心理健康讲座',
  culture_sports: '教职工趣味运动会',
  training: '教师专业发展培训',
  heart_to_heart_talk: '校级领导与教师谈心交心',
  opinion_survey: '征求教师对学校工作的意见和建议',
  festival_greeting: '节日慰问',
  birthday_greeting: '教师生日祝福',
  illness_care: '患病住院慰问',
  wedding_care: '新婚祝贺',
  bereavement_care: '丧事慰问',
  visit: '走访慰问',
  health_checkup: '教职工年度集中体检',
  leadership_meeting: '专题研究教师队伍建设工作',
  rotation: '教师交流轮岗',
};

/** Fen per participant. */
const PER_HEAD: Record<string, number> = {
  counselling: 2_000,
  culture_sports: 5_000,
  festival_greeting: 30_000,
  birthday_greeting: 10_000,
  illness_care: 100_000,
  wedding_care: 50_000,
  bereavement_care: 100_000,
  visit: 50_000,
  health_checkup: 45_000,
};

/** A budget per measure for a union of 10,000 teachers, about what its work costs in a year. */
const BUDGETS: Record<string, number> = {
  visits_and_assistance: 900_000_000,
  working_conditions: 480_000_000,
  mental_health: 60_000_000,
};

/** `k` of `n` indices, without repetition (partial Fisher–Yates on `pool`, which it reorders). */
function sample(rand: () => number, pool: number[], k: number): number[] {
  const n = pool.length;
  const take = Math.max(0, Math.min(n, Math.round(k)));
  for (let i = 0; i < take; i++) {
    const j = i + Math.floor(rand() * (n - i));
    const t = pool[i]!;
    pool[i] = pool[j]!;
    pool[j] = t;
  }
  return pool.slice(0, take);
}

/** A day between `from` + `a` and `from` + `b` days. */
function dayIn(rand: () => number, from: string, a: number, b: number): string {
  return addDays(from, a + Math.floor(rand() * (b - a + 1)));
}

/**
 * One union's care work from `from` (the first day of the last school year) to `today`. Schools
 * take turns at four habits (shifted by union, so each union has all four): the model school does
 * everything; the second has held no counselling or culture/sports activity yet this semester and
 * talked with 70 % of its teachers this year; the third skipped them in the spring semester and
 * talked with 95 %; the fourth talked with 90 % and has held no opinion survey this year.
 * The union's check-up reaches 100 %, 97 % or 92 % of its teachers; a quarter of the unions held one
 * leadership meeting this year instead of two; rotation reaches 12 %, 11 % or 6 % of the eligible.
 * Trainings of 150–400 teachers make up the rest of the union's PARTICIPATIONS_PER_UNION.
 */
function planUnion(
  u: Union,
  staff: number[][],
  birthMonth: Uint8Array,
  eligible: { all: number[]; backbone: number[] },
  from: string,
  today: string,
): PlannedRecord[] {
  const rand = prng(0x5eed + u.index);
  const records: PlannedRecord[] = [];
  const add = (orgId: string, type: string, on: string, people: number[], title = TITLES[type]!) => {
    if (on > today || on < from) return;
    records.push({
      id: randomUUID(),
      orgId,
      type,
      title,
      on,
      amountFen: (PER_HEAD[type] ?? 0) * people.length,
      people,
    });
  };
  const semesters: Period[] = [];
  for (
    let p = periodContaining('semester', from);
    p.start <= today;
    p = periodContaining('semester', addDays(p.end, 1))
  )
    semesters.push(p);
  const thisSemester = semesters.length - 1;
  const y = Number(today.slice(0, 4));
  const lastYear = y - 1;

  for (const [i, school] of u.schools.entries()) {
    const people = staff[i]!;
    const n = people.length;
    const habit = (i + u.index) % 4;
    const pool = [...people];
    for (const [s, sem] of semesters.entries()) {
      const skip = (habit === 1 && s === thisSemester) || (habit === 2 && s === 1);
      if (skip) continue;
      add(
        school.id,
        'counselling',
        dayIn(rand, sem.start, 20, 60),
        sample(rand, pool, n * (0.3 + rand() * 0.15)),
      );
      add(
        school.id,
        'culture_sports',
        dayIn(rand, sem.start, 25, 75),
        sample(rand, pool, n * (0.4 + rand() * 0.3)),
      );
    }
    // Heart-to-heart talks: one round last autumn, then rounds this year until the school's share is reached.
    add(
      school.id,
      'heart_to_heart_talk',
      `${lastYear}-11-${String(5 + (i % 20)).padStart(2, '0')}`,
      sample(rand, pool, n * 0.3),
    );
    const share = [1, 0.7, 0.95, 0.9][habit]!;
    const talked = sample(rand, pool, n * share);
    const rounds = [`${y}-03-18`, `${y}-05-20`, `${y}-10-15`];
    const per = Math.ceil(talked.length / rounds.length);
    rounds.forEach((on, r) =>
      add(school.id, 'heart_to_heart_talk', on, talked.slice(r * per, (r + 1) * per)),
    );
    // Opinion surveys: last autumn and this spring (not the fourth habit this year).
    add(school.id, 'opinion_survey', `${lastYear}-12-01`, sample(rand, pool, n * (0.4 + rand() * 0.3)));
    if (habit !== 3)
      add(school.id, 'opinion_survey', `${y}-03-25`, sample(rand, pool, n * (0.4 + rand() * 0.3)));
    // Festivals, every teacher: the Spring Festival and Teachers' Day.
    add(school.id, 'festival_greeting', `${y}-02-10`, [...people], '春节慰问');
    add(school.id, 'festival_greeting', `${y}-09-10`, [...people], '教师节慰问');
    // Birthdays, month by month, to those born that month.
    for (
      let d = from.slice(0, 8) + '01';
      d <= today;
      d = addDays(`${d.slice(0, 8)}28`, 7).slice(0, 8) + '01'
    ) {
      const month = Number(d.slice(5, 7));
      add(
        school.id,
        'birthday_greeting',
        d,
        people.filter((t) => birthMonth[t] === month),
        `${month}月教师生日祝福`,
      );
    }
    // A few teachers cared for one by one: illness, weddings, bereavements, home visits.
    const span = Math.round((Date.parse(today) - Date.parse(from)) / 86_400_000);
    for (const t of sample(rand, pool, n * 0.02)) {
      const type = ['illness_care', 'wedding_care', 'bereavement_care', 'visit'][Math.floor(rand() * 4)]!;
      add(school.id, type, dayIn(rand, from, 0, span), [t]);
    }
  }

  // The union's own work: a check-up by school, leadership meetings, rotation each school year.
  const checkup = [1, 0.97, 0.92][u.index % 3]!;
  for (let i = 0; i < u.schools.length; i++) {
    const on = `${y}-04-${String(8 + i * 2).padStart(2, '0')}`;
    add(
      u.id,
      'health_checkup',
      on,
      sample(rand, [...staff[i]!], staff[i]!.length * checkup),
      `${TITLES.health_checkup}（${i + 1}）`,
    );
  }
  add(u.id, 'leadership_meeting', `${lastYear}-10-10`, []);
  add(u.id, 'leadership_meeting', `${y}-03-05`, []);
  if (u.index % 4 !== 3) add(u.id, 'leadership_meeting', `${y}-09-20`, []);
  const rate = [0.12, 0.11, 0.06][u.index % 3]!;
  const backboneRate = [0.25, 0.15, 0.08][u.index % 3]!;
  // Rotation at the start of each school year, from those eligible this school year.
  for (const on of [from, periodContaining('school_year', today).start]) {
    const chosen = new Set([
      ...sample(rand, [...eligible.all], eligible.all.length * rate),
      ...sample(rand, [...eligible.backbone], eligible.backbone.length * backboneRate),
    ]);
    add(u.id, 'rotation', on, [...chosen]);
  }

  // Trainings by school up to the union's share, the last one taking the remainder.
  let left = PARTICIPATIONS_PER_UNION - records.reduce((sum, r) => sum + r.people.length, 0);
  if (left < 0) throw new Error(`union ${u.index}: ${-left} participations over ${PARTICIPATIONS_PER_UNION}`);
  const span = Math.round((Date.parse(today) - Date.parse(from)) / 86_400_000);
  for (let k = 0; left > 0; k++) {
    const i = k % u.schools.length;
    const pool = [...staff[i]!];
    const size = Math.min(left, pool.length, 150 + Math.floor(rand() * 251));
    add(u.schools[i]!.id, 'training', dayIn(rand, from, 0, span), sample(rand, pool, size));
    left -= size;
  }
  return records;
}

const esc = (s: string) => s.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n');

/** Templates, version and the 100 programmes, as the owner (as the demo seed writes them). */
export async function createProgrammes(
  owner: DataSource,
  fixture: TenantFixture,
  unions: Union[],
  year: number,
): Promise<{ templateId: string; programmes: ProgrammeRef[]; doc: ProgrammeTemplate }> {
  const doc = BUILTIN_TEMPLATES.find((t) => t.key === 'leiyang')!;
  return owner.transaction(async (em) => {
    const [tpl] = (await em.query(
      `INSERT INTO programme_templates (org_id, key, name, based_on, draft, latest_version)
       VALUES ($1, $2, $3, $4, $5, 1) RETURNING id::text AS id`,
      [fixture.province.id, doc.key, doc.name, doc.key, JSON.stringify(doc)],
    )) as { id: string }[];
    const [ver] = (await em.query(
      `INSERT INTO programme_versions (org_id, template_id, number, document, changes, published_by)
       VALUES ($1, $2, 1, $3, '[]', $4) RETURNING id::text AS id`,
      [fixture.province.id, tpl!.id, JSON.stringify(doc), fixture.users.provinceAdmin.id],
    )) as { id: string }[];
    const budgets: Record<string, number> = {};
    for (const a of doc.areas)
      for (const m of a.measures) if (BUDGETS[m.key]) budgets[m.key] = BUDGETS[m.key]!;
    const rows = (await em.query(
      `INSERT INTO programmes (org_id, template_id, version_id, year, targets, budgets, settings)
       SELECT u, $2, $3, $4, '{}', $5, '{}' FROM unnest($1::uuid[]) AS u
       RETURNING id::text AS id, org_id::text AS org_id`,
      [unions.map((u) => u.id), tpl!.id, ver!.id, year, JSON.stringify(budgets)],
    )) as { id: string; org_id: string }[];
    const byOrg = new Map(rows.map((r) => [r.org_id, r.id]));
    return {
      templateId: tpl!.id,
      doc,
      programmes: unions.map((u) => ({
        id: byOrg.get(u.id)!,
        tenantId: u.id,
        tenantPath: u.path,
        tenantName: u.name,
      })),
    };
  });
}

/** The unions under the fixture's province with their schools, the fixture union first. */
export async function loadUnions(owner: DataSource, fixture: TenantFixture): Promise<Union[]> {
  const rows = (await owner.query(
    `SELECT o.id::text AS id, o.path, o.name, o.kind, o.tenant_id::text AS tenant_id, o.rural
       FROM orgs o WHERE starts_with(o.path, $1) AND o.kind IN ('county', 'school') ORDER BY o.path`,
    [fixture.province.path],
  )) as { id: string; path: string; name: string; kind: string; tenant_id: string; rural: boolean }[];
  const unions = rows
    .filter((r) => r.kind === 'county')
    .sort((a, b) => (a.id === fixture.tenant.id ? -1 : b.id === fixture.tenant.id ? 1 : 0))
    .map((r, index): Union => ({ index, id: r.id, path: r.path, name: r.name, schools: [] }));
  const byId = new Map(unions.map((u) => [u.id, u]));
  for (const r of rows)
    if (r.kind === 'school') byId.get(r.tenant_id)?.schools.push({ id: r.id, rural: r.rural });
  return unions;
}

interface Totals {
  records: PlannedRecord[][];
  participations: number;
  benchSchools: ComplianceData['benchTenant']['schools'];
}

/**
 * Per union: its teachers and rotation groups read (on a connection of their own), its work planned,
 * and its participants yielded as COPY text; the records are kept for their own COPY.
 */
async function* participantRows(
  reader: EntityManager,
  unions: Union[],
  from: string,
  today: string,
  totals: Totals,
): AsyncGenerator<Buffer> {
  const rotationDay = periodContaining('school_year', today).start;
  for (const u of unions) {
    const rows = (await reader.query(
      `SELECT id::text AS id, org_id::text AS org_id, extract(month FROM birth_date)::int AS m
         FROM teachers WHERE tenant_id = $1 AND status = 'active' ORDER BY id`,
      [u.id],
    )) as { id: string; org_id: string; m: number }[];
    const schoolIndex = new Map(u.schools.map((s, i) => [s.id, i]));
    const staff: number[][] = u.schools.map(() => []);
    const birthMonth = new Uint8Array(rows.length);
    const indexOf = new Map<string, number>();
    rows.forEach((r, t) => {
      staff[schoolIndex.get(r.org_id)!]!.push(t);
      birthMonth[t] = r.m;
      indexOf.set(r.id, t);
    });
    const groups = await Promise.all(
      (['rotation_eligible', 'rotation_eligible_backbone'] as const).map(async (g) =>
        [...(await eligibleGroup(reader, u.id, g, rotationDay)).keys()].map((id) => indexOf.get(id)!),
      ),
    );
    const records = planUnion(u, staff, birthMonth, { all: groups[0]!, backbone: groups[1]! }, from, today);
    totals.records.push(records);
    if (u.index === 0)
      totals.benchSchools = u.schools.map((s, i) => ({
        ...s,
        teacherIds: staff[i]!.map((t) => rows[t]!.id),
      }));

    // The teacher's unit and union as they are now, the record's type and day: as addCareParticipants copies them.
    const mid = rows.map((r) => `\t${r.id}\t${r.org_id}\t${u.id}\t`);
    let lines: string[] = [];
    let size = 0;
    for (const r of records) {
      const tail = `${r.type}\t${r.on}\n`;
      for (const t of r.people) {
        const line = r.id + mid[t]! + tail;
        lines.push(line);
        size += line.length;
        if (size >= 1 << 20) {
          yield Buffer.from(lines.join(''), 'latin1');
          lines = [];
          size = 0;
        }
      }
      totals.participations += r.people.length;
    }
    if (lines.length) yield Buffer.from(lines.join(''), 'latin1');
  }
}

/** The records as COPY text (titles are Chinese: utf8). */
function* recordRows(
  records: PlannedRecord[][],
  unions: Union[],
  programmeOf: Map<string, string>,
  year: number,
): Generator<Buffer> {
  let lines: string[] = [];
  for (const [k, list] of records.entries()) {
    const u = unions[k]!;
    const programme = programmeOf.get(u.id)!;
    for (const r of list) {
      const inYear = Number(r.on.slice(0, 4)) === year;
      lines.push(
        [
          r.id,
          r.orgId,
          u.id,
          inYear ? programme : '\\N',
          inYear && MEASURE_OF.has(r.type) ? MEASURE_OF.get(r.type)! : '\\N',
          r.type,
          esc(r.title),
          r.on,
          String(r.amountFen),
          String(r.people.length),
        ].join('\t') + '\n',
      );
    }
    if (lines.length >= 5_000) {
      yield Buffer.from(lines.join(''), 'utf8');
      lines = [];
    }
  }
  if (lines.length) yield Buffer.from(lines.join(''), 'utf8');
}

/** The first measure of the Leiyang plan that lists each activity type, as the demo records them. */
const MEASURE_OF = new Map<string, string>();
for (const a of BUILTIN_TEMPLATES.find((t) => t.key === 'leiyang')!.areas)
  for (const m of a.measures)
    for (const type of m.activityTypes) if (!MEASURE_OF.has(type)) MEASURE_OF.set(type, m.key);

const RECORD_COLUMNS =
  'id, org_id, tenant_id, programme_id, measure_key, activity_type, title, occurred_on, amount_fen, participant_count';
const PARTICIPANT_COLUMNS = 'record_id, teacher_id, org_id, tenant_id, activity_type, occurred_on';

async function* fromSync(chunks: Iterable<Buffer>): AsyncGenerator<Buffer> {
  for (const c of chunks) yield c;
}

/**
 * The programmes and the care work of every union under the fixture's province, on a database the
 * teacher-list seed filled.
 */
export async function seedCompliance(opts: ComplianceSeedOptions): Promise<ComplianceData> {
  const { log, fixture } = opts;
  const started = performance.now();
  const today = todayInShanghai();
  const year = Number(today.slice(0, 4));
  // The last school year and this one so far.
  const from = periodContaining(
    'school_year',
    addDays(periodContaining('school_year', today).start, -1),
  ).start;

  const owner = await createDataSource({
    url: opts.db.ownerUrl,
    poolSize: 2,
    applicationName: 'guanai-bench-seed',
  }).initialize();
  const runner = owner.createQueryRunner();
  try {
    const unions = await loadUnions(owner, fixture);
    const { templateId, programmes } = await createProgrammes(owner, fixture, unions, year);
    const programmeOf = new Map(programmes.map((p) => [p.tenantId, p.id]));
    const programmeSeconds = (performance.now() - started) / 1000;
    log(
      `the Leiyang plan published and adopted by ${programmes.length} unions for ${year} in ${programmeSeconds.toFixed(1)} s`,
    );

    const [{ bypass }] = (await runner.query(
      `SELECT rolsuper AS bypass FROM pg_roles WHERE rolname = current_user`,
    )) as { bypass: boolean }[];
    const [{ n }] = (await runner.query(
      `SELECT (SELECT count(*) FROM care_records) + (SELECT count(*) FROM care_participants) AS n`,
    )) as { n: string }[];
    if (Number(n) !== 0) throw new Error('care_records or care_participants is not empty');

    // The participants' indexes are built once after the COPY (what a restore does), not row by row.
    const pk = (await runner.query(
      `SELECT conname, pg_get_constraintdef(oid) AS def FROM pg_constraint
        WHERE conrelid = 'care_participants'::regclass AND contype = 'p'`,
    )) as { conname: string; def: string }[];
    const indexes = (await runner.query(
      `SELECT indexname, indexdef FROM pg_indexes
        WHERE schemaname = current_schema() AND tablename = 'care_participants' AND NOT indexname = ANY($1::text[])`,
      [pk.map((c) => c.conname)],
    )) as { indexname: string; indexdef: string }[];

    const totals: Totals = { records: [], participations: 0, benchSchools: [] };
    log(
      `planning and writing ${(PARTICIPATIONS_PER_UNION * unions.length).toLocaleString('en-US')} participations from ${from} to ${today}` +
        (bypass
          ? ' (COPY, foreign-key triggers off, participant indexes built afterwards)'
          : ' (through scratch tables)'),
    );
    const t0 = performance.now();
    const client = (await runner.connect()) as { query(q: object): unknown };
    const rows = participantRows(owner.manager, unions, from, today, totals);
    let indexSeconds = 0;
    if (bypass) {
      await runner.startTransaction();
      // A superuser skips the foreign-key triggers (the rows are built to satisfy them, and checked
      // below); FREEZE needs the table emptied in this transaction (it was empty: checked above).
      await runner.query(`SET LOCAL session_replication_role = replica`);
      await runner.query(`TRUNCATE care_participants`);
      for (const c of pk) await runner.query(`ALTER TABLE care_participants DROP CONSTRAINT ${c.conname}`);
      for (const i of indexes) await runner.query(`DROP INDEX ${i.indexname}`);
      await copyFrom(
        client,
        `COPY care_participants (${PARTICIPANT_COLUMNS}) FROM STDIN WITH (FREEZE)`,
        rows,
      );
      await copyFrom(
        client,
        `COPY care_records (${RECORD_COLUMNS}) FROM STDIN`,
        fromSync(recordRows(totals.records, unions, programmeOf, year)),
      );
      const copied = (performance.now() - t0) / 1000;
      log(
        `  COPY in ${copied.toFixed(1)} s (${Math.round(totals.participations / copied).toLocaleString('en-US')} participations/s)`,
      );
      const t1 = performance.now();
      await runner.query(`SET LOCAL maintenance_work_mem = '1GB'`);
      for (const c of pk)
        await runner.query(`ALTER TABLE care_participants ADD CONSTRAINT ${c.conname} ${c.def}`);
      for (const i of indexes) await runner.query(i.indexdef);
      await runner.commitTransaction();
      indexSeconds = (performance.now() - t1) / 1000;
      log(
        `  ${pk.length + indexes.length} indexes of care_participants built in ${indexSeconds.toFixed(1)} s`,
      );
    } else {
      await runner.query(`CREATE TEMP TABLE bench_parts_in (LIKE care_participants)`);
      await runner.query(`CREATE TEMP TABLE bench_records_in (LIKE care_records INCLUDING DEFAULTS)`);
      await copyFrom(client, `COPY bench_parts_in (${PARTICIPANT_COLUMNS}) FROM STDIN`, rows);
      await copyFrom(
        client,
        `COPY bench_records_in (${RECORD_COLUMNS}) FROM STDIN`,
        fromSync(recordRows(totals.records, unions, programmeOf, year)),
      );
      await runner.startTransaction();
      await runner.query(`SELECT set_config('app.scope_path', '/', true)`);
      await runner.query(`INSERT INTO care_records SELECT * FROM bench_records_in`);
      await runner.query(`INSERT INTO care_participants SELECT * FROM bench_parts_in`);
      await runner.commitTransaction();
      await runner.query(`DROP TABLE bench_parts_in, bench_records_in`);
    }
    const copySeconds = (performance.now() - t0) / 1000 - indexSeconds;

    // Every participant names a record and a teacher, with their union, the teacher's unit and the record's type and day.
    const t2 = performance.now();
    const [check] = (await runner.query(
      `SELECT count(*)::bigint AS n,
              count(*) FILTER (WHERE r.id IS NULL OR t.id IS NULL OR p.org_id <> t.org_id OR p.tenant_id <> t.tenant_id
                OR p.tenant_id <> r.tenant_id OR p.activity_type <> r.activity_type OR p.occurred_on <> r.occurred_on)::bigint AS bad
         FROM care_participants p LEFT JOIN care_records r ON r.id = p.record_id LEFT JOIN teachers t ON t.id = p.teacher_id`,
    )) as { n: string; bad: string }[];
    const checkSeconds = (performance.now() - t2) / 1000;
    if (Number(check!.bad) !== 0)
      throw new Error(`${check!.bad} of ${check!.n} participants do not match their record or teacher`);
    if (Number(check!.n) !== totals.participations)
      throw new Error(`care_participants holds ${check!.n} rows, not ${totals.participations}`);
    log(
      `  ${Number(check!.n).toLocaleString('en-US')} participants checked against records and teachers in ${checkSeconds.toFixed(1)} s`,
    );

    const t3 = performance.now();
    await runner.query('VACUUM (ANALYZE) care_records, care_participants');
    await runner.query('ANALYZE programme_templates, programme_versions, programmes');
    const vacuumSeconds = (performance.now() - t3) / 1000;
    const [sizes] = (await runner.query(
      `SELECT pg_total_relation_size('care_records')::bigint AS records,
              pg_table_size('care_participants')::bigint AS parts,
              pg_indexes_size('care_participants')::bigint AS parts_idx`,
    )) as { records: string; parts: string; parts_idx: string }[];
    const mib = (v: string) => Number(v) / 2 ** 20;
    const records = totals.records.reduce((sum, l) => sum + l.length, 0);
    log(
      `  VACUUM (ANALYZE) in ${vacuumSeconds.toFixed(1)} s; ${records.toLocaleString('en-US')} records (${mib(sizes!.records).toFixed(0)} MiB), ` +
        `participants ${mib(sizes!.parts).toFixed(0)} MiB + ${mib(sizes!.parts_idx).toFixed(0)} MiB of indexes`,
    );
    return {
      templateId,
      year,
      today,
      programmes,
      benchTenant: { id: fixture.tenant.id, schools: totals.benchSchools },
      unions: unions.length,
      records,
      participations: totals.participations,
      from,
      to: today,
      programmeSeconds,
      copySeconds,
      indexSeconds,
      checkSeconds,
      vacuumSeconds,
      totalSeconds: (performance.now() - started) / 1000,
      recordsMiB: mib(sizes!.records),
      participantsMiB: mib(sizes!.parts),
      participantsIndexMiB: mib(sizes!.parts_idx),
      directCopy: bypass,
    };
  } finally {
    if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
    await runner.release();
    await owner.destroy();
  }
}
