// The workbooks the import hands out: the template to fill in and the rejected rows to fix. Every cell
// that came from someone's typing is neutralised against formula injection (see neutraliseCell).
import type { Writable } from 'node:stream';
import { stream, Workbook, type Worksheet } from 'exceljs';
import { IMPORT_FIELDS, TEACHER_IMPORT_HEADERS, type ImportField } from '@guanai/contracts';
import {
  BIRTHDAY_CALENDAR_LABELS,
  EMPLOYMENT_TYPE_LABELS,
  MARITAL_STATUS_LABELS,
  neutraliseCell,
  POLITICAL_STATUS_LABELS,
  POSITION_LABELS,
  REQUIRED_IMPORT_FIELDS,
  RETIREMENT_CATEGORY_LABELS,
  SEX_LABELS,
  STAGE_LABELS,
  TITLE_LABELS,
  UNION_STATUS_LABELS,
  YES_NO_LABELS,
  type ImportRejects,
} from '@guanai/db';

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** `attachment` with an ASCII fallback and the UTF-8 name (RFC 6266, RFC 8187). */
export function attachment(asciiName: string, name: string): string {
  return `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

const TEMPLATE_ROWS = 5000;
const HEADER_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } } as const;
const REQUIRED_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFCE4D6' } } as const;
const PROBLEM_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFC7CE' } } as const;

const values = (labels: Record<string, string>) => Object.values(labels);

/** What each column takes, for the drop-downs and the instructions sheet. */
const CHOICES: Partial<Record<ImportField, string[]>> = {
  sex: values(SEX_LABELS),
  birthdayCalendar: values(BIRTHDAY_CALENDAR_LABELS),
  politicalStatus: values(POLITICAL_STATUS_LABELS),
  maritalStatus: values(MARITAL_STATUS_LABELS),
  employmentType: values(EMPLOYMENT_TYPE_LABELS),
  position: values(POSITION_LABELS),
  stage: values(STAGE_LABELS),
  title: values(TITLE_LABELS),
  backbone: values(YES_NO_LABELS),
  unionStatus: values(UNION_STATUS_LABELS),
  retirementCategory: values(RETIREMENT_CATEGORY_LABELS),
};

const NOTES: Record<ImportField, string> = {
  name: '1–100 个字',
  sex: '须与身份证号一致',
  idNumber: '18 位，末位可为 X；本列已设为“文本”格式，请勿改成数字（Excel 会丢掉后几位）',
  birthDate: '如 1980-01-31，须与身份证号一致；也可只填年月（1980-01）',
  birthdayCalendar: '默认“公历”；按农历过生日的填“农历”，出生日期仍填身份证上的公历日期',
  phone: '11 位手机号',
  ethnicity: '如 汉族',
  politicalStatus: '',
  maritalStatus: '',
  orgCode: '学校代码与学校名称至少填一项，见“学校名单”；两项都填时须一致',
  orgName: '见“学校名单”',
  employmentType: '',
  position: '',
  positionSince: '担任现岗位（如校长）的日期；不早于从教时间，校长轮岗按此计算任期',
  subject: '如 语文',
  stage: '',
  title: '填写职称须同时填写职称取得时间',
  titleSince: '如 2015-09-01',
  teachingSince: '如 2003-09-01，不早于年满 16 周岁',
  joinedSchoolOn: '到本校工作的日期，默认同从教时间；不早于从教时间',
  backbone: '默认“否”',
  unionJoinedOn: '如 2003-10-01',
  unionStatus: '默认“会员”',
  retirementCategory: '默认“干部”；女职工工人岗位的退休年龄不同',
  address: '',
  tags: '多个标签用逗号或顿号分隔',
  notes: '',
};

const DATE_FIELDS = new Set<ImportField>([
  'birthDate',
  'titleSince',
  'teachingSince',
  'joinedSchoolOn',
  'positionSince',
  'unionJoinedOn',
]);
const TEXT_FIELDS = new Set<ImportField>(['idNumber', 'phone', 'orgCode']);

const isRequired = (f: ImportField) => REQUIRED_IMPORT_FIELDS.includes(f);
const column = (n: number) => {
  let s = '';
  for (let c = n; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
};

interface DataValidationsApi {
  add(range: string, validation: Record<string, unknown>): void;
}

/**
 * The import template: one sheet to fill in, with the template's Chinese headers (the first spelling
 * of TEACHER_IMPORT_HEADERS), drop-downs for coded values, text format for ID numbers and phones;
 * then the instructions (填写说明) and the tenant's schools (学校名单) the rows may name.
 */
export async function templateWorkbook(
  units: readonly { code: string | null; name: string }[],
): Promise<Buffer> {
  const wb = new Workbook();
  wb.creator = '教师关爱平台';
  const sheet = wb.addWorksheet('教师信息', { views: [{ state: 'frozen', ySplit: 1 }] });
  const guide = wb.addWorksheet('填写说明');
  const schools = wb.addWorksheet('学校名单');

  schools.columns = [
    { header: '学校代码', key: 'code', width: 16 },
    { header: '学校名称', key: 'name', width: 40 },
  ];
  for (const u of units) schools.addRow({ code: neutraliseCell(u.code ?? ''), name: neutraliseCell(u.name) });
  schools.getRow(1).font = { bold: true };

  sheet.columns = IMPORT_FIELDS.map((f) => ({
    header: TEACHER_IMPORT_HEADERS[f][0]!,
    key: f,
    width: f === 'address' || f === 'orgName' ? 30 : f === 'idNumber' ? 22 : 14,
    style: TEXT_FIELDS.has(f) ? { numFmt: '@' } : DATE_FIELDS.has(f) ? { numFmt: 'yyyy-mm-dd' } : {},
  }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  IMPORT_FIELDS.forEach((f, i) => {
    const cell = header.getCell(i + 1);
    cell.fill = isRequired(f) || f === 'orgName' ? REQUIRED_FILL : HEADER_FILL;
    cell.numFmt = 'General';
    if (NOTES[f]) cell.note = `${isRequired(f) ? '必填。' : ''}${NOTES[f]}`;
  });
  const validations = (sheet as unknown as { dataValidations: DataValidationsApi }).dataValidations;
  IMPORT_FIELDS.forEach((f, i) => {
    const range = `${column(i + 1)}2:${column(i + 1)}${TEMPLATE_ROWS + 1}`;
    const choices = CHOICES[f];
    if (choices) {
      validations.add(range, {
        type: 'list',
        allowBlank: !isRequired(f),
        formulae: [`"${choices.join(',')}"`],
        showErrorMessage: true,
        errorStyle: 'warning',
        errorTitle: TEACHER_IMPORT_HEADERS[f][0],
        error: `可填：${choices.join('、')}`,
      });
    } else if (f === 'orgName' && units.length) {
      validations.add(range, {
        type: 'list',
        allowBlank: true,
        formulae: [`学校名单!$B$2:$B$${units.length + 1}`],
        showErrorMessage: true,
        errorStyle: 'warning',
        error: '请从学校名单中选择',
      });
    }
  });

  guide.columns = [
    { header: '列名', key: 'header', width: 16 },
    { header: '必填', key: 'required', width: 8 },
    { header: '说明', key: 'note', width: 60 },
    { header: '可填写的值', key: 'choices', width: 60 },
    { header: '也可识别的列名', key: 'aliases', width: 40 },
  ];
  guide.getRow(1).font = { bold: true };
  for (const f of IMPORT_FIELDS) {
    const [name, ...aliases] = TEACHER_IMPORT_HEADERS[f];
    guide.addRow({
      header: name,
      required: isRequired(f) ? '是' : f === 'orgCode' || f === 'orgName' ? '二选一' : '否',
      note: NOTES[f] || (DATE_FIELDS.has(f) ? '日期，如 2003-09-01' : ''),
      choices: (CHOICES[f] ?? []).join('、'),
      aliases: aliases.join('、'),
    });
  }
  guide.addRow({});
  guide.addRow({
    header: '说明',
    note: '每位教师一行；同一文件中同一身份证号只能出现一次。已有档案的教师（按身份证号识别）会被更新，文件中没有的列保持不变。',
  });
  guide.addRow({
    header: '',
    note: '日期可写成 1980-01-31、1980/1/31、1980.01.31、1980年1月31日 或 19800131。',
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/**
 * The rejected rows, streamed: first where and why (row, columns, reasons in Chinese), then the row's
 * own cells under the file's own headers, so the sheet can be corrected and imported again as it is.
 */
export async function writeRejectsWorkbook(out: Writable, rejects: ImportRejects): Promise<void> {
  const wb = new stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet: Worksheet = wb.addWorksheet('未通过的行', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = [
    { header: '原行号', key: 'row', width: 8 },
    { header: '出错的列', key: 'columns', width: 18 },
    { header: '原因', key: 'reasons', width: 60 },
    ...rejects.headers.map((h, i) => ({ header: neutraliseCell(h), key: `c${i}`, width: 14 })),
  ];
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  for (const r of rejects.rows) {
    const columns = [...new Set(r.problems.map((p) => p.column ?? '整行'))];
    const row = sheet.addRow([
      r.row,
      neutraliseCell(columns.join('、')),
      neutraliseCell(r.problems.map((p) => `${p.column ?? '整行'}：${p.zh}`).join('；')),
      ...rejects.headers.map((_, i) => neutraliseCell(r.cells[i] ?? '')),
    ]);
    for (const p of r.problems) {
      const i = p.column === null ? -1 : rejects.headers.indexOf(p.column);
      if (i >= 0) row.getCell(4 + i).fill = PROBLEM_FILL;
    }
    row.commit();
  }
  sheet.commit();
  await wb.commit();
}
