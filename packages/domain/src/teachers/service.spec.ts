import {
  CONTINUITY_GAP_DAYS,
  age,
  currentSchoolTenure,
  ruralServiceSpan,
  ruralServiceYears,
  teachingAnniversary,
  yearsAtCurrentSchool,
  yearsOfTeaching,
} from './service';
import type { Posting } from './types';
import { addDays, fullYearsBetween } from '../dates/arithmetic';

const at = (orgId: string, from: string, to: string | null, rural = false): Posting => ({
  orgId,
  from,
  to,
  rural,
});

describe('age and years of teaching (full years, up on the anniversary)', () => {
  it.each([
    ['1975-09-10', '2025-09-09', 49],
    ['1975-09-10', '2025-09-10', 50],
    ['1980-02-29', '2025-02-28', 44],
    ['1980-02-29', '2025-03-01', 45],
    ['2025-09-10', '2025-09-10', 0],
  ])('born %s, on %s: %i', (birth, today, years) => {
    expect(age(birth, today)).toBe(years);
  });

  it('refuses a birth date after today', () => {
    expect(() => age('2025-09-11', '2025-09-10')).toThrow(RangeError);
  });

  it.each([
    ['1995-09-01', 30, '2025-09-01'],
    ['1996-02-29', 30, '2026-03-01'], // no 29 February in 2026
    ['1996-02-29', 28, '2024-02-29'],
  ])('Leiyang 10: teaching since %s, the %i-year ceremony falls on %s', (since, years, day) => {
    expect(teachingAnniversary(since, years)).toBe(day);
    expect(yearsOfTeaching(since, day)).toBe(years);
  });

  it.each([
    ['1995-09-01', '2025-08-31', 29],
    ['1995-09-01', '2025-09-01', 30], // Leiyang 10: the 30th anniversary of teaching
    ['1995-09-01', '2026-09-01', 31],
    ['2025-09-01', '2025-09-01', 0],
    ['2026-09-01', '2025-09-10', 0], // not begun yet
  ])('teaching since %s, on %s: %i years', (since, today, years) => {
    expect(yearsOfTeaching(since, today)).toBe(years);
  });
});

