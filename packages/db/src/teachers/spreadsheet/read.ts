// One reader for the API (which looks at an upload: its kind, header row and size) and the worker (which
// imports its rows), so both see the same headers, the same rows and the same limits.
import { knownHeaderCount, uniqueHeaders } from '../import-columns';
import { decodeText, parseCsv, type TextEncoding } from './csv';
import { DEFAULT_SPREADSHEET_LIMITS, SpreadsheetError, type SpreadsheetLimits } from './errors';
import {
  resolveCell,
  rowHasValue,
  XlsxFile,
  type Cell,
  type MergedRange,
  type RawRow,
} from './xlsx';
import { isZip } from './zip';

export type SpreadsheetFormat = 'xlsx' | 'csv';

/** Rows searched for the header row: a title row or two above it is common in county rosters. */
const HEADER_SEARCH_ROWS = 20;

/** What the file is, judged by its content, never by its name or the type the browser sent. */
export function sniffFormat(buf: Buffer): SpreadsheetFormat {
  if (buf.length === 0) throw new SpreadsheetError('EMPTY');
  if (isZip(buf)) return 'xlsx';
  // OLE2 compound file: a legacy .xls, or an .xlsx saved with a password.
  if (buf.length >= 8 && buf.readUInt32BE(0) === 0xd0cf11e0 && buf.readUInt32BE(4) === 0xa1b11ae1)
    throw new SpreadsheetError('LEGACY_OR_ENCRYPTED');
  // A zip's end record without a local header first (an empty zip), PDFs, images: not text tables.
  if (
    buf.length >= 4 &&
    (buf.readUInt32LE(0) === 0x06054b50 || buf.subarray(0, 4).toString('latin1') === '%PDF')
  )
    throw new SpreadsheetError('NOT_SPREADSHEET');
  return 'csv';
}

export interface SpreadsheetOverview {
  format: SpreadsheetFormat;
  encoding: TextEncoding | null;
  /** 1-based row (CSV: record) holding the headers. */
  headerRow: number;
  /** Unique, non-empty column names, in column order. */
  headers: string[];
  /** Rows below the header row with at least one value. */
  dataRows: number;
}

export interface SpreadsheetRow {
  row: number;
  cells: Cell[];
}

/** A file opened for import: its rows after the header row, and (xlsx) its merged ranges at the end. */
export interface SpreadsheetReader {
  format: SpreadsheetFormat;
  date1904: boolean;
  rows: AsyncIterable<SpreadsheetRow>;
  /** Complete once `rows` has been read to the end. */
  merges: MergedRange[];
}

const cellText = (c: Cell): string =>
  c === null
    ? ''
    : typeof c === 'object'
      ? c.error
      : typeof c === 'boolean'
        ? c
          ? 'TRUE'
          : 'FALSE'
        : String(c).trim();

/** True when no cell holds anything but spaces (numbers, booleans and errors always count). */
export function isBlankRow(cells: readonly Cell[]): boolean {
  for (const c of cells) {
    if (c === null || c === '') continue;
    if (typeof c !== 'string' || c.trim() !== '') return false;
  }
  return true;
}

function chooseHeader(first: SpreadsheetRow[]): SpreadsheetRow | undefined {
  const texts = first.map((r) => r.cells.map(cellText));
  const i = texts.findIndex((t) => knownHeaderCount(t) >= 2);
  return first[i >= 0 ? i : 0];
}

function headersOf(row: SpreadsheetRow): string[] {
  const texts = row.cells.map(cellText);
  while (texts.length && texts[texts.length - 1] === '') texts.pop();
  return uniqueHeaders(texts);
}

/**
 * Reads an upload far enough to say what it is: format, encoding, header row and how many data rows.
 * Every limit applies (decompressed size, rows); throws SpreadsheetError for anything unreadable.
 */
