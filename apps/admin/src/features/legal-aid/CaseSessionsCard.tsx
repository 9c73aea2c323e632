import { useState } from 'react';
import { Button, Card, Space, Table, Typography, type TableProps } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { CaseSession, CaseSessionKind, DisputeCase } from '@guanai/contracts';
import { errorMessage } from '@/app/api/problem';
import { useI18n } from '@/app/i18n/I18nProvider';
import { useCaseSessions } from './api';
import { SessionKindTag } from './labels';
import { SessionModal } from './SessionModal';

/** The kind a case in this state most likely records next. */
const KIND_OF_STATE: Partial<Record<DisputeCase['state'], CaseSessionKind>> = {
  mediation: 'mediation_session',
  arbitration: 'arbitration_hearing',
  litigation: 'court_hearing',
};

/**
 * 调解与庭审 on a case's page: its mediation sessions and arbitration and court hearings, in date order,
 * with who attended and what came of it (sealed at rest; the list's read is audited).
 */
export function CaseSessionsCard({
  caseId,
  caseState,
  canWrite,
}: {
  caseId: string;
  caseState: DisputeCase['state'];
  canWrite: boolean;
}) {
  const { t } = useI18n();
  const sessions = useCaseSessions(caseId);
  const [editing, setEditing] = useState<CaseSession | 'new' | null>(null);
  const allowed = sessions.data?.allowedKinds ?? [];
  const defaultKind = KIND_OF_STATE[caseState];

  const columns: TableProps<CaseSession>['columns'] = [
    {
      title: t('caseSession.heldOn'),
      key: 'when',
      width: 150,
      render: (_, s) => (
        <Space orientation="vertical" size={0}>
          <span>{s.heldOn}</span>
          {s.startsAt && <Typography.Text type="secondary">{s.startsAt}</Typography.Text>}
        </Space>
      ),
    },
    { title: t('caseSession.kind'), key: 'kind', render: (_, s) => <SessionKindTag kind={s.kind} t={t} /> },
    { title: t('caseSession.place'), key: 'place', render: (_, s) => s.place ?? '—' },
    {
      title: t('caseSession.participants'),
      key: 'participants',
      render: (_, s) => (
        <Typography.Paragraph style={{ margin: 0, maxWidth: 260 }}>
          {s.participants ?? '—'}
        </Typography.Paragraph>
      ),
    },
    {
      title: t('caseSession.result'),
      key: 'result',
      render: (_, s) => (
        <Typography.Paragraph
          style={{ margin: 0, maxWidth: 360, whiteSpace: 'pre-wrap' }}
          ellipsis={{ rows: 3, expandable: 'collapsible' }}
        >
          {s.result ?? '—'}
        </Typography.Paragraph>
      ),
    },
    { title: t('caseSession.recordedBy'), key: 'by', render: (_, s) => s.recordedByName ?? '—' },
    ...(canWrite
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 80,
            render: (_: unknown, s: CaseSession) => (
              <Button type="link" size="small" onClick={() => setEditing(s)}>
                {t('common.edit')}
              </Button>
            ),
          },
        ]
      : []),
  ];

  return (
    <Card
      title={t('caseSession.title')}
      extra={
        canWrite && (
          <Button
            size="small"
            icon={<PlusOutlined />}
            disabled={allowed.length === 0}
            title={allowed.length === 0 ? t('caseSession.noneAllowed') : undefined}
            onClick={() => setEditing('new')}
          >
            {t('caseSession.add')}
          </Button>
        )
      }
    >
      <Table<CaseSession>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={sessions.data?.items}
        loading={sessions.isFetching}
        pagination={false}
        locale={{ emptyText: sessions.isError ? errorMessage(sessions.error) : t('caseSession.empty') }}
        scroll={{ x: 'max-content' }}
      />
      {editing && (
        <SessionModal
          caseId={caseId}
          session={editing === 'new' ? null : editing}
          allowedKinds={allowed}
          defaultKind={defaultKind && allowed.includes(defaultKind) ? defaultKind : undefined}
          onClose={() => setEditing(null)}
        />
      )}
    </Card>
  );
}
