// The demo's care programmes: each province publishes a template, every tenant adopts it for the
// current year, and a school year of care work lies behind it — with schools that meet each
// indicator, schools at risk and schools that missed, so the dashboards open on something real.
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { ProgrammeDocument } from '@guanai/contracts';
import { addDays, BUILTIN_TEMPLATES, rotationEligible, type Indicator } from '@guanai/domain';
import { addCareParticipants, insertCareRecords, type CareRecordRow } from '../care/writer';
import { refreshComplianceResults } from '../compliance/refresh';
import type { OrgEntity } from '../entities/org.entity';
import { prng } from './synthetic-teachers';

export interface CareDemoProvince {
  province: OrgEntity;
  builtin: 'zhejiang_2020' | 'leiyang';
  tenants: { tenant: OrgEntity; units: OrgEntity[] }[];
}

type Doc = ProgrammeDocument;

/**
 * The Zhejiang guidance states no numbers (its measures have no indicators), so the demo province
 * does what a province would on its copy: it sets its own targets, quoting the clause each rests on,
 * and lets tenants move some of them within a range.
 */
function zhejiangProvinceEdits(doc: Doc): Doc {
  const extra: Record<string, Indicator[]> = {
    culture_sports: [
      { key: 'zj_culture_sports', name: '每校每学期文体活动', kind: 'activity_count', period: 'semester', level: 'school', activityTypes: ['culture_sports'], target: 1, adjustable: { min: 1, max: 6 }, clauseQuote: '开展丰富多彩的文体活动' },
    ],
    mental_health: [
      { key: 'zj_counselling', name: '每校每学期心理辅导', kind: 'activity_count', period: 'semester', level: 'school', activityTypes: ['counselling'], target: 1, adjustable: { min: 1, max: 4 }, clauseQuote: '定期为教师提供心理咨询和心理疏导服务' },
    ],
    convalescence: [
      { key: 'zj_convalescence', name: '年度疗休养覆盖率', kind: 'coverage', period: 'calendar_year', level: 'tenant', activityTypes: ['convalescence'], target: 1000, adjustable: { min: 500, max: 3000 }, clauseQuote: '定期组织教师开展疗休养活动' },
    ],
    universal_care: [
      { key: 'zj_festival', name: '节日慰问覆盖全体教师', kind: 'coverage', period: 'calendar_year', level: 'school', activityTypes: ['festival_greeting'], target: 10000, clauseQuote: '工会可在重要节日、教师生日、婚丧嫁娶、退休离岗时开展慰问' },
    ],
    hardship_support: [
      { key: 'zj_hardship_funds', name: '困难帮扶资金', kind: 'amount', period: 'calendar_year', level: 'tenant', activityTypes: ['hardship_assistance'], target: 5_000_000, adjustable: { min: 0, max: 100_000_000 }, clauseQuote: '积极开展困难教师送温暖活动' },
    ],
  };
  return {
    ...doc,
    areas: doc.areas.map((a) => ({
      ...a,
      measures: a.measures.map((m) => ({ ...m, indicators: [...m.indicators, ...(extra[m.key] ?? [])] })),
    })),
  } as Doc;
}

interface TeacherFacts {
  id: string;
  org_id: string;
  sex: 'male' | 'female';
  birth_date: string;
  status: string;
  employment_type: string;
  stage: string;
  position: string;
  position_since: string | null;
  postings: { orgId: string; from: string; to: string | null; rural: boolean }[];
  backbone: boolean;
}

/** Publishes each province's template, adopts it for every tenant and records a school year of care. */
export async function seedCareDemo(em: EntityManager, provinces: readonly CareDemoProvince[], today: string): Promise<void> {
  const year = Number(today.slice(0, 4));
  for (const p of provinces) {
    const builtin = BUILTIN_TEMPLATES.find((t) => t.key === p.builtin)!;
    const doc = (p.builtin === 'zhejiang_2020' ? zhejiangProvinceEdits(builtin as Doc) : builtin) as Doc;
    const [tpl] = await em.query(
      `INSERT INTO programme_templates (org_id, key, name, based_on, draft, latest_version) VALUES ($1, $2, $3, $4, $5, 1) RETURNING id`,
      [p.province.id, doc.key, doc.name, builtin.key, JSON.stringify(doc)],
    );
    const [ver] = await em.query(
      `INSERT INTO programme_versions (org_id, template_id, number, document, changes) VALUES ($1, $2, 1, $3, '[]') RETURNING id`,
      [p.province.id, tpl.id, JSON.stringify(doc)],
    );
    for (const [i, t] of p.tenants.entries()) {
      const budgets = budgetsFor(doc);
      const [prog] = await em.query(
        `INSERT INTO programmes (org_id, template_id, version_id, year, targets, budgets, settings) VALUES ($1, $2, $3, $4, '{}', $5, '{}') RETURNING id`,
        [t.tenant.id, tpl.id, ver.id, year, JSON.stringify(budgets)],
      );
      await recordCareWork(em, doc, prog.id, t.tenant, t.units, today, 1000 + i);
      // What the worker's nightly refresh would store, so the province's overview opens filled.
      await refreshComplianceResults(em, prog.id, today);
    }
  }
}

/** A budget for each measure whose activities carry amounts: enough for most of the year's work. */
function budgetsFor(doc: Doc): Record<string, number> {
  const amounts: Record<string, number> = {
    universal_care: 80_000_000,
    hardship_support: 6_000_000,
    convalescence: 40_000_000,
    visits_and_assistance: 90_000_000,
    working_conditions: 60_000_000,
    female_teachers: 3_000_000,
  };
  const out: Record<string, number> = {};
  for (const a of doc.areas) for (const m of a.measures) if (amounts[m.key]) out[m.key] = amounts[m.key]!;
  return out;
}

