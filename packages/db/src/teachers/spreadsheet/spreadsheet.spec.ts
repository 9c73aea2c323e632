import { makeZip } from '../../testing/zip';
import { decodeText, detectDelimiter, parseCsv } from './csv';
import { SpreadsheetError, type SpreadsheetLimits } from './errors';
import { neutraliseCell, unneutraliseCell } from './neutralise';
import { inspectSpreadsheet, openSpreadsheet, sniffFormat } from './read';
import { decodeRef, parseMergeRef } from './xlsx';

const zip = (entries: Record<string, string | Buffer>, opts: { method?: 0 | 8 } = {}) =>
  makeZip(entries, { store: opts.method === 0 });

const NS =
  'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

function workbook(
  sheetXml: string,
  opts: { sst?: string[]; date1904?: boolean; method?: 0 | 8; extraSheetFirst?: boolean } = {},
): Buffer {
  const sheets = opts.extraSheetFirst
    ? `<sheet name="说明" sheetId="2" state="hidden" r:id="rId2"/><sheet name="教师" sheetId="1" r:id="rId1"/>`
    : `<sheet name="教师" sheetId="1" r:id="rId1"/>`;
  const entries: Record<string, string | Buffer> = {
    '[Content_Types].xml': '<Types/>',
    '_rels/.rels': `<Relationships><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml': `<workbook ${NS}>${opts.date1904 ? '<workbookPr date1904="1"/>' : ''}<sheets>${sheets}</sheets></workbook>`,
    'xl/_rels/workbook.xml.rels': `<Relationships><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet2.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    'xl/worksheets/sheet1.xml': sheetXml,
    'xl/worksheets/sheet2.xml': `<worksheet ${NS}><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>hidden</t></is></c></row></sheetData></worksheet>`,
  };
  if (opts.sst)
    entries['xl/sharedStrings.xml'] =
      `<sst ${NS}>${opts.sst.map((s) => `<si><t xml:space="preserve">${s}</t></si>`).join('')}</sst>`;
  return zip(entries, { method: opts.method });
}

const inline = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
const rowsOf = async (buf: Buffer, headerRow: number, limits?: SpreadsheetLimits) => {
  const reader = await openSpreadsheet(buf, headerRow, limits);
  const out = [];
  for await (const r of reader.rows) out.push(r);
  return { rows: out, merges: reader.merges, date1904: reader.date1904 };
};
const problemOf = async (p: Promise<unknown>) => {
  try {
    await p;
    return 'no error';
  } catch (e) {
    return e instanceof SpreadsheetError ? e.problem : String(e);
  }
};

