import { Tag, Typography } from 'antd';
import { REMINDER_STATUSES, type Reminder } from '@guanai/contracts';
import type { Translate } from '@/app/i18n/lang';
import type { MessageKey } from '@/app/i18n/zh';
import { ENUMS } from '@/features/programmes/labels';

/** The kinds a reminder comes from: its rule's trigger, as the template editor lists them. */
export const REMINDER_KINDS = ENUMS.trigger;

/** 生日, 节日 …; a kind this SPA does not know yet (a newer API) shows as itself. */
export function reminderKindName(t: Translate, kind: string): string {
  return (REMINDER_KINDS as readonly string[]).includes(kind)
    ? t(`reminder.kind.${kind}` as MessageKey)
    : kind;
}

export const kindOptions = (t: Translate) =>
  REMINDER_KINDS.map((k) => ({ value: k, label: reminderKindName(t, k) }));

const KIND_COLOR: Record<string, string> = {
  birthday: 'magenta',
  festival: 'red',
  anniversary: 'gold',
  checkup_due: 'cyan',
  quota: 'orange',
  deadline: 'blue',
  hardship_followup: 'purple',
  care_followup: 'green',
};

export function KindTag({ kind, t }: { kind: string; t: Translate }) {
  return <Tag color={KIND_COLOR[kind]}>{reminderKindName(t, kind)}</Tag>;
}

const STATUS_COLOR: Record<Reminder['status'], string> = {
  open: 'blue',
  snoozed: 'gold',
  done: 'green',
  dismissed: 'default',
};

export const statusOptions = (t: Translate) =>
  REMINDER_STATUSES.map((s) => ({ value: s, label: t(`reminder.status.${s}`) }));

export function StatusTag({ reminder: r, t }: { reminder: Reminder; t: Translate }) {
  return (
    <Tag color={STATUS_COLOR[r.status]}>
      {r.status === 'snoozed' && r.snoozedUntil
        ? t('reminder.snoozedUntil', { date: r.snoozedUntil })
        : t(`reminder.status.${r.status}`)}
    </Tag>
  );
}

/** 今天 / 还有 3 天 / 已过 2 天. */
export function daysLeftText(t: Translate, daysLeft: number): string {
  if (daysLeft === 0) return t('reminder.today');
  return daysLeft > 0 ? t('reminder.daysLeft', { n: daysLeft }) : t('reminder.daysPast', { n: -daysLeft });
}

/** The occurrence with how far it is: "2025-09-10 · 还有 3 天" (red when past, while still open). */
export function OccursOn({ reminder: r, t }: { reminder: Reminder; t: Translate }) {
  const open = r.status === 'open' || r.status === 'snoozed';
  return (
    <span style={{ whiteSpace: 'nowrap' }}>
      {r.occursOn}{' '}
      <Typography.Text
        type={open && r.daysLeft < 0 ? 'danger' : open && r.daysLeft === 0 ? 'warning' : 'secondary'}
      >
        · {daysLeftText(t, r.daysLeft)}
      </Typography.Text>
    </span>
  );
}

/** Whether the reminder can still be acted on. */
export const isOpen = (r: Reminder) => r.status === 'open' || r.status === 'snoozed';
