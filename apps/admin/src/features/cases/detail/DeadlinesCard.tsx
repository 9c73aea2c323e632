import { Alert, Card, Space, Table, Tag, Tooltip, Typography, type TableProps } from 'antd';
import type { CaseDeadlineView } from '@guanai/contracts';
import { errorMessage } from '@/app/api/problem';
import { useI18n } from '@/app/i18n/I18nProvider';
import { useCaseDeadlines } from '../api';
import { DaysLeft, deadlineName } from '../labels';

/**
 * 期限: the statutory periods (mediation 第十四条, limitation 第二十七条, award 第四十三条) and the handler's
 * own, as the server computes them under the holiday calendar: when each runs from and falls due (moved
 * past rest days), the days left — red once passed, orange within a week — and when it warns.
 */
export function DeadlinesCard({
  caseId,
  version,
  ended,
}: {
  caseId: string;
  version: number;
  /** The case has ended: the periods still run in law, but not for the union's work. */
  ended: boolean;
}) {
  const { t } = useI18n();
  const deadlines = useCaseDeadlines(caseId, version);

  const columns: TableProps<CaseDeadlineView>['columns'] = [
    {
      title: t('case.deadlines.name'),
      key: 'name',
      render: (_, d) => (
        <Space size={4} wrap>
          <Typography.Text strong>{deadlineName(t, d)}</Typography.Text>
          {d.provisional && (
            <Tooltip title={t('case.deadlines.provisionalHint')}>
              <Tag color="warning">{t('case.deadlines.provisional')}</Tag>
            </Tooltip>
          )}
        </Space>
      ),
    },
    {
      title: t('case.deadlines.clause'),
      key: 'clause',
      render: (_, d) => d.clause ?? t('case.none'),
    },
    { title: t('case.deadlines.start'), key: 'start', render: (_, d) => d.start ?? t('case.none') },
    {
      title: t('case.deadlines.due'),
      key: 'due',
      render: (_, d) => (
        <Space orientation="vertical" size={0}>
          <Typography.Text type={d.passed && !d.closedOn ? 'danger' : undefined}>{d.due}</Typography.Text>
          {d.nominalDue !== d.due && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('case.deadlines.movedFrom', { date: d.nominalDue })}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    {
      title: t('case.deadlines.left'),
      key: 'left',
      render: (_, d) =>
        d.closedOn ? (
          <Typography.Text type="secondary">
            {t('case.deadlines.stopped', { date: d.closedOn })}
          </Typography.Text>
        ) : (
          <Space size={4} wrap>
            {d.passed && <Tag color="error">{t('case.deadlines.passed')}</Tag>}
            <DaysLeft daysLeft={d.daysLeft} t={t} />
          </Space>
        ),
    },
    {
      title: t('case.deadlines.warnings'),
      key: 'warnings',
      render: (_, d) =>
        d.warnings.length && !d.closedOn ? (
          <ul className="plain-list">
            {d.warnings.map((w) => (
              <li key={w.daysBefore}>{t('case.deadlines.warning', { n: w.daysBefore, date: w.on })}</li>
            ))}
          </ul>
        ) : (
          t('case.none')
        ),
    },
  ];

  return (
    <Card
      title={t('case.deadlines.title')}
      extra={
        deadlines.data && (
          <Typography.Text type="secondary">
            {t('case.deadlines.today', { date: deadlines.data.today })}
          </Typography.Text>
        )
      }
    >
      {ended && <Alert type="info" showIcon title={t('case.deadlines.ended')} style={{ marginBottom: 12 }} />}
      <Table<CaseDeadlineView>
        rowKey="key"
        size="small"
        columns={columns}
        dataSource={deadlines.data?.deadlines}
        loading={deadlines.isFetching}
        pagination={false}
        locale={{ emptyText: deadlines.isError ? errorMessage(deadlines.error) : t('case.deadlines.empty') }}
        scroll={{ x: 'max-content' }}
      />
    </Card>
  );
}
