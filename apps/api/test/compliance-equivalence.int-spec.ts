// The compliance SQL (packages/db/src/compliance) against the reference semantics (domain
// evaluateIndicator / rollUp) on random small tenants in real PostgreSQL: schools (one inactive),
// teachers joining, moving, leaving and arriving from another union mid-period, activities on period
// boundaries, deleted records, several `today`s before, inside and after each period. Every indicator
// kind and level; values, statuses, shortfalls, per-unit results and the missing lists must agree.
import {
  createChildOrg,
  createDataSource,
  eligibleGroup,
  evaluateIndicatorSql,
  evaluationDays,
  inScope,
  loadRoster,
  missingTeachers,
  coverageByUnit,
  rosterEntriesOf,
  systemScope,
  type DataSource,
  type EntityManager,
  type IndicatorQuery,
} from '@guanai/db';
import { createTenantFixture, type TenantFixture } from '@guanai/db/testing';
import {
  addDays,
  daysBetween,
  evaluateIndicator,
  periodContaining,
  type ActivityTypeCode,
  type CareActivity,
  type ComplianceStatus,
  type Indicator,
  type Period,
  type RosterEntry,
} from '@guanai/domain';
import { insertRecord, insertTeacher, type PostingSpec } from './compliance-fixtures';

jest.setTimeout(300_000);

let ds: DataSource;
beforeAll(async () => {
  ds = await createDataSource({ url: process.env.GUANAI_TEST_APP_URL!, poolSize: 2 }).initialize();
});
afterAll(() => ds.destroy());

/** mulberry32: small, seeded, so a failure names the seed that reproduces it. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[int(0, xs.length - 1)]!;
  const chance = (p: number) => next() < p;
  const between = (from: string, to: string) => addDays(from, int(0, daysBetween(from, to)));
  return { next, int, pick, chance, between };
}
type Rng = ReturnType<typeof prng>;

// Period edges of the default calendar around the test window, and days either side.
const EDGES = ['2025-08-31', '2025-09-01', '2025-12-31', '2026-01-01', '2026-01-31', '2026-02-01', '2026-08-31', '2026-09-01', '2026-12-31', '2027-01-31'];
// 2026-03-26 and 2026-05-18: exactly 25 % and 50 % of the 212-day spring semester past (the at-risk threshold's edge).
const TODAYS = ['2025-08-20', '2025-09-01', '2025-11-15', '2026-01-31', '2026-02-01', '2026-03-26', '2026-05-18', '2026-08-31', '2026-09-01', '2026-12-15', '2027-03-01'];
const ONS = ['2025-10-01', '2026-03-15', '2026-10-01'];
const TYPES: ActivityTypeCode[] = ['counselling', 'culture_sports', 'leadership_meeting', 'visit', 'health_checkup', 'heart_to_heart_talk', 'rotation'];

const day = (r: Rng) => (r.chance(0.35) ? r.pick(EDGES) : r.between('2025-07-01', '2027-03-01'));

function indicators(r: Rng): Indicator[] {
  const i = (x: Omit<Indicator, 'name' | 'clauseQuote'>): Indicator => ({ ...x, name: x.key, clauseQuote: '' });
  return [
    i({ key: 'count_school_sem', kind: 'activity_count', period: 'semester', level: 'school', activityTypes: ['counselling', 'culture_sports'], target: r.pick([1, 2]) }),
    i({ key: 'count_tenant_year', kind: 'activity_count', period: 'calendar_year', level: 'tenant', activityTypes: ['leadership_meeting'], target: r.pick([0, 2, 3]) }),
    i({ key: 'amount_school_sy', kind: 'amount', period: 'school_year', level: 'school', activityTypes: ['visit'], target: r.pick([5000, 20000]) }),
    i({ key: 'amount_tenant_year', kind: 'amount', period: 'calendar_year', level: 'tenant', activityTypes: ['visit', 'health_checkup'], target: 30000 }),
    i({ key: 'cover_school_year', kind: 'coverage', period: 'calendar_year', level: 'school', activityTypes: ['heart_to_heart_talk'], target: r.pick([10000, 8000, 3333]) }),
    i({ key: 'cover_school_sem', kind: 'coverage', period: 'semester', level: 'school', activityTypes: ['heart_to_heart_talk', 'counselling'], target: 5000 }),
    i({ key: 'cover_tenant_year', kind: 'coverage', period: 'calendar_year', level: 'tenant', activityTypes: ['health_checkup'], target: r.pick([10000, 9000]) }),
    i({ key: 'rotation', kind: 'eligible_ratio', period: 'school_year', level: 'tenant', activityTypes: ['rotation'], target: 1000, eligibleGroup: 'rotation_eligible' }),
    i({ key: 'rotation_backbone', kind: 'eligible_ratio', period: 'school_year', level: 'tenant', activityTypes: ['rotation'], target: 2000, eligibleGroup: 'rotation_eligible_backbone' }),
  ];
}

interface World {
  fx: TenantFixture;
  /** The tenant's schools; the last one inactive. */
  units: string[];
  activeUnits: string[];
  teachers: { id: string; status: string; statusSince: string | null; postings: PostingSpec[] }[];
  activities: CareActivity[];
}

