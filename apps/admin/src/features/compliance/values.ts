import type { IndicatorResult } from '@guanai/contracts';
import type { Translate } from '@/app/i18n/lang';
import { formatFen } from '@/features/care/money';

type Kind = IndicatorResult['kind'];

/** Basis points as a percentage: 6667 → "66.67%", 10000 → "100%". Integer arithmetic, no float. */
export function percent(bp: number): string {
  const whole = Math.trunc(bp / 100);
  const frac = String(Math.abs(bp % 100))
    .padStart(2, '0')
    .replace(/0+$/, '');
  return `${whole}${frac ? `.${frac}` : ''}%`;
}

/** A value in the indicator's unit: activities, a share of teachers, or money. */
export function formatValue(t: Translate, kind: Kind, value: number): string {
  switch (kind) {
    case 'activity_count':
      return t('compliance.unit.times', { n: value });
    case 'amount':
      return t('compliance.unit.yuan', { n: formatFen(value) });
    default:
      return percent(value);
  }
}

/** What is still owed, in the indicator's unit: activities, teachers (for shares) or money. */
export function formatShortfall(t: Translate, kind: Kind, shortfall: number): string {
  const n =
    kind === 'activity_count'
      ? t('compliance.unit.times', { n: shortfall })
      : kind === 'amount'
        ? t('compliance.unit.yuan', { n: formatFen(shortfall) })
        : t('compliance.unit.people', { n: shortfall });
  return t('compliance.shortfall', { n });
}

/** '2026' → 2026 年; '2026-2027' → 学年; '2026-2027-1' / '-2' → 第一 / 第二学期. */
export function periodName(t: Translate, key: string): string {
  const [from, to, half] = key.split('-');
  if (!to) return t('compliance.periodKey.year', { year: from! });
  if (!half) return t('compliance.periodKey.schoolYear', { from: from!, to });
  return t(half === '1' ? 'compliance.periodKey.autumn' : 'compliance.periodKey.spring', { from: from!, to });
}