export async function inspectSpreadsheet(
  buf: Buffer,
  limits: SpreadsheetLimits = DEFAULT_SPREADSHEET_LIMITS,
): Promise<SpreadsheetOverview> {
  const format = sniffFormat(buf);
  let encoding: TextEncoding | null = null;
  const first: SpreadsheetRow[] = [];
  let valued = 0;
  const count = () => {
    if (++valued > limits.maxRows + HEADER_SEARCH_ROWS) throw new SpreadsheetError('TOO_MANY_ROWS');
  };
  if (format === 'xlsx') {
    const file = new XlsxFile(buf, limits);
    const raw: RawRow[] = [];
    for await (const r of file.rows({ merges: [], parseRows: HEADER_SEARCH_ROWS })) {
      if (!rowHasValue(r)) continue;
      count();
      if (raw.length < HEADER_SEARCH_ROWS) raw.push(r);
    }
    const refs = raw
      .flatMap((r) => r.cells)
      .filter((c): c is { sst: number } => c !== null && typeof c === 'object' && 'sst' in c);
    const sst = await file.sharedStrings(refs.length ? Math.max(...refs.map((c) => c.sst)) : -1);
    for (const r of raw) first.push({ row: r.row, cells: r.cells.map((c) => resolveCell(c, sst)) });
  } else {
    const decoded = decodeText(buf);
    encoding = decoded.encoding;
    if (decoded.text.length > limits.maxUncompressedBytes) throw new SpreadsheetError('TOO_BIG_UNCOMPRESSED');
    for (const r of parseCsv(decoded.text)) {
      if (isBlankRow(r.cells)) continue;
      count();
      if (first.length < HEADER_SEARCH_ROWS) first.push(r);
    }
  }
  const nonBlank = first.filter((r) => !isBlankRow(r.cells));
  const header = chooseHeader(nonBlank);
  if (!header) throw new SpreadsheetError('NO_HEADER');
  // Rows counted as having a value whose shared strings turned out blank are no data rows either.
  const at = first.indexOf(header);
  const blankBelow = first.slice(at + 1).filter((r) => isBlankRow(r.cells)).length;
  const dataRows = valued - (at + 1) - blankBelow;
  if (dataRows > limits.maxRows) throw new SpreadsheetError('TOO_MANY_ROWS');
  if (dataRows <= 0) throw new SpreadsheetError('NO_ROWS');
  return { format, encoding, headerRow: header.row, headers: headersOf(header), dataRows };
}

/** Opens a file for import: the rows after `headerRow`, blank ones included (the caller skips them). */
export async function openSpreadsheet(
  buf: Buffer,
  headerRow: number,
  limits: SpreadsheetLimits = DEFAULT_SPREADSHEET_LIMITS,
): Promise<SpreadsheetReader> {
  const format = sniffFormat(buf);
  const merges: MergedRange[] = [];
  let valued = 0;
  const count = (cells: readonly Cell[]) => {
    if (!isBlankRow(cells) && ++valued > limits.maxRows) throw new SpreadsheetError('TOO_MANY_ROWS');
  };
  if (format === 'xlsx') {
    const file = new XlsxFile(buf, limits);
    const sst = await file.sharedStrings();
    async function* rows(): AsyncGenerator<SpreadsheetRow> {
      const scan = { merges };
      for await (const r of file.rows(scan)) {
        if (r.row <= headerRow) continue;
        // Resolved in place: the raw row is not used again.
        const cells = r.cells as Cell[];
        for (let i = 0; i < cells.length; i++) cells[i] = resolveCell(r.cells[i]!, sst);
        count(cells);
        yield { row: r.row, cells };
      }
    }
    return { format, date1904: file.date1904, rows: rows(), merges };
  }
  const { text } = decodeText(buf);
  if (text.length > limits.maxUncompressedBytes) throw new SpreadsheetError('TOO_BIG_UNCOMPRESSED');
  async function* rows(): AsyncGenerator<SpreadsheetRow> {
    for (const r of parseCsv(text)) {
      if (r.row <= headerRow) continue;
      count(r.cells);
      yield r;
    }
  }
  return { format, date1904: false, rows: rows(), merges };
}

export type { Cell, MergedRange };
