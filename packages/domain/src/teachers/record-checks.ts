import { compareDates, type IsoDate } from '../dates/calendar';
import { checkIdAgainst, validateIdNumber } from './id-number';
import type { Sex } from './types';

/** The facts about a person that must agree with each other before a record is written. */
export interface RecordFacts {
  idNumber: string;
  birthDate: IsoDate;
  sex: Sex;
  teachingSince: IsoDate;
  joinedSchoolOn?: IsoDate | null;
  unionJoinedOn?: IsoDate | null;
  titles?: readonly { since: IsoDate }[];
  /** Since when the current position (e.g. principal) is held; Leiyang 13 counts a leader's terms from it. */
  positionSince?: IsoDate | null;
}

export type RecordField = 'idNumber' | 'birthDate' | 'sex' | 'teachingSince' | 'joinedSchoolOn' | 'unionJoinedOn' | 'titles' | 'positionSince';

export type RecordProblemCode =
  | 'ID_NUMBER_LENGTH'
  | 'ID_NUMBER_FORMAT'
  | 'ID_NUMBER_CHECKSUM'
  | 'ID_NUMBER_BIRTH_DATE'
  | 'ID_NUMBER_BIRTH_DATE_MISMATCH'
  | 'ID_NUMBER_SEX_MISMATCH'
  | 'DATE_IN_FUTURE'
  | 'TEACHING_BEFORE_AGE_16'
  | 'JOINED_BEFORE_TEACHING'
  | 'POSITION_BEFORE_TEACHING';

export interface RecordProblem {
  field: RecordField;
  code: RecordProblemCode;
}

/** No one teaches before sixteen (the legal working age, 劳动法 第十五条). */
const MIN_TEACHING_AGE = 16;

/**
 * Every way a teacher's record contradicts itself or the calendar: the ID number's check digit
 * (GB 11643) and its agreement with the birth date and sex, and dates that lie in the future or
 * before the person could have taught. Empty when the record may be written.
 */
export function checkTeacherRecord(r: RecordFacts, today: IsoDate): RecordProblem[] {
  const problems: RecordProblem[] = [];
  const id = validateIdNumber(r.idNumber, today);
  if (!id.ok) {
    const code = ({ length: 'ID_NUMBER_LENGTH', format: 'ID_NUMBER_FORMAT', checksum: 'ID_NUMBER_CHECKSUM', birth_date: 'ID_NUMBER_BIRTH_DATE' } as const)[id.problem];
    problems.push({ field: 'idNumber', code });
  } else {
    for (const m of checkIdAgainst(r.idNumber, { birthDate: r.birthDate, sex: r.sex }, today)) {
      if (m === 'birth_date_mismatch') problems.push({ field: 'birthDate', code: 'ID_NUMBER_BIRTH_DATE_MISMATCH' });
      if (m === 'sex_mismatch') problems.push({ field: 'sex', code: 'ID_NUMBER_SEX_MISMATCH' });
    }
  }
  const future = (field: RecordField, d: IsoDate | null | undefined) => {
    if (d && compareDates(d, today) > 0) problems.push({ field, code: 'DATE_IN_FUTURE' });
  };
  future('birthDate', r.birthDate);
  future('teachingSince', r.teachingSince);
  future('joinedSchoolOn', r.joinedSchoolOn);
  future('unionJoinedOn', r.unionJoinedOn);
  future('positionSince', r.positionSince);
  if ((r.titles ?? []).some((t) => compareDates(t.since, today) > 0)) problems.push({ field: 'titles', code: 'DATE_IN_FUTURE' });
  const [y, m, d] = r.birthDate.split('-');
  const sixteen = `${String(Number(y) + MIN_TEACHING_AGE).padStart(4, '0')}-${m}-${d}`;
  if (compareDates(r.teachingSince, sixteen) < 0) problems.push({ field: 'teachingSince', code: 'TEACHING_BEFORE_AGE_16' });
  if (r.joinedSchoolOn && compareDates(r.joinedSchoolOn, r.teachingSince) < 0)
    problems.push({ field: 'joinedSchoolOn', code: 'JOINED_BEFORE_TEACHING' });
  // A position in a school (head teacher, principal) is held by someone already teaching.
  if (r.positionSince && compareDates(r.positionSince, r.teachingSince) < 0)
    problems.push({ field: 'positionSince', code: 'POSITION_BEFORE_TEACHING' });
  return problems;
}
