import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { validateTemplate } from '../template-rules';
import type { Indicator, Measure, ProgrammeTemplate } from '../types';
import { BUILTIN_TEMPLATES } from './builtin-templates';
import { LEIYANG_TEMPLATE } from './leiyang';
import { ZHEJIANG_TEMPLATE } from './zhejiang';

// The seeds are copied beside the templates (CI's clean clone has no ../shared). The seed text breaks
// some paragraphs across pages (a blank line in mid-sentence): compare with the line breaks removed.
const SOURCES = join(__dirname, 'sources');
const LEIYANG_FILE = 'leiyang-teacher-care-plan.txt';
const ZHEJIANG_FILE = 'zhejiang-union-teacher-care-guidance.txt';
const seed = (file: string) => readFileSync(join(SOURCES, file), 'utf8');
const flat = (s: string) => s.replace(/[ \t]*\r?\n/g, '');

const careMeasures = (t: ProgrammeTemplate) =>
  t.areas.filter((a) => a.kind === 'care').flatMap((a) => a.measures);
const safeguards = (t: ProgrammeTemplate) =>
  t.areas.filter((a) => a.kind === 'safeguard').flatMap((a) => a.measures);
const allMeasures = (t: ProgrammeTemplate) => t.areas.flatMap((a) => a.measures);

/** Positions of `needles` in `text`, each found after the previous one. */
function expectInOrder(text: string, needles: readonly string[]): void {
  let from = 0;
  for (const needle of needles) {
    const at = text.indexOf(needle, from);
    expect({ needle, found: at >= 0 }).toEqual({ needle, found: true });
    from = at + needle.length;
  }
}

const ZH_NUMERALS: Record<number, string[]> = { 1: ['一'], 2: ['两', '二'] };

/** The number a target stands for, as the clause must state it. */
function statedForms(i: Indicator): string[] {
  switch (i.kind) {
    case 'activity_count':
      return [String(i.target), ...(ZH_NUMERALS[i.target] ?? [])].map((n) => `${n}次`);
    case 'coverage':
      // Every teacher (10000 bp) at least once: the clause states the once.
      expect(i.target).toBe(10000);
      return ['1次', '一次'];
    case 'eligible_ratio':
      return [`${i.target / 100}%`];
    case 'amount':
      return [`${i.target / 100}元`];
  }
}

/** Every "N次" / "N%" in a measure's text that no indicator quotes, as `clause: words`. */
function unquotedNumbers(t: ProgrammeTemplate): string[] {
  const left: string[] = [];
  for (const m of allMeasures(t)) {
    for (const hit of m.text.matchAll(/[一两二三\d]+次|\d+%/g)) {
      const at = hit.index;
      const quoted = m.indicators.some((i) => {
        const q = m.text.indexOf(i.clauseQuote);
        return q >= 0 && q <= at && at + hit[0].length <= q + i.clauseQuote.length;
      });
      if (!quoted) left.push(`${m.clause}: ${m.text.slice(Math.max(0, at - 12), at + hit[0].length)}`);
    }
  }
  return left;
}

