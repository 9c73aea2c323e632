import { Spin, Table, Typography } from 'antd';
import { errorMessage } from '@/app/api/problem';
import { useI18n } from '@/app/i18n/I18nProvider';
import { formatTime } from '@/features/users/format';
import { useVersion, useVersions, type VersionSummary } from './api';
import { ChangeList, ChangeSummary } from './ChangeList';

/** One version's stored changes against the one before it, named from both documents. */
function VersionChanges({ version, previousId }: { version: VersionSummary; previousId?: string }) {
  const current = useVersion(version.id);
  const previous = useVersion(previousId);
  if (current.isPending) return <Spin size="small" />;
  return (
    <ChangeList changes={version.changes} after={current.data?.document} before={previous.data?.document} />
  );
}

/** The published versions of a template, newest first; a row opens what it changed. */
export function VersionsTable({ templateId }: { templateId: string }) {
  const { t } = useI18n();
  const versions = useVersions(templateId);
  const items = versions.data ?? [];
  return (
    <Table<VersionSummary>
      rowKey="id"
      size="small"
      loading={versions.isFetching}
      dataSource={items}
      pagination={false}
      locale={{ emptyText: versions.isError ? errorMessage(versions.error) : t('programme.versions.empty') }}
      expandable={{
        expandRowByClick: true,
        expandedRowRender: (v) => (
          <VersionChanges version={v} previousId={items.find((x) => x.number === v.number - 1)?.id} />
        ),
      }}
      columns={[
        {
          title: t('programme.versions.number'),
          dataIndex: 'number',
          width: 100,
          render: (n: number) => t('programme.versionN', { n }),
        },
        {
          title: t('programme.versions.publishedAt'),
          dataIndex: 'publishedAt',
          width: 160,
          render: (v: string) => formatTime(v),
        },
        {
          title: t('programme.versions.note'),
          dataIndex: 'note',
          render: (v: string | null) => v ?? <Typography.Text type="secondary">—</Typography.Text>,
        },
        {
          title: t('programme.versions.changes'),
          key: 'changes',
          render: (_, v) => <ChangeSummary changes={v.changes} />,
        },
      ]}
    />
  );
}
