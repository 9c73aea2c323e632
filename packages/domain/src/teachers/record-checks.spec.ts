import { idNumberCheckCharacter } from './id-number';
import { checkTeacherRecord, type RecordFacts } from './record-checks';

// 330106 (Hangzhou Xihu), born 1980-05-17, sequence 12 + sex digit 3 (odd: male).
const first17 = '33010619800517123';
const ID = first17 + idNumberCheckCharacter(first17);
const TODAY = '2026-11-22';

const base: RecordFacts = { idNumber: ID, birthDate: '1980-05-17', sex: 'male', teachingSince: '2002-09-01' };
const codes = (r: Partial<RecordFacts>) =>
  checkTeacherRecord({ ...base, ...r }, TODAY).map((p) => `${p.field}:${p.code}`);

describe('checkTeacherRecord', () => {
  it('accepts a record that agrees with itself', () => {
    expect(codes({ joinedSchoolOn: '2010-09-01', positionSince: '2015-09-01', titles: [{ since: '2012-12-01' }] })).toEqual([]);
  });

  it('reports a wrong check digit (GB 11643) and a birth date or sex the ID number contradicts', () => {
    const wrong = first17 + (idNumberCheckCharacter(first17) === '0' ? '1' : '0');
    expect(codes({ idNumber: wrong })).toEqual(['idNumber:ID_NUMBER_CHECKSUM']);
    expect(codes({ birthDate: '1980-05-18', teachingSince: '2002-09-01' })).toEqual(['birthDate:ID_NUMBER_BIRTH_DATE_MISMATCH']);
    expect(codes({ sex: 'female' })).toEqual(['sex:ID_NUMBER_SEX_MISMATCH']);
  });

  it('rejects dates after today, the last day itself allowed', () => {
    expect(codes({ positionSince: TODAY, joinedSchoolOn: TODAY })).toEqual([]);
    expect(codes({ positionSince: '2026-11-23' })).toEqual(['positionSince:DATE_IN_FUTURE']);
    expect(codes({ unionJoinedOn: '2027-01-01' })).toEqual(['unionJoinedOn:DATE_IN_FUTURE']);
    expect(codes({ titles: [{ since: '2030-01-01' }] })).toEqual(['titles:DATE_IN_FUTURE']);
  });

  it('rejects teaching before sixteen (劳动法 第十五条), from the sixteenth birthday on it is allowed', () => {
    expect(codes({ teachingSince: '1996-05-16' })).toEqual(['teachingSince:TEACHING_BEFORE_AGE_16']);
    expect(codes({ teachingSince: '1996-05-17' })).toEqual([]);
  });

  it('rejects joining the school or taking up a position before starting to teach', () => {
    expect(codes({ joinedSchoolOn: '2002-08-31' })).toEqual(['joinedSchoolOn:JOINED_BEFORE_TEACHING']);
    // Leiyang 13 counts a principal's terms from positionSince, so it cannot predate teaching.
    expect(codes({ positionSince: '2002-08-31' })).toEqual(['positionSince:POSITION_BEFORE_TEACHING']);
    expect(codes({ positionSince: '2002-09-01' })).toEqual([]);
  });
});
