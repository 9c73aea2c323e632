import type { ImportField } from '@guanai/contracts';
import type { Cell, ExistingTeacher } from '@guanai/db';
import { idNumberCheckCharacter } from '@guanai/domain';
import { IMPORT_UPDATE_COLUMNS, mergeIntoExisting } from './merge';
import { buildRow, UnitDirectory, type RowContext, type ValidRow } from './row';

const id = (first17: string) => first17 + idNumberCheckCharacter(first17);
const MAN_1980 = id('33010619800131001'); // 17th digit odd: a man born 1980-01-31
const UNITS = [
  {
    id: '11111111-1111-4111-8111-111111111111',
    tenantId: 'a0000000-0000-4000-8000-000000000000',
    name: '甲县第一小学',
    code: 's1',
    kind: 'school',
    active: true,
    rural: false,
  },
  {
    id: '22222222-2222-4222-8222-222222222222',
    tenantId: 'a0000000-0000-4000-8000-000000000000',
    name: '甲县乡村小学',
    code: 's2',
    kind: 'school',
    active: true,
    rural: true,
  },
  {
    id: '33333333-3333-4333-8333-333333333333',
    tenantId: 'a0000000-0000-4000-8000-000000000000',
    name: '同名小学',
    code: 's3',
    kind: 'school',
    active: true,
    rural: false,
  },
  {
    id: '44444444-4444-4444-8444-444444444444',
    tenantId: 'a0000000-0000-4000-8000-000000000000',
    name: '同名小学',
    code: 's4',
    kind: 'school',
    active: false,
    rural: false,
  },
  {
    id: 'a0000000-0000-4000-8000-000000000000',
    tenantId: 'a0000000-0000-4000-8000-000000000000',
    name: '甲县教育工会',
    code: 'jia',
    kind: 'county',
    active: true,
    rural: false,
  },
];
const FIELDS: ImportField[] = [
  'name',
  'sex',
  'idNumber',
  'birthDate',
  'orgCode',
  'orgName',
  'employmentType',
  'position',
  'stage',
  'teachingSince',
  'title',
  'titleSince',
  'joinedSchoolOn',
  'positionSince',
  'birthdayCalendar',
];
const ctx: RowContext = {
  columns: FIELDS.map((field) => ({ header: `h:${field}`, field })),
  units: new UnitDirectory(UNITS),
  today: '2025-06-01',
  date1904: false,
};

function cells(over: Partial<Record<ImportField, Cell>> = {}): Cell[] {
  const base: Partial<Record<ImportField, Cell>> = {
    name: '王五',
    sex: '男',
    idNumber: MAN_1980,
    birthDate: '1980-01-31',
    orgCode: 's1',
    orgName: null,
    employmentType: '在编',
    position: '教师',
    stage: '小学',
    teachingSince: '2002-09-01',
    title: null,
    titleSince: null,
    joinedSchoolOn: null,
    positionSince: null,
    birthdayCalendar: null,
    ...over,
  };
  return FIELDS.map((f) => base[f] ?? null);
}

const problems = (over: Partial<Record<ImportField, Cell>>) => {
  const r = buildRow(2, cells(over), ctx);
  return r.ok ? [] : r.problems.map((p) => `${p.field}:${p.code}`);
};

