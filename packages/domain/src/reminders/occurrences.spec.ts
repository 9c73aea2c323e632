import type { ReminderRule } from '../programmes/types';
import {
  CATCH_UP_DAYS,
  calendarOccurrence,
  dueOn,
  isDue,
  nextMonthDay,
  teacherOccurrences,
} from './occurrences';

const rule = (trigger: ReminderRule['trigger'], leadDays = 3): ReminderRule => ({
  key: 'r',
  trigger,
  leadDays,
  audience: 'school_officer',
});

const teacher = {
  birthDate: '1980-10-10',
  birthdayCalendar: 'solar' as const,
  teachingSince: '1996-09-01',
  unionJoinedOn: '2006-12-01',
  retirementDate: '2040-10-31',
};

describe('reminder windows (issue 5: lead time, never twice, made up after a missed day)', () => {
  it('is due from the occurrence minus the lead days until the catch-up days after it', () => {
    expect(isDue('2026-10-10', 3, '2026-10-06')).toBe(false);
    expect(isDue('2026-10-10', 3, '2026-10-07')).toBe(true);
    expect(isDue('2026-10-10', 3, '2026-10-10')).toBe(true);
    expect(isDue('2026-10-10', 3, `2026-10-${10 + CATCH_UP_DAYS}`)).toBe(true);
    expect(isDue('2026-10-10', 3, `2026-10-${11 + CATCH_UP_DAYS}`)).toBe(false);
    expect(dueOn('2026-03-01', 3)).toBe('2026-02-26');
  });

  it('finds the next MM-DD across the year end', () => {
    expect(nextMonthDay('01-05', '2026-12-30')).toBe('2027-01-05');
    expect(nextMonthDay('12-31', '2026-12-31')).toBe('2026-12-31');
  });
});

describe('per-teacher occurrences', () => {
  it('birthday (Zhejiang 二（三）1 教师生日; Leiyang 19 生日祝福): the solar birthday, 3 days ahead', () => {
    expect(teacherOccurrences(rule({ kind: 'birthday' }), teacher, '2026-10-07')).toEqual([
      { occursOn: '2026-10-10' },
    ]);
    expect(teacherOccurrences(rule({ kind: 'birthday' }), teacher, '2026-10-06')).toEqual([]);
  });

  it('a lunar birthday falls on the lunar date of the year: born 1980-09-23 (八月十五) → Mid-Autumn 2026-09-25', () => {
    const lunar = { ...teacher, birthDate: '1980-09-23', birthdayCalendar: 'lunar' as const };
    expect(teacherOccurrences(rule({ kind: 'birthday' }), lunar, '2026-09-22')).toEqual([
      { occursOn: '2026-09-25' },
    ]);
    expect(teacherOccurrences(rule({ kind: 'birthday' }), lunar, '2026-09-20')).toEqual([]);
  });

  it('29 February births are greeted on 28 February in common years', () => {
    const leap = { ...teacher, birthDate: '1984-02-29' };
    expect(teacherOccurrences(rule({ kind: 'birthday' }, 0), leap, '2027-02-28')).toEqual([
      { occursOn: '2027-02-28' },
    ]);
    expect(teacherOccurrences(rule({ kind: 'birthday' }, 0), leap, '2028-02-29')).toEqual([
      { occursOn: '2028-02-29' },
    ]);
  });

  it('30 years of teaching (Leiyang 4 从教满30年) and configured milestones of teaching and union membership', () => {
    const thirty = rule({ kind: 'anniversary', anniversary: 'teaching_30_years' }, 30);
    expect(teacherOccurrences(thirty, teacher, '2026-08-02')).toEqual([
      { occursOn: '2026-09-01', years: 30 },
    ]);
    expect(teacherOccurrences(thirty, teacher, '2026-08-01')).toEqual([]);
    const union = rule({ kind: 'anniversary', anniversary: 'union_years', years: [10, 20, 30] }, 0);
    expect(teacherOccurrences(union, teacher, '2026-12-01')).toEqual([{ occursOn: '2026-12-01', years: 20 }]);
    expect(teacherOccurrences(union, { ...teacher, unionJoinedOn: null }, '2026-12-01')).toEqual([]);
  });

  it('retirement within N days (Zhejiang 二（三）1 退休离岗时开展慰问)', () => {
    const r = rule({ kind: 'anniversary', anniversary: 'retirement' }, 30);
    expect(teacherOccurrences(r, teacher, '2040-10-01')).toEqual([{ occursOn: '2040-10-31' }]);
    expect(teacherOccurrences(r, teacher, '2040-09-30')).toEqual([]);
  });
});

describe('calendar rules', () => {
  it('festivals by the lunar calendar: Spring Festival 2027-02-06, a week ahead', () => {
    expect(calendarOccurrence(rule({ kind: 'festival', festival: 'spring_festival' }, 7), '2027-01-30')).toBe(
      '2027-02-06',
    );
    expect(
      calendarOccurrence(rule({ kind: 'festival', festival: 'spring_festival' }, 7), '2027-01-29'),
    ).toBeNull();
  });

  it("a tenant's own date and the check-up deadline (default 10-31)", () => {
    expect(calendarOccurrence(rule({ kind: 'deadline', monthDay: '12-20' }, 5), '2026-12-15')).toBe(
      '2026-12-20',
    );
    expect(calendarOccurrence(rule({ kind: 'checkup_due' }, 30), '2026-10-01')).toBe('2026-10-31');
    expect(calendarOccurrence(rule({ kind: 'checkup_due', byMonthDay: '06-30' }, 0), '2026-07-03')).toBe(
      '2026-06-30',
    );
  });
});
