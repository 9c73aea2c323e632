import { BUILTIN_HOLIDAY_YEARS } from '../holidays/builtin';
import { holidayCalendar } from '../holidays/calendar';
import type { CaseDeadlineFacts } from './deadline-facts';
import { type CaseDeadline, type DeadlineKind, caseDeadlines } from './deadlines';

const cal = holidayCalendar(BUILTIN_HOLIDAY_YEARS);

function only(kind: DeadlineKind, facts: CaseDeadlineFacts, today: string): CaseDeadline {
  const found = caseDeadlines(facts, today, cal).filter((d) => d.kind === kind);
  expect(found).toHaveLength(1);
  return found[0];
}

const due = (kind: DeadlineKind, facts: CaseDeadlineFacts, today: string) => only(kind, facts, today).due;

describe('mediation: 15 days from the application, then arbitration (劳动争议调解仲裁法 第十四条)', () => {
  const facts: CaseDeadlineFacts = { knewOn: '2025-02-20', mediation: { appliedOn: '2025-03-03' } };

  it('runs 15 days, the day of receipt not counted, with days left and a warning 3 days before', () => {
    expect(only('mediation', facts, '2025-03-10')).toEqual({
      key: 'mediation',
      kind: 'mediation',
      clause: '劳动争议调解仲裁法 第十四条',
      label: null,
      start: '2025-03-03',
      nominalDue: '2025-03-18',
      due: '2025-03-18',
      daysLeft: 8,
      closedOn: null,
      passed: false,
      warnings: [{ daysBefore: 3, on: '2025-03-15' }],
      provisional: false,
      ignored: [],
    });
  });

  it('is due today with 0 days left, passed the day after (then the party may apply for arbitration)', () => {
    expect(only('mediation', facts, '2025-03-18')).toMatchObject({ daysLeft: 0, passed: false });
    expect(only('mediation', facts, '2025-03-20')).toMatchObject({ daysLeft: -2, passed: true });
  });

  it('a 15th day on 2025 除夕 moves past the Spring Festival to 2025-02-05 (民事诉讼法 第八十五条)', () => {
    expect(
      only('mediation', { knewOn: '2025-01-02', mediation: { appliedOn: '2025-01-13' } }, '2025-01-20'),
    ).toMatchObject({ nominalDue: '2025-01-28', due: '2025-02-05' });
  });

  it('is closed, not passed, once mediation ended in time', () => {
    const ended = { ...facts, mediation: { appliedOn: '2025-03-03', endedOn: '2025-03-12' } };
    expect(only('mediation', ended, '2025-04-01')).toMatchObject({ closedOn: '2025-03-12', passed: false });
  });

  it('is absent when no mediation was applied for', () => {
    expect(caseDeadlines({ knewOn: '2025-02-20' }, '2025-03-01', cal).map((d) => d.kind)).toEqual([
      'limitation',
    ]);
  });
});

