import { LEIYANG_TEMPLATE } from '../programmes/builtin/leiyang';
import { effectiveRules } from './rules';
import { reminderTitle } from './titles';

describe('a tenant runs its programme reminder rules (issue 5: on/off per tenant, lead and audience overrides)', () => {
  it('runs every rule of the version by default', () => {
    const rules = effectiveRules(LEIYANG_TEMPLATE, {});
    expect(rules.length).toBeGreaterThan(5);
    expect(rules.every((r) => r.enabled && !r.custom)).toBe(true);
    expect(rules.find((r) => r.rule.key === 'birthday_greeting')?.measureKey).not.toBeNull();
  });

  it('switches a rule off, changes its lead time and audience, and adds the tenant’s own rules', () => {
    const rules = effectiveRules(LEIYANG_TEMPLATE, {
      rules: {
        birthday_greeting: { enabled: false },
        retirement_farewell: { enabled: true, leadDays: 60, audience: 'role', role: 'case_handler' },
      },
      custom: [
        {
          key: 'county_day',
          name: '县工会成立纪念日',
          trigger: { kind: 'deadline', monthDay: '05-20' },
          leadDays: 7,
          audience: 'tenant_officer',
        },
      ],
    });
    expect(rules.find((r) => r.rule.key === 'birthday_greeting')?.enabled).toBe(false);
    const farewell = rules.find((r) => r.rule.key === 'retirement_farewell')!.rule;
    expect([farewell.leadDays, farewell.audience, farewell.role]).toEqual([60, 'role', 'case_handler']);
    expect(rules.find((r) => r.rule.key === 'county_day')).toMatchObject({
      custom: true,
      enabled: true,
      measureKey: null,
    });
  });

  it('titles carry names and dates only', () => {
    const r = {
      key: 'b',
      trigger: { kind: 'birthday' as const },
      leadDays: 3,
      audience: 'school_officer' as const,
    };
    expect(reminderTitle(r, { name: '张三', lunarLabel: '八月十五' })).toBe('张三 · 生日（农历八月十五）');
    expect(reminderTitle({ ...r, name: '生日祝福' }, { name: '张三' })).toBe('生日祝福：张三 · 生日');
    const women = { ...r, trigger: { kind: 'festival' as const, festival: 'womens_day' as const } };
    expect(reminderTitle(women, { name: '一中', teachers: 42 })).toBe('一中 · 三八妇女节慰问（教师 42 名）');
  });
});
