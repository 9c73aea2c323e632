import { addDays } from '../dates/arithmetic';
import type { ActivityTypeCode } from '../programmes/activity-types';
import { LEIYANG_TEMPLATE } from '../programmes/builtin/leiyang';
import type { Indicator } from '../programmes/types';
import {
  type CareActivity,
  type IndicatorEvaluation,
  type RosterEntry,
  evaluateIndicator,
  rollUp,
} from './indicators';
import { periodByKey, type Period } from './periods';

function builtin(key: string): Indicator {
  const i = LEIYANG_TEMPLATE.areas
    .flatMap((a) => a.measures.flatMap((m) => m.indicators))
    .find((x) => x.key === key);
  if (!i) throw new Error(`no indicator ${key}`);
  return i;
}
function period(key: string): Period {
  const p = periodByKey(key);
  if (!p) throw new Error(`bad period ${key}`);
  return p;
}

let n = 0;
const act = (
  type: ActivityTypeCode,
  date: string,
  orgId: string,
  participantIds: string[] = [],
  amountFen?: number | null,
): CareActivity => ({ id: `a${++n}`, type, date, orgId, participantIds, amountFen });
const post = (id: string, orgId: string, activeFrom: string, activeTo?: string): RosterEntry => ({
  id,
  orgId,
  activeFrom,
  activeTo,
});
const brief = (e: IndicatorEvaluation) => ({
  value: e.value,
  status: e.status,
  shortfall: e.shortfall,
  missing: e.missing,
});

describe('activity_count: each school ≥ N per period (Leiyang 17 "每学期每校开展心理辅导不少于1次")', () => {
  const counselling = builtin('counselling');
  const autumn = period('2025-2026-1'); // 2025-09-01 – 2026-01-31, 153 days
  const teachers = [post('t1', 's1', '2020-01-01'), post('t2', 's2', '2020-01-01')];
  const run = (activities: CareActivity[], today: string, extra = {}) =>
    evaluateIndicator(counselling, autumn, { activities, teachers, ...extra }, { today });

  it.each([
    ['the first day', '2025-09-01', 'met'],
    ['the last day', '2026-01-31', 'met'],
    ['the day after the end', '2026-02-01', 'missed'],
    ['the day before the start', '2025-08-31', 'missed'],
  ])('counts an activity on %s: %s', (_, date, s2Status) => {
    const e = run([act('counselling', '2025-10-10', 's1'), act('counselling', date, 's2')], '2026-02-10');
    expect(e.units).toEqual([
      { unitId: 's1', value: 1, status: 'met', shortfall: 0, missing: [] },
      {
        unitId: 's2',
        value: s2Status === 'met' ? 1 : 0,
        status: s2Status,
        shortfall: s2Status === 'met' ? 0 : 1,
        missing: [],
      },
    ]);
    expect(e.status).toBe(s2Status);
    expect(e.missing).toEqual(s2Status === 'met' ? [] : ['s2']);
  });

  it('counts only the indicator types, each record once, and nothing dated after today', () => {
    const dup = act('counselling', '2025-10-01', 's1');
    const activities = [
      dup,
      dup,
      act('culture_sports', '2025-10-01', 's2'), // wrong type for this indicator
      act('counselling', '2025-10-03', 's2'), // recorded ahead of time
    ];
    expect(brief(run(activities, '2025-10-02'))).toEqual({
      value: 0,
      status: 'on_track',
      shortfall: 1,
      missing: ['s2'],
    });
    expect(run(activities, '2025-10-02').units?.[0].value).toBe(1);
    expect(brief(run(activities, '2025-10-03'))).toEqual({
      value: 1,
      status: 'met',
      shortfall: 0,
      missing: [],
    });
  });

  it('is at risk once half the semester is past and a school has done nothing', () => {
    const activities = [act('counselling', '2025-09-20', 's1')];
    // 153 days: 50 % is 76.5 days, so at risk from the 77th day wholly past.
    expect(run(activities, addDays('2025-09-01', 76)).status).toBe('on_track');
    expect(run(activities, addDays('2025-09-01', 77)).status).toBe('at_risk');
    expect(run(activities, addDays('2025-09-01', 77)).missing).toEqual(['s2']);
    expect(run(activities, '2026-01-31').status).toBe('at_risk'); // last day: not missed yet
    expect(run(activities, '2026-02-01').status).toBe('missed');
  });

  it('takes the at-risk share from the options', () => {
    const at = (today: string) =>
      evaluateIndicator(counselling, autumn, { activities: [], teachers }, { today, atRiskAfterBp: 8000 })
        .status;
    expect(at(addDays('2025-09-01', 122))).toBe('on_track'); // 122.4 days is 80 %
    expect(at(addDays('2025-09-01', 123))).toBe('at_risk');
  });

  it('owes the target by every school given, even one without teachers, and ignores other orgs', () => {
    const e = run(
      [act('counselling', '2025-10-01', 's1'), act('counselling', '2025-10-01', 'tenant')],
      '2025-10-05',
      {
        units: ['s3', 's1', 's2'],
      },
    );
    expect(e.units?.map((u) => [u.unitId, u.value])).toEqual([
      ['s1', 1],
      ['s2', 0],
      ['s3', 0],
    ]);
    expect(e.missing).toEqual(['s2', 's3']);
    expect(e.shortfall).toBe(2);
  });

  it('owes nothing when there is no school', () => {
    expect(
      brief(
        evaluateIndicator(counselling, autumn, { activities: [], teachers: [] }, { today: '2026-03-01' }),
      ),
    ).toEqual({
      value: 1,
      status: 'met',
      shortfall: 0,
      missing: [],
    });
  });

  it('is on track before the period starts, and met at once for a zero target', () => {
    expect(run([], '2025-08-20').status).toBe('on_track');
    const zero = { ...counselling, target: 0 };
    expect(
      evaluateIndicator(zero, autumn, { activities: [], teachers }, { today: '2026-03-01' }).status,
    ).toBe('met');
  });

  it('refuses a period of another kind', () => {
    expect(() =>
      evaluateIndicator(counselling, period('2025'), { activities: [], teachers }, { today: '2025-10-01' }),
    ).toThrow(RangeError);
  });
});

