// Cell values as county rosters write them, read into the registry's values: Chinese words for coded
// values, dates in every way Excel and officers write them, yes/no, tags.
import type { Cell } from '@guanai/db';
import { unneutraliseCell } from '@guanai/db';
import { formatIsoDate, isValidDate } from '@guanai/domain';
import type { ReasonCode } from './reasons';

export type Parsed<T> =
  { ok: true; value: T } | { ok: false; code: ReasonCode; params?: Record<string, string | number> };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = <T>(code: ReasonCode, params?: Record<string, string | number>): Parsed<T> => ({
  ok: false,
  code,
  params,
});

/** Full-width ASCII (as Chinese input methods type digits and letters) folded to half-width. */
const FULL_WIDTH = /[\uFF01-\uFF5E\u3000]/;
export const halfWidth = (s: string) =>
  FULL_WIDTH.test(s)
    ? s
        .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
        .replace(/\u3000/g, ' ')
    : s;

/** A cell as the text an officer sees (numbers without exponent where exact), trimmed. */
export function cellText(c: Cell): string {
  if (c === null) return '';
  if (typeof c === 'object') return c.error;
  if (typeof c === 'boolean') return c ? '是' : '否';
  if (typeof c === 'number') return Number.isInteger(c) && Math.abs(c) < 1e21 ? c.toFixed(0) : String(c);
  return unneutraliseCell(c.trim());
}

export const isEmptyCell = (c: Cell) => cellText(c) === '';

/** Plain text: trimmed, a neutralising quote dropped; null when empty. */
export function parseText(c: Cell): Parsed<string | null> {
  if (c !== null && typeof c === 'object') return fail('CELL_ERROR', { value: c.error });
  const s = cellText(c);
  return ok(s === '' ? null : s);
}

// --- dates

/** A calendar date, or only a year and month (出生年月, 从教时间 are often written so). */
export type DateValue = { kind: 'date'; iso: string } | { kind: 'month'; year: number; month: number };

