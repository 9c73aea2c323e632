import { useMemo, useState } from 'react';
import { Button, Card, Space, Table, Typography, type TableProps } from 'antd';
import { useSearchParams } from 'react-router';
import type { Reminder } from '@guanai/contracts';
import { errorMessage } from '@/app/api/problem';
import { useI18n } from '@/app/i18n/I18nProvider';
import { serverPaging } from '@/app/paging';
import { useCan } from '@/app/session';
import { useReminders } from './api';
import { isOpen, KindTag, OccursOn, StatusTag } from './labels';
import { ReminderDrawer } from './ReminderDrawer';
import { ReminderFilterForm } from './ReminderFilterForm';
import { ReminderModal, type ReminderAct } from './ReminderModals';
import { apiQuery, reminderFiltersOf, useRemindersQuery } from './query';

/**
 * 提醒: what falls due in my scope — birthdays, festivals, anniversaries, check-ups, targets at risk,
 * follow-ups — to be done (recording the care it suggests), put off or dismissed. Filters and page
 * live in the URL; `?id=` (where a notification leads) opens that reminder and marks its row.
 */
export function RemindersPage() {
  const { t } = useI18n();
  const can = useCan();
  const [params, setParams] = useSearchParams();
  const [query, setQuery] = useRemindersQuery();
  const reminders = useReminders(apiQuery(query));
  const filters = useMemo(() => reminderFiltersOf(query), [query]);
  const [acting, setActing] = useState<{ act: ReminderAct; reminder: Reminder } | null>(null);
  const openId = params.get('id');
  const page = { page: query.page ?? 1, pageSize: query.pageSize ?? 20 };

  const open = (id: string | null) => {
    const next = new URLSearchParams(params);
    if (id) next.set('id', id);
    else next.delete('id');
    setParams(next);
  };

  const columns: TableProps<Reminder>['columns'] = [
    {
      title: t('reminder.title'),
      key: 'title',
      render: (_, r) => (
        <Space size={6} wrap>
          <KindTag kind={r.kind} t={t} />
          <Typography.Link onClick={() => open(r.id)}>{r.title}</Typography.Link>
        </Space>
      ),
    },
    { title: t('reminder.org'), dataIndex: 'orgName', key: 'org', width: 180 },
    {
      title: t('reminder.occursOn'),
      key: 'occursOn',
      width: 200,
      render: (_, r) => <OccursOn reminder={r} t={t} />,
    },
    {
      title: t('reminder.status'),
      key: 'status',
      width: 140,
      render: (_, r) => <StatusTag reminder={r} t={t} />,
    },
    ...(can('reminder.act')
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            fixed: 'right' as const,
            width: 170,
            render: (_: unknown, r: Reminder) =>
              isOpen(r) && (
                <Space size={0}>
                  <Button type="link" size="small" onClick={() => setActing({ act: 'done', reminder: r })}>
                    {t('reminder.act.done')}
                  </Button>
                  <Button type="link" size="small" onClick={() => setActing({ act: 'snooze', reminder: r })}>
                    {t('reminder.act.snooze')}
                  </Button>
                  <Button
                    type="link"
                    size="small"
                    danger
                    onClick={() => setActing({ act: 'dismiss', reminder: r })}
                  >
                    {t('reminder.act.dismiss')}
                  </Button>
                </Space>
              ),
          },
        ]
      : []),
  ];

  return (
    <Card title={t('reminder.list.title')}>
      <Typography.Paragraph type="secondary">{t('reminder.list.hint')}</Typography.Paragraph>
      <ReminderFilterForm
        value={filters}
        onChange={(f) => setQuery({ ...f, pageSize: query.pageSize, page: 1 })}
      />
      <Table<Reminder>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={reminders.data?.items}
        loading={reminders.isFetching}
        rowClassName={(r) => (r.id === openId ? 'row-highlight' : '')}
        locale={{ emptyText: reminders.isError ? errorMessage(reminders.error) : t('reminder.list.empty') }}
        {...serverPaging(t, page, reminders.data?.total ?? 0, (next) => setQuery({ ...query, ...next }))}
        scroll={{ x: 'max-content' }}
      />
      {openId && (
        <ReminderDrawer
          id={openId}
          onClose={() => open(null)}
          onAct={(act, reminder) => setActing({ act, reminder })}
        />
      )}
      {acting && <ReminderModal {...acting} onClose={() => setActing(null)} />}
    </Card>
  );
}
