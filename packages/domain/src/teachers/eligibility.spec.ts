import {
  type FamilyLink,
  type HonourTeacher,
  type RotationTeacher,
  type RuralTitleTeacher,
  earliestTransferAfterRuralPromotion,
  ruralSeniorTitleEligible,
  rotationEligible,
  teacherDynasty,
  teacherFamily,
  teaching30Years,
} from './eligibility';
import type { Posting } from './types';

const at = (orgId: string, from: string, to: string | null, rural = false): Posting => ({
  orgId,
  from,
  to,
  rural,
});

describe('Leiyang 4 honours (授予教师特别荣誉)', () => {
  const TODAY = '2025-09-10';
  let n = 0;
  const teacher = (status: HonourTeacher['status'], teachingSince: string | null): HonourTeacher => ({
    id: `t${++n}`,
    status,
    teachingSince,
  });

  describe('"从教30年": ≥ 30 full years of teaching and working in the city now', () => {
    it.each([
      ['exactly 30 years today', 'active', '1995-09-10', true, 'eligible'],
      ['35 years', 'active', '1990-09-01', true, 'eligible'],
      ['one day short', 'active', '1995-09-11', false, 'under_30_years'],
      ['one month short', 'active', '1995-10-10', false, 'under_30_years'],
      ['one year short', 'active', '1996-09-10', false, 'under_30_years'],
      ['retired with 35 years', 'retired', '1985-09-01', false, 'not_active'],
      ['transferred out with 31 years', 'transferred_out', '1994-09-01', false, 'not_active'],
      ['deceased with 40 years', 'deceased', '1980-09-01', false, 'not_active'],
      ['no start date on record', 'active', null, false, 'teaching_since_unknown'],
    ] as const)('%s', (_, status, since, eligible, reason) => {
      expect(teaching30Years({ status, teachingSince: since }, TODAY)).toEqual({ eligible, reason });
    });
  });

  describe('"教师之家": a couple both the city\'s teachers, one in post, one with 30 years', () => {
    const spouse = (relative: FamilyLink['relative']): FamilyLink[] => [{ kind: 'spouse', relative }];

    it.each([
      [
        'husband in post 20 years, wife retired after 33',
        'active',
        '2005-09-01',
        'retired',
        '1985-09-01',
        true,
        'eligible',
      ],
      [
        'both in post, one exactly 30 years today',
        'active',
        '1995-09-10',
        'active',
        '2010-09-01',
        true,
        'eligible',
      ],
      [
        'the 30-year one is in post, the other retired',
        'active',
        '1995-09-10',
        'retired',
        '1990-09-01',
        true,
        'eligible',
      ],
      [
        'both in post, the longer one day short of 30',
        'active',
        '1995-09-11',
        'active',
        '2000-09-01',
        false,
        'under_30_years',
      ],
      [
        'both in post, the longer one year short',
        'active',
        '1996-09-10',
        'active',
        '1996-09-01',
        false,
        'under_30_years',
      ],
      ['both retired', 'retired', '1980-09-01', 'retired', '1982-09-01', false, 'neither_working_now'],
      [
        'spouse transferred out of the city',
        'active',
        '1990-09-01',
        'transferred_out',
        '1990-09-01',
        false,
        'not_city_teachers',
      ],
      ['spouse deceased', 'active', '1990-09-01', 'deceased', '1980-09-01', false, 'not_city_teachers'],
      [
        'the teacher asked about transferred out',
        'transferred_out',
        '1990-09-01',
        'active',
        '1990-09-01',
        false,
        'not_city_teachers',
      ],
      [
        'spouse with no start date, the teacher 30 years',
        'active',
        '1995-09-10',
        'active',
        null,
        true,
        'eligible',
      ],
    ] as const)('%s', (_, status, since, spouseStatus, spouseSince, eligible, reason) => {
      const me = teacher(status, since);
      expect(teacherFamily(me, spouse(teacher(spouseStatus, spouseSince)), TODAY)).toEqual({
        eligible,
        reason,
      });
    });

    it('needs the spouse on the registry, not just "in education"', () => {
      const me = teacher('active', '1990-09-01');
      expect(teacherFamily(me, spouse({ inEducation: true }), TODAY)).toEqual({
        eligible: false,
        reason: 'no_spouse_in_registry',
      });
      expect(teacherFamily(me, [], TODAY)).toEqual({ eligible: false, reason: 'no_spouse_in_registry' });
    });

    it('does not take a parent or child for a spouse', () => {
      const me = teacher('active', '2000-09-01');
      const links: FamilyLink[] = [
        { kind: 'parent', relative: teacher('retired', '1970-09-01') },
        { kind: 'child', relative: teacher('active', '2020-09-01') },
      ];
      expect(teacherFamily(me, links, TODAY)).toEqual({ eligible: false, reason: 'no_spouse_in_registry' });
    });

    it('accepts any qualifying spouse link and otherwise reports the first', () => {
      const me = teacher('active', '1990-09-01');
      const late = { kind: 'spouse' as const, relative: teacher('deceased', '1985-09-01') };
      const current = { kind: 'spouse' as const, relative: teacher('active', '2000-09-01') };
      expect(teacherFamily(me, [late, current], TODAY)).toEqual({ eligible: true, reason: 'eligible' });
      expect(teacherFamily(me, [late], TODAY)).toEqual({ eligible: false, reason: 'not_city_teachers' });
    });
  });

  describe('"教师世家": three generations in education, one working in the city now', () => {
    const link = (kind: FamilyLink['kind'], relative: FamilyLink['relative']): FamilyLink => ({
      kind,
      relative,
    });
    const outside = (inEducation: boolean) => ({ inEducation });

    it.each<[string, HonourTeacher, FamilyLink[], boolean, string]>([
      [
        'the teacher in post, a retired teacher parent, a grandparent who taught elsewhere',
        teacher('active', '2015-09-01'),
        [link('parent', teacher('retired', '1985-09-01')), link('grandparent', outside(true))],
        true,
        'eligible',
      ],
      [
        'a retired grandparent asks: child in post, grandchild teaching elsewhere',
        teacher('retired', '1965-09-01'),
        [link('child', teacher('active', '1995-09-01')), link('grandchild', outside(true))],
        true,
        'eligible',
      ],
      [
        'the middle generation asks, retired: parent outside, child in post',
        teacher('retired', '1985-09-01'),
        [link('parent', outside(true)), link('child', teacher('active', '2015-09-01'))],
        true,
        'eligible',
      ],
      [
        'a deceased registry grandparent still counts as in education',
        teacher('active', '2015-09-01'),
        [link('parent', outside(true)), link('grandparent', teacher('deceased', '1950-09-01'))],
        true,
        'eligible',
      ],
      [
        'nobody of the first three generations in post, but the next three have one',
        teacher('retired', '1985-09-01'),
        [
          link('grandparent', outside(true)),
          link('parent', outside(true)),
          link('child', teacher('active', '2015-09-01')),
        ],
        true,
        'eligible',
      ],
      [
        "the retired teacher's spouse is in post",
        teacher('retired', '1985-09-01'),
        [
          link('parent', outside(true)),
          link('grandparent', outside(true)),
          link('spouse', teacher('active', '1990-09-01')),
        ],
        true,
        'eligible',
      ],
      [
        'two generations only',
        teacher('active', '2015-09-01'),
        [link('parent', teacher('retired', '1985-09-01'))],
        false,
        'fewer_than_three_generations',
      ],
      [
        'the grandparent was not in education',
        teacher('active', '2015-09-01'),
        [link('parent', teacher('retired', '1985-09-01')), link('grandparent', outside(false))],
        false,
        'fewer_than_three_generations',
      ],
      [
        'grandparent and grandchild but a gap between',
        teacher('active', '1990-09-01'),
        [
          link('parent', outside(false)),
          link('grandparent', outside(true)),
          link('grandchild', outside(true)),
        ],
        false,
        'fewer_than_three_generations',
      ],
      [
        'a spouse does not make a generation',
        teacher('active', '2015-09-01'),
        [link('parent', outside(true)), link('spouse', teacher('active', '2015-09-01'))],
        false,
        'fewer_than_three_generations',
      ],
      [
        'three generations, nobody in post in the city',
        teacher('retired', '1985-09-01'),
        [link('parent', outside(true)), link('child', teacher('transferred_out', '2015-09-01'))],
        false,
        'no_generation_working_now',
      ],
    ])('%s', (_, me, links, eligible, reason) => {
      expect(teacherDynasty(me, links)).toEqual({ eligible, reason });
    });
  });
});

