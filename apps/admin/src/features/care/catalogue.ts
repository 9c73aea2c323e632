import { ACTIVITY_TYPES, type ActivityTypeCode } from '@guanai/contracts';
import type { Lang } from '@/app/i18n/lang';

// The activity types are named by the catalogue in contracts (care-catalogue.ts), in both languages:
// the SPA keeps no copy of its labels.

const BY_CODE = new Map<string, (typeof ACTIVITY_TYPES)[number]>(ACTIVITY_TYPES.map((t) => [t.code, t]));

/** 心理辅导 / Psychological counselling; an unknown code (a newer API) shows as itself. */
export function activityTypeName(lang: Lang, code: string): string {
  const type = BY_CODE.get(code);
  if (!type) return code;
  return lang === 'en' ? type.en : type.zh;
}

/** The type asks for an amount: money or goods went to (or were paid per head for) the teachers. */
export function carriesAmount(code: string | undefined | null): boolean {
  return code ? (BY_CODE.get(code)?.carriesAmount ?? false) : false;
}

/** Options for a Select, in the catalogue's order; `only` narrows them (a measure's types). */
export function activityTypeOptions(
  lang: Lang,
  only?: readonly string[],
): { value: ActivityTypeCode; label: string }[] {
  return ACTIVITY_TYPES.filter((t) => !only || only.includes(t.code)).map((t) => ({
    value: t.code,
    label: activityTypeName(lang, t.code),
  }));
}