/** One random tenant, written through the application role in the system scope. */
async function randomWorld(r: Rng): Promise<World> {
  const fx = await createTenantFixture(ds);
  return inScope(ds, systemScope('test-compliance-equivalence'), async (em) => {
    const extra = [];
    for (let k = r.int(0, 2); k > 0; k--) extra.push(await createChildOrg(em, fx.tenant, { kind: 'school', name: `学校${k}` }));
    const closed = await createChildOrg(em, fx.tenant, { kind: 'school', name: '已撤并学校' });
    await em.query(`UPDATE orgs SET active = false WHERE id = $1`, [closed.id]);
    const activeUnits = [...fx.schools.map((s) => s.id), ...extra.map((s) => s.id)];
    const units = [...activeUnits, closed.id];

    const teachers: World['teachers'] = [];
    for (let n = r.int(0, 18); n > 0; n--) {
      const postings: PostingSpec[] = [];
      const start = r.chance(0.4) ? r.between('2008-01-01', '2018-01-01') : day(r);
      // Some came from another union: their first posting is at its school.
      if (r.chance(0.15)) postings.push({ orgId: fx.otherSchool.id, from: addDays(start, -400), to: addDays(start, -1) });
      postings.push({ orgId: r.pick(units), from: start, to: null });
      if (r.chance(0.35)) {
        const moved = addDays(start, r.int(1, 500));
        postings[postings.length - 1]!.to = addDays(moved, -1);
        postings.push({ orgId: r.pick(units), from: moved, to: null });
      }
      // A stale overlapping posting (a secondment recorded twice): the latest-starting one wins.
      if (r.chance(0.1)) postings.push({ orgId: r.pick(units), from: addDays(start, r.int(0, 200)), to: r.chance(0.5) ? null : addDays(start, r.int(201, 600)) });
      let status: 'active' | 'retired' | 'transferred_out' | 'deceased' = 'active';
      let statusSince: string | null = null;
      const fate = r.next();
      if (fate < 0.15) {
        status = 'retired';
        statusSince = addDays(start, r.int(0, 700));
        // As the retire action writes it, usually: the open posting ends that day.
        if (r.chance(0.8)) for (const p of postings) if (p.to === null) p.to = statusSince;
      } else if (fate < 0.2) {
        status = 'deceased';
        statusSince = null; // unknown day, posting left open: on no roster
      } else if (fate < 0.25) {
        status = 'transferred_out';
        for (const p of postings) if (p.to === null) p.to = addDays(start, r.int(0, 700));
      }
      const id = await insertTeacher(em, {
        orgId: postings.at(-1)!.orgId === fx.otherSchool.id ? units[0]! : postings.at(-1)!.orgId,
        tenantId: fx.tenant.id,
        sex: r.pick(['male', 'female'] as const),
        birthDate: r.between('1968-01-01', '2000-12-31'),
        status,
        statusSince,
        employment: r.chance(0.8) ? 'establishment' : 'contract',
        stage: r.chance(0.8) ? r.pick(['primary', 'junior_secondary']) : 'senior_secondary',
        position: r.pick(['teacher', 'teacher', 'head_teacher', 'principal', 'staff']),
        positionSince: r.chance(0.5) ? r.between('2010-01-01', '2020-01-01') : null,
        backbone: r.chance(0.4),
        postings,
      });
      teachers.push({ id, status, statusSince, postings });
    }

    const activities: CareActivity[] = [];
    for (let m = r.int(0, 30); m > 0; m--) {
      const type = r.pick(TYPES);
      const orgId = r.chance(0.2) ? fx.tenant.id : r.pick(units);
      const on = day(r);
      const amountFen = r.pick([0, 100, 5000, 20000]);
      const participants = teachers.filter(() => r.chance(0.3)).map((t) => ({ teacherId: t.id, orgId: r.pick(units) }));
      const deleted = r.chance(0.1);
      const id = await insertRecord(em, { orgId, tenantId: fx.tenant.id, type, on, amountFen, deleted, participants });
      if (!deleted) activities.push({ id, type, date: on, orgId, amountFen, participantIds: participants.map((p) => p.teacherId) });
    }
    // Another union's work never counts here.
    await insertRecord(em, { orgId: fx.otherSchool.id, tenantId: fx.otherTenant.id, type: 'counselling', on: '2025-10-10' });
    return { fx, units, activeUnits, teachers, activities };
  });
}