describe('years at the current school (Leiyang 13 "在同一所学校连续任教")', () => {
  const TODAY = '2025-09-10';

  it('counts an open-ended current posting', () => {
    const postings = [at('A', '2010-09-01', '2016-08-31'), at('B', '2016-09-01', null)];
    expect(currentSchoolTenure(postings, TODAY)).toEqual({ orgId: 'B', since: '2016-09-01' });
    expect(yearsAtCurrentSchool(postings, TODAY)).toBe(9);
    expect(yearsAtCurrentSchool(postings, '2025-08-31')).toBe(8); // one day short of 9
  });

  it('counts a posting that ends today as current, and one that ended yesterday as not', () => {
    expect(yearsAtCurrentSchool([at('A', '2016-09-01', TODAY)], TODAY)).toBe(9);
    expect(currentSchoolTenure([at('A', '2016-09-01', '2025-09-09')], TODAY)).toBeNull();
    expect(yearsAtCurrentSchool([at('A', '2016-09-01', '2025-09-09')], TODAY)).toBe(0);
  });

  it('joins touching and overlapping postings at the same school', () => {
    const touching = [at('A', '2012-09-01', '2016-08-31'), at('A', '2016-09-01', null)];
    expect(currentSchoolTenure(touching, TODAY)).toEqual({ orgId: 'A', since: '2012-09-01' });
    expect(yearsAtCurrentSchool(touching, TODAY)).toBe(13);
    const overlapping = [at('A', '2016-09-01', null), at('A', '2012-09-01', '2018-08-31')]; // any order
    expect(yearsAtCurrentSchool(overlapping, TODAY)).toBe(13);
  });

  it(`bridges a gap of up to ${CONTINUITY_GAP_DAYS} days and breaks on a longer one`, () => {
    // last day 2016-07-31, back on 2016-09-01: 31 days (all of August) uncovered → still continuous
    const bridged = [at('A', '2012-09-01', '2016-07-31'), at('A', '2016-09-01', null)];
    expect(currentSchoolTenure(bridged, TODAY)).toEqual({ orgId: 'A', since: '2012-09-01' });
    // last day 2016-07-30: 32 days uncovered → the count restarts on 2016-09-01
    const broken = [at('A', '2012-09-01', '2016-07-30'), at('A', '2016-09-01', null)];
    expect(currentSchoolTenure(broken, TODAY)).toEqual({ orgId: 'A', since: '2016-09-01' });
    expect(yearsAtCurrentSchool(broken, TODAY)).toBe(9);
  });

  it('restarts after a year at another school, and ignores earlier stays at the same school', () => {
    const postings = [
      at('A', '2005-09-01', '2014-08-31'),
      at('B', '2014-09-01', '2015-08-31'),
      at('A', '2015-09-01', null),
    ];
    expect(currentSchoolTenure(postings, TODAY)).toEqual({ orgId: 'A', since: '2015-09-01' });
    expect(yearsAtCurrentSchool(postings, TODAY)).toBe(10);
  });

  it('is not broken by a concurrent secondment elsewhere', () => {
    const postings = [at('A', '2014-09-01', null), at('B', '2019-02-01', '2019-06-30')];
    expect(yearsAtCurrentSchool(postings, TODAY)).toBe(11);
  });

  it('takes the longer stay when teaching at two schools today (走教)', () => {
    const postings = [at('B', '2020-09-01', null), at('A', '2014-09-01', null)];
    expect(currentSchoolTenure(postings, TODAY)).toEqual({ orgId: 'A', since: '2014-09-01' });
  });

  it('ignores postings that have not begun and is 0 with no postings', () => {
    expect(currentSchoolTenure([at('A', '2025-09-11', null)], TODAY)).toBeNull();
    const postings = [at('A', '2016-09-01', null), at('B', '2026-02-01', null)];
    expect(currentSchoolTenure(postings, TODAY)).toEqual({ orgId: 'A', since: '2016-09-01' });
    expect(yearsAtCurrentSchool([], TODAY)).toBe(0);
  });

  it('refuses a posting that ends before it starts', () => {
    expect(() => yearsAtCurrentSchool([at('A', '2016-09-01', '2016-08-31')], TODAY)).toThrow(RangeError);
  });
});

