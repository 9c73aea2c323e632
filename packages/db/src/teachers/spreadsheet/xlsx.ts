// Reads the first visible worksheet of an .xlsx as a stream of rows, in bounded memory: the sheet XML is
// inflated and scanned chunk by chunk, never held whole. Cells hold what the file stores (a shared
// string index, a number, a boolean, an error); number formats are not applied: the importer knows
// which columns are dates and reads serial numbers there itself.
import { StringDecoder } from 'node:string_decoder';
import { SpreadsheetError, type SpreadsheetLimits } from './errors';
import { InflateBudget, readEntryChunks, readEntrySync, readZipDirectory, type ZipEntry } from './zip';
import { attributes, decodeXml, decodeText, P, stringItemText } from './xml';

/** What a cell holds. `{ sst }` points into the shared strings, `{ error }` is an error value (#N/A). */
export type RawCell = string | number | boolean | null | { sst: number } | { error: string };

export interface RawRow {
  /** 1-based, as Excel numbers rows. */
  row: number;
  /** By 0-based column; columns the file leaves out are null. Empty for a row read shallowly. */
  cells: RawCell[];
  /** For a row read shallowly (cells not parsed): whether any cell holds a value. */
  valued?: boolean;
}

/** A merged range, 1-based inclusive (A2:C3 → rows 2–3, columns 1–3). */
export interface MergedRange {
  ref: string;
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** The longest a single row's XML may be before the file is refused (a real row is a few kB). */
const MAX_ROW_XML = 8 * 1024 * 1024;
const MAX_MERGES = 100_000;

const SHEET_DATA_OPEN = new RegExp(`<${P}sheetData\\b[^>]*?(/?)>`);
const CELL = new RegExp(`<${P}c\\b([^>]*?)(?:/>|>([\\s\\S]*?)</${P}c>)`, 'g');
const VALUE = new RegExp(`<${P}v\\b[^>]*?(?:/>|>([\\s\\S]*?)</${P}v>)`);
const INLINE = new RegExp(`<${P}is\\b[^>]*?(?:/>|>([\\s\\S]*?)</${P}is>)`);
const MERGE = new RegExp(`<${P}mergeCell\\b([^>]*?)/?>`, 'g');
const STRING_ITEM = new RegExp(`<${P}si\\b[^>]*?(?:/>|>([\\s\\S]*?)</${P}si>)`, 'g');

/** 'AB12' → { col: 27, row: 12 } (1-based); null when it is not a cell reference. */
export function decodeRef(ref: string): { col: number; row: number } | null {
  const m = /^\$?([A-Z]{1,3})\$?(\d{1,7})$/.exec(ref.toUpperCase());
  if (!m) return null;
  let col = 0;
  for (const ch of m[1]!) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { col, row: Number(m[2]) };
}

export function parseMergeRef(ref: string): MergedRange | null {
  const [a, b = a] = ref.split(':');
  const from = decodeRef(a!);
  const to = decodeRef(b!);
  if (!from || !to) return null;
  return {
    ref,
    top: Math.min(from.row, to.row),
    left: Math.min(from.col, to.col),
    bottom: Math.max(from.row, to.row),
    right: Math.max(from.col, to.col),
  };
}

const CELL_REF = /\br\s*=\s*["']\$?([A-Za-z]{1,3})\$?\d+["']/;
const CELL_TYPE = /\bt\s*=\s*["'](\w+)["']/;

function columnOf(letters: string): number {
  let col = 0;
  for (let i = 0; i < letters.length; i++) col = col * 26 + ((letters.charCodeAt(i) & 0xdf) - 64);
  return col;
}

/** The cell's column (1-based) goes to `cellColumn`, to spare an object per cell. */
let cellColumn: number | null = null;

function parseCell(attrs: string, inner: string | undefined): RawCell {
  // Targeted patterns rather than a general attribute parse: this runs for every cell of the file.
  const ref = CELL_REF.exec(attrs);
  cellColumn = ref ? columnOf(ref[1]!) : null;
  if (inner === undefined || inner === '') return null;
  const t = CELL_TYPE.exec(attrs)?.[1] ?? 'n';
  if (t === 'inlineStr') {
    const is = INLINE.exec(inner);
    return is ? stringItemText(is[1] ?? '') : null;
  }
  const v = VALUE.exec(inner);
  if (!v) return null;
  const text = v[1] ?? '';
  switch (t) {
    case 's': {
      const index = Number(text);
      return Number.isInteger(index) && index >= 0 ? { sst: index } : null;
    }
    case 'str':
    case 'd':
      return decodeText(text);
    case 'b':
      return text.trim() === '1' || text.trim() === 'true';
    case 'e':
      return { error: decodeXml(text) };
    default: {
      const n = Number(text);
      return text.trim() !== '' && Number.isFinite(n) ? n : decodeText(text);
    }
  }
}

const ROW_NUMBER = /\br\s*=\s*["'](\d+)["']/;
const ANY_VALUE = new RegExp(`<${P}(?:v|is)\\b[^>]*>[^<]`);

function parseRow(openTag: string, inner: string, previous: number, shallow = false): RawRow {
  const r = ROW_NUMBER.exec(openTag);
  const row = r ? Number(r[1]) : previous + 1;
  if (shallow) return { row, cells: [], valued: ANY_VALUE.test(inner) };
  const cells: RawCell[] = [];
  let col = 0;
  CELL.lastIndex = 0;
  for (let m = CELL.exec(inner); m; m = CELL.exec(inner)) {
    const value = parseCell(m[1] ?? '', m[2]);
    // A cell without a reference follows the one before it (ECMA-376 §18.3.1.4).
    col = cellColumn ?? col + 1;
    if (col > 16384) throw new SpreadsheetError('UNREADABLE', `column ${col}`);
    while (cells.length < col - 1) cells.push(null);
    cells[col - 1] = value;
  }
  return { row, cells };
}

/** True when a row has a cell holding anything (a shared string counts; it may be blank). */
export function rowHasValue(r: RawRow): boolean {
  return r.valued ?? r.cells.some((c) => c !== null && c !== '');
}

export interface SheetScan {
  /** Filled once the rows have all been read: mergeCells come after sheetData in the XML. */
  merges: MergedRange[];
  /** Parse the cells of this many rows (with values); read later ones shallowly. Default: all. */
  parseRows?: number;
}

async function* scanSheet(chunks: AsyncIterable<Buffer>, scan: SheetScan): AsyncGenerator<RawRow> {
  const decoder = new StringDecoder('utf8');
  // Per scan, not shared: two uploads may be scanned at once, interleaved at every yield.
  const ROW_OR_END = new RegExp(`<(${P})(row|/sheetData)\\b`, 'g');
  let text = '';
  let state: 'before' | 'rows' | 'after' = 'before';
  let lastRow = 0;
  let parsed = 0;
  const take = (s: string) => {
    text += s;
    if (text.length > MAX_ROW_XML * 2) throw new SpreadsheetError('TOO_BIG_UNCOMPRESSED', 'a row too large');
  };
  const process = function* (final: boolean): Generator<RawRow> {
    if (state === 'before') {
      const open = SHEET_DATA_OPEN.exec(text);
      if (!open) {
        text = text.slice(-200);
        return;
      }
      state = open[1] === '/' ? 'after' : 'rows';
      text = text.slice(open.index + open[0].length);
    }
    if (state === 'rows') {
      let pos = 0;
      ROW_OR_END.lastIndex = 0;
      for (let m = ROW_OR_END.exec(text); m; m = ROW_OR_END.exec(text)) {
        if (m[2] === '/sheetData') {
          state = 'after';
          pos = m.index + m[0].length;
          break;
        }
        const tagEnd = text.indexOf('>', m.index);
        if (tagEnd < 0) break;
        const openTag = text.slice(m.index + m[0].length, tagEnd);
        if (openTag.endsWith('/')) {
          lastRow = parseRow(openTag.slice(0, -1), '', lastRow).row;
          pos = tagEnd + 1;
          ROW_OR_END.lastIndex = pos;
          continue;
        }
        const close = `</${m[1]}row>`;
        const end = text.indexOf(close, tagEnd);
        if (end < 0) break;
        const row = parseRow(
          openTag,
          text.slice(tagEnd + 1, end),
          lastRow,
          parsed >= (scan.parseRows ?? Infinity),
        );
        if (rowHasValue(row)) parsed++;
        lastRow = row.row;
        pos = end + close.length;
        ROW_OR_END.lastIndex = pos;
        yield row;
      }
      text = text.slice(pos);
      if (state === 'rows' && text.length > MAX_ROW_XML)
        throw new SpreadsheetError('TOO_BIG_UNCOMPRESSED', 'a row too large');
    }
    if (state === 'after') {
      let last = 0;
      MERGE.lastIndex = 0;
      for (let m = MERGE.exec(text); m; m = MERGE.exec(text)) {
        const range = parseMergeRef(attributes(m[1] ?? '').ref ?? '');
        if (range && scan.merges.length < MAX_MERGES) scan.merges.push(range);
        last = m.index + m[0].length;
      }
      // Keep an unfinished tag for the next chunk, nothing more.
      const lt = text.lastIndexOf('<');
      text = final ? '' : text.slice(Math.max(last, lt >= last ? lt : text.length));
    }
  };
  for await (const chunk of chunks) {
    take(decoder.write(chunk));
    yield* process(false);
  }
  take(decoder.end());
  yield* process(true);
  if (state === 'before') throw new SpreadsheetError('UNREADABLE', 'no sheetData in the worksheet');
}

/** An .xlsx opened for reading: its parts located, nothing large inflated yet. */
export class XlsxFile {
  readonly budget: InflateBudget;
  readonly date1904: boolean;
  /** The worksheet read: the first visible one in the workbook's order. */
  readonly sheetName: string;
  private readonly sheet: ZipEntry;
  private readonly sharedStringsEntry: ZipEntry | undefined;

  constructor(
    private readonly buf: Buffer,
    limits: SpreadsheetLimits,
  ) {
    this.budget = new InflateBudget(limits.maxUncompressedBytes);
    const entries = readZipDirectory(buf, limits.maxEntries);
    const text = (name: string) => {
      const e = entries.get(name);
      return e ? readEntrySync(buf, e, this.budget).toString('utf8') : undefined;
    };
    // The package's main part (ECMA-376 part 2, §9.3): a .docx or any other zip is not a workbook.
    const rootRels = relationships(text('_rels/.rels') ?? '', '');
    const main = rootRels.find((r) => r.type.endsWith('/officeDocument'))?.target ?? 'xl/workbook.xml';
    const workbook = text(main);
    if (workbook === undefined || !new RegExp(`<${P}workbook\\b`).test(workbook))
      throw new SpreadsheetError('NOT_SPREADSHEET', 'no workbook part');
    const base = main.includes('/') ? main.slice(0, main.lastIndexOf('/') + 1) : '';
    const relsName = `${base}_rels/${main.slice(base.length)}.rels`;
    const rels = relationships(text(relsName) ?? '', base);
    const pr = new RegExp(`<${P}workbookPr\\b([^>]*)>`).exec(workbook);
    const d1904 = pr ? attributes(pr[1]!).date1904 : undefined;
    this.date1904 = d1904 === '1' || d1904 === 'true';

    const SHEET = new RegExp(`<${P}sheet\\b([^>]*?)/?>`, 'g');
    const sheets: { name: string; state: string; target: string | undefined }[] = [];
    for (let m = SHEET.exec(workbook); m; m = SHEET.exec(workbook)) {
      const a = attributes(m[1]!);
      sheets.push({
        name: a.name ?? '',
        state: a.state ?? 'visible',
        target: rels.find((r) => r.id === a.id)?.target,
      });
    }
    const chosen =
      sheets.find((s) => s.state === 'visible' && s.target && entries.has(s.target)) ??
      sheets.find((s) => s.target && entries.has(s.target));
    if (!chosen) throw new SpreadsheetError('UNREADABLE', 'no worksheet');
    this.sheetName = chosen.name;
    this.sheet = entries.get(chosen.target!)!;
    const sst = rels.find((r) => r.type.endsWith('/sharedStrings'))?.target ?? `${base}sharedStrings.xml`;
    this.sharedStringsEntry = entries.get(sst);
  }

  /**
   * The shared strings table, in order; with `upTo`, reading stops once that index is known (the
   * API needs only the header row's strings).
   */
  async sharedStrings(upTo = Infinity): Promise<string[]> {
    const out: string[] = [];
    if (!this.sharedStringsEntry || upTo < 0) return out;
    const decoder = new StringDecoder('utf8');
    let text = '';
    for await (const chunk of readEntryChunks(this.buf, this.sharedStringsEntry, this.budget)) {
      text += decoder.write(chunk);
      let last = 0;
      STRING_ITEM.lastIndex = 0;
      for (let m = STRING_ITEM.exec(text); m; m = STRING_ITEM.exec(text)) {
        out.push(m[1] === undefined ? '' : stringItemText(m[1]));
        last = m.index + m[0].length;
        if (out.length > upTo) return out;
      }
      text = text.slice(last);
      if (text.length > MAX_ROW_XML)
        throw new SpreadsheetError('TOO_BIG_UNCOMPRESSED', 'a shared string too large');
    }
    return out;
  }

  /** The worksheet's rows in file order; `scan.merges` is filled when the iteration ends. */
  rows(scan: SheetScan = { merges: [] }): AsyncGenerator<RawRow> {
    return scanSheet(readEntryChunks(this.buf, this.sheet, this.budget), scan);
  }
}

interface Relationship {
  id: string;
  type: string;
  target: string;
}

function relationships(xml: string, base: string): Relationship[] {
  const REL = new RegExp(`<${P}Relationship\\b([^>]*?)/?>`, 'g');
  const out: Relationship[] = [];
  for (let m = REL.exec(xml); m; m = REL.exec(xml)) {
    const a = attributes(m[1]!);
    if (a.TargetMode === 'External' || !a.Target) continue;
    out.push({ id: a.Id ?? '', type: a.Type ?? '', target: resolvePart(base, a.Target) });
  }
  return out;
}

/** A relationship target as a zip entry name: absolute (`/xl/…`) or relative to the source part's folder. */
function resolvePart(base: string, target: string): string {
  const parts = (target.startsWith('/') ? target.slice(1) : base + target).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p !== '.' && p !== '') out.push(p);
  }
  return out.join('/');
}

/** A cell's value with shared strings looked up: what the importer reads. */
export type Cell = string | number | boolean | null | { error: string };

export function resolveCell(c: RawCell, sst: readonly string[]): Cell {
  if (c !== null && typeof c === 'object' && 'sst' in c) return sst[c.sst] ?? null;
  return c;
}
