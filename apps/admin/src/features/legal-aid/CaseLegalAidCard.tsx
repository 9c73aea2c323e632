import { useState } from 'react';
import { Button, Card, Space, Table, Tag, Typography, type TableProps } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { LegalAidAssignment } from '@guanai/contracts';
import { errorMessage } from '@/app/api/problem';
import { useI18n } from '@/app/i18n/I18nProvider';
import { useCurrentUser } from '@/app/session';
import { formatFen } from '@/features/care/money';
import { useCaseLegalAid } from './api';
import { AssignmentModal } from './AssignmentModal';
import { formatHours } from './hours';
import { KindTag, roleName } from './labels';
import { PhoneButton } from './PhoneButton';

/**
 * 法律援助 on a case's page: who of the roster helps the teacher, in what role, from when to when, the
 * hours and the cost, with their totals. `tenantId` is the case's union: the roster offered to assign is
 * the one serving the caller's union, so assigning is offered only to that union's own handlers.
 */
export function CaseLegalAidCard({
  caseId,
  tenantId,
  canWrite,
}: {
  caseId: string;
  tenantId: string;
  canWrite: boolean;
}) {
  const { t } = useI18n();
  const me = useCurrentUser();
  const aid = useCaseLegalAid(caseId);
  const [editing, setEditing] = useState<LegalAidAssignment | 'new' | null>(null);
  const canAssign = canWrite && me.tenant?.id === tenantId;
  const totals = aid.data?.totals;

  const columns: TableProps<LegalAidAssignment>['columns'] = [
    {
      title: t('legalAid.case.provider'),
      key: 'provider',
      render: (_, a) => (
        <Space orientation="vertical" size={0}>
          <Space size={6}>
            <Typography.Text strong>{a.providerName}</Typography.Text>
            <KindTag kind={a.providerKind} t={t} />
          </Space>
          {a.providerOrganisation && (
            <Typography.Text type="secondary">{a.providerOrganisation}</Typography.Text>
          )}
          {canAssign && <PhoneButton id={a.providerId} name={a.providerName} serving />}
        </Space>
      ),
    },
    { title: t('legalAid.case.role'), key: 'role', render: (_, a) => roleName(t, a.role) },
    {
      title: t('legalAid.case.period'),
      key: 'period',
      render: (_, a) => (
        <Space size={4} wrap>
          <span>{a.assignedOn} ~</span>
          {a.endedOn ?? <Tag color="processing">{t('legalAid.case.ongoing')}</Tag>}
        </Space>
      ),
    },
    {
      title: t('legalAid.case.hours'),
      key: 'hours',
      align: 'right',
      render: (_, a) => formatHours(a.minutes),
    },
    { title: t('legalAid.case.cost'), key: 'cost', align: 'right', render: (_, a) => formatFen(a.costFen) },
    {
      title: t('legalAid.case.notes'),
      dataIndex: 'notes',
      key: 'notes',
      render: (v: string | null) => v ?? '—',
    },
    ...(canWrite
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 80,
            render: (_: unknown, a: LegalAidAssignment) => (
              <Button type="link" size="small" onClick={() => setEditing(a)}>
                {t('common.edit')}
              </Button>
            ),
          },
        ]
      : []),
  ];

  return (
    <Card
      title={t('legalAid.case.title')}
      extra={
        canAssign && (
          <Button size="small" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            {t('legalAid.case.assign')}
          </Button>
        )
      }
    >
      <Table<LegalAidAssignment>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={aid.data?.items}
        loading={aid.isFetching}
        pagination={false}
        locale={{ emptyText: aid.isError ? errorMessage(aid.error) : t('legalAid.case.empty') }}
        scroll={{ x: 'max-content' }}
        footer={
          totals && aid.data!.items.length > 0
            ? () =>
                t('legalAid.case.totals', {
                  hours: formatHours(totals.minutes),
                  cost: formatFen(totals.costFen),
                })
            : undefined
        }
      />
      {editing && (
        <AssignmentModal
          caseId={caseId}
          assignment={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
        />
      )}
    </Card>
  );
}
