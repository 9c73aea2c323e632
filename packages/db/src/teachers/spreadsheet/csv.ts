// CSV as Excel writes it: RFC 4180 quoting, in UTF-8 (with or without BOM), GBK/GB18030 (Excel on
// Chinese Windows, "CSV (逗号分隔)"), or UTF-16 with BOM ("Unicode 文本", tab-separated).
import { SpreadsheetError } from './errors';

export type TextEncoding = 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be';

/** Control characters no text table contains: their presence means a binary file (a PNG, a PDF). */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const BINARY = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]/;

/**
 * Decodes a text file: a BOM decides; otherwise strict UTF-8 is tried first (it almost never
 * accepts GBK bytes by accident), then strict GB18030, the superset of GBK. Refuses binary content.
 */
export function decodeText(buf: Buffer): { text: string; encoding: TextEncoding } {
  let encoding: TextEncoding | undefined;
  let body = buf;
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) [encoding, body] = ['utf-8', buf.subarray(3)];
  else if (buf[0] === 0xff && buf[1] === 0xfe) [encoding, body] = ['utf-16le', buf.subarray(2)];
  else if (buf[0] === 0xfe && buf[1] === 0xff) [encoding, body] = ['utf-16be', buf.subarray(2)];
  let text: string | undefined;
  for (const candidate of encoding ? [encoding] : (['utf-8', 'gb18030'] as const)) {
    try {
      text = new TextDecoder(candidate, { fatal: true, ignoreBOM: true }).decode(body);
      encoding = candidate;
      break;
    } catch {
      // try the next one
    }
  }
  if (text === undefined || encoding === undefined) {
    // Neither decodes: binary, or an encoding we do not read. Binary is the likelier.
    if (body.includes(0)) throw new SpreadsheetError('NOT_SPREADSHEET', 'binary content');
    throw new SpreadsheetError('ENCODING');
  }
  // DOS end-of-file markers some old tools append.
  // eslint-disable-next-line no-control-regex -- the marker is a control character
  text = text.replace(/\x1A+$/, '');
  if (BINARY.test(text)) throw new SpreadsheetError('NOT_SPREADSHEET', 'binary content');
  return { text, encoding };
}

/** The separator of the first line (outside quotes): comma, tab or semicolon, whichever is most used. */
export function detectDelimiter(text: string): string {
  const counts: Record<string, number> = { ',': 0, '\t': 0, ';': 0 };
  let quoted = false;
  for (let i = 0; i < text.length && i < 65536; i++) {
    const ch = text[i]!;
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && ch in counts) counts[ch]!++;
  }
  const [best, used] = Object.entries(counts).sort((a, b) => b[1] - a[1])[0]!;
  return used > 0 ? best : ',';
}

/**
 * RFC 4180 records: fields separated by the delimiter, records by CRLF, LF or CR; a quoted field may
 * hold delimiters, line breaks and doubled quotes. A quote inside an unquoted field is kept as text
 * (as Excel does). `row` numbers records from 1, as Excel shows them when it opens the file.
 */
export function* parseCsv(
  text: string,
  delimiter = detectDelimiter(text),
): Generator<{ row: number; cells: string[] }> {
  const n = text.length;
  let i = 0;
  let row = 0;
  while (i < n) {
    const cells: string[] = [];
    row++;
    for (;;) {
      let field = '';
      if (text[i] === '"') {
        const start = i;
        i++;
        for (;;) {
          const q = text.indexOf('"', i);
          if (q < 0)
            throw new SpreadsheetError(
              'UNREADABLE',
              `a quote opened in record ${row} (character ${start}) is never closed`,
            );
          field += text.slice(i, q);
          if (text[q + 1] === '"') {
            field += '"';
            i = q + 2;
          } else {
            i = q + 1;
            break;
          }
        }
        // Anything between the closing quote and the delimiter is kept, as Excel keeps it.
        while (i < n && text[i] !== delimiter && text[i] !== '\n' && text[i] !== '\r') field += text[i++];
      } else {
        let j = i;
        while (j < n && text[j] !== delimiter && text[j] !== '\n' && text[j] !== '\r') j++;
        field = text.slice(i, j);
        i = j;
      }
      cells.push(field);
      if (i < n && text[i] === delimiter) {
        i++;
        continue;
      }
      break;
    }
    if (text[i] === '\r') i++;
    if (text[i] === '\n') i++;
    yield { row, cells };
  }
}
