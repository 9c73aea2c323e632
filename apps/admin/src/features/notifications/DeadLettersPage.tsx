import { useState } from 'react';
import { App, Button, Card, Select, Space, Table, Tag, Typography, type TableProps } from 'antd';
import { RedoOutlined } from '@ant-design/icons';
import { DELIVERY_STATUSES, EXTERNAL_CHANNELS, type Delivery } from '@guanai/contracts';
import { errorMessage } from '@/app/api/problem';
import { useI18n } from '@/app/i18n/I18nProvider';
import { serverPaging } from '@/app/paging';
import { formatTime } from '@/features/users/format';
import { retryDeliveries, useDeliveries } from './api';
import { useDeliveriesQuery } from './query';

const STATUS_COLOR = { dead: 'red', pending: 'gold', sending: 'blue', sent: 'green' } as const;

/**
 * 通知死信: external messages (email, WeCom, DingTalk) that failed every attempt, with the last reason;
 * an admin fixes the cause (a user's robot address) and sends the chosen ones again.
 */
export function DeadLettersPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [query, setQuery] = useDeliveriesQuery();
  const list = useDeliveries(query);
  const [selected, setSelected] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const status = query.status ?? 'dead';
  const page = { page: query.page ?? 1, pageSize: query.pageSize ?? 20 };

  const retry = async () => {
    setBusy(true);
    try {
      const { retried } = await retryDeliveries(selected);
      message.success(t('deliveries.retried', { n: retried }));
      setSelected([]);
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  const columns: TableProps<Delivery>['columns'] = [
    { title: t('deliveries.user'), dataIndex: 'userName', key: 'user', width: 120 },
    { title: t('deliveries.org'), dataIndex: 'orgName', key: 'org', width: 180 },
    {
      title: t('deliveries.channel'),
      key: 'channel',
      width: 100,
      render: (_, d) => t(`notify.channel.${d.channel}`),
    },
    { title: t('deliveries.notification'), dataIndex: 'title', key: 'title' },
    { title: t('deliveries.attempts'), dataIndex: 'attempts', key: 'attempts', width: 90, align: 'right' },
    {
      title: t('deliveries.lastError'),
      key: 'lastError',
      width: 280,
      render: (_, d) =>
        d.lastError ? (
          <Typography.Text type="danger" ellipsis={{ tooltip: d.lastError }} style={{ maxWidth: 260 }}>
            {d.lastError}
          </Typography.Text>
        ) : (
          '—'
        ),
    },
    {
      title: t('deliveries.status'),
      key: 'status',
      width: 90,
      render: (_, d) => <Tag color={STATUS_COLOR[d.status]}>{t(`deliveries.status.${d.status}`)}</Tag>,
    },
    {
      title: t('deliveries.time'),
      key: 'time',
      width: 160,
      render: (_, d) => formatTime(d.deadAt ?? d.sentAt ?? d.createdAt),
    },
  ];

  return (
    <Card title={t('deliveries.pageTitle')}>
      <Typography.Paragraph type="secondary">{t('deliveries.hint')}</Typography.Paragraph>
      <div className="page-toolbar">
        <Space wrap>
          <Select
            aria-label={t('deliveries.status')}
            style={{ width: 140 }}
            value={status}
            onChange={(s) => {
              setSelected([]);
              setQuery({ ...query, status: s, page: 1 });
            }}
            options={DELIVERY_STATUSES.map((s) => ({ value: s, label: t(`deliveries.status.${s}`) }))}
          />
          <Select
            aria-label={t('deliveries.channel')}
            allowClear
            placeholder={t('deliveries.allChannels')}
            style={{ width: 140 }}
            value={query.channel}
            onChange={(channel) => setQuery({ ...query, channel, page: 1 })}
            options={EXTERNAL_CHANNELS.map((c) => ({ value: c, label: t(`notify.channel.${c}`) }))}
          />
        </Space>
        {status === 'dead' && (
          <Button
            type="primary"
            icon={<RedoOutlined />}
            disabled={selected.length === 0}
            loading={busy}
            onClick={retry}
          >
            {selected.length ? t('deliveries.retryN', { n: selected.length }) : t('deliveries.retry')}
          </Button>
        )}
      </div>
      <Table<Delivery>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={list.data?.items}
        loading={list.isFetching}
        rowSelection={
          status === 'dead'
            ? {
                selectedRowKeys: selected,
                onChange: (keys) => setSelected(keys.map(String)),
                preserveSelectedRowKeys: true,
              }
            : undefined
        }
        locale={{ emptyText: list.isError ? errorMessage(list.error) : t(`deliveries.empty.${status}`) }}
        {...serverPaging(t, page, list.data?.total ?? 0, (next) => setQuery({ ...query, ...next }))}
        scroll={{ x: 'max-content' }}
      />
    </Card>
  );
}
