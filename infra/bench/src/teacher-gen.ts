import { randomUUID } from 'node:crypto';
import {
  FieldCipher,
  parseFieldKeys,
  TEACHER_COLUMNS,
  teacherColumns,
  type Config,
  type PostingJson,
  type TeacherColumns,
  type TeacherRecord,
  type TitleJson,
} from '@guanai/db';
// @guanai/domain is not in the bench's package.json; it resolves from the workspace (as exceljs does
// in import-bench) and is built before the bench, since @guanai/db depends on it.
import { addDays, addYears, idNumberCheckCharacter, minDate, statutoryRetirementDate } from '@guanai/domain';

/** A school of a tenant, as the generator needs it. */
export interface GenSchool {
  id: string;
  name: string;
  rural: boolean;
  stage: string;
}

/** One tenant's share of the synthetic registry: what a generator thread is given. */
export interface GenTenant {
  /** Also the PRNG seed: the same index gives the same people. */
  index: number;
  tenantId: string;
  /** Six digits, the start of every ID number of this tenant. */
  region: string;
  schools: GenSchool[];
  count: number;
}

export interface GenKeys {
  FIELD_KEYS: string;
  LOOKUP_HASH_KEY: string;
}

/** mulberry32, as packages/db's synthetic teachers use: deterministic per seed. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'.split(
    '',
  );
const GIVEN_F = '丽芳敏静燕娟霞秀英华红梅琳玲洁雪婷慧颖倩佳欣怡萍晶蓉雯'.split('');
const GIVEN_M = '伟强磊军勇杰涛斌超明刚平辉鹏华飞鑫波宇浩凯健俊帆峰建国'.split('');
const SUBJECTS = [
  '语文',
  '数学',
  '英语',
  '物理',
  '化学',
  '生物',
  '历史',
  '地理',
  '道德与法治',
  '音乐',
  '体育',
  '美术',
  '信息技术',
  '科学',
];
const POLITICAL = [
  'cpc_member',
  'cpc_member',
  'masses',
  'masses',
  'masses',
  'cyl_member',
  'democratic_party',
];
const STREETS = ['文三路', '学院路', '教工路', '古翠路', '天目山路', '莫干山路', '延安路', '解放路'];

const pick = <T>(rand: () => number, xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;

function dateBetween(rand: () => number, from: string, to: string): string {
  const span = Math.max(0, Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000));
  return addDays(from, Math.floor(rand() * (span + 1)));
}

/**
 * A tenant's teachers, each valid as the API would have written it: an ID number with its check
 * character, unique in the tenant, agreeing with birth date and sex; a statutory retirement date
 * still to come (nobody past it is active); titles that follow years of service; some teachers with
 * an earlier posting, often rural; phone for all, address for about a third. Rows go through the
 * registry's own writer (`teacherColumns`: sealed, hashed, masked), so the API reads them as its own.
 */
