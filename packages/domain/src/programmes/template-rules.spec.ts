import { LEIYANG_TEMPLATE } from './builtin/leiyang';
import { ZHEJIANG_TEMPLATE } from './builtin/zhejiang';
import { checkTenantTarget, diffTemplates, isMonthDay, validateTemplate } from './template-rules';
import type { Indicator, ProgrammeTemplate } from './types';

type Mutable<T> = {
  -readonly [K in keyof T]: T[K] extends readonly (infer U)[]
    ? Mutable<U>[]
    : T[K] extends object
      ? Mutable<T[K]>
      : T[K];
};
type Draft = Mutable<ProgrammeTemplate>;

/** A deep, editable copy of a template, as a province's editor would hold it. */
const copy = (t: ProgrammeTemplate): Draft => structuredClone(t) as Draft;

function measure(t: Draft, key: string) {
  const m = t.areas.flatMap((a) => a.measures).find((x) => x.key === key);
  if (!m) throw new Error(`no measure ${key}`);
  return m;
}
function indicator(t: Draft, key: string) {
  const i = t.areas.flatMap((a) => a.measures.flatMap((m) => m.indicators)).find((x) => x.key === key);
  if (!i) throw new Error(`no indicator ${key}`);
  return i;
}
const codes = (t: Draft) => validateTemplate(t).map((p) => [p.code, p.path.join('.')]);

// Paths in Leiyang: area 5 (二（六）) measure 0 is Leiyang 17; area 3 (二（四）) measure 2 is Leiyang 13.
const L17 = 'areas.5.measures.0';
const L13 = 'areas.3.measures.2';

