import { useState } from 'react';
import { Button, Card, Collapse, Empty, Space, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { SupervisionVisit } from '@guanai/contracts';
import { errorMessage } from '@/app/api/problem';
import { useI18n } from '@/app/i18n/I18nProvider';
import { useCan } from '@/app/session';
import { useSchoolSupervisionHistory } from './api';
import { FollowUpModal } from './FollowUpModal';
import { OwnershipTag, StatusTags } from './labels';
import { VisitDetails } from './VisitDetails';
import { VisitDrawer } from './VisitDrawer';

/**
 * A school's supervision record, for its page: every visit newest first — the date, status (逾期 in
 * red), the findings and their follow-up. Shows nothing to a user who may not read supervision.
 */
export function SchoolSupervisionHistory({ orgId }: { orgId: string }) {
  const { t } = useI18n();
  const can = useCan();
  const readable = can('supervision.read');
  const writer = can('supervision.write');
  const history = useSchoolSupervisionHistory(orgId, readable);
  const [editing, setEditing] = useState<SupervisionVisit | 'new' | null>(null);
  const [following, setFollowing] = useState<SupervisionVisit | null>(null);
  if (!readable) return null;
  const h = history.data;

  return (
    <Card
      title={
        <Space size={8}>
          {t('supervision.history.title')}
          {h?.ownership && <OwnershipTag t={t} ownership={h.ownership} />}
          {!!h?.openFindings && (
            <Tag color="orange">{t('supervision.history.openFindings', { n: h.openFindings })}</Tag>
          )}
        </Space>
      }
      extra={
        writer && (
          <Button size="small" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            {t('supervision.new')}
          </Button>
        )
      }
      loading={history.isPending}
    >
      {history.isError ? (
        <Typography.Text type="danger">{errorMessage(history.error)}</Typography.Text>
      ) : !h?.visits.length ? (
        <Empty description={t('supervision.history.empty')} />
      ) : (
        <Collapse
          size="small"
          defaultActiveKey={h.visits.filter((v) => v.status === 'open').map((v) => v.id)}
          items={h.visits.map((v) => ({
            key: v.id,
            label: (
              <Space size={8} wrap>
                <Typography.Text strong>{v.visitedOn}</Typography.Text>
                <StatusTags t={t} visit={v} />
                <Typography.Text type="secondary">
                  {v.findings.length
                    ? t('supervision.findingsCount', { n: v.findings.length })
                    : t('supervision.noFindings')}
                </Typography.Text>
              </Space>
            ),
            extra: writer && (
              <Space size={0} onClick={(e) => e.stopPropagation()}>
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
            children: <VisitDetails visit={v} />,
          }))}
        />
      )}
      {editing && (
        <VisitDrawer
          visit={editing === 'new' ? undefined : editing}
          schoolId={orgId}
          onClose={() => setEditing(null)}
        />
      )}
      {following && <FollowUpModal visit={following} onClose={() => setFollowing(null)} />}
    </Card>
  );
}