describe('a row of an import', () => {
  it('becomes a record in the registry’s terms, its school found by code', () => {
    const r = buildRow(2, cells({ title: '一级教师', titleSince: 39326 }), ctx);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.record).toMatchObject({
      name: '王五',
      sex: 'male',
      idNumber: MAN_1980,
      birthDate: '1980-01-31',
      employmentType: 'establishment',
      titles: [{ level: 'intermediate', since: '2007-09-01' }],
      joinedSchoolOn: '2002-09-01', // defaults to 从教时间
      retirementCategory: 'cadre',
      unionStatus: 'member',
      backbone: false,
    });
    expect(r.value.unit).toEqual({
      id: UNITS[0]!.id,
      tenantId: UNITS[0]!.tenantId,
      name: '甲县第一小学',
      rural: false,
    });
  });

  it('takes the day of a year-and-month birth date from the ID number when they agree', () => {
    const r = buildRow(2, cells({ birthDate: '1980.01' }), ctx);
    expect(r.ok && r.value.record.birthDate).toBe('1980-01-31');
    expect(problems({ birthDate: '1980.02' })).toEqual(['birthDate:ID_NUMBER_BIRTH_DATE_MISMATCH']);
  });

  it('finds a school by name, and refuses an unknown, ambiguous, inactive or non-school one', () => {
    expect(problems({ orgCode: null, orgName: ' 甲县 乡村小学 ' })).toEqual([]);
    expect(problems({ orgCode: null, orgName: '乙县中学' })).toEqual(['orgName:ORG_NOT_FOUND']);
    expect(problems({ orgCode: null, orgName: '同名小学' })).toEqual(['orgName:ORG_AMBIGUOUS']);
    expect(problems({ orgCode: 'S4' })).toEqual(['orgCode:ORG_INACTIVE']);
    expect(problems({ orgCode: 'jia' })).toEqual(['orgCode:ORG_NOT_A_UNIT']);
    expect(problems({ orgCode: 's1', orgName: '甲县乡村小学' })).toEqual(['orgName:ORG_MISMATCH']);
    expect(problems({ orgCode: null })).toEqual(['orgName:ORG_REQUIRED']);
  });

  it('reports every problem of a row, not just the first', () => {
    expect(
      problems({
        name: null,
        sex: '女',
        stage: '大学本科',
        teachingSince: '1990-09-01',
        joinedSchoolOn: '1989-01-01',
      }).sort(),
    ).toEqual(
      [
        'joinedSchoolOn:JOINED_BEFORE_TEACHING',
        'name:REQUIRED',
        'sex:ID_NUMBER_SEX_MISMATCH',
        'stage:ENUM',
        'teachingSince:TEACHING_BEFORE_AGE_16',
      ].sort(),
    );
  });

  it('checks the ID number even when the school is unknown', () => {
    expect(
      problems({
        orgCode: 'nope',
        idNumber: `${MAN_1980.slice(0, 17)}${MAN_1980[17] === '0' ? '1' : '0'}`,
      }).sort(),
    ).toEqual(['idNumber:ID_NUMBER_CHECKSUM', 'orgCode:ORG_NOT_FOUND'].sort());
  });

  it('wants a title and its date together', () => {
    expect(problems({ title: '中级' })).toEqual(['titleSince:TITLE_SINCE_REQUIRED']);
    expect(problems({ titleSince: '2010-01-01' })).toEqual(['title:TITLE_REQUIRED']);
    expect(problems({ title: '中级', titleSince: '2030-01-01' })).toEqual(['titleSince:DATE_IN_FUTURE']);
  });

  it('applies the form’s length limits', () => {
    expect(problems({ name: '名'.repeat(101) })).toEqual(['name:TOO_LONG']);
  });

  it.each([
    ['农历', 'lunar'],
    ['阴历', 'lunar'],
    ['lunar', 'lunar'],
    [' 农历生日 ', 'lunar'],
    ['公历', 'solar'],
    ['阳历', 'solar'],
    ['SOLAR', 'solar'],
    [null, 'solar'], // an empty cell: the form's default
  ])('reads 生日历法 %j as %s', (cell, calendar) => {
    const r = buildRow(2, cells({ birthdayCalendar: cell }), ctx);
    expect(r.ok && r.value.record.birthdayCalendar).toBe(calendar);
  });

  it('refuses any other 生日历法, saying in Chinese what may be written', () => {
    const r = buildRow(2, cells({ birthdayCalendar: '阴阳' }), ctx);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toEqual([
      {
        column: 'h:birthdayCalendar',
        field: 'birthdayCalendar',
        code: 'ENUM',
        zh: '“阴阳”不是可选的值，可填：公历、农历',
        en: '"阴阳" is not one of the allowed values: 公历、农历',
      },
    ]);
    expect(problems({ birthdayCalendar: '是' })).toEqual(['birthdayCalendar:ENUM']);
  });

  it('tells a row that changes only 生日历法 from the same row before (the import digest)', () => {
    const canonical = (c: Cell) => {
      const r = buildRow(2, cells({ birthdayCalendar: c }), ctx);
      if (!r.ok) throw new Error(JSON.stringify(r.problems));
      return JSON.stringify(r.value.canonical);
    };
    expect(canonical('农历')).toBe(canonical('阴历'));
    expect(canonical('农历')).not.toBe(canonical('公历'));
  });
});