describe('limitation: one year from when the teacher knew (劳动争议调解仲裁法 第二十七条第一款)', () => {
  it('ends on the corresponding day a year later, warning 90, 30 and 7 days before', () => {
    expect(only('limitation', { knewOn: '2025-03-10' }, '2025-03-11')).toMatchObject({
      clause: '劳动争议调解仲裁法 第二十七条',
      start: '2025-03-10',
      due: '2026-03-10',
      daysLeft: 364,
      passed: false,
      warnings: [
        { daysBefore: 90, on: '2025-12-10' },
        { daysBefore: 30, on: '2026-02-08' },
        { daysBefore: 7, on: '2026-03-03' },
      ],
    });
  });

  it('across a leap year: knew 2024-02-29 → 2025-02-28, the last day of the month with no 29th (民法典 第二百零二条)', () => {
    expect(due('limitation', { knewOn: '2024-02-29' }, '2024-03-01')).toBe('2025-02-28');
    expect(only('limitation', { knewOn: '2024-02-29' }, '2025-03-01')).toMatchObject({
      daysLeft: -1,
      passed: true,
    });
  });

  it('across a leap day: knew 2023-03-01 → 2024-03-01, a year is not 365 days', () => {
    expect(due('limitation', { knewOn: '2023-03-01' }, '2023-06-01')).toBe('2024-03-01');
  });

  it('a last day in the 2025 National Day holiday moves to 2025-10-09 (民事诉讼法 第八十五条; see deadlines.ts)', () => {
    expect(only('limitation', { knewOn: '2024-10-01' }, '2025-09-01')).toMatchObject({
      nominalDue: '2025-10-01',
      due: '2025-10-09',
      daysLeft: 38,
    });
  });

  it('a last day in the 2026 Spring Festival moves to 2026-02-24', () => {
    expect(due('limitation', { knewOn: '2025-02-17' }, '2025-03-01')).toBe('2026-02-24');
  });

  it('is met by applying for arbitration in time, missed by applying late', () => {
    const inTime = { knewOn: '2024-06-03', arbitration: { appliedOn: '2025-06-03' } };
    expect(only('limitation', inTime, '2025-07-01')).toMatchObject({ closedOn: '2025-06-03', passed: false });
    const late = { knewOn: '2024-06-03', arbitration: { appliedOn: '2025-06-04' } };
    expect(only('limitation', late, '2025-07-01')).toMatchObject({ passed: true });
  });

  it('is provisional when the due date lies in a year with no published arrangement', () => {
    expect(only('limitation', { knewOn: '2026-10-01' }, '2026-10-02')).toMatchObject({
      due: '2027-10-01', // a Friday: weekends-only calendar, National Day 2027 not yet published
      provisional: true,
    });
    expect(only('limitation', { knewOn: '2025-10-01' }, '2025-10-02').provisional).toBe(false);
  });

  describe('wages owed in a continuing employment (第二十七条第四款)', () => {
    it('run no limitation while the employment lasts', () => {
      const facts = { knewOn: '2024-01-10', wageArrears: { employmentEndedOn: null } };
      expect(caseDeadlines(facts, '2025-06-01', cal)).toEqual([]);
    });

    it('run one year from the end of the employment, not from the knowledge date', () => {
      const facts = { knewOn: '2024-01-10', wageArrears: { employmentEndedOn: '2025-07-15' } };
      expect(only('limitation', facts, '2025-08-01')).toMatchObject({
        clause: '劳动争议调解仲裁法 第二十七条第四款',
        start: '2025-07-15',
        due: '2026-07-15',
      });
    });
  });
});

describe('interruption: the limitation starts again (第二十七条第二款)', () => {
  it('restarts from the day of the interruption (a claim made to the employer)', () => {
    const facts = { knewOn: '2024-03-10', limitationInterruptions: ['2024-11-20'] };
    expect(only('limitation', facts, '2024-12-01')).toMatchObject({ start: '2024-11-20', due: '2025-11-20' });
  });

  it('restarts from the latest of several', () => {
    const facts = { knewOn: '2024-03-10', limitationInterruptions: ['2025-03-01', '2024-05-01'] };
    expect(due('limitation', facts, '2025-04-01')).toBe('2026-03-02'); // 2026-03-01 is a Sunday
  });

  it('cannot revive a limitation that has already run out', () => {
    const facts = { knewOn: '2023-01-10', limitationInterruptions: ['2024-02-01'] };
    expect(only('limitation', facts, '2024-03-01')).toMatchObject({
      due: '2024-01-10',
      passed: true,
      ignored: ['2024-02-01'],
    });
  });

  it('still counts on a last day extended past a holiday, not after it', () => {
    const knewOn = '2024-10-01'; // runs to 2025-10-01, extended to 2025-10-09
    expect(due('limitation', { knewOn, limitationInterruptions: ['2025-10-05'] }, '2025-10-10')).toBe(
      '2026-10-08',
    );
    expect(due('limitation', { knewOn, limitationInterruptions: ['2025-10-09'] }, '2025-10-10')).toBe(
      '2026-10-09',
    );
    expect(
      only('limitation', { knewOn, limitationInterruptions: ['2025-10-10'] }, '2025-10-10'),
    ).toMatchObject({
      due: '2025-10-09',
      ignored: ['2025-10-10'],
    });
  });
});