export function* tenantTeachers(t: GenTenant, today: string, cipher: FieldCipher): Generator<TeacherColumns> {
  const rand = prng(t.index + 1);
  const { schools } = t;
  const rural = schools.filter((s) => s.rural);
  // The ID number's sequence code per birth date and sex: unique in the tenant by construction.
  const seqs = new Map<string, number>();
  for (let n = 0; n < t.count; n++) {
    const sex = rand() < 0.68 ? 'female' : 'male'; // most primary and secondary teachers are women
    const oldest = sex === 'female' ? 57 : 62;
    const age = 22 + Math.floor(rand() * (oldest - 22));
    let birthDate = dateBetween(rand, addYears(today, -age - 1), addYears(today, -age));
    // Active teachers have not reached their statutory retirement date yet.
    while (statutoryRetirementDate(birthDate, sex, 'cadre') <= today) birthDate = addYears(birthDate, 1);
    const teachingSince = minDate(dateBetween(rand, addYears(birthDate, 21), addYears(birthDate, 24)), today);
    const school = schools[n % schools.length]!;
    const years = Math.max(0, Number(today.slice(0, 4)) - Number(teachingSince.slice(0, 4)));
    const moved = years > 6 && rand() < 0.45 && schools.length > 1;
    const joinedSchoolOn = moved
      ? dateBetween(rand, addYears(teachingSince, 3), addYears(today, -1))
      : teachingSince;
    const previousPostings: PostingJson[] = [];
    if (moved) {
      const others = schools.filter((s) => s.id !== school.id);
      const ruralOthers = rural.filter((s) => s.id !== school.id);
      const at = ruralOthers.length && rand() < 0.6 ? pick(rand, ruralOthers) : pick(rand, others);
      previousPostings.push({
        orgId: at.id,
        orgName: at.name,
        from: teachingSince,
        to: addDays(joinedSchoolOn, -1),
        rural: at.rural,
      });
    }
    const titles: TitleJson[] = [];
    if (addYears(teachingSince, 1) <= today)
      titles.push({ level: 'junior', since: addYears(teachingSince, 1) });
    if (years >= 6) titles.push({ level: 'intermediate', since: addYears(teachingSince, 6) });
    if (years >= 14 && rand() < 0.55)
      titles.push({ level: 'associate_senior', since: addYears(teachingSince, 14) });
    if (years >= 24 && rand() < 0.08) titles.push({ level: 'senior', since: addYears(teachingSince, 24) });
    const given = sex === 'female' ? GIVEN_F : GIVEN_M;
    const key = `${birthDate}${sex}`;
    const k = seqs.get(key) ?? 0;
    if (k >= 500) throw new Error(`more than 500 teachers of one sex born on ${birthDate} in one tenant`);
    seqs.set(key, k + 1);
    const first17 = `${t.region}${birthDate.replace(/-/g, '')}${String(k * 2 + (sex === 'male' ? 1 : 0)).padStart(3, '0')}`;
    const record: TeacherRecord = {
      name: `${pick(rand, SURNAMES)}${pick(rand, given)}${rand() < 0.6 ? pick(rand, given) : ''}`,
      sex,
      idNumber: `${first17}${idNumberCheckCharacter(first17)}`,
      birthDate,
      phone: `1${pick(rand, ['38', '39', '58', '59', '87', '88', '36', '50'])}${String(Math.floor(rand() * 1e8)).padStart(8, '0')}`,
      address:
        rand() < 0.35 ? `浙江省杭州市西湖区${pick(rand, STREETS)}${1 + Math.floor(rand() * 500)}号` : null,
      ethnicity: rand() < 0.95 ? '汉族' : pick(rand, ['回族', '畲族', '土家族', '瑶族']),
      politicalStatus: pick(rand, POLITICAL),
      maritalStatus: age < 27 ? 'single' : rand() < 0.9 ? 'married' : 'divorced',
      employmentType: rand() < 0.88 ? 'establishment' : 'contract',
      position:
        n % 60 === 0
          ? 'principal'
          : n % 25 === 0
            ? 'vice_principal'
            : rand() < 0.3
              ? 'head_teacher'
              : rand() < 0.05
                ? 'staff'
                : 'teacher',
      subject: pick(rand, SUBJECTS),
      stage: school.stage,
      titles,
      teachingSince,
      joinedSchoolOn,
      backbone: rand() < 0.15,
      honours:
        rand() < 0.05
          ? [
              {
                name: pick(rand, ['名优教师', '名优班主任', '最美乡村教师', '师德标兵']),
                year: 2015 + Math.floor(rand() * 10),
              },
            ]
          : [],
      unionJoinedOn: minDate(addYears(teachingSince, 1), today),
      unionStatus: 'member',
      retirementCategory: 'cadre',
      tags: rand() < 0.2 ? ['班主任'] : [],
      notes: null,
    };
    yield teacherColumns(
      record,
      { id: school.id, tenantId: t.tenantId, name: school.name, rural: school.rural },
      cipher,
      {
        id: randomUUID(),
        previousPostings,
      },
    );
  }
}

export function cipherOf(keys: GenKeys): FieldCipher {
  const { keys: k, current } = parseFieldKeys({
    FIELD_KEYS: keys.FIELD_KEYS,
    FIELD_KEY_CURRENT: undefined,
  } as Config);
  return new FieldCipher(k, current, Buffer.from(keys.LOOKUP_HASH_KEY, 'base64'));
}

const SPECIAL = /[\\\t\n\r]/;
const esc = (s: string) =>
  SPECIAL.test(s)
    ? s.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r')
    : s;

/** One row in COPY's text format (columns of TEACHER_COLUMNS): tab-separated, \N for null. */
export function copyLine(row: TeacherColumns): string {
  let out = '';
  for (let i = 0; i < TEACHER_COLUMNS.length; i++) {
    const v = row[TEACHER_COLUMNS[i]!];
    if (i) out += '\t';
    if (v === null || v === undefined) out += '\\N';
    else if (typeof v === 'boolean') out += v ? 't' : 'f';
    else if (Array.isArray(v)) out += esc(`{${v.map((x) => `"${x.replace(/["\\]/g, '\\$&')}"`).join(',')}}`);
    else out += esc(v);
  }
  return out + '\n';
}

/** A tenant's rows as COPY text, in buffers of about `chunkBytes`. */
export function tenantCopyChunks(
  t: GenTenant,
  today: string,
  cipher: FieldCipher,
  chunkBytes = 1 << 20,
): Buffer[] {
  const chunks: Buffer[] = [];
  let lines: string[] = [];
  let size = 0;
  for (const row of tenantTeachers(t, today, cipher)) {
    const line = copyLine(row);
    lines.push(line);
    size += line.length;
    if (size >= chunkBytes) {
      chunks.push(Buffer.from(lines.join(''), 'utf8'));
      lines = [];
      size = 0;
    }
  }
  if (lines.length) chunks.push(Buffer.from(lines.join(''), 'utf8'));
  return chunks;
}
