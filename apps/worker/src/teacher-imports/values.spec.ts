import {
  cellText,
  parseDate,
  parseEmploymentType,
  parseIdNumber,
  parsePhone,
  parsePosition,
  parseSex,
  parseStage,
  parseTags,
  parseText,
  parseTitle,
  parseYesNo,
} from './values';

const date = (iso: string) => ({ ok: true, value: { kind: 'date', iso } });
const month = (year: number, m: number) => ({ ok: true, value: { kind: 'month', year, month: m } });

describe('dates as rosters write them', () => {
  it.each([
    ['1980-01-31', '1980-01-31'],
    ['1980/1/31', '1980-01-31'],
    ['1980.01.31', '1980-01-31'],
    ['1980年1月31日', '1980-01-31'],
    ['19800131', '1980-01-31'],
    ['1980-1-3', '1980-01-03'],
    [' 1980-01-31 00:00:00 ', '1980-01-31'],
    ['1980-01-31T08:00', '1980-01-31'],
    ['１９８０－０１－３１', '1980-01-31'],
    ["'1980-01-31", '1980-01-31'],
  ])('text %j → %s', (text, iso) => {
    expect(parseDate(text)).toEqual(date(iso));
  });

  it('reads Excel serial numbers in the 1900 and the 1904 date systems', () => {
    expect(parseDate(29221)).toEqual(date('1980-01-01'));
    expect(parseDate(29221.75)).toEqual(date('1980-01-01')); // a time of day is dropped
    expect(parseDate(1)).toEqual(date('1900-01-01'));
    expect(parseDate(59)).toEqual(date('1900-02-28'));
    expect(parseDate(61)).toEqual(date('1900-03-01')); // after Lotus' 1900-02-29
    expect(parseDate(45658)).toEqual(date('2025-01-01'));
    expect(parseDate(0, true)).toEqual(date('1904-01-01'));
    expect(parseDate(27759, true)).toEqual(date('1980-01-01'));
  });

  it('reads numbers typed as dates: 19800131, 198001 and 1980.01', () => {
    expect(parseDate(19800131)).toEqual(date('1980-01-31'));
    expect(parseDate(198001)).toEqual(month(1980, 1));
    expect(parseDate(1980.01)).toEqual(month(1980, 1));
    expect(parseDate(1980.12)).toEqual(month(1980, 12));
    expect(parseDate(1980.2)).toEqual(month(1980, 2));
  });

  it('reads year and month only', () => {
    expect(parseDate('1980-01')).toEqual(month(1980, 1));
    expect(parseDate('1980.1')).toEqual(month(1980, 1)); // typed as text: 1980.1 is January
    expect(parseDate('1980年10月')).toEqual(month(1980, 10));
    expect(parseDate('198010')).toEqual(month(1980, 10));
  });

  it.each([
    ['1981-02-30', 'DATE_INVALID'],
    ['1980-13-01', 'DATE_INVALID'],
    ['1980-00', 'DATE_INVALID'],
    ['2023-02-29', 'DATE_INVALID'],
    ['1980', 'DATE_INCOMPLETE'],
    ['1/31/1980', 'DATE_FORMAT'],
    ['去年', 'DATE_FORMAT'],
  ])('refuses %j (%s)', (text, code) => {
    expect(parseDate(text)).toMatchObject({ ok: false, code, params: { value: text } });
  });

  it('refuses numbers that cannot be told apart, and non-dates', () => {
    // Excel shows 1980.10 typed into a number cell as 1980.1: January or October?
    expect(parseDate(1980.1)).toMatchObject({ ok: false, code: 'DATE_AMBIGUOUS' });
    expect(parseDate(1980)).toMatchObject({ ok: false, code: 'DATE_INCOMPLETE' });
    expect(parseDate(true)).toMatchObject({ ok: false, code: 'DATE_FORMAT' });
    expect(parseDate({ error: '#VALUE!' })).toMatchObject({
      ok: false,
      code: 'CELL_ERROR',
      params: { value: '#VALUE!' },
    });
    expect(parseDate(null)).toEqual({ ok: true, value: null });
    expect(parseDate('  ')).toEqual({ ok: true, value: null });
  });
});

describe('coded values in Chinese', () => {
  it.each([
    ['男', 'male', parseSex],
    ['女性', 'female', parseSex],
    ['F', 'female', parseSex],
    [1, 'male', parseSex], // GB/T 2261.1 code
    ['在编', 'establishment', parseEmploymentType],
    ['合同制', 'contract', parseEmploymentType],
    ['民办', 'private', parseEmploymentType],
    ['专任教师', 'teacher', parsePosition],
    ['班主任', 'head_teacher', parsePosition],
    ['幼儿园', 'preschool', parseStage],
    ['初中', 'junior_secondary', parseStage],
    ['初级', 'junior', parseTitle],
    ['中级', 'intermediate', parseTitle],
    ['一级教师', 'intermediate', parseTitle],
    ['副高级', 'associate_senior', parseTitle],
    ['高级教师', 'associate_senior', parseTitle],
    ['正高级教师', 'senior', parseTitle],
    ['特级', 'special', parseTitle],
    ['associate_senior', 'associate_senior', parseTitle],
  ] as const)('%j → %s', (cell, value, parse) => {
    expect(parse(cell)).toEqual({ ok: true, value });
  });

  it('names the allowed values when a word is unknown', () => {
    expect(parseSex('未知')).toEqual({
      ok: false,
      code: 'ENUM',
      params: { value: '未知', allowed: '男、女' },
    });
    expect(parseTitle('教授')).toMatchObject({
      ok: false,
      params: { allowed: '初级、中级、副高级、正高级、特级' },
    });
    expect(parseSex('')).toEqual({ ok: true, value: null });
  });

  it('reads yes and no', () => {
    expect(['是', '√', 'Y', true, 1].map((c) => parseYesNo(c))).toEqual(
      Array(5).fill({ ok: true, value: true }),
    );
    expect(['否', '×', 'no', false, 0].map((c) => parseYesNo(c))).toEqual(
      Array(5).fill({ ok: true, value: false }),
    );
    expect(parseYesNo('也许')).toMatchObject({ ok: false, code: 'BOOLEAN' });
  });
});

describe('text values', () => {
  it('splits tags on commas of either width, 、, semicolons and spaces, once each', () => {
    expect(parseTags('班主任、党员，骨干;  班主任 心理')).toEqual({
      ok: true,
      value: ['班主任', '党员', '骨干', '心理'],
    });
  });

  it('keeps an ID number typed as text, normalised; refuses one Excel stored as a number', () => {
    expect(parseIdNumber(' 33010619800101123x ')).toEqual({ ok: true, value: '33010619800101123X' });
    expect(parseIdNumber('３３０１０６１９８００１０１１２３Ｘ')).toEqual({
      ok: true,
      value: '33010619800101123X',
    });
    expect(parseIdNumber(330106198001011200)).toMatchObject({ ok: false, code: 'ID_NUMBER_NUMERIC' });
  });

  it('reads mobile numbers with separators and a country code, and as numbers', () => {
    expect(parsePhone('+86 138-1234-5678')).toEqual({ ok: true, value: '13812345678' });
    expect(parsePhone(13812345678)).toEqual({ ok: true, value: '13812345678' });
  });

  it('undoes the export’s formula neutralisation and shows numbers without exponents', () => {
    expect(parseText("'=1+1")).toEqual({ ok: true, value: '=1+1' });
    expect(parseText("'引号")).toEqual({ ok: true, value: "'引号" });
    expect(cellText(13812345678)).toBe('13812345678');
    expect(cellText(3.5)).toBe('3.5');
  });
});
