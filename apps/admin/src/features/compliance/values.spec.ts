/// <reference types="jest" />
import type { Translate } from '@/app/i18n/lang';
import { complianceZh } from './messages';
import { formatShortfall, formatValue, percent, periodName } from './values';

// The feature's own Chinese texts, filled in as the app's translator does (lang.ts reads localStorage).
const t = ((key: string, vars?: Record<string, string | number>) =>
  (complianceZh[key as keyof typeof complianceZh] ?? key).replace(/\{(\w+)\}/g, (m, n: string) =>
    String(vars?.[n] ?? m),
  )) as Translate;

describe('compliance values as people read them', () => {
  it('shows basis points as a percentage without float noise', () => {
    expect(percent(10000)).toBe('100%');
    expect(percent(6667)).toBe('66.67%');
    expect(percent(1050)).toBe('10.5%');
    expect(percent(0)).toBe('0%');
  });

  it('speaks each kind in its unit', () => {
    expect(formatValue(t, 'activity_count', 2)).toBe('2 次');
    expect(formatValue(t, 'coverage', 5000)).toBe('50%');
    expect(formatValue(t, 'amount', 123456)).toBe('1,234.56 元');
    expect(formatShortfall(t, 'coverage', 3)).toBe('还差 3 人');
  });

  it('names periods', () => {
    expect(periodName(t, '2026')).toBe('2026 年');
    expect(periodName(t, '2026-2027')).toBe('2026–2027 学年');
    expect(periodName(t, '2026-2027-1')).toBe('2026–2027 学年第一学期');
    expect(periodName(t, '2025-2026-2')).toBe('2025–2026 学年第二学期');
  });
});
