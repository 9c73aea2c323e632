import {
  type CaseDeadlineFacts,
  checkDeadlineFacts,
  isValidAwardExtension,
  limitationStart,
  MAX_AWARD_EXTENSION_DAYS,
} from './deadline-facts';

const TODAY = '2025-06-01';
const problems = (facts: CaseDeadlineFacts) => checkDeadlineFacts(facts, TODAY).map((p) => [p.code, p.path]);

describe('checkDeadlineFacts: the bad input issue 6 answers with a 4xx', () => {
  it('accepts complete, consistent facts', () => {
    expect(
      problems({
        knewOn: '2025-01-10',
        limitationInterruptions: ['2025-02-01'],
        limitationSuspensions: [
          { from: '2025-02-10', to: '2025-02-20' },
          { from: '2025-02-20', to: '2025-02-25' }, // may begin the day the last one ended
        ],
        mediation: { appliedOn: '2025-03-01', endedOn: '2025-03-16' },
        arbitration: {
          appliedOn: '2025-03-20',
          acceptedOn: '2025-03-24',
          extensionDays: MAX_AWARD_EXTENSION_DAYS,
          restarts: ['2025-04-01'],
          pauses: [{ from: '2025-04-10', to: '2025-04-15' }],
          awardOn: '2025-05-30',
        },
        custom: [{ id: 'x', label: '开庭', due: '2025-07-01', warnDaysBefore: [0, 3] }], // a due date may lie ahead
      }),
    ).toEqual([]);
  });

  it.each<[string, CaseDeadlineFacts, [string, (string | number)[]][]]>([
    ['a knowledge date in the future', { knewOn: '2025-06-02' }, [['date_in_future', ['knewOn']]]],
    ['a malformed knowledge date', { knewOn: '2025-02-30' }, [['date_invalid', ['knewOn']]]],
    ['no knowledge date', { knewOn: undefined as unknown as string }, [['date_required', ['knewOn']]]],
    [
      'arbitration applied for before the teacher knew',
      { knewOn: '2025-03-01', arbitration: { appliedOn: '2025-02-28' } },
      [['out_of_order', ['arbitration', 'appliedOn']]],
    ],
    [
      'mediation without its application date',
      { knewOn: '2025-03-01', mediation: { appliedOn: null as unknown as string } },
      [['date_required', ['mediation', 'appliedOn']]],
    ],
    [
      'an interruption in the future',
      { knewOn: '2025-01-10', limitationInterruptions: ['2025-07-01'] },
      [['date_in_future', ['limitationInterruptions', 0]]],
    ],
    [
      'an interruption before the knowledge date (第二十七条)',
      { knewOn: '2025-01-10', limitationInterruptions: ['2025-01-09'] },
      [['before_limitation_start', ['limitationInterruptions', 0]]],
    ],
    [
      'a suspension before the employment ended, for wages (第二十七条第四款)',
      {
        knewOn: '2024-01-10',
        wageArrears: { employmentEndedOn: '2025-03-01' },
        limitationSuspensions: [{ from: '2025-02-01', to: '2025-03-05' }],
      },
      [['before_limitation_start', ['limitationSuspensions', 0, 'from']]],
    ],
    [
      'a suspension ending before it begins',
      { knewOn: '2025-01-10', limitationSuspensions: [{ from: '2025-03-01', to: '2025-02-01' }] },
      [['range_inverted', ['limitationSuspensions', 0, 'to']]],
    ],
    [
      'overlapping suspensions, even one inside a long one',
      {
        knewOn: '2025-01-10',
        limitationSuspensions: [
          { from: '2025-02-01', to: '2025-04-01' },
          { from: '2025-02-10', to: '2025-02-12' },
          { from: '2025-03-01', to: '2025-03-02' },
        ],
      },
      [
        ['ranges_overlap', ['limitationSuspensions', 1]],
        ['ranges_overlap', ['limitationSuspensions', 2]],
      ],
    ],
    [
      'mediation ending before it was applied for',
      { knewOn: '2025-01-10', mediation: { appliedOn: '2025-03-01', endedOn: '2025-02-28' } },
      [['out_of_order', ['mediation', 'endedOn']]],
    ],
    [
      'acceptance before the application',
      { knewOn: '2025-01-10', arbitration: { appliedOn: '2025-03-01', acceptedOn: '2025-02-28' } },
      [['out_of_order', ['arbitration', 'acceptedOn']]],
    ],
    [
      'an award before acceptance',
      {
        knewOn: '2025-01-10',
        arbitration: { appliedOn: '2025-03-01', acceptedOn: '2025-03-05', awardOn: '2025-03-04' },
      },
      [['out_of_order', ['arbitration', 'awardOn']]],
    ],
    [
      'an award period restarted before acceptance (办案规则 第四十六条)',
      {
        knewOn: '2025-01-10',
        arbitration: { appliedOn: '2025-03-01', acceptedOn: '2025-03-05', restarts: ['2025-03-04'] },
      },
      [['out_of_order', ['arbitration', 'restarts', 0]]],
    ],
    [
      'an extension over 15 days (第四十三条)',
      {
        knewOn: '2025-01-10',
        arbitration: { appliedOn: '2025-03-01', acceptedOn: '2025-03-05', extensionDays: 16 },
      },
      [['extension_out_of_range', ['arbitration', 'extensionDays']]],
    ],
    [
      'an extension before the case was accepted',
      { knewOn: '2025-01-10', arbitration: { appliedOn: '2025-03-01', extensionDays: 5 } },
      [['extension_without_acceptance', ['arbitration', 'extensionDays']]],
    ],
    [
      'custom deadlines with a repeated id, a blank label, negative warning days',
      {
        knewOn: '2025-01-10',
        custom: [
          { id: 'x', label: '开庭', due: '2025-07-01' },
          { id: 'x', label: ' ', due: '2025-07-02', warnDaysBefore: [-1] },
        ],
      },
      [
        ['duplicate_id', ['custom', 1, 'id']],
        ['label_missing', ['custom', 1, 'label']],
        ['warning_days_invalid', ['custom', 1, 'warnDaysBefore']],
      ],
    ],
  ])('refuses %s', (_, facts, expected) => {
    expect(problems(facts)).toEqual(expected);
  });
});

describe('limitationStart (第二十七条第一款、第四款)', () => {
  it('is the knowledge date, or for wages owed the end of the employment, or none while it lasts', () => {
    expect(limitationStart({ knewOn: '2025-01-10' })).toBe('2025-01-10');
    expect(limitationStart({ knewOn: '2025-01-10', wageArrears: { employmentEndedOn: '2025-04-30' } })).toBe(
      '2025-04-30',
    );
    expect(limitationStart({ knewOn: '2025-01-10', wageArrears: { employmentEndedOn: null } })).toBeNull();
  });
});

describe('isValidAwardExtension (第四十三条: "延长期限不得超过十五日")', () => {
  it.each([
    [1, true],
    [15, true],
    [0, false],
    [16, false],
    [7.5, false],
    [Number.NaN, false],
  ])('%s → %s', (days, ok) => {
    expect(isValidAwardExtension(days)).toBe(ok);
  });
});