describe('activity_count for the tenant, pro rata (Leiyang 1 "每年至少两次研究教师队伍建设工作")', () => {
  const meetings = builtin('leadership_meetings');
  const year = period('2025');
  const activities = [act('leadership_meeting', '2025-03-01', 'tenant')];
  const at = (today: string, atRiskAfterBp = 2500) =>
    evaluateIndicator(meetings, year, { activities, teachers: [] }, { today, atRiskAfterBp });

  it('is behind only when value × 365 < 2 × days past', () => {
    expect(brief(at('2025-07-02'))).toEqual({ value: 1, status: 'on_track', shortfall: 1, missing: [] }); // 365 ≥ 364
    expect(at('2025-07-03').status).toBe('at_risk'); // 365 < 366
    expect(at('2026-01-01').status).toBe('missed');
  });

  it('is met by the second meeting', () => {
    const two = [...activities, act('leadership_meeting', '2025-11-30', 'tenant')];
    expect(
      evaluateIndicator(meetings, year, { activities: two, teachers: [] }, { today: '2025-12-01' }).status,
    ).toBe('met');
  });
});

describe('coverage: every teacher at least once (Leiyang 5 谈心交心; Leiyang 18 体检)', () => {
  const talks = builtin('heart_to_heart_talks'); // school level, 10000 bp, calendar year
  const year = period('2025');
  const teachers = [
    post('t1', 's1', '2010-01-01'),
    post('t2', 's1', '2010-01-01', '2025-06-30'), // left mid-year
    post('t3', 's1', '2025-11-01'), // joined late
    post('t4', 's1', '2015-01-01', '2025-06-30'), // moved to s2 …
    post('t4', 's2', '2025-07-01'),
    post('t5', 's2', '2020-01-01', '2025-12-31'), // left on the last day
    post('t6', 's2', '2026-01-01'), // joined the day after the end
  ];
  const activities = [
    act('heart_to_heart_talk', '2025-03-10', 's1', ['t1', 't4']), // … covered at s1 before the move
    act('heart_to_heart_talk', '2025-12-31', 's2', ['t5']),
    act('heart_to_heart_talk', '2026-01-01', 's2', ['t6']),
    act('opinion_survey', '2025-12-01', 's1', ['t3']), // another type covers nobody
  ];
  const run = (indicator: Indicator, today: string) =>
    evaluateIndicator(indicator, year, { activities, teachers }, { today });

  it('after the period: the roster of its last day; leavers out, late joiners in', () => {
    const e = run(talks, '2026-01-10');
    expect(e.units).toEqual([
      { unitId: 's1', value: 5000, status: 'missed', shortfall: 1, missing: ['t3'] }, // t1 of t1, t3
      { unitId: 's2', value: 10000, status: 'met', shortfall: 0, missing: [] }, // t4, t5
    ]);
    expect(brief(e)).toEqual({ value: 5000, status: 'missed', shortfall: 1, missing: ['t3'] });
  });

  it('while it runs: the roster of today', () => {
    // 2025-06-15: s1 has t1, t2, t4 (t3 not yet); s2 has t5, not yet talked to. 165 of 365 days past.
    const e = run(talks, '2025-06-15');
    expect(e.units?.map((u) => [u.unitId, u.value, u.status, u.missing])).toEqual([
      ['s1', 6666, 'on_track', ['t2']],
      ['s2', 0, 'on_track', ['t5']],
    ]);
    expect(brief(e)).toEqual({ value: 0, status: 'on_track', shortfall: 2, missing: ['t2', 't5'] });
  });

  it('on the last day counts that day and is at risk, not missed', () => {
    const e = run(talks, '2025-12-31');
    expect(e.units?.map((u) => [u.unitId, u.status])).toEqual([
      ['s1', 'at_risk'],
      ['s2', 'met'],
    ]);
    expect(e.status).toBe('at_risk');
  });

  it('lists as missing only the teachers of schools not yet at the target', () => {
    const half = { ...talks, target: 5000 };
    expect(brief(run(half, '2026-01-10'))).toEqual({ value: 5000, status: 'met', shortfall: 0, missing: [] });
  });

  it('pools the tenant for a tenant-level indicator (Leiyang 18 "教育部门每年组织开展教职工集中体检1次")', () => {
    const checkup = builtin('health_checkup');
    const done = [act('health_checkup', '2025-05-20', 'tenant', ['t1', 't2', 't4', 't5'])];
    const e = evaluateIndicator(checkup, year, { activities: done, teachers }, { today: '2026-01-10' });
    expect(e).toEqual({ value: 7500, target: 10000, status: 'missed', shortfall: 1, missing: ['t3'] });
  });

  it('rounds the value down but decides on the exact ratio; shortfall is whole teachers', () => {
    const eighty = { ...builtin('health_checkup'), target: 8000 };
    const done = [act('health_checkup', '2025-05-20', 'tenant', ['t1', 't4', 't5'])];
    const e = evaluateIndicator(eighty, year, { activities: done, teachers }, { today: '2026-01-10' });
    expect(brief(e)).toEqual({ value: 7500, status: 'missed', shortfall: 1, missing: ['t3'] }); // ceil(3.2) − 3
    const twoThirds = { ...eighty, target: 6667 };
    const e2 = evaluateIndicator(
      twoThirds,
      year,
      { activities: done, teachers: [teachers[0], teachers[2], teachers[4]] },
      { today: '2026-01-10' },
    );
    // Roster t1, t3, t4: 2 of 3 = 6666.67 bp < 6667.
    expect(brief(e2)).toEqual({ value: 6666, status: 'missed', shortfall: 1, missing: ['t3'] });
  });
});