describe('suspension: the clock stops while the obstacle lasts (第二十七条第三款)', () => {
  it('adds the days from the obstacle up to its removal: 61 days, then past a Sunday', () => {
    const facts = { knewOn: '2024-06-03', limitationSuspensions: [{ from: '2024-07-01', to: '2024-08-31' }] };
    expect(only('limitation', facts, '2024-09-01')).toMatchObject({
      nominalDue: '2025-08-03',
      due: '2025-08-04',
    });
  });

  it('adds several suspensions', () => {
    const facts = {
      knewOn: '2024-06-03',
      limitationSuspensions: [
        { from: '2024-07-01', to: '2024-07-11' },
        { from: '2024-09-01', to: '2024-09-06' },
      ],
    };
    expect(due('limitation', facts, '2024-10-01')).toBe('2025-06-18'); // + 10 + 5 days
  });

  it('a suspension after the limitation ran out changes nothing', () => {
    const facts = { knewOn: '2023-01-10', limitationSuspensions: [{ from: '2024-02-01', to: '2024-03-01' }] };
    expect(only('limitation', facts, '2024-03-02')).toMatchObject({
      due: '2024-01-10',
      ignored: ['2024-02-01'],
    });
  });

  it('an interruption after a suspension starts a fresh year, the pause forgotten', () => {
    const facts = {
      knewOn: '2024-06-03',
      limitationSuspensions: [{ from: '2024-07-01', to: '2024-08-31' }],
      limitationInterruptions: ['2024-12-01'],
    };
    expect(due('limitation', facts, '2024-12-02')).toBe('2025-12-01');
  });

  it('a suspension after an interruption extends the fresh year', () => {
    const facts = {
      knewOn: '2024-01-05',
      limitationInterruptions: ['2024-03-01'],
      limitationSuspensions: [{ from: '2024-06-01', to: '2024-06-11' }],
    };
    expect(due('limitation', facts, '2024-07-01')).toBe('2025-03-11'); // 2025-03-01 + 10 days
  });

  it('an interruption during a suspension: the rest of the suspension still pauses the fresh year', () => {
    const facts = {
      knewOn: '2024-01-05',
      limitationSuspensions: [{ from: '2024-02-01', to: '2024-04-01' }],
      limitationInterruptions: ['2024-03-01'],
    };
    expect(due('limitation', facts, '2024-05-01')).toBe('2025-04-01'); // 2025-03-01 + 31 days (3/1–3/31)
  });
});

