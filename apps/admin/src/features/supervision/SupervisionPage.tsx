import { useMemo, useState } from 'react';
import { Button, Card, Flex, Select, Space, Table, Typography, type TableProps } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { SUPERVISION_SORTS, type SupervisionVisit } from '@guanai/contracts';
import { errorMessage } from '@/app/api/problem';
import { useI18n } from '@/app/i18n/I18nProvider';
import { serverPaging } from '@/app/paging';
import { useCan, useCurrentUser } from '@/app/session';
import { useSupervisionVisits } from './api';
import { FollowUpModal } from './FollowUpModal';
import { CheckTags, Deadline, OwnershipTag, StatusTags } from './labels';
import { supervisionFiltersOf, useSupervisionQuery } from './query';
import { SupervisionFilterForm } from './SupervisionFilterForm';
import { VisitDetails } from './VisitDetails';
import { VisitDrawer } from './VisitDrawer';

/**
 * 劳动法律监督: the union's supervision visits to schools — the four checks, findings, the deadline to
 * rectify by (逾期 in red) and the follow-up. Filters, sort and page live in the URL; a row opens to
 * show the findings. The province reads its unions' visits; only the union records and follows up.
 */
export function SupervisionPage() {
  const { t } = useI18n();
  const can = useCan();
  const me = useCurrentUser();
  const writer = can('supervision.write');
  const [query, setQuery] = useSupervisionQuery();
  const visits = useSupervisionVisits(query);
  const filters = useMemo(() => supervisionFiltersOf(query), [query]);
  const [editing, setEditing] = useState<SupervisionVisit | 'new' | null>(null);
  const [following, setFollowing] = useState<SupervisionVisit | null>(null);
  const page = { page: query.page, pageSize: query.pageSize };

  // Above the unions (the province) a school's name alone is ambiguous: say whose it is.
  const manyUnions = me.org.kind === 'province' || me.org.kind === 'platform';

  const columns: TableProps<SupervisionVisit>['columns'] = [
    ...(manyUnions ? [{ title: t('supervision.union'), dataIndex: 'unionName', key: 'union' }] : []),
    {
      title: t('supervision.school'),
      key: 'school',
      render: (_, v) => (
        <Space size={4} wrap>
          {v.schoolName}
          <OwnershipTag t={t} ownership={v.schoolOwnership} />
        </Space>
      ),
    },
    { title: t('supervision.visitedOn'), dataIndex: 'visitedOn', key: 'visitedOn', width: 110 },
    {
      title: t('supervision.checks'),
      key: 'checks',
      render: (_, v) => <CheckTags t={t} visit={v} />,
    },
    {
      title: t('supervision.findings'),
      key: 'findings',
      width: 100,
      render: (_, v) =>
        v.findings.length
          ? t('supervision.findingsCount', { n: v.findings.length })
          : t('supervision.noFindings'),
    },
    {
      title: t('supervision.rectifyBy'),
      key: 'rectifyBy',
      width: 200,
      render: (_, v) => <Deadline t={t} visit={v} />,
    },
    {
      title: t('supervision.status'),
      key: 'status',
      width: 150,
      render: (_, v) => <StatusTags t={t} visit={v} />,
    },
    ...(writer
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            fixed: 'right' as const,
            width: 150,
            render: (_: unknown, v: SupervisionVisit) => (
              <Space size={0}>
                <Button type="link" size="small" onClick={() => setEditing(v)}>
                  {t('supervision.edit')}
                </Button>
                {v.status !== 'no_findings' && (
                  <Button type="link" size="small" onClick={() => setFollowing(v)}>
                    {t('supervision.followUp')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]
      : []),
  ];

  return (
    <Card
      title={t('supervision.list.title')}
      extra={
        writer && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            {t('supervision.new')}
          </Button>
        )
      }
    >
      <Typography.Paragraph type="secondary">{t('supervision.list.hint')}</Typography.Paragraph>
      <SupervisionFilterForm
        value={filters}
        onChange={(f) => setQuery({ ...f, sort: query.sort, pageSize: query.pageSize, page: 1 })}
      />
      <Flex justify="flex-end" style={{ marginBottom: 8 }}>
        <Space>
          <Typography.Text>{t('supervision.list.sort')}</Typography.Text>
          <Select
            aria-label={t('supervision.list.sort')}
            value={query.sort}
            style={{ width: 180 }}
            options={SUPERVISION_SORTS.map((s) => ({ value: s, label: t(`supervision.sort.${s}`) }))}
            onChange={(sort) => setQuery({ ...query, sort, page: 1 })}
          />
        </Space>
      </Flex>
      <Table<SupervisionVisit>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={visits.data?.items}
        loading={visits.isFetching}
        expandable={{ expandedRowRender: (v) => <VisitDetails visit={v} /> }}
        locale={{ emptyText: visits.isError ? errorMessage(visits.error) : t('supervision.list.empty') }}
        {...serverPaging(t, page, visits.data?.total ?? 0, (next) => setQuery({ ...query, ...next }))}
        scroll={{ x: 'max-content' }}
      />
      {editing && (
        <VisitDrawer visit={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} />
      )}
      {following && <FollowUpModal visit={following} onClose={() => setFollowing(null)} />}
    </Card>
  );
}
