import { useState } from 'react';
import { Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { errorMessage } from '@/app/api/problem';
import { useI18n } from '@/app/i18n/I18nProvider';
import { useCan } from '@/app/session';
import { useTeacherCare } from './api';
import { activityTypeName } from './catalogue';

/** 受关爱记录 on a teacher's record: the care they received, newest first, each opening its record. */
export function TeacherCareSection({ teacherId }: { teacherId: string }) {
  const { t, lang } = useI18n();
  const can = useCan();
  const allowed = can('care.read');
  const [page, setPage] = useState({ page: 1, pageSize: 10 });
  const care = useTeacherCare(teacherId, page.page, page.pageSize, allowed);
  if (!allowed) return <Typography.Text type="secondary">{t('care.teacher.noAccess')}</Typography.Text>;
  return (
    <Table
      rowKey="recordId"
      size="small"
      dataSource={care.data?.items}
      loading={care.isFetching}
      locale={{ emptyText: care.isError ? errorMessage(care.error) : t('care.teacher.empty') }}
      onChange={(p) =>
        setPage({ page: p.pageSize !== page.pageSize ? 1 : (p.current ?? 1), pageSize: p.pageSize ?? 10 })
      }
      pagination={{
        current: page.page,
        pageSize: page.pageSize,
        total: care.data?.total ?? 0,
        hideOnSinglePage: true,
        showTotal: (total) => t('common.total', { total }),
      }}
      columns={[
        { title: t('care.occurredOn'), dataIndex: 'occurredOn', key: 'date', width: 120 },
        {
          title: t('care.activityType'),
          key: 'type',
          width: 160,
          render: (_, c) => <Tag color="blue">{activityTypeName(lang, c.activityType)}</Tag>,
        },
        {
          title: t('care.title'),
          key: 'title',
          render: (_, c) => <Link to={`/care/${c.recordId}`}>{c.title}</Link>,
        },
        { title: t('care.org'), dataIndex: 'orgName', key: 'org', width: 220 },
      ]}
    />
  );
}
