import { addDays } from '../dates/arithmetic';
import {
  DEFAULT_SEMESTER_CALENDAR,
  type Period,
  elapsedDays,
  elapsedShare,
  hasEnded,
  periodByKey,
  periodContaining,
  periodDays,
  periodIncludes,
} from './periods';

const range = (p: Period) => [p.key, p.start, p.end];

describe('periods: 每学期, 每学年, 每年 (Leiyang 17, 13, 5)', () => {
  describe('semesters, by default 1 Sep – 31 Jan and 1 Feb – 31 Aug', () => {
    it.each([
      ['2025-09-01', '2025-2026-1', '2025-09-01', '2026-01-31'], // first day of the autumn semester
      ['2026-01-31', '2025-2026-1', '2025-09-01', '2026-01-31'], // its last day
      ['2026-02-01', '2025-2026-2', '2026-02-01', '2026-08-31'], // the day after: spring
      ['2026-08-31', '2025-2026-2', '2026-02-01', '2026-08-31'],
      ['2025-08-31', '2024-2025-2', '2025-02-01', '2025-08-31'], // summer holiday: still spring
      ['2025-12-31', '2025-2026-1', '2025-09-01', '2026-01-31'], // the year turns inside a semester
      ['2024-02-29', '2023-2024-2', '2024-02-01', '2024-08-31'],
    ])('%s is in %s (%s – %s)', (date, key, start, end) => {
      expect(range(periodContaining('semester', date))).toEqual([key, start, end]);
    });

    it('follows a tenant calendar (autumn from 25 Aug, spring from 17 Feb)', () => {
      const calendar = { autumnStart: '08-25', springStart: '02-17' };
      expect(range(periodContaining('semester', '2025-08-24', calendar))).toEqual([
        '2024-2025-2',
        '2025-02-17',
        '2025-08-24',
      ]);
      expect(range(periodContaining('semester', '2025-08-25', calendar))).toEqual([
        '2025-2026-1',
        '2025-08-25',
        '2026-02-16',
      ]);
      expect(range(periodContaining('school_year', '2025-08-25', calendar))).toEqual([
        '2025-2026',
        '2025-08-25',
        '2026-08-24',
      ]);
    });

    it('ends the autumn semester on 29 February in a leap year when spring starts on 1 March', () => {
      const calendar = { autumnStart: '09-01', springStart: '03-01' };
      expect(range(periodContaining('semester', '2024-01-15', calendar))).toEqual([
        '2023-2024-1',
        '2023-09-01',
        '2024-02-29',
      ]);
      expect(range(periodContaining('semester', '2025-01-15', calendar))).toEqual([
        '2024-2025-1',
        '2024-09-01',
        '2025-02-28',
      ]);
    });

    it('tile the calendar: every day is in exactly one semester, each starting the day after the last', () => {
      let current = periodContaining('semester', '2019-09-01');
      for (let d = '2019-09-01'; d <= '2027-09-01'; d = addDays(d, 1)) {
        const p = periodContaining('semester', d);
        expect(periodIncludes(p, d)).toBe(true);
        if (p.key !== current.key) {
          expect(p.start).toBe(d);
          expect(addDays(current.end, 1)).toBe(d);
          current = p;
        }
      }
    });

    it.each([
      [{ autumnStart: '02-01', springStart: '09-01' }], // spring after autumn
      [{ autumnStart: '09-01', springStart: '09-01' }],
      [{ autumnStart: '09-01', springStart: '02-29' }], // not a day of every year
      [{ autumnStart: '13-01', springStart: '02-01' }],
    ])('refuses the calendar %j', (calendar) => {
      expect(() => periodContaining('semester', '2025-09-01', calendar)).toThrow(RangeError);
    });
  });

  it.each([
    ['2025-09-01', '2025-2026', '2025-09-01', '2026-08-31'],
    ['2026-08-31', '2025-2026', '2025-09-01', '2026-08-31'],
    ['2025-08-31', '2024-2025', '2024-09-01', '2025-08-31'],
  ])('school year (学年): %s is in %s', (date, key, start, end) => {
    expect(range(periodContaining('school_year', date))).toEqual([key, start, end]);
  });

  it.each([
    ['2025-01-01', '2025', '2025-01-01', '2025-12-31'],
    ['2024-12-31', '2024', '2024-01-01', '2024-12-31'],
  ])('calendar year (每年): %s is in %s', (date, key, start, end) => {
    expect(range(periodContaining('calendar_year', date))).toEqual([key, start, end]);
  });

  it('finds a period by its key, the same as by a date in it', () => {
    for (const [kind, date] of [
      ['semester', '2025-10-01'],
      ['semester', '2026-03-01'],
      ['school_year', '2025-10-01'],
      ['calendar_year', '2025-10-01'],
    ] as const) {
      const p = periodContaining(kind, date);
      expect(periodByKey(p.key)).toEqual(p);
    }
    expect(periodByKey('2025-2026-2', { autumnStart: '08-25', springStart: '02-17' })?.start).toBe(
      '2026-02-17',
    );
  });

  it.each(['2025-2027', '2025-2026-3', '25', '2025-2026-', '2025-26', '', '0000'])(
    'refuses the key %j',
    (key) => {
      expect(periodByKey(key)).toBeNull();
    },
  );

  describe('elapsed share: the days wholly past (today not counted)', () => {
    const autumn = periodContaining('semester', '2025-09-01'); // 153 days

    it.each([
      ['2025-08-15', 0, false], // not started
      ['2025-09-01', 0, false], // first day: nothing past yet
      ['2025-09-02', 1, false],
      ['2026-01-31', 152, false], // last day: still running
      ['2026-02-01', 153, true], // the day after: over
      ['2026-06-01', 153, true],
    ])('on %s: %i of 153 days, ended %s', (today, days, ended) => {
      expect(periodDays(autumn)).toBe(153);
      expect(elapsedDays(autumn, today)).toBe(days);
      expect(elapsedShare(autumn, today)).toBe(days / 153);
      expect(hasEnded(autumn, today)).toBe(ended);
    });

    it('counts 366 days in a leap calendar year', () => {
      const y = periodContaining('calendar_year', '2024-06-01');
      expect(periodDays(y)).toBe(366);
      expect(elapsedShare(y, '2024-07-02')).toBe(183 / 366);
    });
  });

  it('defaults to 1 September and 1 February', () => {
    expect(DEFAULT_SEMESTER_CALENDAR).toEqual({ autumnStart: '09-01', springStart: '02-01' });
  });
});
