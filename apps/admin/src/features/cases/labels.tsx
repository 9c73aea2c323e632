import { Tag, Typography } from 'antd';
import {
  DISPUTE_CASE_OUTCOMES,
  DISPUTE_CASE_STATES,
  DISPUTE_CATEGORIES,
  type CaseDeadlineView,
  type DisputeCase,
} from '@guanai/contracts';
import type { Translate } from '@/app/i18n/lang';
import type { MessageKey } from '@/app/i18n/zh';
import { formatFen } from '@/features/care/money';
import { urgencyOf } from './days';

export type CaseState = DisputeCase['state'];
export type CaseAction = DisputeCase['allowedActions'][number];
export type CaseOutcome = (typeof DISPUTE_CASE_OUTCOMES)[number];
export type CaseCategory = DisputeCase['category'];

/** A code the contract knows is named by its key; one from a newer API shows as itself. */
function named(t: Translate, prefix: string, code: string, known: readonly string[]): string {
  return known.includes(code) ? t(`${prefix}.${code}` as MessageKey) : code;
}

export const stateName = (t: Translate, s: string) => named(t, 'case.state', s, DISPUTE_CASE_STATES);
export const categoryName = (t: Translate, c: string) => named(t, 'case.category', c, DISPUTE_CATEGORIES);
export const outcomeName = (t: Translate, o: string) => named(t, 'case.outcome', o, DISPUTE_CASE_OUTCOMES);

const TIMELINE_ACTIONS = [
  'submit',
  'accept',
  'decline',
  'start_mediation',
  'settle',
  'fail_mediation',
  'start_arbitration',
  'start_litigation',
  'close',
  'withdraw',
  'update_facts',
  'assign_handler',
  'legal_aid_assigned',
  'legal_aid_updated',
  'session_recorded',
  'session_updated',
];
export const actionName = (t: Translate, a: string) => named(t, 'case.action', a, TIMELINE_ACTIONS);

export const stateOptions = (t: Translate) =>
  DISPUTE_CASE_STATES.map((s) => ({ value: s, label: stateName(t, s) }));
export const categoryOptions = (t: Translate) =>
  DISPUTE_CATEGORIES.map((c) => ({ value: c, label: categoryName(t, c) }));
export const outcomeOptions = (t: Translate) =>
  DISPUTE_CASE_OUTCOMES.map((o) => ({ value: o, label: outcomeName(t, o) }));

// Open states in blue–purple as the case moves on; how it ended in green (closed), grey otherwise.
const STATE_COLOR: Record<CaseState, string> = {
  submitted: 'gold',
  accepted: 'blue',
  declined: 'default',
  mediation: 'cyan',
  settled: 'geekblue',
  mediation_failed: 'orange',
  arbitration: 'purple',
  litigation: 'magenta',
  closed: 'green',
  withdrawn: 'default',
};

/** States a case ends in (the workflow's terminal states): nothing runs for the union any more. */
const ENDED: readonly CaseState[] = ['declined', 'closed', 'withdrawn'];
export const isEnded = (state: CaseState) => ENDED.includes(state);

export function StateTag({ state, t }: { state: CaseState; t: Translate }) {
  return <Tag color={STATE_COLOR[state]}>{stateName(t, state)}</Tag>;
}

/** 今天到期 / 还有 3 天 / 已过 2 天. */
export function daysLeftText(t: Translate, daysLeft: number): string {
  if (daysLeft === 0) return t('case.days.today');
  return daysLeft > 0 ? t('case.days.left', { n: daysLeft }) : t('case.days.past', { n: -daysLeft });
}

/** Days left of a running deadline: red once passed, orange within a week. */
export function DaysLeft({ daysLeft, t }: { daysLeft: number; t: Translate }) {
  const urgency = urgencyOf(daysLeft);
  return (
    <Typography.Text
      type={urgency === 'passed' ? 'danger' : urgency === 'soon' ? 'warning' : undefined}
      strong={urgency !== 'later'}
    >
      {daysLeftText(t, daysLeft)}
    </Typography.Text>
  );
}

/** A deadline's name: the statutory kind, or the label a handler gave their own. */
export function deadlineName(t: Translate, d: Pick<CaseDeadlineView, 'kind' | 'label'>): string {
  if (d.kind === 'custom') return d.label ?? t('case.deadlines.kind.custom');
  return t(`case.deadlines.kind.${d.kind}`);
}

/** Fen as yuan with its unit: "18,500.00 元". */
export const yuanText = (t: Translate, fen: number) => `${formatFen(fen)} ${t('case.yuan')}`;
