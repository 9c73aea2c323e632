import { useState } from 'react';
import { App, Button, Card, Popconfirm, Space, Table, Tag, Typography, type TableProps } from 'antd';
import type { HolidayYearView } from '@guanai/contracts';
import { errorMessage } from '@/app/api/problem';
import { useI18n } from '@/app/i18n/I18nProvider';
import { useCan } from '@/app/session';
import { formatTime } from '@/features/users/format';
import { useHolidayYears, useRemoveHolidayYear } from './api';
import { HolidayYearModal } from './HolidayYearModal';

/**
 * 节假日安排: the State Council's yearly arrangement every dispute deadline counts on. The years
 * published when this release was made are built in; a platform admin enters next year's notice when it
 * comes out (each autumn) or corrects one. Until then that year counts weekends only and deadlines
 * falling in it are marked provisional.
 */
export function HolidaysPage() {
  const { t } = useI18n();
  const can = useCan();
  const { message } = App.useApp();
  const years = useHolidayYears();
  const remove = useRemoveHolidayYear();
  const [editing, setEditing] = useState<{ year: HolidayYearView | null } | null>(null);
  const manage = can('holiday.manage');

  const columns: TableProps<HolidayYearView>['columns'] = [
    { title: t('holidays.year'), dataIndex: 'year', key: 'year', width: 90 },
    {
      title: t('holidays.origin'),
      key: 'origin',
      width: 140,
      render: (_, y) =>
        y.origin === 'builtin' ? (
          <Tag>{t('holidays.origin.builtin')}</Tag>
        ) : (
          <Tag color="blue">
            {y.replacesBuiltin ? t('holidays.origin.corrected') : t('holidays.origin.entered')}
          </Tag>
        ),
    },
    { title: t('holidays.source'), dataIndex: 'source', key: 'source' },
    {
      title: t('holidays.counts'),
      key: 'counts',
      width: 180,
      render: (_, y) => t('holidays.countsValue', { off: y.offDays.length, work: y.workdays.length }),
    },
    {
      title: t('holidays.updated'),
      key: 'updated',
      width: 200,
      render: (_, y) => (y.updatedAt ? `${formatTime(y.updatedAt)} ${y.updatedBy ?? ''}` : '—'),
    },
    ...(manage
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 160,
            render: (_: unknown, y: HolidayYearView) => (
              <Space size={0}>
                <Button type="link" size="small" onClick={() => setEditing({ year: y })}>
                  {y.origin === 'builtin' ? t('holidays.correct') : t('common.edit')}
                </Button>
                {y.origin === 'entered' && (
                  <Popconfirm
                    title={t('holidays.removeConfirm', { year: y.year })}
                    onConfirm={() =>
                      remove.mutate(y.year, {
                        onSuccess: () => message.success(t('holidays.removed')),
                        onError: (err) => message.error(errorMessage(err)),
                      })
                    }
                  >
                    <Button type="link" size="small" danger>
                      {t('holidays.remove')}
                    </Button>
                  </Popconfirm>
                )}
              </Space>
            ),
          },
        ]
      : []),
  ];

  return (
    <Card
      title={t('holidays.title')}
      extra={
        manage && (
          <Button type="primary" onClick={() => setEditing({ year: null })}>
            {t('holidays.enter')}
          </Button>
        )
      }
    >
      <Typography.Paragraph type="secondary">{t('holidays.hint')}</Typography.Paragraph>
      <Table<HolidayYearView>
        rowKey="year"
        size="small"
        columns={columns}
        dataSource={years.data?.items}
        loading={years.isFetching}
        pagination={false}
        expandable={{
          expandedRowRender: (y) => (
            <Space direction="vertical" size={4}>
              <span>
                {t('holidays.offDays')}：{y.offDays.join('、')}
              </span>
              <span>
                {t('holidays.workdays')}：{y.workdays.length ? y.workdays.join('、') : t('common.none')}
              </span>
            </Space>
          ),
        }}
        locale={{ emptyText: years.isError ? errorMessage(years.error) : undefined }}
      />
      {editing && (
        <HolidayYearModal
          year={editing.year}
          taken={(years.data?.items ?? []).filter((y) => y.origin === 'entered').map((y) => y.year)}
          onClose={() => setEditing(null)}
        />
      )}
    </Card>
  );
}