describe('a row for a record that exists', () => {
  const valid = (over: Partial<Record<ImportField, Cell>> = {}): ValidRow => {
    const r = buildRow(2, cells(over), ctx);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    return r.value;
  };
  const existing: ExistingTeacher = {
    id: 'e0000000-0000-4000-8000-000000000000',
    tenant_id: UNITS[0]!.tenantId,
    id_number_hash: 'x',
    org_id: UNITS[0]!.id,
    import_digest: null,
    sex: 'male',
    birth_date: '1980-01-31',
    birthday_calendar: 'lunar',
    phone_enc: 'v1.k1.sealed',
    phone_masked: '138****5678',
    address_enc: null,
    address_masked: null,
    ethnicity: '汉族',
    political_status: 'masses',
    marital_status: null,
    subject: '语文',
    position: 'principal',
    position_since: '2015-09-01',
    retirement_category: 'worker',
    teaching_since: '2002-09-01',
    joined_school_on: '2010-09-01',
    backbone: true,
    union_joined_on: '2003-01-01',
    union_status: 'left',
    tags: ['心理'],
    notes: '原有备注',
    postings: [{ orgId: UNITS[0]!.id, orgName: '甲县第一小学', from: '2010-09-01', to: null, rural: false }],
    titles: [{ level: 'junior', since: '2004-09-01' }],
  };

  it('keeps what the file does not give, and closes the posting when the school changes', () => {
    const m = mergeIntoExisting(
      valid({ orgCode: 's2', title: '中级', titleSince: '2012-09-01' }),
      existing,
      '2025-06-01',
    );
    if (Array.isArray(m)) throw new Error('refused');
    // Columns the file lacks and cells it leaves empty (到校时间 here) keep the record's values.
    expect(m.record).toMatchObject({
      birthdayCalendar: 'lunar',
      retirementCategory: 'worker',
      unionJoinedOn: '2003-01-01',
      unionStatus: 'left',
      backbone: true,
      subject: '语文',
      tags: ['心理'],
      notes: '原有备注',
      joinedSchoolOn: '2025-06-01',
    });
    expect(m.keep).toEqual({
      phone_enc: 'v1.k1.sealed',
      phone_masked: '138****5678',
      address_enc: null,
      address_masked: null,
    });
    expect(m.record.titles).toEqual([
      { level: 'junior', since: '2004-09-01' },
      { level: 'intermediate', since: '2012-09-01' },
    ]);
    expect(m.postings).toEqual([
      { orgId: UNITS[0]!.id, orgName: '甲县第一小学', from: '2010-09-01', to: '2025-05-31', rural: false },
      { orgId: UNITS[1]!.id, orgName: '甲县乡村小学', from: '2025-06-01', to: null, rural: true },
    ]);
  });

  it('moves 到校时间 when the row gives one at the same school', () => {
    const m = mergeIntoExisting(valid({ joinedSchoolOn: '2011-02-01' }), existing, '2025-06-01');
    if (Array.isArray(m)) throw new Error('refused');
    expect(m.postings).toEqual([
      { orgId: UNITS[0]!.id, orgName: '甲县第一小学', from: '2011-02-01', to: null, rural: false },
    ]);
  });

  it('refuses a row that contradicts what the record holds', () => {
    // The record's 到校时间 (2010) precedes the file's new 从教时间 (2012).
    expect(mergeIntoExisting(valid({ teachingSince: '2012-09-01' }), existing, '2025-06-01')).toEqual([
      { field: 'joinedSchoolOn', code: 'JOINED_BEFORE_TEACHING' },
    ]);
  });

  it('keeps 任职时间 while the position stays, drops it when the position changes without one', () => {
    const same = mergeIntoExisting(valid({ position: '校长' }), existing, '2025-06-01');
    const changed = mergeIntoExisting(valid({ position: '教师' }), existing, '2025-06-01');
    const given = mergeIntoExisting(
      valid({ position: '副校长', positionSince: '2024-09-01' }),
      existing,
      '2025-06-01',
    );
    if (Array.isArray(same) || Array.isArray(changed) || Array.isArray(given)) throw new Error('refused');
    expect(same.record.positionSince).toBe('2015-09-01');
    expect(changed.record.positionSince).toBeNull();
    expect(given.record.positionSince).toBe('2024-09-01');
  });

  it('refuses 任职时间 before 从教时间 or after today', () => {
    expect(problems({ positionSince: '2002-08-31' })).toEqual(['positionSince:POSITION_BEFORE_TEACHING']);
    expect(problems({ positionSince: '2025-06-02' })).toEqual(['positionSince:DATE_IN_FUTURE']);
  });

  it('overwrites 生日历法 only when the row gives one', () => {
    const kept = mergeIntoExisting(valid(), existing, '2025-06-01');
    const solar = mergeIntoExisting(valid({ birthdayCalendar: '公历' }), existing, '2025-06-01');
    if (Array.isArray(kept) || Array.isArray(solar)) throw new Error('refused');
    expect([kept.record.birthdayCalendar, solar.record.birthdayCalendar]).toEqual(['lunar', 'solar']);
    expect(IMPORT_UPDATE_COLUMNS).toContain('birthday_calendar');
  });

  it('never writes what an import cannot give', () => {
    for (const c of ['honours', 'health_note_enc', 'tenant_id', 'id_number_hash', 'import_digest'])
      expect(IMPORT_UPDATE_COLUMNS).not.toContain(c);
  });
});
