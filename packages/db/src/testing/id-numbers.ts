import { idNumberCheckCharacter } from '@guanai/domain';

let serial = 0;

/**
 * A valid 18-character resident ID number (GB 11643) for the birth date and sex, with a fresh
 * sequence code each call so tests never collide. The region defaults to Hangzhou's Xihu district.
 */
export function makeIdNumber(birthDate: string, sex: 'male' | 'female', region = '330106'): string {
  serial = (serial + 1) % 500;
  const seq = serial * 2 + (sex === 'male' ? 1 : 0); // the 17th digit: odd for men, even for women
  const first17 = `${region}${birthDate.replace(/-/g, '')}${String(seq).padStart(3, '0')}`;
  return `${first17}${idNumberCheckCharacter(first17)}`;
}

/** The same number with a wrong check character. */
export function withWrongCheckDigit(id: string): string {
  const last = id.at(-1)!;
  return `${id.slice(0, 17)}${last === '0' ? '1' : '0'}`;
}
