// A reminder's title, in Chinese as officers read it in the inbox, an email or a group robot's message.
// Titles carry names and dates only: never an ID number, a phone or a health note.
import type { Anniversary, Festival, ReminderRule } from '../programmes/types';

export const FESTIVAL_NAMES: Record<Festival, string> = {
  spring_festival: '春节',
  mid_autumn: '中秋节',
  teachers_day: '教师节',
  womens_day: '三八妇女节',
  dragon_boat: '端午节',
  double_ninth: '重阳节',
};

const ANNIVERSARY_NAMES: Record<Anniversary, (years?: number | string) => string> = {
  teaching_30_years: () => '从教满30年',
  teaching_years: (n) => `从教满${n}年`,
  union_years: (n) => `入会满${n}年`,
  retirement: () => '即将退休',
};

export interface TitleSubject {
  /** A teacher's name, a unit's name, or a care record's title. */
  readonly name: string;
  readonly years?: number;
  /** For lunar birthdays: '八月十五'. */
  readonly lunarLabel?: string;
  /** For hardship follow-ups: days since the last visit. */
  readonly days?: number;
  /** For quota: the indicator's name. */
  readonly indicatorName?: string;
  /** For festivals: how many teachers the unit has (women only on Women's Day). */
  readonly teachers?: number;
}

/** What happened, without the subject: '生日（农历八月十五）', '春节慰问'. */
export function momentOf(rule: ReminderRule, s: TitleSubject): string {
  const t = rule.trigger;
  switch (t.kind) {
    case 'birthday':
      return s.lunarLabel ? `生日（农历${s.lunarLabel}）` : '生日';
    case 'festival':
      return `${FESTIVAL_NAMES[t.festival]}慰问${s.teachers !== undefined ? `（教师 ${s.teachers} 名）` : ''}`;
    case 'anniversary':
      return ANNIVERSARY_NAMES[t.anniversary](s.years);
    case 'checkup_due':
      return '今年尚未体检';
    case 'quota':
      return `${s.indicatorName ?? t.indicatorKey}尚未达标`;
    case 'deadline':
      return rule.name ?? '工作节点';
    case 'hardship_followup':
      return `困难教师已 ${s.days ?? t.afterDays} 天未走访`;
    case 'care_followup':
      return '回访';
  }
}

/** '张三 · 生日（农历八月十五）'; a rule's own name goes first when it has one: '生日祝福：张三 · 生日'. */
export function reminderTitle(rule: ReminderRule, s: TitleSubject): string {
  const base = `${s.name} · ${momentOf(rule, s)}`;
  const title = rule.name && rule.trigger.kind !== 'deadline' ? `${rule.name}：${base}` : base;
  return title.length > 200 ? `${title.slice(0, 199)}…` : title;
}

/** A rule's name for lists and settings: its own, else one made from the trigger ('入会满10、20、30年'). */
export function ruleName(rule: ReminderRule): string {
  if (rule.name) return rule.name;
  const t = rule.trigger;
  if (t.kind === 'anniversary') return ANNIVERSARY_NAMES[t.anniversary](t.years?.join('、'));
  return momentOf(rule, { name: '' });
}