describe('award: 45 days from acceptance, at most 15 more (劳动争议调解仲裁法 第四十三条)', () => {
  const accepted = (extra: object = {}): CaseDeadlineFacts => ({
    knewOn: '2025-05-01',
    arbitration: { appliedOn: '2025-08-11', acceptedOn: '2025-08-18', ...extra },
  });

  it('runs 45 days from acceptance; a 45th day on 2025-10-02 moves past National Day to 10-09', () => {
    expect(only('award', accepted(), '2025-09-01')).toMatchObject({
      clause: '劳动争议调解仲裁法 第四十三条',
      start: '2025-08-18',
      nominalDue: '2025-10-02',
      due: '2025-10-09',
      warnings: [
        { daysBefore: 15, on: '2025-09-24' },
        { daysBefore: 7, on: '2025-10-02' },
      ],
    });
  });

  it('extended by the full 15 days: one 60-day period, ending 2025-10-17', () => {
    expect(due('award', accepted({ extensionDays: 15 }), '2025-09-01')).toBe('2025-10-17');
  });

  it('extended by 10 days: the 55th day, Sunday 2025-10-12, moves to Monday (the Saturday before is a make-up day)', () => {
    expect(due('award', accepted({ extensionDays: 10 }), '2025-09-01')).toBe('2025-10-13');
  });

  it.each([0, 16, 1.5, -1])('refuses an extension of %s days (1–15 only)', (extensionDays) => {
    expect(() => caseDeadlines(accepted({ extensionDays }), '2025-09-01', cal)).toThrow(
      /extension_out_of_range/,
    );
  });

  it('is closed by the award', () => {
    expect(only('award', accepted({ awardOn: '2025-09-30' }), '2025-12-01')).toMatchObject({
      closedOn: '2025-09-30',
      passed: false,
    });
  });

  it('is absent until the case is accepted', () => {
    const applied = { knewOn: '2025-05-01', arbitration: { appliedOn: '2025-08-11' } };
    expect(caseDeadlines(applied, '2025-08-12', cal).map((d) => d.kind)).toEqual(['limitation']);
  });

  it('starts again from a restart, e.g. a party added (劳动人事争议仲裁办案规则 第四十六条(一))', () => {
    const facts = {
      knewOn: '2025-01-01',
      arbitration: { appliedOn: '2025-03-01', acceptedOn: '2025-03-03', restarts: ['2025-03-20'] },
    };
    expect(due('award', facts, '2025-03-21')).toBe('2025-05-06'); // 05-04 in Labour Day → Tuesday 05-06
  });

  it('leaves out a suspended hearing (办案规则 第四十六条(六)), ending on make-up working day 2025-04-27', () => {
    const facts = {
      knewOn: '2025-01-01',
      arbitration: {
        appliedOn: '2025-03-01',
        acceptedOn: '2025-03-03',
        pauses: [{ from: '2025-03-10', to: '2025-03-20' }],
      },
    };
    expect(only('award', facts, '2025-03-21')).toMatchObject({ nominalDue: '2025-04-27', due: '2025-04-27' });
  });
});

describe('custom deadlines a handler adds', () => {
  const facts: CaseDeadlineFacts = {
    knewOn: '2025-01-10',
    custom: [
      { id: 'b', label: '开庭', due: '2025-06-20' },
      { id: 'a', label: '单位承诺付款', due: '2025-05-31', warnDaysBefore: [3], doneOn: '2025-05-30' },
    ],
  };

  it('are kept as given (no rest-day move), sorted by due date, after the statutory ones', () => {
    const all = caseDeadlines(facts, '2025-06-01', cal);
    expect(all.map((d) => d.key)).toEqual(['limitation', 'custom:a', 'custom:b']);
    expect(all[1]).toMatchObject({
      label: '单位承诺付款',
      clause: null,
      due: '2025-05-31', // a Saturday, kept
      daysLeft: -1,
      closedOn: '2025-05-30',
      passed: false,
      warnings: [{ daysBefore: 3, on: '2025-05-28' }],
    });
    expect(all[2]).toMatchObject({
      daysLeft: 19,
      passed: false,
      warnings: [
        { daysBefore: 7, on: '2025-06-13' },
        { daysBefore: 1, on: '2025-06-19' },
      ],
    });
  });

  it('take the tenant’s warning days when given', () => {
    const [d] = caseDeadlines({ knewOn: '2025-03-10' }, '2025-03-11', cal, {
      warningDays: { limitation: [7, 60] },
    });
    expect(d.warnings.map((w) => w.daysBefore)).toEqual([60, 7]);
  });
});

describe('caseDeadlines refuses facts that fail checkDeadlineFacts', () => {
  it('a knowledge date in the future', () => {
    expect(() => caseDeadlines({ knewOn: '2025-06-02' }, '2025-06-01', cal)).toThrow(/date_in_future/);
  });

  it('a malformed today', () => {
    expect(() => caseDeadlines({ knewOn: '2025-06-01' }, '2025-6-1', cal)).toThrow(RangeError);
  });
});
