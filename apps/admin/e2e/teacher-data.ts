/// <reference types="node" />
// Test data for the teacher registry: valid identity numbers and GBK-encoded CSV files.

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

/** The GB 11643 (ISO 7064 MOD 11-2) check character of 17 digits. */
export function checkCharacter(first17: string): string {
  const sum = WEIGHTS.reduce((acc, w, i) => acc + w * Number(first17[i]), 0);
  return CHECK[sum % 11]!;
}

/**
 * A valid identity number for a birth date (`YYYY-MM-DD`) and sex: Leiyang's region code 430481, a random
 * sequence whose last digit is odd for men and even for women, and the right check character.
 */
export function idNumberFor(birthDate: string, sex: 'male' | 'female'): string {
  const seq = String(Math.floor(Math.random() * 100)).padStart(2, '0');
  const sexDigit = 2 * Math.floor(Math.random() * 5) + (sex === 'male' ? 1 : 0);
  const first17 = `430481${birthDate.replaceAll('-', '')}${seq}${sexDigit}`;
  return first17 + checkCharacter(first17);
}

/** The same number with a wrong check character. */
export function withWrongCheck(id: string): string {
  const right = id[17]!;
  const wrong = [...CHECK].find((c) => c !== right)!;
  return id.slice(0, 17) + wrong;
}

/** How the API masks an ID number: the first and last four characters. */
export const maskedId = (id: string) => `${id.slice(0, 4)}${'*'.repeat(10)}${id.slice(-4)}`;

let gbkTable: Map<string, number> | undefined;

/**
 * Encodes text as GBK, the encoding Excel on Chinese Windows saves CSV files in. Node can decode GBK but
 * not encode it, and iconv-lite is not a dependency here: the table is built by decoding every two-byte
 * GBK code once and reading it backwards.
 */
export function gbk(text: string): Buffer {
  if (!gbkTable) {
    gbkTable = new Map();
    const decoder = new TextDecoder('gbk');
    for (let hi = 0x81; hi <= 0xfe; hi++) {
      for (let lo = 0x40; lo <= 0xfe; lo++) {
        if (lo === 0x7f) continue;
        const ch = decoder.decode(Uint8Array.of(hi, lo));
        if (ch.length === 1 && ch !== '\uFFFD' && !gbkTable.has(ch)) gbkTable.set(ch, (hi << 8) | lo);
      }
    }
  }
  const bytes: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) {
      bytes.push(code);
      continue;
    }
    const pair = gbkTable.get(ch);
    if (pair === undefined) throw new Error(`"${ch}" has no GBK code`);
    bytes.push(pair >> 8, pair & 0xff);
  }
  const buf = Buffer.from(bytes);
  // The round trip proves the encoder: what the API will decode is what the test wrote.
  if (new TextDecoder('gbk').decode(buf) !== text) throw new Error('GBK round trip failed');
  return buf;
}

/** A CSV file's bytes from rows of cells (quoted where needed), CRLF line ends as Excel writes them. */
export function csv(rows: string[][]): string {
  const cell = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);
  return rows.map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}