describe('Leiyang 13 rotation (交流轮岗)', () => {
  const TODAY = '2025-09-10';
  // A man of 45 who has taught at school A since exactly 9 years ago today.
  const base: RotationTeacher = {
    sex: 'male',
    birthDate: '1980-01-01',
    status: 'active',
    employment: 'establishment',
    stage: 'primary',
    position: 'teacher',
    positionSince: null,
    postings: [at('B', '2008-09-01', '2016-08-31'), at('A', '2016-09-10', null)],
  };
  const check = (changes: Partial<RotationTeacher>) => rotationEligible({ ...base, ...changes }, TODAY);

  describe('teachers: men < 50, women < 45, ≥ 9 consecutive years at the same school', () => {
    it.each<[string, Partial<RotationTeacher>, boolean, string]>([
      ['9 years today', {}, true, 'teacher_9_years'],
      [
        'a junior secondary head teacher',
        { stage: 'junior_secondary', position: 'head_teacher' },
        true,
        'teacher_9_years',
      ],
      ['one day short of 9 years', { postings: [at('A', '2016-09-11', null)] }, false, 'under_9_years'],
      ['one month short', { postings: [at('A', '2016-10-10', null)] }, false, 'under_9_years'],
      ['one year short', { postings: [at('A', '2017-09-10', null)] }, false, 'under_9_years'],
      ['a man of 49, 50 tomorrow', { birthDate: '1975-09-11' }, true, 'teacher_9_years'],
      ['a man of 50 today', { birthDate: '1975-09-10' }, false, 'over_age_limit'],
      ['a woman of 44, 45 tomorrow', { sex: 'female', birthDate: '1980-09-11' }, true, 'teacher_9_years'],
      ['a woman of 45 today', { sex: 'female', birthDate: '1980-09-10' }, false, 'over_age_limit'],
      [
        "a woman of 47 (the men's limit would let her in)",
        { sex: 'female', birthDate: '1978-03-01' },
        false,
        'over_age_limit',
      ],
      ['a man of 47', { birthDate: '1978-03-01' }, true, 'teacher_9_years'],
      ['on contract (合同制), not the establishment', { employment: 'contract' }, false, 'not_establishment'],
      ['at a private school', { employment: 'private' }, false, 'not_establishment'],
      ['at a senior secondary school', { stage: 'senior_secondary' }, false, 'not_compulsory_education'],
      ['at a kindergarten', { stage: 'preschool' }, false, 'not_compulsory_education'],
      ['at a vocational school', { stage: 'vocational' }, false, 'not_compulsory_education'],
      ['school staff (职员)', { position: 'staff' }, false, 'not_teacher_or_leader'],
      ['retired', { status: 'retired' }, false, 'not_active'],
      [
        'not at any school today',
        { postings: [at('A', '2010-09-01', '2025-09-09')] },
        false,
        'not_at_a_school',
      ],
      [
        'back at the same school after 32 days away: the count restarts',
        { postings: [at('A', '2010-09-01', '2018-07-30'), at('A', '2018-09-01', null)] },
        false,
        'under_9_years',
      ],
      [
        'back after 31 days away: still continuous',
        { postings: [at('A', '2010-09-01', '2018-07-31'), at('A', '2018-09-01', null)] },
        true,
        'teacher_9_years',
      ],
      [
        'a current posting that ends today',
        { postings: [at('A', '2016-09-10', TODAY)] },
        true,
        'teacher_9_years',
      ],
    ])('%s', (_, changes, eligible, reason) => {
      expect(check(changes)).toEqual({ eligible, reason });
    });
  });

  describe('principals and vice-principals: men < 55, women < 50, two full 5-year terms', () => {
    const leader = (changes: Partial<RotationTeacher>) =>
      check({
        position: 'principal',
        birthDate: '1972-01-01',
        postings: [at('A', '2015-09-10', null)],
        ...changes,
      });

    it.each<[string, Partial<RotationTeacher>, boolean, string]>([
      ['10 years today', {}, true, 'leader_two_terms'],
      ['a vice-principal, 10 years', { position: 'vice_principal' }, true, 'leader_two_terms'],
      ['one day short', { postings: [at('A', '2015-09-11', null)] }, false, 'under_two_terms'],
      [
        'one year short: 9 years is enough for a teacher, not a principal',
        { postings: [at('A', '2016-09-10', null)] },
        false,
        'under_two_terms',
      ],
      ['a man of 54, 55 tomorrow', { birthDate: '1970-09-11' }, true, 'leader_two_terms'],
      ['a man of 55 today', { birthDate: '1970-09-10' }, false, 'over_age_limit'],
      ['a woman of 49', { sex: 'female', birthDate: '1975-09-11' }, true, 'leader_two_terms'],
      ['a woman of 50 today', { sex: 'female', birthDate: '1975-09-10' }, false, 'over_age_limit'],
      [
        "a woman of 52 (the men's limit would let her in)",
        { sex: 'female', birthDate: '1973-01-01' },
        false,
        'over_age_limit',
      ],
      [
        "a woman of 47, over the teachers' limit but under the leaders'",
        { sex: 'female', birthDate: '1978-03-01' },
        true,
        'leader_two_terms',
      ],
      ['on contract', { employment: 'contract' }, false, 'not_establishment'],
      [
        'at the school 20 years but principal only 5',
        { postings: [at('A', '2005-09-01', null)], positionSince: '2020-09-01' },
        false,
        'under_two_terms',
      ],
      [
        'vice-principal then principal there for 10 years in all',
        { postings: [at('A', '2005-09-01', null)], positionSince: '2015-09-10' },
        true,
        'leader_two_terms',
      ],
      [
        'a principal since 2000 elsewhere, at this school 8 years',
        {
          postings: [at('B', '2000-09-01', '2017-08-31'), at('A', '2017-09-01', null)],
          positionSince: '2000-09-01',
        },
        false,
        'under_two_terms',
      ],
    ])('%s', (_, changes, eligible, reason) => {
      expect(leader(changes)).toEqual({ eligible, reason });
    });

    it("does not apply the teachers' rule to a principal: a man of 52 with 12 years is judged as a leader", () => {
      expect(leader({ birthDate: '1973-01-01', postings: [at('A', '2013-09-01', null)] })).toEqual({
        eligible: true,
        reason: 'leader_two_terms',
      });
      expect(check({ birthDate: '1973-01-01', postings: [at('A', '2013-09-01', null)] })).toEqual({
        eligible: false,
        reason: 'over_age_limit',
      });
    });
  });
});

