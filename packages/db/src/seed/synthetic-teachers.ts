import type { CreateTeacherRequest } from '@guanai/contracts';
import { addDays, addYears, idNumberCheckCharacter, minDate } from '@guanai/domain';

/** A small deterministic PRNG (mulberry32): the same seed gives the same demo every time. */
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

export interface SchoolRef {
  id: string;
  rural: boolean;
  stage: CreateTeacherRequest['stage'];
}

export interface SyntheticTeacher extends Omit<CreateTeacherRequest, 'previousPostings'> {
  previousPostings: { orgId: string; from: string; to: string }[];
}

function pick<T>(rand: () => number, xs: readonly T[]): T {
  return xs[Math.floor(rand() * xs.length)]!;
}

function dateBetween(rand: () => number, from: string, to: string): string {
  const span = Math.max(0, Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000));
  return addDays(from, Math.floor(rand() * (span + 1)));
}

function idNumber(region: string, birthDate: string, sex: 'male' | 'female', n: number): string {
  const seq = ((n % 499) * 2 + (sex === 'male' ? 1 : 0)) % 1000;
  const first17 = `${region}${birthDate.replace(/-/g, '')}${String(seq).padStart(3, '0')}`;
  return `${first17}${idNumberCheckCharacter(first17)}`;
}

/**
 * Realistic synthetic teachers for one tenant's schools: ages 22–62, titles that follow years of
 * service, earlier postings (some rural), backbone teachers, and deliberate people at each rule's
 * edge (29 and 30 years of teaching, 8 and 9 years at one school, rural service around 25/30 years,
 * retirement within weeks) so every rule has people who meet it and people who just miss it.
 */
