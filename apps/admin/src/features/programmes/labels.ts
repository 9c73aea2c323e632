import {
  ACTIVITY_TYPES,
  ANNIVERSARIES,
  AREA_KINDS,
  ELIGIBLE_GROUPS,
  FESTIVALS,
  INDICATOR_KINDS,
  INDICATOR_LEVELS,
  PERIOD_KINDS,
  REMINDER_AUDIENCES,
  type ProgrammeDocument,
} from '@guanai/contracts';
import type { Lang, Translate } from '@/app/i18n/lang';
import type { MessageKey } from '@/app/i18n/zh';
import { editUnit, formatHundredths, type Unit } from './units';

export type Doc = ProgrammeDocument;
export type AreaDoc = Doc['areas'][number];
export type MeasureDoc = AreaDoc['measures'][number];
export type IndicatorDoc = MeasureDoc['indicators'][number];
export type ReminderDoc = MeasureDoc['reminderRules'][number];
export type IndicatorKind = IndicatorDoc['kind'];
export type TriggerKind = ReminderDoc['trigger']['kind'];

/** The value lists of a template and the dictionary prefix of their labels (`programme.kind.coverage`). */
export const ENUMS = {
  kind: INDICATOR_KINDS,
  period: PERIOD_KINDS,
  level: INDICATOR_LEVELS,
  areaKind: AREA_KINDS,
  group: ELIGIBLE_GROUPS,
  festival: FESTIVALS,
  anniversary: ANNIVERSARIES,
  audience: REMINDER_AUDIENCES,
  trigger: [
    'birthday',
    'festival',
    'anniversary',
    'checkup_due',
    'quota',
    'deadline',
    'hardship_followup',
    'care_followup',
  ],
} as const satisfies Record<string, readonly string[]>;

// Every trigger kind of the contract has a label (a new kind there fails the build here).
const _allTriggers: readonly (typeof ENUMS)['trigger'][number][] = [] as TriggerKind[];

type EnumName = keyof typeof ENUMS;

export function label<E extends EnumName>(t: Translate, e: E, value: (typeof ENUMS)[E][number]): string {
  return t(`programme.${e}.${value}` as MessageKey);
}

export function options<E extends EnumName>(t: Translate, e: E) {
  return ENUMS[e].map((value) => ({ value: value as (typeof ENUMS)[E][number], label: label(t, e, value) }));
}

const ACTIVITY = new Map<string, (typeof ACTIVITY_TYPES)[number]>(ACTIVITY_TYPES.map((a) => [a.code, a]));

/** The catalogue's own Chinese (or English) name of an activity type; an unknown code shows as is. */
export function activityLabel(lang: Lang, code: string): string {
  const a = ACTIVITY.get(code);
  return a ? (lang === 'en' ? a.en : a.zh) : code;
}

export const carriesAmount = (code: string) => ACTIVITY.get(code)?.carriesAmount ?? false;

export function activityOptions(lang: Lang, codes: readonly string[] = ACTIVITY_TYPES.map((a) => a.code)) {
  return codes.map((code) => ({ value: code, label: activityLabel(lang, code) }));
}

/** How a target of this kind is read and typed: a count, a percentage (basis points) or yuan (fen). */
export function unitOf(kind: IndicatorKind): Unit {
  if (kind === 'coverage' || kind === 'eligible_ratio') return 'percent';
  if (kind === 'amount') return 'yuan';
  return 'count';
}

/** A stored target for reading: "2 次", "100%", "1,500 元". */
export function formatTarget(t: Translate, kind: IndicatorKind, value: number): string {
  const unit = unitOf(kind);
  if (unit === 'percent') return `${formatHundredths(value)}%`;
  if (unit === 'yuan') return `${formatHundredths(value, true)} ${t('programme.unit.yuan')}`;
  return `${editUnit('count', value)} ${t('programme.unit.count')}`;
}

export function formatRange(t: Translate, kind: IndicatorKind, range: { min: number; max: number }): string {
  return `${formatTarget(t, kind, range.min)} – ${formatTarget(t, kind, range.max)}`;
}

/** The suffix shown in a target input. */
export function unitSuffix(t: Translate, kind: IndicatorKind): string {
  const unit = unitOf(kind);
  return unit === 'percent' ? '%' : t(unit === 'yuan' ? 'programme.unit.yuan' : 'programme.unit.count');
}

/** "二（一） 实施教师社会地位提升工程": clause number and heading, as the document cites them. */
export const cited = (node: { clause: string; title: string }) =>
  node.clause ? `${node.clause} ${node.title}` : node.title;