describe('eligible_ratio: rotation ≥ 10 % of eligible teachers per school year (Leiyang 13)', () => {
  const rotation = builtin('rotation');
  const schoolYear = period('2025-2026');
  const eligible = Array.from({ length: 20 }, (_, i) => `e${String(i + 1).padStart(2, '0')}`);
  const run = (
    rotated: string[],
    eligibleIds: readonly string[] | undefined,
    today = '2026-09-05',
    indicator = rotation,
  ) =>
    evaluateIndicator(
      indicator,
      schoolYear,
      {
        activities: [
          act('rotation', '2026-08-20', 'tenant', rotated),
          act('rotation', '2025-08-31', 'tenant', ['e03']),
        ],
        teachers: [],
        eligibleIds,
      },
      { today },
    );

  it("is met at exactly 10 %; non-eligible and last year's rotations do not count", () => {
    expect(brief(run(['e01', 'e02', 'x1'], eligible))).toEqual({
      value: 1000,
      status: 'met',
      shortfall: 0,
      missing: [],
    });
  });

  it('lists the eligible teachers not rotated when short', () => {
    const e = run(['e01'], eligible);
    expect(brief(e)).toEqual({ value: 500, status: 'missed', shortfall: 1, missing: eligible.slice(1) });
  });

  it('rounds the teachers owed up: 10 % of 15 is 2', () => {
    const fifteen = eligible.slice(0, 15);
    expect(brief(run(['e01'], fifteen))).toMatchObject({ value: 666, status: 'missed', shortfall: 1 });
    expect(brief(run(['e01', 'e02'], fifteen))).toMatchObject({ value: 1333, status: 'met', shortfall: 0 });
  });

  it('backbone teachers: ≥ 20 % ("骨干教师交流应不低于20%")', () => {
    const backbone = builtin('rotation_backbone');
    expect(run(['e01'], eligible.slice(0, 5), '2026-09-05', backbone).status).toBe('met');
    expect(run(['e01'], eligible.slice(0, 6), '2026-09-05', backbone).status).toBe('missed');
  });

  it('counts a duplicated eligible id once, and owes nothing for an empty group', () => {
    expect(run(['e01'], ['e01', 'e01', 'e02']).value).toBe(5000);
    expect(brief(run([], []))).toEqual({ value: 10000, status: 'met', shortfall: 0, missing: [] });
  });

  it('needs the eligible group, and is tenant-level only', () => {
    expect(() => run([], undefined)).toThrow(RangeError);
    expect(() => run([], eligible, '2026-09-05', { ...rotation, level: 'school' })).toThrow(RangeError);
  });
});