export function syntheticTeachers(opts: {
  seed: number;
  count: number;
  region: string;
  schools: SchoolRef[];
  today: string;
}): SyntheticTeacher[] {
  const rand = prng(opts.seed);
  const { today, schools } = opts;
  const rural = schools.filter((s) => s.rural);
  const out: SyntheticTeacher[] = [];
  for (let n = 0; n < opts.count; n++) {
    const sex = rand() < 0.68 ? 'female' : 'male'; // most primary and secondary teachers are women
    const age = 22 + Math.floor(rand() * 40);
    const birthDate = dateBetween(rand, addYears(today, -age - 1), addYears(today, -age));
    const teachingSince = minDate(dateBetween(rand, addYears(birthDate, 21), addYears(birthDate, 24)), today);
    const school = schools[n % schools.length]!;
    const years = Math.max(0, Number(today.slice(0, 4)) - Number(teachingSince.slice(0, 4)));
    // Some moved here after years elsewhere, often from a rural school.
    const moved = years > 6 && rand() < 0.45;
    const joinedSchoolOn = moved
      ? dateBetween(rand, addYears(teachingSince, 3), addYears(today, -1))
      : teachingSince;
    const previous =
      moved && schools.length > 1
        ? [
            {
              orgId: (rural.length && rand() < 0.6
                ? pick(rand, rural)
                : pick(
                    rand,
                    schools.filter((s) => s.id !== school.id),
                  )
              ).id,
              from: teachingSince,
              to: addDays(joinedSchoolOn, -1),
            },
          ]
        : [];
    // Only what has already happened: a teacher in their first year has no title yet.
    const notAfterToday = (d: string) => (d <= today ? d : null);
    const titles: SyntheticTeacher['titles'] = notAfterToday(addYears(teachingSince, 1))
      ? [{ level: 'junior', since: addYears(teachingSince, 1) }]
      : [];
    if (years >= 6) titles.push({ level: 'intermediate', since: addYears(teachingSince, 6) });
    if (years >= 14 && rand() < 0.55)
      titles.push({ level: 'associate_senior', since: addYears(teachingSince, 14) });
    if (years >= 24 && rand() < 0.08) titles.push({ level: 'senior', since: addYears(teachingSince, 24) });
    const given = sex === 'female' ? GIVEN_F : GIVEN_M;
    const position =
      n % 25 === 0
        ? 'vice_principal'
        : n % 60 === 0
          ? 'principal'
          : rand() < 0.3
            ? 'head_teacher'
            : rand() < 0.05
              ? 'staff'
              : 'teacher';
    // Leaders took up the post some years after arriving (Leiyang 13 counts their terms from then).
    const leads = position === 'principal' || position === 'vice_principal';
    const positionSince = leads
      ? minDate(dateBetween(rand, joinedSchoolOn, addYears(joinedSchoolOn, 8)), today)
      : null;
    out.push({
      name: `${pick(rand, SURNAMES)}${pick(rand, given)}${rand() < 0.6 ? pick(rand, given) : ''}`,
      sex,
      idNumber: idNumber(opts.region, birthDate, sex, n),
      birthDate,
      // Many keep their birthday by the lunar calendar (农历生日); chosen by position, not drawn, so the
      // draws (and so every other value of the demo) stay as they were.
      birthdayCalendar: n % 5 === 3 ? 'lunar' : 'solar',
      phone: `1${pick(rand, ['38', '39', '58', '59', '87', '88', '36', '50'])}${String(Math.floor(rand() * 1e8)).padStart(8, '0')}`,
      ethnicity: rand() < 0.95 ? '汉族' : pick(rand, ['回族', '畲族', '土家族', '瑶族']),
      politicalStatus: pick(rand, [
        'cpc_member',
        'cpc_member',
        'masses',
        'masses',
        'masses',
        'cyl_member',
        'democratic_party',
      ]),
      maritalStatus: age < 27 ? 'single' : rand() < 0.9 ? 'married' : 'divorced',
      employmentType: rand() < 0.88 ? 'establishment' : 'contract',
      position,
      positionSince,
      subject: pick(rand, SUBJECTS),
      stage: school.stage,
      titles: titles.filter((t) => t.since <= today),
      teachingSince,
      joinedSchoolOn,
      orgId: school.id,
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
      unionJoinedOn: notAfterToday(addYears(teachingSince, 1)) ?? teachingSince,
      unionStatus: 'member',
      retirementCategory: 'cadre',
      address: null,
      healthNote: null,
      tags: [],
      notes: null,
      previousPostings: previous,
    });
  }
  // People at the edges of the rules (Leiyang 4, 13, 23; retirement), appended last.
  const edge = (over: Partial<SyntheticTeacher>, i: number) => {
    const base = out[i % out.length]!;
    const t = { ...base, ...over } as SyntheticTeacher;
    t.idNumber = idNumber(opts.region, t.birthDate, t.sex, opts.count + out.length);
    out.push(t);
  };
  const s0 = schools[0]!;
  edge(
    {
      name: '周三十',
      teachingSince: addYears(today, -30),
      joinedSchoolOn: addYears(today, -30),
      birthDate: addYears(today, -53),
      sex: 'male',
      previousPostings: [],
    },
    1,
  );
  edge(
    {
      name: '吴差一',
      teachingSince: addDays(addYears(today, -30), 1),
      joinedSchoolOn: addDays(addYears(today, -30), 1),
      birthDate: addYears(today, -53),
      sex: 'male',
      previousPostings: [],
    },
    2,
  );
  edge(
    {
      name: '郑九年',
      orgId: s0.id,
      joinedSchoolOn: addYears(today, -9),
      teachingSince: addYears(today, -12),
      birthDate: addYears(today, -36),
      sex: 'female',
      employmentType: 'establishment',
      position: 'teacher',
      stage: 'primary',
      previousPostings: [],
    },
    3,
  );
  edge(
    {
      name: '冯八年',
      orgId: s0.id,
      joinedSchoolOn: addDays(addYears(today, -9), 1),
      teachingSince: addYears(today, -12),
      birthDate: addYears(today, -36),
      sex: 'female',
      employmentType: 'establishment',
      position: 'teacher',
      stage: 'primary',
      previousPostings: [],
    },
    4,
  );
  // A principal of ten full years at one school rotates; one a day short does not (Leiyang 13).
  const leader: Partial<SyntheticTeacher> = {
    orgId: s0.id,
    teachingSince: addYears(today, -25),
    joinedSchoolOn: addYears(today, -12),
    birthDate: addYears(today, -48),
    sex: 'male',
    employmentType: 'establishment',
    position: 'principal',
    stage: 'primary',
    previousPostings: [],
  };
  edge({ ...leader, name: '王十年', positionSince: addYears(today, -10) }, 6);
  edge({ ...leader, name: '李差一天', positionSince: addDays(addYears(today, -10), 1) }, 7);
  edge(
    {
      name: '陈将退',
      birthDate: addDays(addYears(today, -58), -20),
      sex: 'male',
      teachingSince: addYears(today, -36),
      joinedSchoolOn: addYears(today, -36),
      previousPostings: [],
    },
    5,
  );
  return out;
}