/** The domain's roster rule (rosterOn): the units of the teachers active on `ref`. */
function rosterUnits(entries: readonly RosterEntry[], ref: string): string[] {
  const chosen = new Map<string, RosterEntry>();
  for (const e of entries) {
    if (e.activeFrom > ref || (e.activeTo != null && e.activeTo < ref)) continue;
    const prev = chosen.get(e.id);
    if (!prev || e.activeFrom > prev.activeFrom || (e.activeFrom === prev.activeFrom && e.orgId < prev.orgId)) chosen.set(e.id, e);
  }
  return [...chosen.values()].map((e) => e.orgId);
}

const seen: Record<string, Set<ComplianceStatus>> = {};

async function compareAll(em: EntityManager, w: World, r: Rng, seed: number): Promise<number> {
  const tenantUnits = new Set(w.units);
  const roster: RosterEntry[] = w.teachers.flatMap((t) => rosterEntriesOf(t, tenantUnits));
  const atRiskAfterBp = r.pick([0, 2500, 5000, 10000]);
  const todays = [TODAYS[0]!, TODAYS.at(-1)!, ...TODAYS.slice(1, -1).filter(() => r.chance(0.4))];
  let evaluations = 0;
  for (const indicator of indicators(r)) {
    for (const on of ONS) {
      const period: Period = periodContaining(indicator.period, on);
      const eligible = indicator.eligibleGroup ? await eligibleGroup(em, w.fx.tenant.id, indicator.eligibleGroup, period.start) : undefined;
      for (const today of todays) {
        const narrowed = indicator.level === 'school' && r.chance(0.3) ? w.units.filter(() => r.chance(0.5)) : null;
        const budgetFen = indicator.kind === 'amount' && r.chance(0.5) ? r.pick([0, 7000, 40000]) : undefined;
        const q: IndicatorQuery = {
          tenantId: w.fx.tenant.id,
          indicator,
          period,
          today,
          atRiskAfterBp,
          units: narrowed,
          eligibleIds: eligible ? [...eligible.keys()] : undefined,
          budgetFen,
        };
        const { ref } = evaluationDays(period, today);
        // Half the time the roster is read first and handed in, as a report's shared cache does.
        if (r.chance(0.5)) q.roster = await loadRoster(em, w.fx.tenant.id, ref);
        const units = narrowed ?? [...new Set([...w.activeUnits, ...rosterUnits(roster, ref)])];
        const expected = evaluateIndicator(
          indicator,
          period,
          { activities: w.activities, teachers: roster, units, eligibleIds: q.eligibleIds, budgetFen },
          { today, atRiskAfterBp },
        );
        const actual = await evaluateIndicatorSql(em, q);
        const context = `seed ${seed}, ${indicator.key}, period ${period.key}, today ${today}, units ${narrowed ? 'narrowed' : 'default'}`;
        const strip = (u: { unitId: string; value: number; status: ComplianceStatus; shortfall: number }) => ({
          unitId: u.unitId,
          value: u.value,
          status: u.status,
          shortfall: u.shortfall,
        });
        expect({ context, value: actual.value, target: actual.target, status: actual.status, shortfall: actual.shortfall, units: actual.units.map(strip) }).toEqual({
          context,
          value: expected.value,
          target: expected.target,
          status: expected.status,
          shortfall: expected.shortfall,
          units: (expected.units ?? []).map(strip),
        });

        // What is missing: schools below target, or exactly the teachers not yet reached.
        let missing: string[];
        if (indicator.kind === 'activity_count' || indicator.kind === 'amount') {
          missing = indicator.level === 'school' ? actual.units.filter((u) => u.status !== 'met').map((u) => u.unitId) : [];
        } else {
          const page = await missingTeachers(em, q, actual, { limit: 100_000, offset: 0 }, eligible);
          missing = page.items.map((t) => t.teacherId).sort();
          expect(page.total).toBe(missing.length);
          const bySchool = await coverageByUnit(em, q, actual, eligible);
          expect(bySchool.reduce((n, u) => n + u.population - u.reached, 0)).toBe(missing.length);
        }
        expect({ context, missing }).toEqual({ context, missing: [...expected.missing] });
        (seen[indicator.kind] ??= new Set()).add(actual.status);
        evaluations++;
      }
    }
  }
  return evaluations;
}

