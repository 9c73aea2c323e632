import { useMemo, useState } from 'react';
import { Button, Card, Space, Table, Typography, type TableProps } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router';
import type { CaseSummary } from '@guanai/contracts';
import { errorMessage } from '@/app/api/problem';
import { useI18n } from '@/app/i18n/I18nProvider';
import { serverPaging } from '@/app/paging';
import { useCan } from '@/app/session';
import { formatFen } from '@/features/care/money';
import { formatTime } from '@/features/users/format';
import { useCases } from './api';
import { CaseFilterForm } from './CaseFilterForm';
import { daysBetween, todayInShanghai } from './days';
import { CaseIntakeDrawer } from './intake/CaseIntakeDrawer';
import { categoryName, DaysLeft, StateTag } from './labels';
import { caseFiltersOf, useCasesQuery } from './query';

/**
 * 维权案件: the union's dispute cases for its handlers — who, against whom, what, where it stands and
 * the next deadline with the days left. Filters and page live in the URL; facts never show here.
 */
export function CasesPage() {
  const { t } = useI18n();
  const can = useCan();
  const navigate = useNavigate();
  const [query, setQuery] = useCasesQuery();
  const cases = useCases(query);
  const filters = useMemo(() => caseFiltersOf(query), [query]);
  const [creating, setCreating] = useState(false);
  const page = { page: query.page ?? 1, pageSize: query.pageSize ?? 20 };
  const today = todayInShanghai();
  const items = cases.data?.items ?? [];

  const columns: TableProps<CaseSummary>['columns'] = [
    {
      title: t('case.applicants'),
      key: 'applicants',
      render: (_, c) => (
        <Link to={`/cases/${c.id}`}>{c.applicants.map((a) => a.name).join('、') || t('case.none')}</Link>
      ),
    },
    { title: t('case.respondent'), key: 'respondent', render: (_, c) => c.respondent.name },
    { title: t('case.category'), key: 'category', width: 150, render: (_, c) => categoryName(t, c.category) },
    {
      title: t('case.state'),
      key: 'state',
      width: 130,
      render: (_, c) => <StateTag state={c.state} t={t} />,
    },
    {
      title: t('case.claimed'),
      key: 'claimed',
      width: 140,
      align: 'right',
      render: (_, c) => (c.claimedFen ? formatFen(c.claimedFen) : t('case.none')),
    },
    {
      title: t('case.nextDue'),
      key: 'nextDue',
      width: 200,
      render: (_, c) =>
        c.nextDueOn ? (
          <span style={{ whiteSpace: 'nowrap' }}>
            {c.nextDueOn} · <DaysLeft daysLeft={daysBetween(today, c.nextDueOn)} t={t} />
          </span>
        ) : (
          <Typography.Text type="secondary">{t('case.list.noDeadline')}</Typography.Text>
        ),
    },
    {
      title: t('case.handler'),
      key: 'handler',
      width: 120,
      render: (_, c) => c.handlerName ?? t('case.none'),
    },
    {
      title: t('case.updatedAt'),
      key: 'updatedAt',
      width: 150,
      render: (_, c) => formatTime(c.updatedAt),
    },
  ];

  return (
    <Card
      title={t('case.list.title')}
      extra={
        can('case.write') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('case.list.create')}
          </Button>
        )
      }
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Paragraph type="secondary">{t('case.list.hint')}</Typography.Paragraph>
        <CaseFilterForm
          value={filters}
          seen={items}
          onChange={(f) => setQuery({ ...f, pageSize: query.pageSize, page: 1 })}
        />
        <Table<CaseSummary>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={items}
          loading={cases.isFetching}
          locale={{ emptyText: cases.isError ? errorMessage(cases.error) : t('case.list.empty') }}
          {...serverPaging(t, page, cases.data?.total ?? 0, (next) => setQuery({ ...query, ...next }))}
          scroll={{ x: 'max-content' }}
        />
      </Space>
      {creating && (
        <CaseIntakeDrawer
          onClose={(saved) => {
            setCreating(false);
            if (saved) navigate(`/cases/${saved.id}`);
          }}
        />
      )}
    </Card>
  );
}
