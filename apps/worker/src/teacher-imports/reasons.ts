// Why a row of an import was refused, in the words an officer reads in the rejects workbook (zh-CN)
// and in English. The codes that the API also answers with (ID_NUMBER_*, DATE_IN_FUTURE …) say the
// same as apps/api/src/common/messages.ts.

export const REASONS = {
  REQUIRED: ['不能为空', 'is required'],
  REQUIRED_MERGED: [
    '为空：该单元格在合并单元格 {ref} 中，合并单元格只有左上角的格子有值，请拆分后逐行填写',
    'is empty: the cell lies in the merged range {ref}, whose value only its top-left cell holds; unmerge and fill each row',
  ],
  CELL_ERROR: ['单元格是错误值 {value}', 'the cell holds the error value {value}'],
  DATE_FORMAT: [
    '无法识别的日期“{value}”，请写成 1980-01-31 这样的格式',
    'unrecognised date "{value}"; write it like 1980-01-31',
  ],
  DATE_INVALID: ['日期“{value}”不存在', 'the date "{value}" does not exist'],
  DATE_AMBIGUOUS: [
    '日期“{value}”不明确（1 月还是 10 月？），请写成 1980-10-01 这样的格式',
    'the date "{value}" is ambiguous (January or October?); write it like 1980-10-01',
  ],
  DATE_INCOMPLETE: [
    '日期“{value}”只有年份，请至少填写到月份',
    'the date "{value}" has only a year; give at least the month',
  ],
  ENUM: ['“{value}”不是可选的值，可填：{allowed}', '"{value}" is not one of the allowed values: {allowed}'],
  BOOLEAN: ['“{value}”应填“是”或“否”', '"{value}" should be 是 (yes) or 否 (no)'],
  TOO_LONG: ['不能超过 {max} 个字符', 'at most {max} characters'],
  TOO_MANY: ['最多 {max} 项', 'at most {max} items'],
  INVALID: ['格式不正确', 'is not valid'],
  ID_NUMBER_NUMERIC: [
    '身份证号被 Excel 存成了数字，后几位已丢失；请把该列设为“文本”格式后重新填写',
    'Excel stored the ID number as a number and lost its last digits; format the column as Text and type it again',
  ],
  ID_NUMBER_FORMAT: [
    '身份证号应为 18 位：17 位数字加 1 位数字或 X',
    'an ID number is 17 digits and a digit or X',
  ],
  ID_NUMBER_LENGTH: ['身份证号应为 18 位', 'an ID number has 18 characters'],
  ID_NUMBER_CHECKSUM: ['身份证号校验位不正确，请核对', 'the ID number’s check digit is wrong'],
  ID_NUMBER_BIRTH_DATE: [
    '身份证号中的出生日期不存在',
    'the birth date inside the ID number is not a real date',
  ],
  ID_NUMBER_BIRTH_DATE_MISMATCH: ['出生日期与身份证号不一致', 'the birth date does not match the ID number'],
  ID_NUMBER_SEX_MISMATCH: ['性别与身份证号不一致', 'the sex does not match the ID number'],
  PHONE_FORMAT: ['手机号应为 11 位，以 1 开头', 'a mobile number has 11 digits starting with 1'],
  DATE_IN_FUTURE: ['日期不能晚于今天', 'the date cannot be in the future'],
  TEACHING_BEFORE_AGE_16: ['从教时间不能早于年满 16 周岁', 'teaching cannot start before the age of 16'],
  JOINED_BEFORE_TEACHING: ['到校时间不能早于从教时间', 'joining the school cannot precede starting to teach'],
  POSITION_BEFORE_TEACHING: ['任职时间不能早于从教时间', 'holding the position cannot precede starting to teach'],
  TITLE_SINCE_REQUIRED: ['填写了职称，还须填写职称取得时间', 'a title needs the date it was obtained'],
  TITLE_REQUIRED: ['填写了职称取得时间，还须填写职称', 'a title date needs the title'],
  ORG_REQUIRED: ['须填写学校代码或学校名称', 'give the school’s code or name'],
  ORG_NOT_FOUND: ['本单位下没有“{value}”这所学校', 'no school "{value}" in this union'],
  ORG_AMBIGUOUS: [
    '有多所学校叫“{value}”，请改填学校代码',
    'several schools are called "{value}"; give the code instead',
  ],
  ORG_MISMATCH: [
    '学校代码“{code}”是“{name}”，与学校名称“{value}”不一致',
    'school code "{code}" is "{name}", not "{value}"',
  ],
  ORG_NOT_A_UNIT: [
    '“{value}”不是学校或院系，教师只能归属于学校或院系',
    '"{value}" is not a school or department',
  ],
  ORG_INACTIVE: ['学校“{value}”已停用', 'the school "{value}" is inactive'],
  DUPLICATE_IN_FILE: [
    '身份证号与第 {row} 行重复（同一文件中每人只能出现一次）',
    'the ID number repeats row {row} (one row per person in a file)',
  ],
} as const satisfies Record<string, readonly [string, string]>;

export type ReasonCode = keyof typeof REASONS;

const fill = (template: string, params: Record<string, string | number>) =>
  template.replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? `{${k}}`));

/**
 * The reason in both languages. Reasons about one column are prefixed with its header in the
 * rejects workbook; the messages here are the part after "列名：".
 */
export function reason(
  code: ReasonCode,
  params: Record<string, string | number> = {},
): { zh: string; en: string } {
  const [zh, en] = REASONS[code];
  return { zh: fill(zh, params), en: fill(en, params) };
}
