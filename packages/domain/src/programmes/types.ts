// A programme template (关爱工程方案模板): areas → measures → indicators, activity types and reminder
// rules. Plain JSON-serialisable data (no Date, no Map, no functions): packages/contracts wraps these
// in zod and the database stores a published template as a JSON document. The value lists (kinds,
// periods, levels, groups…) live in packages/contracts (care-catalogue), so the zod enums and these
// types cannot drift apart; they are re-exported here for the rules.
import {
  ANNIVERSARIES,
  AREA_KINDS,
  ELIGIBLE_GROUPS,
  FESTIVALS,
  INDICATOR_KINDS,
  INDICATOR_LEVELS,
  PERIOD_KINDS,
  REMINDER_AUDIENCES,
} from '@guanai/contracts';
import type { ActivityTypeCode } from './activity-types';

export {
  ANNIVERSARIES,
  AREA_KINDS,
  ELIGIBLE_GROUPS,
  FESTIVALS,
  INDICATOR_KINDS,
  INDICATOR_LEVELS,
  PERIOD_KINDS,
  REMINDER_AUDIENCES,
};

export type AreaKind = (typeof AREA_KINDS)[number];

export type IndicatorKind = (typeof INDICATOR_KINDS)[number];

export type PeriodKind = (typeof PERIOD_KINDS)[number];

export type IndicatorLevel = (typeof INDICATOR_LEVELS)[number];

export type EligibleGroupCode = (typeof ELIGIBLE_GROUPS)[number];

/** Basis points: 10000 = 100 %. Ratios are integers so the SQL and these functions agree exactly. */
export const FULL_RATIO_BP = 10000;

/** A tenant may set the target of an indicator within [min, max] (inclusive, in the target's unit). */
export interface TargetRange {
  readonly min: number;
  readonly max: number;
}

export interface Indicator {
  /** Unique within the template; compliance results are stored under it. */
  readonly key: string;
  /** Short zh-CN name shown on dashboards. */
  readonly name: string;
  readonly kind: IndicatorKind;
  readonly period: PeriodKind;
  readonly level: IndicatorLevel;
  /** Activities of any of these types count. A subset of the measure's activityTypes. */
  readonly activityTypes: readonly ActivityTypeCode[];
  /** Count (activity_count), basis points (coverage, eligible_ratio) or fen (amount). */
  readonly target: number;
  /**
   * Set by the province: a tenant adopting the programme may change the target within this range.
   * Absent: the target is fixed. The built-in templates leave it absent — the documents say nothing
   * about it; it is the province's call on its own copy.
   */
  readonly adjustable?: TargetRange;
  /** Required for eligible_ratio, absent otherwise. */
  readonly eligibleGroup?: EligibleGroupCode;
  /** The words of the measure's text the target comes from, verbatim, so a reviewer can check it. */
  readonly clauseQuote: string;
}

export type Festival = (typeof FESTIVALS)[number];

export type Anniversary = (typeof ANNIVERSARIES)[number];

/** 'MM-DD', a day of every year (never 02-29). */
export type MonthDay = string;

/**
 * What a reminder is counted from (its occurrence). Per teacher: birthday (solar or lunar, as the record
 * says), anniversary, checkup_due (no check-up this year by a date), hardship_followup. Per unit:
 * festival. Per tenant: deadline. Per school or tenant: quota — the end of the indicator's period while
 * its target is not yet met. Per care record: care_followup (its follow-up date).
 */
export type ReminderTrigger =
  | { readonly kind: 'birthday' }
  | { readonly kind: 'festival'; readonly festival: Festival }
  | { readonly kind: 'anniversary'; readonly anniversary: Anniversary; readonly years?: readonly number[] }
  | { readonly kind: 'checkup_due'; readonly byMonthDay?: MonthDay }
  | { readonly kind: 'quota'; readonly indicatorKey: string }
  | { readonly kind: 'deadline'; readonly monthDay: MonthDay }
  | { readonly kind: 'hardship_followup'; readonly tag: string; readonly afterDays: number }
  | { readonly kind: 'care_followup' };

export type ReminderAudience = (typeof REMINDER_AUDIENCES)[number];

export interface ReminderRule {
  /** Unique within the template; reminders are keyed by it. */
  readonly key: string;
  /** Shown on the reminder; absent, one is made from the trigger. */
  readonly name?: string;
  readonly trigger: ReminderTrigger;
  /**
   * Days before the occurrence that the reminder comes due (3 = three days before a birthday); never
   * negative. The documents name the moments but never the lead time: the built-in values are defaults.
   */
  readonly leadDays: number;
  readonly audience: ReminderAudience;
  /** The role reminded when audience is 'role' (e.g. case_handler). */
  readonly role?: string;
  /** The activity that answers the reminder; marking it done records one for the teacher or unit. */
  readonly activityType?: ActivityTypeCode;
}

export interface Measure {
  /** Unique within the template. */
  readonly key: string;
  /** As numbered in the document: '1'…'28' (Leiyang), '二（三）1' (Zhejiang), '三（二）' (实施要求). */
  readonly clause: string;
  /** The clause's heading, verbatim, without the closing 。 */
  readonly title: string;
  /** The clause's text after its heading, verbatim (page breaks of the seed joined). */
  readonly text: string;
  /** The activities an officer records under this measure. */
  readonly activityTypes: readonly ActivityTypeCode[];
  /** Only where the clause states a number; most measures have none. */
  readonly indicators: readonly Indicator[];
  readonly reminderRules: readonly ReminderRule[];
}

export interface Area {
  readonly key: string;
  /** As numbered in the document: '二（一）' for a care project, '三' for 实施要求. */
  readonly clause: string;
  /** The heading, verbatim. */
  readonly title: string;
  readonly kind: AreaKind;
  readonly measures: readonly Measure[];
}

/** The document a template transcribes. */
export interface TemplateSource {
  readonly title: string;
  readonly issuer: string;
  /** 文号, e.g. 浙教工〔2020〕8号. */
  readonly documentNo?: string;
  /** Date of issue, YYYY-MM-DD. */
  readonly issuedOn?: string;
}

export interface ProgrammeTemplate {
  readonly key: string;
  /** zh-CN */
  readonly name: string;
  readonly nameEn: string;
  readonly source: TemplateSource;
  readonly areas: readonly Area[];
}
