import { useMemo, useState } from 'react';
import { Card, Col, Row, Table, Typography, type TableProps } from 'antd';
import type { AuditEvent } from '@guanai/contracts';
import { errorMessage } from '@/app/api/problem';
import { useI18n } from '@/app/i18n/I18nProvider';
import { useOrgs } from '@/features/orgs/api';
import { formatTime } from '@/features/users/format';
import { useAuditEvents, type AuditQuery } from './api';
import { AuditFilters } from './AuditFilters';

function Json({ value }: { value: unknown }) {
  return (
    <pre className="json-block">
      {value === null || value === undefined ? '—' : JSON.stringify(value, null, 2)}
    </pre>
  );
}

export function AuditPage() {
  const { t } = useI18n();
  const [query, setQuery] = useState<AuditQuery>({ page: 1, pageSize: 20 });
  const events = useAuditEvents(query);
  const orgs = useOrgs();
  const orgName = useMemo(() => new Map((orgs.data ?? []).map((o) => [o.id, o.name])), [orgs.data]);

  const columns: TableProps<AuditEvent>['columns'] = [
    { title: t('audit.time'), dataIndex: 'createdAt', width: 150, render: (v: string) => formatTime(v) },
    { title: t('audit.actor'), dataIndex: 'actorName', render: (v: string | null) => v ?? t('audit.system') },
    {
      title: t('audit.action'),
      dataIndex: 'action',
      render: (v: string) => <Typography.Text code>{v}</Typography.Text>,
    },
    {
      title: t('audit.target'),
      key: 'target',
      render: (_, e) =>
        e.targetType ? `${e.targetType}${e.targetId ? ` ${e.targetId.slice(0, 8)}…` : ''}` : '—',
    },
    { title: t('audit.org'), dataIndex: 'orgId', render: (v: string) => orgName.get(v) ?? v.slice(0, 8) },
    { title: t('audit.ip'), dataIndex: 'ip', render: (v: string | null) => v ?? '—' },
  ];

  return (
    <Card title={t('audit.title')}>
      <AuditFilters onChange={(f) => setQuery((q) => ({ ...f, page: 1, pageSize: q.pageSize }))} />
      <Table<AuditEvent>
        rowKey="id"
        columns={columns}
        dataSource={events.data?.items}
        loading={events.isFetching}
        locale={events.isError ? { emptyText: errorMessage(events.error) } : undefined}
        expandable={{
          expandedRowRender: (e) => (
            <Row gutter={16}>
              <Col xs={24} md={12}>
                <Typography.Text strong>{t('audit.before')}</Typography.Text>
                <Json value={e.before} />
              </Col>
              <Col xs={24} md={12}>
                <Typography.Text strong>{t('audit.after')}</Typography.Text>
                <Json value={e.after} />
              </Col>
              <Col span={24} style={{ marginTop: 8 }}>
                <Typography.Text type="secondary">
                  {t('audit.requestId')}: {e.requestId ?? '—'} · #{e.seq}
                </Typography.Text>
              </Col>
            </Row>
          ),
        }}
        onChange={(p) => setQuery((q) => ({ ...q, page: p.current ?? 1, pageSize: p.pageSize ?? 20 }))}
        pagination={{
          current: query.page,
          pageSize: query.pageSize,
          total: events.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => t('common.total', { total }),
        }}
        scroll={{ x: 900 }}
      />
    </Card>
  );
}
