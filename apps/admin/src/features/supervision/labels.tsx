import { Space, Tag, Tooltip, Typography } from 'antd';
import {
  SUPERVISION_CHECK_RESULTS,
  SUPERVISION_CHECKS,
  SUPERVISION_FINDING_SUBJECTS,
  type SupervisionVisit,
} from '@guanai/contracts';
import type { Translate } from '@/app/i18n/lang';

export type CheckKey = (typeof SUPERVISION_CHECKS)[number];
export type CheckResultValue = (typeof SUPERVISION_CHECK_RESULTS)[number];
export type FindingSubjectValue = (typeof SUPERVISION_FINDING_SUBJECTS)[number];

/** 工资按时足额发放 … 其他. */
export const checkName = (t: Translate, c: FindingSubjectValue) => t(`supervision.check.${c}`);

export const resultOptions = (t: Translate) =>
  SUPERVISION_CHECK_RESULTS.map((r) => ({ value: r, label: t(`supervision.result.${r}`) }));

export const findingSubjectOptions = (t: Translate) =>
  SUPERVISION_FINDING_SUBJECTS.map((c) => ({ value: c, label: checkName(t, c) }));

export const ownershipOptions = (t: Translate) =>
  (['private', 'public'] as const).map((o) => ({ value: o, label: t(`supervision.ownership.${o}`) }));

const RESULT_COLOR: Record<CheckResultValue, string> = {
  compliant: 'green',
  finding: 'red',
  not_checked: 'default',
};

/** One check's result as a tag (short: 工资 ✓, the full name and note on hover, for a table). */
export function CheckTag({
  t,
  check,
  result,
  note,
  short,
}: {
  t: Translate;
  check: CheckKey;
  result: CheckResultValue;
  note?: string | null;
  short?: boolean;
}) {
  const tag = (
    <Tag color={RESULT_COLOR[result]}>
      {short ? t(`supervision.checkShort.${check}`) : checkName(t, check)}：
      {t(`supervision.result.${result}`)}
    </Tag>
  );
  const hint = short ? [checkName(t, check), note].filter(Boolean).join('：') : note;
  return hint ? <Tooltip title={hint}>{tag}</Tooltip> : tag;
}

/** The four checks of a visit side by side, short. */
export function CheckTags({ t, visit }: { t: Translate; visit: SupervisionVisit }) {
  return (
    <Space size={[0, 4]} wrap>
      {SUPERVISION_CHECKS.map((c) => (
        <CheckTag key={c} t={t} check={c} {...visit.checks[c]} short />
      ))}
    </Space>
  );
}

const STATUS_COLOR: Record<SupervisionVisit['status'], string> = {
  open: 'orange',
  rectified: 'green',
  no_findings: 'default',
};

/** 待整改 / 已整改 / 未发现问题, and 逾期 in red while open past the deadline. */
export function StatusTags({ t, visit: v }: { t: Translate; visit: SupervisionVisit }) {
  return (
    <Space size={0}>
      <Tag color={STATUS_COLOR[v.status]}>{t(`supervision.status.${v.status}`)}</Tag>
      {v.overdue && <Tag color="red">{t('supervision.overdue')}</Tag>}
    </Space>
  );
}

export function OwnershipTag({ t, ownership }: { t: Translate; ownership: 'public' | 'private' }) {
  return (
    <Tag color={ownership === 'private' ? 'purple' : undefined}>
      {t(`supervision.ownership.${ownership}`)}
    </Tag>
  );
}

/** The deadline with how far it is while open: "2025-07-01 · 还有 3 天" (red when passed). */
export function Deadline({ t, visit: v }: { t: Translate; visit: SupervisionVisit }) {
  if (!v.rectifyBy) return <Typography.Text type="secondary">—</Typography.Text>;
  const d = v.daysLeft;
  const text =
    d === null
      ? null
      : d === 0
        ? t('supervision.dueToday')
        : d > 0
          ? t('supervision.daysLeft', { n: d })
          : t('supervision.daysPast', { n: -d });
  return (
    <span style={{ whiteSpace: 'nowrap' }}>
      {v.rectifyBy}
      {text && (
        <Typography.Text type={d! < 0 ? 'danger' : d! <= 7 ? 'warning' : 'secondary'}>
          {' '}
          · {text}
        </Typography.Text>
      )}
    </span>
  );
}