describe('compliance SQL ≡ domain evaluateIndicator', () => {
  const SEEDS = Array.from({ length: 24 }, (_, i) => 20260 + i * 7919);

  it.each(SEEDS)('random tenant, seed %i', async (seed) => {
    const r = prng(seed);
    const world = await randomWorld(r);
    const n = await inScope(ds, { path: world.fx.tenant.path }, (em) => compareAll(em, world, r, seed));
    expect(n).toBeGreaterThanOrEqual(9 * ONS.length * 2);
  });

  it('met every status of every kind along the way (the random tenants exercise the rules)', () => {
    for (const kind of ['activity_count', 'amount', 'coverage', 'eligible_ratio'])
      expect([kind, [...(seen[kind] ?? [])].sort()]).toEqual([kind, ['at_risk', 'met', 'missed', 'on_track']]);
  });

  it("fixes the eligible group on the period's first day, so a teacher who rotates still counts (Leiyang 13)", async () => {
    const fx = await createTenantFixture(ds);
    const [a, b] = fx.schools.map((s) => s.id) as [string, string];
    await inScope(ds, systemScope('test-compliance-rotation'), async (em) => {
      const rotated = await insertTeacher(em, {
        orgId: b,
        tenantId: fx.tenant.id,
        sex: 'male',
        birthDate: '1985-03-01',
        postings: [
          { orgId: a, from: '2012-09-01', to: '2026-09-14' },
          { orgId: b, from: '2026-09-15', to: null },
        ],
      });
      await insertTeacher(em, { orgId: a, tenantId: fx.tenant.id, sex: 'female', birthDate: '1990-03-01', postings: [{ orgId: a, from: '2014-09-01', to: null }] });
      await insertRecord(em, { orgId: b, tenantId: fx.tenant.id, type: 'rotation', on: '2026-09-15', participants: [{ teacherId: rotated, orgId: b }] });
    });
    const indicator = indicators(prng(1)).find((i) => i.key === 'rotation')!;
    const period = periodContaining('school_year', '2026-10-01');
    await inScope(ds, { path: fx.tenant.path }, async (em) => {
      const group = await eligibleGroup(em, fx.tenant.id, 'rotation_eligible', period.start);
      expect(group.size).toBe(2);
      const outcome = await evaluateIndicatorSql(em, {
        tenantId: fx.tenant.id,
        indicator,
        period,
        today: '2026-11-01',
        atRiskAfterBp: 5000,
        eligibleIds: [...group.keys()],
      });
      expect(outcome).toMatchObject({ value: 5000, denominator: 2, status: 'met', shortfall: 0 });
    });
  });
});
