import { useMemo, useState } from 'react';
import { Button, Card, Table, Tag, type TableProps } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router';
import type { CareRecordSummary, ListCareRecordsQuery } from '@guanai/contracts';
import { errorMessage } from '@/app/api/problem';
import { useI18n } from '@/app/i18n/I18nProvider';
import { useCan } from '@/app/session';
import { useCareRecords, useMeasureLabels } from './api';
import { CareEntryDrawer } from './CareEntryDrawer';
import { CareFilterForm } from './CareFilterForm';
import { activityTypeName } from './catalogue';
import { formatFen } from './money';
import { careFiltersOf, useCareQuery } from './query';

type Sort = ListCareRecordsQuery['sort'];

/** Columns the server sorts by: [ascending, descending] (only dates go both ways). */
const SORTS: Record<string, [Sort | null, Sort]> = {
  occurredOn: ['occurredOn', '-occurredOn'],
  amountFen: [null, '-amountFen'],
  participantCount: [null, '-participantCount'],
};

function sortFor(key: unknown, order: 'ascend' | 'descend' | null | undefined): Sort {
  const s = SORTS[String(key)];
  if (!s || !order) return '-occurredOn';
  return order === 'ascend' ? (s[0] ?? s[1]) : s[1];
}

function orderOf(key: string, sort: Sort | undefined): 'ascend' | 'descend' | null {
  const s = SORTS[key]!;
  const current = sort ?? '-occurredOn';
  if (current === s[1]) return 'descend';
  if (s[0] && current === s[0]) return 'ascend';
  return null;
}

/** 关爱记录: what was done, for whom, by which unit; filters and page in the URL. */
export function CareRecordsPage() {
  const { t, lang } = useI18n();
  const can = useCan();
  const navigate = useNavigate();
  const [query, setQuery] = useCareQuery();
  const [creating, setCreating] = useState(false);
  const records = useCareRecords(query);
  const filters = useMemo(() => careFiltersOf(query), [query]);
  const measures = useMeasureLabels(
    (records.data?.items ?? []).flatMap((r) => (r.programmeId ? [r.programmeId] : [])),
  );

  const columns: TableProps<CareRecordSummary>['columns'] = [
    {
      title: t('care.occurredOn'),
      key: 'occurredOn',
      dataIndex: 'occurredOn',
      width: 120,
      sorter: true,
      sortOrder: orderOf('occurredOn', query.sort),
    },
    {
      title: t('care.activityType'),
      key: 'activityType',
      width: 140,
      render: (_, r) => <Tag color="blue">{activityTypeName(lang, r.activityType)}</Tag>,
    },
    {
      title: t('care.title'),
      key: 'title',
      render: (_, r) => <Link to={`/care/${r.id}`}>{r.title}</Link>,
    },
    { title: t('care.org'), dataIndex: 'orgName', key: 'org', width: 200 },
    {
      title: t('care.measure'),
      key: 'measure',
      width: 240,
      render: (_, r) =>
        r.programmeId && r.measureKey
          ? (measures.get(`${r.programmeId}:${r.measureKey}`) ?? r.measureKey)
          : '—',
    },
    {
      title: t('care.amountYuan'),
      key: 'amountFen',
      width: 140,
      align: 'right',
      sorter: true,
      sortOrder: orderOf('amountFen', query.sort),
      sortDirections: ['descend'],
      render: (_, r) => (r.amountFen ? formatFen(r.amountFen) : '—'),
    },
    {
      title: t('care.participantCount'),
      key: 'participantCount',
      dataIndex: 'participantCount',
      width: 110,
      align: 'right',
      sorter: true,
      sortOrder: orderOf('participantCount', query.sort),
      sortDirections: ['descend'],
    },
  ];

  const onChange: TableProps<CareRecordSummary>['onChange'] = (pagination, _f, sorter) => {
    const s = Array.isArray(sorter) ? sorter[0] : sorter;
    const sort = sortFor(s?.columnKey, s?.order);
    const pageSize = pagination.pageSize ?? 20;
    const resetPage = sort !== (query.sort ?? '-occurredOn') || pageSize !== (query.pageSize ?? 20);
    setQuery({ ...query, sort, pageSize, page: resetPage ? 1 : (pagination.current ?? 1) });
  };

  return (
    <Card
      title={t('care.list.title')}
      extra={
        can('care.write') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('care.create')}
          </Button>
        )
      }
    >
      <CareFilterForm
        value={filters}
        onChange={(f) => setQuery({ ...f, sort: query.sort, pageSize: query.pageSize, page: 1 })}
      />
      <Table<CareRecordSummary>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={records.data?.items}
        loading={records.isFetching}
        onChange={onChange}
        locale={{ emptyText: records.isError ? errorMessage(records.error) : t('care.list.empty') }}
        pagination={{
          current: query.page ?? 1,
          pageSize: query.pageSize ?? 20,
          total: records.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100, 200],
          showTotal: (total) => t('common.total', { total }),
        }}
        scroll={{ x: 'max-content' }}
      />
      {creating && (
        <CareEntryDrawer
          onClose={(saved) => {
            setCreating(false);
            if (saved) navigate(`/care/${saved.id}`);
          }}
        />
      )}
    </Card>
  );
}
