import { useState } from 'react';
import { App, Button, Card, Segmented, Space, Table, Tag, Typography, type TableProps } from 'antd';
import { CheckOutlined } from '@ant-design/icons';
import type { Notification } from '@guanai/contracts';
import { errorMessage } from '@/app/api/problem';
import { useI18n } from '@/app/i18n/I18nProvider';
import { serverPaging } from '@/app/paging';
import { formatTime } from '@/features/users/format';
import { readAllNotifications, readNotification, useNotifications, useUnreadCount } from './api';
import { useOpenNotification } from './NotificationBell';
import { useInboxQuery } from './query';

type Show = 'all' | 'unread';

/** 通知: one's inbox, newest first; unread only on request. Opening one marks it read. */
export function NotificationsPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [query, setQuery] = useInboxQuery();
  const list = useNotifications(query);
  const unread = useUnreadCount();
  const openOne = useOpenNotification();
  const [busy, setBusy] = useState(false);
  const page = { page: query.page ?? 1, pageSize: query.pageSize ?? 20 };

  const act = async (action: () => Promise<unknown>) => {
    setBusy(true);
    try {
      await action();
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  const columns: TableProps<Notification>['columns'] = [
    {
      title: t('notify.col.title'),
      key: 'title',
      render: (_, n) => (
        <Space orientation="vertical" size={0}>
          <Typography.Link strong={!n.read} onClick={() => void openOne(n)}>
            {n.title}
          </Typography.Link>
          {n.body && (
            <Typography.Text type="secondary" style={{ whiteSpace: 'pre-line' }}>
              {n.body}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    {
      title: t('notify.col.kind'),
      key: 'kind',
      width: 100,
      render: (_, n) => t(`notify.kind.${n.kind}`),
    },
    {
      title: t('notify.col.time'),
      key: 'createdAt',
      width: 160,
      render: (_, n) => formatTime(n.createdAt),
    },
    {
      title: t('notify.col.status'),
      key: 'read',
      width: 90,
      render: (_, n) =>
        n.read ? <Tag>{t('notify.read')}</Tag> : <Tag color="blue">{t('notify.unread')}</Tag>,
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 110,
      render: (_, n) =>
        !n.read && (
          <Button type="link" size="small" onClick={() => act(() => readNotification(n.id))}>
            {t('notify.markRead')}
          </Button>
        ),
    },
  ];

  return (
    <Card
      title={t('notify.title')}
      extra={
        <Button
          icon={<CheckOutlined />}
          disabled={!unread.data}
          loading={busy}
          onClick={() => act(readAllNotifications)}
        >
          {t('notify.readAll')}
        </Button>
      }
    >
      <div className="page-toolbar">
        <Segmented<Show>
          aria-label={t('notify.show')}
          value={query.unread ? 'unread' : 'all'}
          onChange={(v) => setQuery({ ...query, unread: v === 'unread' ? true : undefined, page: 1 })}
          options={[
            { value: 'all', label: t('common.all') },
            {
              value: 'unread',
              label: unread.data ? `${t('notify.unread')}（${unread.data}）` : t('notify.unread'),
            },
          ]}
        />
      </div>
      <Table<Notification>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={list.data?.items}
        loading={list.isFetching}
        rowClassName={(n) => (n.read ? '' : 'notify-row-unread')}
        locale={{ emptyText: list.isError ? errorMessage(list.error) : t('notify.empty') }}
        {...serverPaging(t, page, list.data?.total ?? 0, (next) => setQuery({ ...query, ...next }))}
        scroll={{ x: 'max-content' }}
      />
    </Card>
  );
}