describe('validateTemplate: what a province may save', () => {
  it('accepts both built-ins', () => {
    expect(validateTemplate(LEIYANG_TEMPLATE)).toEqual([]);
    expect(validateTemplate(ZHEJIANG_TEMPLATE)).toEqual([]);
  });

  it('wants keys non-empty and unique per kind across the whole template', () => {
    const t = copy(LEIYANG_TEMPLATE);
    measure(t, 'rotation').key = 'mental_health'; // Leiyang 13 takes Leiyang 17's key
    indicator(t, 'leadership_meetings').key = 'counselling'; // Leiyang 1 takes Leiyang 17's
    t.areas[0].key = ' ';
    measure(t, 'rural_housing').reminderRules.push({
      key: 'birthday_greeting',
      trigger: { kind: 'birthday' },
      leadDays: 0,
      audience: 'teacher',
    });
    expect(codes(t)).toEqual([
      ['empty_key', 'areas.0.key'],
      ['duplicate_key', `${L17}.key`],
      ['duplicate_key', `${L17}.indicators.0.key`],
      ['duplicate_key', 'areas.7.measures.6.reminderRules.0.key'],
    ]);
  });

  it('allows the same key for an area, a measure and an indicator (different kinds)', () => {
    const t = copy(LEIYANG_TEMPLATE);
    expect(measure(t, 'rotation').indicators[0].key).toBe('rotation');
    expect(validateTemplate(t)).toEqual([]);
  });

  it.each([
    [1.5, 'target_not_integer'],
    [-1, 'target_negative'],
    [Number.NaN, 'target_not_integer'],
  ])('refuses a count target of %p (Leiyang 17 "不少于1次")', (target, code) => {
    const t = copy(LEIYANG_TEMPLATE);
    indicator(t, 'counselling').target = target;
    expect(codes(t)).toEqual([[code, `${L17}.indicators.0.target`]]);
  });

  it('keeps ratios within 0–10000 basis points (Leiyang 13 "10%")', () => {
    const t = copy(LEIYANG_TEMPLATE);
    indicator(t, 'rotation').target = 10001;
    expect(codes(t)).toEqual([['ratio_out_of_range', `${L13}.indicators.0.target`]]);
    indicator(t, 'rotation').target = 10000;
    expect(codes(t)).toEqual([]);
  });

  it('checks the adjustable range and the target against it', () => {
    const t = copy(LEIYANG_TEMPLATE);
    const rotation = indicator(t, 'rotation');
    rotation.adjustable = { min: 1000, max: 3000 };
    expect(codes(t)).toEqual([]);
    rotation.adjustable = { min: 1500, max: 3000 };
    expect(codes(t)).toEqual([['target_outside_adjustable', `${L13}.indicators.0.target`]]);
    rotation.adjustable = { min: 3000, max: 1000 };
    expect(codes(t)).toEqual([['adjustable_invalid', `${L13}.indicators.0.adjustable`]]);
    rotation.adjustable = { min: 0, max: 12000 };
    expect(codes(t)).toEqual([['adjustable_invalid', `${L13}.indicators.0.adjustable`]]);
    rotation.adjustable = { min: 0.5, max: 2000 };
    expect(codes(t)).toEqual([['adjustable_invalid', `${L13}.indicators.0.adjustable`]]);
  });

  it('wants an eligible group on eligible_ratio only, at tenant level only', () => {
    const t = copy(LEIYANG_TEMPLATE);
    delete indicator(t, 'rotation').eligibleGroup;
    indicator(t, 'rotation_backbone').level = 'school';
    indicator(t, 'counselling').eligibleGroup = 'rotation_eligible';
    expect(codes(t)).toEqual([
      ['eligible_group_missing', `${L13}.indicators.0.eligibleGroup`],
      ['level_not_supported', `${L13}.indicators.1.level`],
      ['eligible_group_unexpected', `${L17}.indicators.0.eligibleGroup`],
    ]);
  });

  it('checks activity types: known, listed by the measure, carrying an amount for amount indicators', () => {
    const t = copy(LEIYANG_TEMPLATE);
    const m17 = measure(t, 'mental_health');
    m17.activityTypes.push('no_such_type' as never);
    indicator(t, 'counselling').activityTypes = ['counselling', 'health_checkup'];
    indicator(t, 'culture_sports').activityTypes = [];
    expect(codes(t)).toEqual([
      ['unknown_activity_type', `${L17}.activityTypes.2`],
      ['activity_type_not_in_measure', `${L17}.indicators.0.activityTypes.1`],
      ['no_activity_types', `${L17}.indicators.1.activityTypes`],
    ]);
  });

  it('accepts an amount indicator over types that carry amounts, in fen', () => {
    const t = copy(LEIYANG_TEMPLATE);
    const m19 = measure(t, 'visits_and_assistance');
    const spend: Mutable<Indicator> = {
      key: 'hardship_spend',
      name: '困难帮扶支出',
      kind: 'amount',
      period: 'calendar_year',
      level: 'tenant',
      activityTypes: ['hardship_assistance'],
      target: 5_000_000,
      clauseQuote: '争取相关资金的支持',
    };
    m19.indicators.push(spend);
    expect(codes(t)).toEqual([]);
    spend.activityTypes = ['hardship_survey']; // 入户调查 hands over nothing
    expect(codes(t)).toEqual([
      ['activity_type_without_amount', 'areas.6.measures.0.indicators.0.activityTypes.0'],
    ]);
  });

  it('wants the clause quote to be words of the measure text', () => {
    const t = copy(LEIYANG_TEMPLATE);
    indicator(t, 'counselling').clauseQuote = '每学期每校开展心理辅导不少于2次';
    indicator(t, 'culture_sports').clauseQuote = '';
    expect(codes(t)).toEqual([
      ['clause_quote_not_in_text', `${L17}.indicators.0.clauseQuote`],
      ['clause_quote_not_in_text', `${L17}.indicators.1.clauseQuote`],
    ]);
  });

  it('checks reminder rules: integer offsets, quota of a known indicator, a real day, a type of the measure', () => {
    const t = copy(LEIYANG_TEMPLATE);
    const rules = measure(t, 'mental_health').reminderRules;
    rules[0].leadDays = 1.5;
    rules[1].trigger = { kind: 'quota', indicatorKey: 'no_such_indicator' };
    rules.push({
      key: 'deadline',
      trigger: { kind: 'deadline', monthDay: '02-29' },
      leadDays: 0,
      audience: 'tenant_officer',
      activityType: 'health_checkup', // Leiyang 18's, not 17's
    });
    expect(codes(t)).toEqual([
      ['lead_days_not_integer', `${L17}.reminderRules.0.leadDays`],
      ['unknown_indicator', `${L17}.reminderRules.1.trigger.indicatorKey`],
      ['activity_type_not_in_measure', `${L17}.reminderRules.2.activityType`],
      ['invalid_month_day', `${L17}.reminderRules.2.trigger.monthDay`],
    ]);
  });

  it.each([
    ['09-10', true],
    ['03-08', true],
    ['02-28', true],
    ['12-31', true],
    ['02-29', false], // not a day of every year
    ['04-31', false],
    ['13-01', false],
    ['9-10', false],
    ['00-10', false],
  ])('isMonthDay(%s) = %s', (s, ok) => {
    expect(isMonthDay(s)).toBe(ok);
  });
});

