import { Card, Descriptions, Space, Tag, Typography } from 'antd';
import { LockOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import type { DisputeCase } from '@guanai/contracts';
import { useI18n } from '@/app/i18n/I18nProvider';
import { useCan } from '@/app/session';
import { categoryName, outcomeName, yuanText } from '../labels';

/** 当事人: the applicant teachers (linked to their record for those who may read it), respondent, handler, mediator. */
export function PartiesCard({ dispute: c }: { dispute: DisputeCase }) {
  const { t } = useI18n();
  const can = useCan();
  const none = t('case.none');
  return (
    <Card title={t('case.detail.parties')}>
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          {
            key: 'applicants',
            label: t('case.applicants'),
            span: 2,
            children: (
              <ul className="plain-list">
                {c.applicants.map((a) => (
                  <li key={a.teacherId}>
                    {can('teacher.read') ? <Link to={`/teachers/${a.teacherId}`}>{a.name}</Link> : a.name}
                    <Typography.Text type="secondary">（{a.orgName}）</Typography.Text>
                  </li>
                ))}
              </ul>
            ),
          },
          {
            key: 'respondent',
            label: t('case.respondent'),
            span: 2,
            children: (
              <Space size={6} wrap>
                {c.respondent.name}
                <Tag>{t(`case.respondentKind.${c.respondent.kind}`)}</Tag>
              </Space>
            ),
          },
          { key: 'handler', label: t('case.handler'), children: c.handlerName ?? none },
          { key: 'mediator', label: t('case.detail.mediator'), children: c.mediatorName ?? none },
        ]}
      />
    </Card>
  );
}

/**
 * 请求与事实, sealed at rest and shown in clear only here: the server audits each open of the case, and
 * the card says so, quietly.
 */
export function ClaimsCard({ dispute: c }: { dispute: DisputeCase }) {
  const { t } = useI18n();
  const none = t('case.none');
  return (
    <Card
      title={t('case.detail.claims')}
      extra={
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          <LockOutlined /> {t('case.detail.audited')}
        </Typography.Text>
      }
    >
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          { key: 'category', label: t('case.category'), children: categoryName(t, c.category) },
          {
            key: 'claimed',
            label: t('case.claimedShort'),
            children: c.claimedFen ? yuanText(t, c.claimedFen) : none,
          },
          {
            key: 'other',
            label: t('case.intake.otherClaims'),
            span: 2,
            children: c.otherClaims ? <span style={{ whiteSpace: 'pre-wrap' }}>{c.otherClaims}</span> : none,
          },
          {
            key: 'facts',
            label: t('case.intake.facts'),
            span: 2,
            children: <span style={{ whiteSpace: 'pre-wrap' }}>{c.facts}</span>,
          },
          { key: 'knewOn', label: t('case.intake.knewOn'), children: c.knewOn },
          {
            key: 'ongoing',
            label: t('case.detail.wageArrearsOngoing'),
            children: c.wageArrearsOngoing ? t('common.yes') : t('common.no'),
          },
        ]}
      />
    </Card>
  );
}

/** 办理进度: the days each step happened and how the case ended; only what has happened. */
export function ProgressCard({ dispute: c }: { dispute: DisputeCase }) {
  const { t } = useI18n();
  const rows = [
    { key: 'mediation', label: t('case.detail.mediationAppliedOn'), value: c.mediationAppliedOn },
    { key: 'mediationEnded', label: t('case.detail.mediationEndedOn'), value: c.mediationEndedOn },
    { key: 'arbitration', label: t('case.detail.arbitrationAppliedOn'), value: c.arbitrationAppliedOn },
    { key: 'litigation', label: t('case.detail.litigationFiledOn'), value: c.litigationFiledOn },
    { key: 'outcome', label: t('case.detail.outcome'), value: c.outcome && outcomeName(t, c.outcome) },
    {
      key: 'recovered',
      label: t('case.detail.recovered'),
      value: c.amountRecoveredFen === null ? null : yuanText(t, c.amountRecoveredFen),
    },
    { key: 'closedOn', label: t('case.detail.closedOn'), value: c.closedOn },
  ].filter((r) => r.value);
  if (rows.length === 0) return null;
  return (
    <Card title={t('case.detail.progress')}>
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        items={rows.map((r) => ({ key: r.key, label: r.label, children: r.value }))}
      />
    </Card>
  );
}