describe('xlsx reader', () => {
  const sheet = `<?xml version="1.0" encoding="UTF-8"?><worksheet ${NS}><dimension ref="A1:D5"/><sheetData>
    <row r="1"><c r="A1" t="s"><v>0</v></c></row>
    <row r="2"><c r="A2" t="s"><v>1</v></c><c r="B2" t="s"><v>2</v></c><c r="D2" t="s"><v>3</v></c></row>
    <row r="3" spans="1:4"><c r="A3" t="s"><v>4</v></c><c r="B3">${''}<v>29221</v></c><c t="b"><v>1</v></c><c t="e"><v>#N/A</v></c></row>
    <row r="4"/>
    <row r="5"><c r="A5" s="3"/><c r="B5" t="str"><f>A1</f><v>=公式</v></c></row>
  </sheetData><mergeCells count="2"><mergeCell ref="A1:D1"/><mergeCell ref="C3:C5"/></mergeCells></worksheet>`;
  const file = workbook(sheet, {
    sst: ['甲县教师花名册', '姓名', '出生日期', '备注', 'A&amp;B_x000D_ 张三'],
  });

  it('finds the header row below a title row and counts the data rows', async () => {
    expect(await inspectSpreadsheet(file)).toEqual({
      format: 'xlsx',
      encoding: null,
      headerRow: 2,
      headers: ['姓名', '出生日期', '第3列', '备注'],
      dataRows: 2,
    });
  });

  it('reads cells by their references: shared strings, numbers, booleans, errors, formula results', async () => {
    const { rows, merges } = await rowsOf(file, 2);
    expect(rows).toEqual([
      { row: 3, cells: ['A&B\r 张三', 29221, true, { error: '#N/A' }] },
      { row: 5, cells: [null, '=公式'] },
    ]);
    expect(merges.map((m) => m.ref)).toEqual(['A1:D1', 'C3:C5']);
    expect(merges[1]).toMatchObject({ top: 3, bottom: 5, left: 3, right: 3 });
  });

  it('reads stored (uncompressed) entries, namespace prefixes, rich text without phonetic runs, and the 1904 flag', async () => {
    const prefixed = `<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>
      <x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>姓名</x:t></x:is></x:c><x:c r="B1" t="inlineStr"><x:is><x:t>性别</x:t></x:is></x:c></x:row>
      <x:row r="2"><x:c r="A2" t="inlineStr"><x:is><x:r><x:t>王</x:t></x:r><x:r><x:t>五</x:t></x:r><x:rPh><x:t>ワン</x:t></x:rPh></x:is></x:c><x:c r="B2" t="inlineStr"><x:is><x:t>男</x:t></x:is></x:c></x:row>
    </x:sheetData></x:worksheet>`;
    const buf = workbook(prefixed, { method: 0, date1904: true });
    expect((await inspectSpreadsheet(buf)).headers).toEqual(['姓名', '性别']);
    const { rows, date1904 } = await rowsOf(buf, 1);
    expect(rows).toEqual([{ row: 2, cells: ['王五', '男'] }]);
    expect(date1904).toBe(true);
  });

  it('reads the first visible sheet, not a hidden one before it', async () => {
    const buf = workbook(
      `<worksheet ${NS}><sheetData><row r="1">${inline('A1', '姓名')}${inline('B1', '性别')}</row><row r="2">${inline('A2', '李四')}</row></sheetData></worksheet>`,
      {
        extraSheetFirst: true,
      },
    );
    expect((await rowsOf(buf, 1)).rows).toEqual([{ row: 2, cells: ['李四'] }]);
  });

  it('survives rows split across inflate chunks (a large sheet)', async () => {
    const rows = Array.from(
      { length: 5000 },
      (_, i) => `<row r="${i + 2}">${inline(`A${i + 2}`, `教师${i}`)}<c r="B${i + 2}"><v>${i}</v></c></row>`,
    );
    const buf = workbook(
      `<worksheet ${NS}><sheetData><row r="1">${inline('A1', '姓名')}${inline('B1', '备注')}</row>${rows.join('')}</sheetData></worksheet>`,
    );
    const { rows: read } = await rowsOf(buf, 1);
    expect(read).toHaveLength(5000);
    expect(read[4999]).toEqual({ row: 5001, cells: ['教师4999', 4999] });
  });

  it('stops a zip bomb at the decompressed-size limit, without inflating the rest', async () => {
    const padding = ' '.repeat(1024 * 1024);
    const bomb = workbook(
      `<worksheet ${NS}><sheetData><row r="1">${inline('A1', '姓名')}${inline('B1', '性别')}</row>${padding.repeat(8)}</sheetData></worksheet>`,
    );
    expect(bomb.length).toBeLessThan(100_000);
    const limits = { maxUncompressedBytes: 4 * 1024 * 1024, maxRows: 1000, maxEntries: 100 };
    expect(await problemOf(inspectSpreadsheet(bomb, limits))).toBe('TOO_BIG_UNCOMPRESSED');
    expect(await problemOf(rowsOf(bomb, 1, limits))).toBe('TOO_BIG_UNCOMPRESSED');
  });

  it('refuses more rows than the limit', async () => {
    const rows = Array.from(
      { length: 30 },
      (_, i) => `<row r="${i + 2}">${inline(`A${i + 2}`, `x${i}`)}</row>`,
    ).join('');
    const buf = workbook(
      `<worksheet ${NS}><sheetData><row r="1">${inline('A1', '姓名')}${inline('B1', '性别')}</row>${rows}</sheetData></worksheet>`,
    );
    const limits = { maxUncompressedBytes: 1e8, maxRows: 10, maxEntries: 100 };
    expect(await problemOf(inspectSpreadsheet(buf, limits))).toBe('TOO_MANY_ROWS');
    expect(await problemOf(rowsOf(buf, 1, limits))).toBe('TOO_MANY_ROWS');
  });

  it('refuses a zip that is not a workbook, a truncated one, and a header without rows', async () => {
    expect(await problemOf(inspectSpreadsheet(zip({ 'word/document.xml': '<w:document/>' })))).toBe(
      'NOT_SPREADSHEET',
    );
    expect(await problemOf(inspectSpreadsheet(file.subarray(0, file.length - 30)))).toBe('UNREADABLE');
    const headerOnly = workbook(
      `<worksheet ${NS}><sheetData><row r="1">${inline('A1', '姓名')}${inline('B1', '性别')}</row></sheetData></worksheet>`,
    );
    expect(await problemOf(inspectSpreadsheet(headerOnly))).toBe('NO_ROWS');
    expect(await problemOf(inspectSpreadsheet(workbook(`<worksheet ${NS}><sheetData/></worksheet>`)))).toBe(
      'NO_HEADER',
    );
  });

  it('decodes cell and merge references', () => {
    expect(decodeRef('AB12')).toEqual({ col: 28, row: 12 });
    expect(decodeRef('$A$1')).toEqual({ col: 1, row: 1 });
    expect(decodeRef('12')).toBeNull();
    expect(parseMergeRef('B3:A2')).toMatchObject({ top: 2, left: 1, bottom: 3, right: 2 });
  });
});