describe('checkTenantTarget: the province decides which targets a tenant may change', () => {
  const counselling = LEIYANG_TEMPLATE.areas[5].measures[0].indicators[0];
  const rotation: Indicator = {
    ...LEIYANG_TEMPLATE.areas[3].measures[2].indicators[0],
    adjustable: { min: 1000, max: 3000 },
  };

  it('lets a tenant keep the province target even when it is fixed', () => {
    expect(counselling.adjustable).toBeUndefined();
    expect(checkTenantTarget(counselling, 1)).toBeNull();
  });

  it('refuses any other target when the indicator is not adjustable', () => {
    expect(checkTenantTarget(counselling, 2)).toBe('not_adjustable');
  });

  it.each([
    [1000, null],
    [2000, null],
    [3000, null],
    [999, 'below_min'],
    [3001, 'above_max'],
    [10001, 'ratio_out_of_range'],
    [-1, 'target_negative'],
    [1500.5, 'target_not_integer'],
  ])('rotation (Leiyang 13, range 10 %%–30 %%): %p → %p', (target, problem) => {
    expect(checkTenantTarget(rotation, target)).toBe(problem);
  });
});

describe('diffTemplates: the version diff shown on publish', () => {
  it('is empty for identical templates, whatever the key order of objects', () => {
    const reverseKeys = (v: unknown): unknown =>
      Array.isArray(v)
        ? v.map(reverseKeys)
        : v !== null && typeof v === 'object'
          ? Object.fromEntries(
              Object.entries(v)
                .reverse()
                .map(([k, x]) => [k, reverseKeys(x)]),
            )
          : v;
    expect(diffTemplates(LEIYANG_TEMPLATE, structuredClone(LEIYANG_TEMPLATE))).toEqual([]);
    expect(diffTemplates(LEIYANG_TEMPLATE, reverseKeys(LEIYANG_TEMPLATE) as ProgrammeTemplate)).toEqual([]);
  });

  it('lists changed fields, additions and removals by key', () => {
    const b = copy(LEIYANG_TEMPLATE);
    b.name = '耒阳市教师关爱工程实施方案（2026）';
    indicator(b, 'counselling').target = 2;
    indicator(b, 'rotation').adjustable = { min: 1000, max: 3000 };
    measure(b, 'mental_health').reminderRules[0].leadDays = 14;
    const m28 = measure(b, 'rural_housing');
    m28.activityTypes.push('visit');
    m28.indicators.push({
      key: 'rural_visits',
      name: '乡村教师走访',
      kind: 'activity_count',
      period: 'calendar_year',
      level: 'school',
      activityTypes: ['visit'],
      target: 1,
      clauseQuote: '优先保障',
    });
    b.areas[2].measures = b.areas[2].measures.filter((m) => m.key !== 'model_teachers'); // drop Leiyang 9
    expect(diffTemplates(LEIYANG_TEMPLATE, b)).toEqual([
      { change: 'changed', entity: 'template', key: '', fields: ['name'] },
      { change: 'changed', entity: 'measure', key: 'rural_housing', fields: ['activityTypes'] },
      { change: 'removed', entity: 'measure', key: 'model_teachers' },
      { change: 'changed', entity: 'indicator', key: 'rotation', fields: ['adjustable'] },
      { change: 'changed', entity: 'indicator', key: 'counselling', fields: ['target'] },
      { change: 'added', entity: 'indicator', key: 'rural_visits' },
      { change: 'changed', entity: 'reminder_rule', key: 'counselling_quota', fields: ['leadDays'] },
    ]);
  });

  it('reports a measure that moved to another area as a changed area field', () => {
    const b = copy(LEIYANG_TEMPLATE);
    const [m17] = b.areas[5].measures.splice(0, 1);
    b.areas[1].measures.push(m17);
    expect(diffTemplates(LEIYANG_TEMPLATE, b)).toEqual([
      { change: 'changed', entity: 'measure', key: 'mental_health', fields: ['area'] },
    ]);
  });

  it('lists a removed area with everything under it', () => {
    const b = copy(ZHEJIANG_TEMPLATE);
    b.areas.pop(); // 三、实施要求
    expect(diffTemplates(ZHEJIANG_TEMPLATE, b)).toEqual([
      { change: 'removed', entity: 'area', key: 'implementation' },
      { change: 'removed', entity: 'measure', key: 'leadership' },
      { change: 'removed', entity: 'measure', key: 'working_mechanism' },
      { change: 'removed', entity: 'measure', key: 'publicity_exchange' },
    ]);
  });

  it('compares two different templates node by node', () => {
    const changes = diffTemplates(ZHEJIANG_TEMPLATE, LEIYANG_TEMPLATE);
    expect(changes[0]).toEqual({
      change: 'changed',
      entity: 'template',
      key: '',
      fields: ['key', 'name', 'nameEn', 'source'],
    });
    expect(changes.filter((c) => c.entity === 'indicator' && c.change === 'added')).toHaveLength(8);
  });
});