describe('rural service (Leiyang 23 "在乡村学校从教累计")', () => {
  it('counts one open rural posting in calendar years', () => {
    const postings = [at('R', '1995-09-01', null, true)];
    expect(ruralServiceSpan(postings, '2025-09-01')).toEqual({ years: 30, months: 0, days: 0 });
    expect(ruralServiceSpan(postings, '2025-08-31')).toEqual({ years: 29, months: 11, days: 30 }); // 1–30 August
    expect(Math.floor(ruralServiceYears(postings, '2025-08-31'))).toBe(29); // one day short
    expect(Math.floor(ruralServiceYears(postings, '2025-09-01'))).toBe(30);
  });

  it('gives exactly 30 years for 30 calendar years with only 7 leap days (no 365.25-day drift)', () => {
    const postings = [at('R', '1997-03-01', null, true)];
    expect(ruralServiceSpan(postings, '2027-03-01')).toEqual({ years: 30, months: 0, days: 0 });
    expect(Math.floor(ruralServiceYears(postings, '2027-03-01'))).toBe(30);
  });

  it('counts a closed posting to its last day inclusive', () => {
    // 1990-09-01 … 2020-08-31 is 30 school years
    expect(ruralServiceSpan([at('R', '1990-09-01', '2020-08-31', true)], '2025-09-10')).toEqual({
      years: 30,
      months: 0,
      days: 0,
    });
  });

  it('counts a posting ending today like an open one (today itself is not yet served)', () => {
    const endsToday = ruralServiceSpan([at('R', '2000-09-01', '2025-09-10', true)], '2025-09-10');
    const open = ruralServiceSpan([at('R', '2000-09-01', null, true)], '2025-09-10');
    expect(endsToday).toEqual(open);
    expect(open).toEqual({ years: 25, months: 0, days: 9 });
  });

  it('adds separate rural stretches and skips town postings and gaps', () => {
    const postings = [
      at('R1', '1990-09-01', '2000-08-31', true), // 10 years
      at('T', '2000-09-01', '2005-08-31', false), // town: not counted
      at('R2', '2005-09-01', '2025-08-31', true), // 20 years
    ];
    expect(ruralServiceSpan(postings, '2025-09-10')).toEqual({ years: 30, months: 0, days: 0 });
  });

  it('joins rural postings that follow each other day by day into one calendar stretch', () => {
    const postings = [at('R1', '1995-03-31', '2000-02-28', true), at('R2', '2000-02-29', null, true)];
    expect(ruralServiceSpan(postings, '2025-03-31')).toEqual({ years: 30, months: 0, days: 0 });
  });

  it('counts overlapping rural postings once (走教 at two village schools)', () => {
    const postings = [at('R1', '2000-09-01', '2010-08-31', true), at('R2', '2005-09-01', '2015-08-31', true)];
    expect(ruralServiceSpan(postings, '2025-09-10')).toEqual({ years: 15, months: 0, days: 0 });
    const contained = [at('R1', '2000-09-01', null, true), at('R2', '2005-09-01', '2006-08-31', true)];
    expect(ruralServiceSpan(contained, '2025-09-01')).toEqual({ years: 25, months: 0, days: 0 });
  });

  it('carries leftover days at 31 to the month and months at 12 to the year', () => {
    const postings = [
      at('R1', '2001-01-01', '2001-01-20', true), // 20 days
      at('R2', '2002-01-01', '2002-01-15', true), // 15 days
      at('R3', '2003-01-01', '2003-11-30', true), // 11 months
    ];
    expect(ruralServiceSpan(postings, '2025-09-10')).toEqual({ years: 1, months: 0, days: 4 }); // 35 days = 1 month 4 days
    expect(ruralServiceYears(postings, '2025-09-10')).toBeCloseTo(1 + 4 / 31 / 12, 10);
    const thirtyDays = [
      at('R1', '2001-01-01', '2001-01-15', true),
      at('R2', '2002-01-01', '2002-01-15', true),
    ];
    expect(ruralServiceSpan(thirtyDays, '2025-09-10')).toEqual({ years: 0, months: 0, days: 30 });
  });

  it('ignores the future and is zero without rural postings', () => {
    expect(ruralServiceSpan([at('R', '2026-01-01', null, true)], '2025-09-10')).toEqual({
      years: 0,
      months: 0,
      days: 0,
    });
    expect(ruralServiceSpan([at('R', '2025-09-10', null, true)], '2025-09-10')).toEqual({
      years: 0,
      months: 0,
      days: 0,
    });
    expect(ruralServiceYears([at('T', '1990-09-01', null, false)], '2025-09-10')).toBe(0);
  });

  it('agrees with full calendar years for one unbroken posting, on every day of two years', () => {
    for (const from of ['1995-09-01', '1996-02-29', '1997-03-31', '1990-01-31']) {
      for (let i = 0; i < 731; i++) {
        const today = addDays('2024-01-01', i);
        const postings = [at('R', from, null, true)];
        expect(Math.floor(ruralServiceYears(postings, today))).toBe(fullYearsBetween(from, today));
        expect(ruralServiceSpan(postings, today).years).toBe(fullYearsBetween(from, today));
      }
    }
  });

  it('gives a decimal whose whole part is the full years', () => {
    const postings = [at('R', '1995-03-15', null, true)];
    expect(ruralServiceSpan(postings, '2025-09-10')).toEqual({ years: 30, months: 5, days: 26 });
    expect(ruralServiceYears(postings, '2025-09-10')).toBeCloseTo(30 + (5 + 26 / 31) / 12, 10);
  });
});