describe('file kinds', () => {
  it('judges by content: empty, legacy or encrypted, PDF, PNG', async () => {
    expect(await problemOf(Promise.resolve().then(() => sniffFormat(Buffer.alloc(0))))).toBe('EMPTY');
    const ole = Buffer.from('d0cf11e0a1b11ae1000000000000000000', 'hex');
    expect(await problemOf(inspectSpreadsheet(ole))).toBe('LEGACY_OR_ENCRYPTED');
    expect(await problemOf(inspectSpreadsheet(Buffer.from('%PDF-1.7\n...')))).toBe('NOT_SPREADSHEET');
    const png = Buffer.from(
      '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6300010000050001',
      'hex',
    );
    expect(await problemOf(inspectSpreadsheet(png))).toBe('NOT_SPREADSHEET');
  });
});

describe('csv', () => {
  it('parses RFC 4180 quoting: delimiters, doubled quotes and line breaks inside quotes, CRLF and LF', () => {
    const text = 'a,b,c\r\n"x, y","say ""hi""","two\nlines"\n1,,3\n"",x"y,\n';
    expect([...parseCsv(text)]).toEqual([
      { row: 1, cells: ['a', 'b', 'c'] },
      { row: 2, cells: ['x, y', 'say "hi"', 'two\nlines'] },
      { row: 3, cells: ['1', '', '3'] },
      { row: 4, cells: ['', 'x"y', ''] },
    ]);
  });

  it('refuses a quote that never closes', () => {
    expect(() => [...parseCsv('a,"b\n1,2\n')]).toThrow(SpreadsheetError);
  });

  it('detects comma, tab and semicolon separators from the first line', () => {
    expect(detectDelimiter('姓名\t性别\n')).toBe('\t');
    expect(detectDelimiter('姓名;性别;"a,b"\n')).toBe(';');
    expect(detectDelimiter('姓名\n')).toBe(',');
  });

  it('decodes UTF-8 (with or without BOM), GBK as Excel on Chinese Windows saves it, and UTF-16 with BOM', () => {
    expect(decodeText(Buffer.from('\uFEFF姓名,性别\n张三,男', 'utf8'))).toEqual({
      text: '姓名,性别\n张三,男',
      encoding: 'utf-8',
    });
    expect(decodeText(Buffer.from('姓名', 'utf8')).encoding).toBe('utf-8');
    // 姓名,性别 in GBK
    const gbk = Buffer.from('d0d5c3fb2cd0d4b1f0', 'hex');
    expect(decodeText(gbk)).toEqual({ text: '姓名,性别', encoding: 'gb18030' });
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('姓名\t性别', 'utf16le')]);
    expect(decodeText(utf16)).toEqual({ text: '姓名\t性别', encoding: 'utf-16le' });
  });

  it('inspects a CSV: header row, data rows, blank lines skipped', async () => {
    const csv = Buffer.from('\n姓名,性别,身份证号\n张三,男,1\n,,\n李四,女,2\n', 'utf8');
    expect(await inspectSpreadsheet(csv)).toEqual({
      format: 'csv',
      encoding: 'utf-8',
      headerRow: 2,
      headers: ['姓名', '性别', '身份证号'],
      dataRows: 2,
    });
  });
});

describe('formula neutralisation', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+86 138', "'+86 138"],
    ['-2', "'-2"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tx', "'\tx"],
    ['张三', '张三'],
    ["'quoted", "'quoted"],
  ])('%j → %j and back', (plain, written) => {
    expect(neutraliseCell(plain)).toBe(written);
    expect(unneutraliseCell(written)).toBe(plain);
  });
});