describe('built-in templates', () => {
  it('are valid templates', () => {
    for (const t of BUILTIN_TEMPLATES) expect(validateTemplate(t)).toEqual([]);
    expect(BUILTIN_TEMPLATES.map((t) => t.key)).toEqual(['zhejiang_2020', 'leiyang']);
  });

  // The SHA-256 of the seed documents as handed to us (../shared/seeds beside the checkout, which a CI
  // clone may not have): the copies are checked against these always, and against the originals too
  // where they are present.
  const SEED_SHA256: Record<string, string> = {
    [LEIYANG_FILE]: 'd1f3818251e2e5e38d5665c61874424e01d7b6f999a67f33777d6432f0e59baa',
    [ZHEJIANG_FILE]: '44a4acb47f07b796f3156245dcfc7b67c920298e10947c71d0bb2b975c435719',
  };
  it('carry unchanged copies of the seed documents', () => {
    const sharedSeeds = resolve(__dirname, '../../../../../../shared/seeds');
    for (const file of [LEIYANG_FILE, ZHEJIANG_FILE]) {
      expect([file, createHash('sha256').update(seed(file), 'utf8').digest('hex')]).toEqual([
        file,
        SEED_SHA256[file],
      ]);
      if (existsSync(sharedSeeds)) expect(seed(file)).toBe(readFileSync(join(sharedSeeds, file), 'utf8'));
    }
  });

  describe.each([
    ['Leiyang', LEIYANG_TEMPLATE, LEIYANG_FILE],
    ['Zhejiang', ZHEJIANG_TEMPLATE, ZHEJIANG_FILE],
  ] as const)('%s: indicators', (_, template, file) => {
    const text = flat(seed(file));
    const measured = allMeasures(template).flatMap((m) =>
      m.indicators.map((i) => [m, i] as [Measure, Indicator]),
    );

    it('quote each target from the clause, which states the number', () => {
      for (const [m, i] of measured) {
        expect({
          key: i.key,
          inText: m.text.includes(i.clauseQuote) && text.includes(i.clauseQuote),
        }).toEqual({
          key: i.key,
          inText: true,
        });
        expect({ key: i.key, stated: statedForms(i).some((form) => i.clauseQuote.includes(form)) }).toEqual({
          key: i.key,
          stated: true,
        });
      }
    });

    it('quote every stated count or percentage except the ones the periods cannot express', () => {
      // Leiyang 17 "每两年…1次" would need a two-year period.
      expect(unquotedNumbers(template)).toEqual(
        template === LEIYANG_TEMPLATE ? ['17: 每两年举行全市性文体活动1次'] : [],
      );
    });
  });

  describe('Leiyang plan: 8 projects, measures 1–28, 实施要求 三（一）–（三）', () => {
    const text = flat(seed(LEIYANG_FILE));

    it('numbers its measures 1 to 28 straight through the eight projects', () => {
      expect(careMeasures(LEIYANG_TEMPLATE).map((m) => m.clause)).toEqual(
        Array.from({ length: 28 }, (_, i) => String(i + 1)),
      );
      expect(LEIYANG_TEMPLATE.areas.map((a) => [a.clause, a.kind, a.measures.length])).toEqual([
        ['二（一）', 'care', 4],
        ['二（二）', 'care', 3],
        ['二（三）', 'care', 3],
        ['二（四）', 'care', 4],
        ['二（五）', 'care', 2],
        ['二（六）', 'care', 2],
        ['二（七）', 'care', 3],
        ['二（八）', 'care', 7],
        ['三', 'safeguard', 3],
      ]);
      expect(safeguards(LEIYANG_TEMPLATE).map((m) => [m.clause, m.title])).toEqual([
        ['三（一）', '强化组织领导'],
        ['三（二）', '保障经费落实'],
        ['三（三）', '加强督查督导'],
      ]);
    });

    it('has every heading and text verbatim, in the document order', () => {
      const needles: string[] = [];
      for (const area of LEIYANG_TEMPLATE.areas) {
        needles.push(
          area.kind === 'care' ? `${area.clause.slice(1)}${area.title}` : `${area.clause}、${area.title}`,
        );
        for (const m of area.measures)
          needles.push(
            m.clause.startsWith('三')
              ? `${m.clause.slice(1)}${m.title}。${m.text}`
              : `${m.clause}．${m.title}。${m.text}`,
          );
      }
      expectInOrder(text, needles);
    });

    it('names the eight projects', () => {
      expect(LEIYANG_TEMPLATE.areas.slice(0, 8).map((a) => a.title)).toEqual([
        '实施教师社会地位提升工程',
        '实施教师合法权益维护工程',
        '实施教师职业道德巩固工程',
        '实施教师队伍结构优化工程',
        '实施教师职业成长关心工程',
        '实施教师身心健康促进工程',
        '实施教师幸福生活温暖工程',
        '实施乡村教师关爱工程',
      ]);
    });

    it('derives exactly these indicators (Leiyang 1, 5, 13, 17, 18)', () => {
      const rows = allMeasures(LEIYANG_TEMPLATE).flatMap((m) =>
        m.indicators.map((i) => [
          m.clause,
          i.key,
          i.kind,
          i.period,
          i.level,
          i.target,
          i.eligibleGroup ?? null,
        ]),
      );
      expect(rows).toEqual([
        ['1', 'leadership_meetings', 'activity_count', 'calendar_year', 'tenant', 2, null],
        ['5', 'opinion_survey', 'activity_count', 'calendar_year', 'school', 1, null],
        ['5', 'heart_to_heart_talks', 'coverage', 'calendar_year', 'school', 10000, null],
        ['13', 'rotation', 'eligible_ratio', 'school_year', 'tenant', 1000, 'rotation_eligible'],
        [
          '13',
          'rotation_backbone',
          'eligible_ratio',
          'school_year',
          'tenant',
          2000,
          'rotation_eligible_backbone',
        ],
        ['17', 'counselling', 'activity_count', 'semester', 'school', 1, null],
        ['17', 'culture_sports', 'activity_count', 'semester', 'school', 1, null],
        ['18', 'health_checkup', 'coverage', 'calendar_year', 'tenant', 10000, null],
      ]);
    });

    it('leaves every target fixed: the plan says nothing about tenants changing them', () => {
      for (const m of allMeasures(LEIYANG_TEMPLATE))
        for (const i of m.indicators) expect(i.adjustable).toBeUndefined();
    });
  });

  describe('Zhejiang guidance: 二（一）–（四） with items 1–3, 实施要求 三（一）–（三）', () => {
    const text = flat(seed(ZHEJIANG_FILE));

    it('has the 12 measures numbered as in the document', () => {
      expect(careMeasures(ZHEJIANG_TEMPLATE).map((m) => m.clause)).toEqual(
        ['一', '二', '三', '四'].flatMap((p) => [1, 2, 3].map((n) => `二（${p}）${n}`)),
      );
      expect(ZHEJIANG_TEMPLATE.areas.map((a) => [a.key, a.clause, a.kind])).toEqual([
        ['rights', '二（一）', 'care'],
        ['health', '二（二）', 'care'],
        ['warmth', '二（三）', 'care'],
        ['career', '二（四）', 'care'],
        ['implementation', '三', 'safeguard'],
      ]);
      expect(safeguards(ZHEJIANG_TEMPLATE).map((m) => [m.clause, m.title])).toEqual([
        ['三（一）', '统一思想认识，加强组织领导'],
        ['三（二）', '健全工作机制，强化协同推进'],
        ['三（三）', '加强交流宣传，形成工作氛围'],
      ]);
    });

    it('has every heading and text verbatim, in the document order', () => {
      const needles: string[] = [];
      for (const area of ZHEJIANG_TEMPLATE.areas) {
        needles.push(
          area.kind === 'care' ? `${area.clause.slice(1)}${area.title}` : `${area.clause}、${area.title}`,
        );
        for (const m of area.measures)
          needles.push(
            m.clause.startsWith('三')
              ? `${m.clause.slice(1)}${m.title}${m.text}` // heading line, then the paragraph
              : `${m.clause.slice(-1)}. ${m.title}。${m.text}`,
          );
      }
      expectInOrder(text, needles);
    });

    it('has no indicators: the guidance states no number (“定期”, “提升覆盖率”, “应帮尽帮”)', () => {
      expect(allMeasures(ZHEJIANG_TEMPLATE).flatMap((m) => m.indicators)).toEqual([]);
    });

    it('keeps the document reference', () => {
      expect(ZHEJIANG_TEMPLATE.source).toMatchObject({
        documentNo: '浙教工〔2020〕8号',
        issuedOn: '2020-05-11',
      });
      expect(text).toContain(ZHEJIANG_TEMPLATE.source.documentNo);
      expect(text).toContain(ZHEJIANG_TEMPLATE.source.title);
    });
  });

  it('remind of the care moments the clauses name (Zhejiang 二（三）1, Leiyang 3, 4, 10, 19, 21)', () => {
    const triggers = (t: ProgrammeTemplate) =>
      allMeasures(t).flatMap((m) => m.reminderRules.map((r) => `${m.clause} ${r.key}`));
    expect(triggers(ZHEJIANG_TEMPLATE)).toEqual([
      '二（三）1 birthday_greeting',
      '二（三）1 spring_festival_greeting',
      '二（三）1 mid_autumn_greeting',
      '二（三）1 teachers_day_greeting',
      '二（三）1 retirement_care',
      '二（四）1 retirement_ceremony',
    ]);
    expect(triggers(LEIYANG_TEMPLATE)).toEqual([
      '1 teachers_day_celebration',
      '3 award_selection',
      '4 honour_certificates',
      '5 opinion_survey_quota',
      '5 heart_to_heart_talks_quota',
      '10 teaching_30_years_ceremony',
      '10 retirement_farewell',
      '13 rotation_quota',
      '13 rotation_backbone_quota',
      '17 counselling_quota',
      '17 culture_sports_quota',
      '18 health_checkup_due',
      '18 health_checkup_quota',
      '19 birthday_greeting',
      '19 spring_festival_greeting',
      '19 mid_autumn_greeting',
      '19 teachers_day_greeting',
      '21 womens_day_activity',
    ]);
  });

  it('measure texts are JSON-serialisable data', () => {
    for (const t of BUILTIN_TEMPLATES) expect(JSON.parse(JSON.stringify(t))).toEqual(t);
  });
});