describe('Leiyang 23 rural senior title (资深乡村教师直接评聘基层高级)', () => {
  // A man born 1966-01-15 retires at 60 years 4 months (born in the reform's 13th month: k = 12 → 3 + 1),
  // on 2026-05-15. On 2025-03-15 the year end is 2025-12-31, so "less than 2 years" means before 2027-12-31.
  const TODAY = '2025-03-15';
  const base: RuralTitleTeacher = {
    sex: 'male',
    birthDate: '1966-01-15',
    status: 'active',
    title: 'intermediate',
    retirementCategory: 'cadre',
    postings: [at('R', '1994-09-01', null, true)],
  };
  const check = (changes: Partial<RuralTitleTeacher>, today = TODAY) =>
    ruralSeniorTitleEligible({ ...base, ...changes }, today);

  it.each<[string, Partial<RuralTitleTeacher>, boolean, string]>([
    ['a man, 30½ rural years, retiring 2026-05-15', {}, true, 'eligible'],
    [
      'a man with exactly 30 rural years today',
      { postings: [at('R', '1995-03-15', null, true)] },
      true,
      'eligible',
    ],
    [
      'a man one day short of 30 rural years',
      { postings: [at('R', '1995-03-16', null, true)] },
      false,
      'rural_service_short',
    ],
    [
      'a man one month short',
      { postings: [at('R', '1995-04-15', null, true)] },
      false,
      'rural_service_short',
    ],
    [
      "a man with 25 rural years (the women's threshold)",
      { postings: [at('R', '2000-03-15', null, true)] },
      false,
      'rural_service_short',
    ],
    [
      'a woman cadre with 25 rural years, retiring 2025-06-01',
      { sex: 'female', birthDate: '1970-05-01', postings: [at('R', '2000-03-15', null, true)] }, // 55 y 2 m
      true,
      'eligible',
    ],
    [
      'a woman one day short of 25',
      { sex: 'female', birthDate: '1970-05-01', postings: [at('R', '2000-03-16', null, true)] },
      false,
      'rural_service_short',
    ],
    [
      'rural years in two stretches with a town posting between',
      {
        postings: [
          at('R1', '1980-09-01', '1995-08-31', true), // 15 years, then 19½ from 2005
          at('T', '1995-09-01', '2005-08-31', false),
          at('R2', '2005-09-01', null, true),
        ],
      },
      true,
      'eligible',
    ],
    [
      'a woman worker retiring 2027-12-30, a day under 2 years after the year end',
      { sex: 'female', retirementCategory: 'worker', birthDate: '1976-12-30' },
      true,
      'eligible',
    ],
    // born 1976-12: k = 23 → 11 + 1 = 12 months → 51 years → 2027-12-31, exactly 2 years after 2025-12-31
    [
      'a woman worker retiring 2027-12-31, exactly 2 years after',
      { sex: 'female', retirementCategory: 'worker', birthDate: '1976-12-31' },
      false,
      'retirement_not_near',
    ],
    [
      'the same woman as a cadre retires at 56 y 4 m (2033-04-30): far off',
      { sex: 'female', retirementCategory: 'cadre', birthDate: '1976-12-31' },
      false,
      'retirement_not_near',
    ],
    [
      'a man born 1968: retires 2028-12, a year too far',
      { birthDate: '1968-02-15' },
      false,
      'retirement_not_near',
    ],
    [
      'already at retirement age but still marked in post',
      { birthDate: '1964-06-15' },
      false,
      'retirement_reached',
    ],
    ['retirement date today', { birthDate: '1964-03-15' }, false, 'retirement_reached'],
    ['associate senior title already (副高)', { title: 'associate_senior' }, false, 'not_intermediate'],
    ['junior title (初级)', { title: 'junior' }, false, 'not_intermediate'],
    ['no title', { title: null }, false, 'not_intermediate'],
    ['retired', { status: 'retired' }, false, 'not_active'],
    [
      'now at a town school after 31 rural years',
      { postings: [at('R', '1990-09-01', '2022-08-31', true), at('T', '2022-09-01', null, false)] },
      false,
      'not_rural_now',
    ],
  ])('%s', (_, changes, eligible, reason) => {
    expect(check(changes)).toEqual({ eligible, reason });
  });

  it('moves with the year: at the end of 2023 the same man is still 2 years 4½ months from retirement', () => {
    const postings = [at('R', '1990-09-01', null, true)];
    expect(check({ postings }, '2024-03-15')).toEqual({ eligible: true, reason: 'eligible' }); // 2026-05-15 < 2026-12-31
    expect(check({ postings }, '2023-03-15')).toEqual({ eligible: false, reason: 'retirement_not_near' }); // ≥ 2025-12-31
  });

  it('applies before the reform too: men born 1964-12-30 and 1964-12-31 retire at 60', () => {
    // On 2022-06-01 the limit is 2024-12-31.
    expect(
      check({ birthDate: '1964-12-30', postings: [at('R', '1990-09-01', null, true)] }, '2022-06-01'),
    ).toEqual({
      eligible: true,
      reason: 'eligible',
    });
    expect(
      check({ birthDate: '1964-12-31', postings: [at('R', '1990-09-01', null, true)] }, '2022-06-01'),
    ).toEqual({
      eligible: false,
      reason: 'retirement_not_near',
    });
  });

  it.each([
    ['2025-09-01', '2030-09-01'],
    ['2024-02-29', '2029-03-01'],
  ])('a rural teacher promoted on %s may move from %s (5 more years of service)', (promoted, free) => {
    expect(earliestTransferAfterRuralPromotion(promoted)).toBe(free);
  });
});
