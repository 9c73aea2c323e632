// Chinese resident identity number (公民身份号码), GB 11643-1999:
//   positions 1–6 address code, 7–14 birth date YYYYMMDD, 15–17 sequence code (the 17th: odd for men,
//   even for women), 18 check character (ISO 7064 MOD 11-2: 0–9 or X).
import { type IsoDate, compareDates, formatIsoDate, isValidDate } from '../dates/calendar';
import { todayInShanghai } from '../dates/today';
import type { Sex } from './types';

export type IdNumberProblem = 'length' | 'format' | 'checksum' | 'birth_date';

export type IdNumberCheck =
  | {
      readonly ok: true;
      readonly idNumber: string;
      readonly birthDate: IsoDate;
      readonly sex: Sex;
      readonly regionCode: string;
    }
  | { readonly ok: false; readonly problem: IdNumberProblem };

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARACTERS = '10X98765432';
const EARLIEST_BIRTH_DATE = '1900-01-01';

/**
 * Trims and removes spaces (ASCII and the full-width U+3000), turns full-width digits and Ｘ into ASCII (as
 * Chinese input methods type them) and upper-cases x. Does not validate.
 */
export function normaliseIdNumber(s: string): string {
  return s
    .replace(/[\s\u3000]+/g, '')
    .replace(/[\uFF10-\uFF19\uFF38\uFF58]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .toUpperCase();
}

/** The ISO 7064 MOD 11-2 check character for the first 17 digits. */
export function idNumberCheckCharacter(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError('the check character needs exactly 17 digits');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK_CHARACTERS[sum % 11];
}

/**
 * Validates an 18-character identity number and reads birth date, sex and region code from it. The
 * birth date must be a real day, not after `today` and not before 1900-01-01. The 15-digit numbers of
 * the first generation (before 1999) are refused with 'length': they expired with the old cards.
 * Problems are reported in the order length, format, birth_date, checksum.
 */
export function validateIdNumber(s: string, today: IsoDate = todayInShanghai()): IdNumberCheck {
  const id = normaliseIdNumber(s);
  if (id.length !== 18) return { ok: false, problem: 'length' };
  if (!/^\d{17}[\dX]$/.test(id)) return { ok: false, problem: 'format' };

  const [year, month, day] = [Number(id.slice(6, 10)), Number(id.slice(10, 12)), Number(id.slice(12, 14))];
  if (!isValidDate(year, month, day)) return { ok: false, problem: 'birth_date' };
  const birthDate = formatIsoDate(year, month, day);
  if (compareDates(birthDate, EARLIEST_BIRTH_DATE) < 0 || compareDates(birthDate, today) > 0) {
    return { ok: false, problem: 'birth_date' };
  }

  if (idNumberCheckCharacter(id.slice(0, 17)) !== id[17]) return { ok: false, problem: 'checksum' };

  return {
    ok: true,
    idNumber: id,
    birthDate,
    sex: Number(id[16]) % 2 === 1 ? 'male' : 'female',
    regionCode: id.slice(0, 6),
  };
}

export type IdMismatch = 'invalid_id' | 'birth_date_mismatch' | 'sex_mismatch';

/**
 * Cross-checks a record's birth date and sex against its identity number, which encodes both: a
 * mismatch means one of the three was typed wrongly. An invalid number gives just ['invalid_id'].
 */
export function checkIdAgainst(
  idNumber: string,
  record: { readonly birthDate: IsoDate; readonly sex: Sex },
  today: IsoDate = todayInShanghai(),
): IdMismatch[] {
  const id = validateIdNumber(idNumber, today);
  if (!id.ok) return ['invalid_id'];
  const problems: IdMismatch[] = [];
  if (id.birthDate !== record.birthDate) problems.push('birth_date_mismatch');
  if (id.sex !== record.sex) problems.push('sex_mismatch');
  return problems;
}

/**
 * Shows the first 4 and the last 4 characters (3301**********1234): the province/city and enough to
 * tell two people apart, never the birth date. Anything of 8 characters or fewer is masked entirely.
 */
export function maskIdNumber(s: string): string {
  const id = normaliseIdNumber(s);
  if (id.length <= 8) return '*'.repeat(id.length);
  return `${id.slice(0, 4)}${'*'.repeat(id.length - 8)}${id.slice(-4)}`;
}

/**
 * A mainland mobile number as 138****5678 (+86 / 0086 and separators dropped). Other numbers keep
 * the first 3 and last 4 characters when 11 or longer, only the last 4 when shorter, nothing at 4 or fewer.
 */
export function maskPhone(s: string): string {
  const compact = s.replace(/[\s\u3000\-()（）]+/g, '');
  const phone = /^(?:\+86|0086|86)(1\d{10})$/.exec(compact)?.[1] ?? compact;
  if (phone.length <= 4) return '*'.repeat(phone.length);
  if (phone.length < 11) return `${'*'.repeat(phone.length - 4)}${phone.slice(-4)}`;
  return `${phone.slice(0, 3)}${'*'.repeat(phone.length - 7)}${phone.slice(-4)}`;
}
