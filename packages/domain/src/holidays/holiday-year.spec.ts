import { type HolidayYear, validateHolidayYear } from './holiday-year';

const valid: HolidayYear = {
  year: 2027,
  source: '国务院办公厅关于2027年部分节假日安排的通知',
  offDays: ['2027-01-01', '2027-10-01', '2027-10-02'],
  workdays: ['2027-09-26'], // a Sunday
};

const codes = (y: HolidayYear) => validateHolidayYear(y).map((p) => [p.code, p.path]);

describe('validateHolidayYear: an arrangement a platform admin supplies', () => {
  it('accepts a well-formed year', () => {
    expect(validateHolidayYear(valid)).toEqual([]);
  });

  it('accepts a year with no make-up working days (2025 元旦 "不调休" and the like)', () => {
    expect(validateHolidayYear({ ...valid, workdays: [] })).toEqual([]);
  });

  it.each<[string, Partial<HolidayYear>, [string, (string | number)[]][]]>([
    ['a year that is not an integer', { year: 2027.5 }, [['year_invalid', ['year']]]],
    ['a blank source', { source: '  ' }, [['source_missing', ['source']]]],
    ['no days off', { offDays: [] }, [['no_off_days', ['offDays']]]],
    ['a malformed date', { offDays: ['2027-1-1'] }, [['date_invalid', ['offDays', 0]]]],
    ['a date that does not exist', { workdays: ['2027-02-29'] }, [['date_invalid', ['workdays', 0]]]],
    [
      'a day off in another year',
      { offDays: ['2026-12-31', '2027-10-01'] },
      [['date_outside_year', ['offDays', 0]]],
    ],
    ['a make-up day in another year', { workdays: ['2026-12-27'] }, [['date_outside_year', ['workdays', 0]]]],
    ['a duplicate day off', { offDays: ['2027-10-01', '2027-10-01'] }, [['duplicate_date', ['offDays', 1]]]],
    [
      'a duplicate make-up day',
      { workdays: ['2027-09-26', '2027-09-26'] },
      [['duplicate_date', ['workdays', 1]]],
    ],
    ['a day both off and working', { workdays: ['2027-10-02'] }, [['off_and_workday', ['workdays', 0]]]],
    ['a make-up day on a weekday', { workdays: ['2027-09-27'] }, [['workday_not_weekend', ['workdays', 0]]]],
  ])('refuses %s', (_, change, expected) => {
    expect(codes({ ...valid, ...change })).toEqual(expected);
  });

  it('reports every problem at once', () => {
    expect(
      codes({ year: 2027, source: '', offDays: ['2027-10-01', '2027-10-01'], workdays: ['2027-10-01', 'x'] }),
    ).toEqual([
      ['source_missing', ['source']],
      ['duplicate_date', ['offDays', 1]],
      ['off_and_workday', ['workdays', 0]],
      ['workday_not_weekend', ['workdays', 0]],
      ['date_invalid', ['workdays', 1]],
    ]);
  });
});