// Excel's 1900 date system counts 1900-02-29, a day that never was (kept for Lotus 1-2-3): serials from
// 61 on are one too many. The 1904 system (old Mac workbooks) starts at 1904-01-01 = 0.
function fromSerial(serial: number, date1904: boolean): string | null {
  const days = Math.floor(serial);
  if (days < (date1904 ? 0 : 1) || days > 2958465) return null;
  const epoch = date1904
    ? Date.UTC(1904, 0, 1)
    : days >= 61
      ? Date.UTC(1899, 11, 30)
      : Date.UTC(1899, 11, 31);
  const d = new Date(epoch + days * 86_400_000);
  return formatIsoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

function ymd(y: number, m: number, d: number, shown: string): Parsed<DateValue> {
  return isValidDate(y, m, d)
    ? ok({ kind: 'date', iso: formatIsoDate(y, m, d) })
    : fail('DATE_INVALID', { value: shown });
}

function ym(y: number, m: number, shown: string): Parsed<DateValue> {
  return y >= 1 && m >= 1 && m <= 12
    ? ok({ kind: 'month', year: y, month: m })
    : fail('DATE_INVALID', { value: shown });
}

/**
 * Dates as Excel serial numbers (date-formatted cells), and as text: 1980-01-31, 1980/1/31,
 * 1980.01.31, 1980年1月31日, 19800131, with or without a time after it; year and month only as
 * 1980-01, 1980.1, 1980年1月, 198001. Numbers 1900–2100 are years typed into a number cell, not serials
 * (a serial that small is a day in 1905): 1980.01 is January, but 1980.1 may have been 1980.10.
 */
export function parseDate(c: Cell, date1904 = false): Parsed<DateValue | null> {
  if (c === null) return ok(null);
  if (typeof c === 'object') return fail('CELL_ERROR', { value: c.error });
  if (typeof c === 'boolean') return fail('DATE_FORMAT', { value: cellText(c) });
  if (typeof c === 'number') {
    const shown = cellText(c);
    if (Number.isInteger(c) && c >= 19000101 && c <= 29991231)
      return ymd(Math.floor(c / 10000), Math.floor(c / 100) % 100, c % 100, shown);
    if (Number.isInteger(c) && c >= 190001 && c <= 299912) return ym(Math.floor(c / 100), c % 100, shown);
    if (c >= 1900 && c < 2101) {
      if (Number.isInteger(c)) return fail('DATE_INCOMPLETE', { value: shown });
      const [y, frac = ''] = shown.split('.');
      if (frac.length === 1 && frac === '1') return fail('DATE_AMBIGUOUS', { value: shown });
      if (frac.length <= 2) return ym(Number(y), Number(frac), shown);
      return fail('DATE_FORMAT', { value: shown });
    }
    const iso = fromSerial(c, date1904);
    return iso ? ok({ kind: 'date', iso }) : fail('DATE_FORMAT', { value: shown });
  }
  // A leading apostrophe is how people force text in a spreadsheet; it is not part of the date.
  const shown = c.trim().replace(/^'/, '');
  if (shown === '') return ok(null);
  const s = halfWidth(shown)
    .replace(/[T\s]+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?$/, '')
    .replace(/\s+/g, '');
  let m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(s) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (m) return ymd(Number(m[1]), Number(m[2]), Number(m[3]), shown);
  m = /^(\d{4})[-/.年](\d{1,2})月?$/.exec(s) ?? /^(\d{4})(\d{2})$/.exec(s);
  if (m) return ym(Number(m[1]), Number(m[2]), shown);
  if (/^\d{4}年?$/.test(s)) return fail('DATE_INCOMPLETE', { value: shown });
  return fail('DATE_FORMAT', { value: shown });
}

// --- coded values

const key = (s: string) =>
  halfWidth(s)
    .replace(/[\s·•]/g, '')
    .toLowerCase();

function vocabulary<T extends string>(entries: Record<T, readonly string[]>) {
  const map = new Map<string, T>();
  for (const [value, words] of Object.entries(entries) as [T, readonly string[]][]) {
    for (const w of [value, ...words]) {
      map.set(w, value);
      map.set(key(w), value);
    }
  }
  const allowed = Object.values(entries as Record<string, readonly string[]>)
    .map((w) => w[0])
    .join('、');
  return (c: Cell): Parsed<T | null> => {
    if (c !== null && typeof c === 'object') return fail('CELL_ERROR', { value: c.error });
    const s = cellText(c);
    if (s === '') return ok(null);
    const v = map.get(s) ?? map.get(key(s));
    return v ? ok(v) : fail('ENUM', { value: s, allowed });
  };
}

// GB/T 2261.1-2003 codes 1 and 2 for men and women, as HR systems export them.
export const parseSex = vocabulary({ male: ['男', '男性', 'm', '1'], female: ['女', '女性', 'f', '2'] });
// 生日历法: which calendar the birthday is kept by (新历/旧历 in everyday speech); 出生日期 stays solar.
export const parseBirthdayCalendar = vocabulary({
  solar: ['公历', '阳历', '新历', '公历生日', '阳历生日'],
  lunar: ['农历', '阴历', '旧历', '农历生日', '阴历生日'],
});
export const parseEmploymentType = vocabulary({
  establishment: ['在编', '编制', '编制内', '正式在编', '事业编制'],
  contract: ['合同', '合同制', '聘用', '编外', '劳务派遣', '代课'],
  private: ['民办', '民办教师'],
});
export const parsePosition = vocabulary({
  teacher: ['教师', '专任教师', '任课教师'],
  head_teacher: ['班主任'],
  vice_principal: ['副校长', '副园长'],
  principal: ['校长', '园长'],
  staff: ['职员', '行政人员', '教辅人员', '工勤人员'],
});
export const parseStage = vocabulary({
  preschool: ['学前', '幼儿园', '学前教育'],
  primary: ['小学'],
  junior_secondary: ['初中', '初级中学'],
  senior_secondary: ['高中', '普通高中', '高级中学'],
  vocational: ['中职', '职高', '中专', '职业高中', '中等职业教育'],
  higher: ['高校', '高等教育', '大学', '高职'],
  special_education: ['特殊教育', '特教'],
});
// Teachers' title series (中小学教师职称): 三级/二级 初级, 一级 中级, 高级 副高级, 正高级; 特级 is an honour held as a title.
export const parseTitle = vocabulary({
  junior: ['初级', '三级教师', '二级教师', '初级职称'],
  intermediate: ['中级', '一级教师', '中级职称'],
  associate_senior: ['副高级', '副高', '高级教师', '副高级职称'],
  senior: ['正高级', '正高', '正高级教师', '正高级职称'],
  special: ['特级', '特级教师'],
});
export const parsePoliticalStatus = vocabulary({
  cpc_member: ['中共党员', '党员', '中国共产党党员'],
  cpc_probationary: ['中共预备党员', '预备党员'],
  cyl_member: ['共青团员', '团员'],
  democratic_party: [
    '民主党派',
    '民革',
    '民盟',
    '民建',
    '民进',
    '农工党',
    '致公党',
    '九三学社',
    '台盟',
    '民革党员',
    '民盟盟员',
    '民建会员',
    '民进会员',
    '农工党党员',
    '致公党党员',
    '九三学社社员',
    '台盟盟员',
  ],
  masses: ['群众', '无党派人士', '无党派'],
});
export const parseMaritalStatus = vocabulary({
  single: ['未婚'],
  married: ['已婚', '初婚', '再婚', '复婚'],
  divorced: ['离异', '离婚'],
  widowed: ['丧偶'],
});
export const parseUnionStatus = vocabulary({
  member: ['会员', '在会', '是'],
  not_member: ['非会员', '未入会', '否'],
  left: ['已退会', '退会'],
});
export const parseRetirementCategory = vocabulary({
  cadre: ['干部', '管理和专业技术岗位'],
  worker: ['工人', '工勤岗位'],
});

const YES = new Set(['是', 'y', 'yes', 'true', '1', '√', '✓', '✔', '有']);
const NO = new Set(['否', 'n', 'no', 'false', '0', '×', '✗', '无', '不是']);

export function parseYesNo(c: Cell): Parsed<boolean | null> {
  if (typeof c === 'boolean') return ok(c);
  if (c !== null && typeof c === 'object') return fail('CELL_ERROR', { value: c.error });
  const s = cellText(c);
  if (s === '') return ok(null);
  const k = key(s);
  if (YES.has(k)) return ok(true);
  if (NO.has(k)) return ok(false);
  return fail('BOOLEAN', { value: s });
}

/** Tags separated by commas (either width), 、, semicolons or spaces. */
export function parseTags(c: Cell): Parsed<string[] | null> {
  const t = parseText(c);
  if (!t.ok || t.value === null) return t as Parsed<null>;
  return ok([...new Set(t.value.split(/[,，、;；\s]+/).filter(Boolean))]);
}

/** An ID number typed as text; a number cell has lost digits (18 digits exceed a double's precision). */
export function parseIdNumber(c: Cell): Parsed<string | null> {
  if (typeof c === 'number') return c >= 1e14 ? fail('ID_NUMBER_NUMERIC') : fail('ID_NUMBER_FORMAT');
  const t = parseText(c);
  if (!t.ok || t.value === null) return t;
  return ok(
    halfWidth(t.value)
      .replace(/^'/, '')
      .replace(/[\s\u3000]+/g, '')
      .toUpperCase(),
  );
}

/** A mobile number; spaces, dashes and a +86 country code are dropped. */
export function parsePhone(c: Cell): Parsed<string | null> {
  const t = parseText(c);
  if (!t.ok || t.value === null) return t;
  return ok(
    halfWidth(t.value)
      .replace(/^'/, '')
      .replace(/[\s\-()（）]+/g, '')
      .replace(/^(?:\+86|0086)/, ''),
  );
}