/**
 * About fifteen months of care work (the last school year and this one so far). Schools take turns at
 * four habits: the model school does everything; the second has done nothing yet this semester; the
 * third skipped the spring semester; the fourth reaches only part of its teachers.
 */
async function recordCareWork(
  em: EntityManager,
  doc: Doc,
  programmeId: string,
  tenant: OrgEntity,
  units: OrgEntity[],
  today: string,
  seed: number,
): Promise<void> {
  const rand = prng(seed);
  const teachers: TeacherFacts[] = await em.query(
    `SELECT id, org_id, sex, to_char(birth_date, 'YYYY-MM-DD') AS birth_date, status, employment_type, stage, position,
            to_char(position_since, 'YYYY-MM-DD') AS position_since, postings, backbone
       FROM teachers WHERE tenant_id = $1 AND status = 'active'`,
    [tenant.id],
  );
  const measureOf = new Map<string, string>();
  for (const a of doc.areas) for (const m of a.measures) for (const type of m.activityTypes) if (!measureOf.has(type)) measureOf.set(type, m.key);
  const records: CareRecordRow[] = [];
  const pairs: { recordId: string; teacherId: string }[] = [];
  const add = (orgId: string, type: string, title: string, on: string, people: readonly TeacherFacts[], perHeadFen = 0) => {
    if (on > today) return;
    const id = randomUUID();
    records.push({
      id, orgId, tenantId: tenant.id, programmeId, measureKey: measureOf.get(type) ?? null, activityType: type, title,
      occurredOn: on, amountFen: perHeadFen * people.length, notes: null, createdBy: null,
    });
    for (const t of people) pairs.push({ recordId: id, teacherId: t.id });
  };
  const y = Number(today.slice(0, 4));
  const lastAutumn = `${y - 1}-10-15`, spring = `${y}-04-10`, thisAutumn = `${y}-10-12`;
  const share = (people: TeacherFacts[], part: number) => people.filter(() => rand() < part);

  for (const [i, unit] of units.entries()) {
    const staff = teachers.filter((t) => t.org_id === unit.id);
    const habit = i % 4;
    // Counselling and culture/sports each semester (Leiyang 17; the Zhejiang province's own targets).
    for (const [on, skip] of [[lastAutumn, false], [spring, habit === 2], [thisAutumn, habit === 1]] as const) {
      if (skip) continue;
      add(unit.id, 'counselling', '教师心理健康讲座', on, share(staff, 0.4));
      add(unit.id, 'culture_sports', '教职工趣味运动会', addDays(on, 7), share(staff, 0.6));
    }
    // Opinions and heart-to-heart talks this year (Leiyang 5).
    if (habit !== 3) add(unit.id, 'opinion_survey', '征求教师对学校工作的意见和建议', `${y}-03-20`, []);
    add(unit.id, 'heart_to_heart_talk', '校级领导与教师谈心交心', `${y}-05-18`, share(staff, habit === 1 ? 0.7 : habit === 3 ? 0.9 : 1));
    // Festivals, with 慰问品 per head (Zhejiang 二（三）1, Leiyang 19).
    add(unit.id, 'festival_greeting', '中秋节慰问', `${y - 1}-09-16`, staff, 20_000);
    add(unit.id, 'festival_greeting', '春节慰问', `${y}-01-20`, habit === 3 ? share(staff, 0.8) : staff, 30_000);
    add(unit.id, 'festival_greeting', '中秋节慰问', `${y}-10-01`, habit === 3 ? share(staff, 0.85) : staff, 20_000);
    // Birthdays, month by month, to those born that month.
    for (let m = 1; m <= 12; m++) {
      const mm = String(m).padStart(2, '0');
      add(unit.id, 'birthday_greeting', `${m}月教师生日祝福`, `${y}-${mm}-01`, staff.filter((t) => t.birth_date.slice(5, 7) === mm), 10_000);
    }
    // A few illnesses, bereavements and hardship cases.
    for (const t of share(staff, 0.02)) add(unit.id, 'illness_care', '患病住院慰问', `${y}-0${1 + Math.floor(rand() * 9)}-15`, [t], 100_000);
    for (const t of share(staff, 0.01)) add(unit.id, 'hardship_assistance', '困难教师送温暖', `${y}-01-10`, [t], 300_000);
  }
  // The tenant's own work: a check-up for (nearly) everyone, convalescence, leadership meetings.
  add(tenant.id, 'health_checkup', '教职工年度集中体检', `${y}-04-22`, share(teachers, 0.96), 45_000);
  add(tenant.id, 'convalescence', '教师疗休养（第一批）', `${y}-07-15`, share(teachers, 0.08), 200_000);
  add(tenant.id, 'leadership_meeting', '专题研究教师队伍建设工作', `${y}-03-05`, []);
  // Rotation this school year (Leiyang 13): about one in eight of those who should rotate.
  const eligible = teachers.filter((t) =>
    rotationEligible(
      { sex: t.sex, birthDate: t.birth_date, status: 'active', employment: t.employment_type as never, stage: t.stage as never, position: t.position as never, positionSince: t.position_since, postings: t.postings },
      today,
    ).eligible,
  );
  add(tenant.id, 'rotation', '秋季学期教师交流轮岗', `${y}-09-01`, eligible.filter(() => rand() < 0.12));

  for (let i = 0; i < records.length; i += 500) await insertCareRecords(em, records.slice(i, i + 500));
  for (let i = 0; i < pairs.length; i += 20_000) await addCareParticipants(em, pairs.slice(i, i + 20_000));
}