describe('amount: fen spent against the budget', () => {
  // No clause of either document states an amount: a province-authored indicator.
  const spend: Indicator = {
    key: 'hardship_spend',
    name: '困难帮扶支出',
    kind: 'amount',
    period: 'calendar_year',
    level: 'tenant',
    activityTypes: ['hardship_assistance'],
    target: 100_000,
    clauseQuote: '争取相关资金的支持',
  };
  const year = period('2025');
  const activities = [
    act('hardship_assistance', '2025-01-01', 's1', ['t1'], 50_000),
    act('hardship_assistance', '2025-12-31', 's2', ['t2'], 30_000),
    act('hardship_assistance', '2025-06-01', 's2', ['t2'], null),
    act('hardship_assistance', '2026-01-01', 's1', ['t1'], 40_000), // next year
    act('visit', '2025-06-01', 's1', ['t1'], 99_999), // another type
  ];
  const run = (indicator: Indicator, extra = {}, acts = activities) =>
    evaluateIndicator(indicator, year, { activities: acts, teachers: [], ...extra }, { today: '2026-01-10' });

  it('sums the amounts of the period, first and last day included', () => {
    expect(run(spend)).toEqual({
      value: 80_000,
      target: 100_000,
      status: 'missed',
      shortfall: 20_000,
      missing: [],
    });
  });

  it('measures against the tenant budget when given', () => {
    expect(run(spend, { budgetFen: 80_000 })).toMatchObject({ target: 80_000, status: 'met' });
  });

  it('holds each school to the target at school level', () => {
    const e = run({ ...spend, level: 'school', target: 40_000 }, { units: ['s1', 's2'] });
    expect(brief(e)).toEqual({ value: 30_000, status: 'missed', shortfall: 10_000, missing: ['s2'] });
  });

  it.each([[-1], [0.5]])('refuses an amount of %p fen', (amountFen) => {
    expect(() => run(spend, {}, [act('hardship_assistance', '2025-03-01', 's1', [], amountFen)])).toThrow(
      RangeError,
    );
  });
});

describe('rollUp: tenants under the province', () => {
  const e = (
    value: number,
    status: IndicatorEvaluation['status'],
    shortfall: number,
  ): IndicatorEvaluation => ({
    value,
    target: 1,
    status,
    shortfall,
    missing: [],
  });

  it('is met only when every tenant is, else the most severe status, with the tenants not met', () => {
    const r = rollUp(1, [
      { unitId: 'c', evaluation: e(0, 'on_track', 3) },
      { unitId: 'a', evaluation: e(1, 'met', 0) },
      { unitId: 'b', evaluation: e(0, 'at_risk', 2) },
    ]);
    expect(brief(r)).toEqual({ value: 0, status: 'at_risk', shortfall: 5, missing: ['b', 'c'] });
    expect(r.units?.map((u) => u.unitId)).toEqual(['a', 'b', 'c']);
    expect(
      rollUp(1, [
        { unitId: 'a', evaluation: e(0, 'missed', 1) },
        { unitId: 'b', evaluation: e(0, 'at_risk', 1) },
      ]).status,
    ).toBe('missed');
    expect(rollUp(1, [{ unitId: 'a', evaluation: e(2, 'met', 0) }]).status).toBe('met');
  });
});
