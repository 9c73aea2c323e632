import { App, Button, Card, Space, Table, Tag, Typography, type TableProps } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import type { CaseDocument, CaseDocumentKind } from '@guanai/contracts';
import { errorMessage } from '@/app/api/problem';
import { useI18n } from '@/app/i18n/I18nProvider';
import { formatTime } from '@/features/users/format';
import { downloadMyCaseDocument, uploadMyCaseDocument, useMyCaseDocuments } from './api';
import { kindLabel, sizeText, UploadButton, useUploader } from './shared';

/**
 * 案件材料 in self-service: what the case handler shared with the applicant teacher and the evidence
 * they added, to download; and more evidence to add while the case is open (the server says when not).
 */
export function MyCaseDocuments({ caseId }: { caseId: string }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const docs = useMyCaseDocuments(caseId);
  const uploader = useUploader((file) => uploadMyCaseDocument(caseId, file));

  const columns: TableProps<CaseDocument>['columns'] = [
    { title: t('caseDocs.kind'), dataIndex: 'kind', render: (k: CaseDocumentKind) => kindLabel(t, k) },
    { title: t('caseDocs.name'), dataIndex: 'fileName' },
    { title: t('caseDocs.size'), dataIndex: 'size', render: (n: number) => sizeText(n) },
    {
      title: t('caseDocs.by'),
      dataIndex: 'uploadedBy',
      render: (v: string | null, d) =>
        d.uploadedByApplicant ? <Tag color="blue">{t('caseDocs.mine.byMe')}</Tag> : (v ?? '—'),
    },
    { title: t('caseDocs.at'), dataIndex: 'uploadedAt', render: (v: string) => formatTime(v) },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, d) => (
        <Button
          type="link"
          size="small"
          icon={<DownloadOutlined />}
          onClick={() => downloadMyCaseDocument(caseId, d).catch((err) => message.error(errorMessage(err)))}
        >
          {t('caseDocs.download')}
        </Button>
      ),
    },
  ];

  return (
    <Card
      title={t('caseDocs.mine.title')}
      extra={
        <Space>
          <UploadButton label={t('caseDocs.mine.upload')} busy={uploader.busy} onFile={uploader.upload} />
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">{t('caseDocs.mine.hint')}</Typography.Paragraph>
      {uploader.alert}
      <Table<CaseDocument>
        rowKey="id"
        size="small"
        pagination={false}
        loading={docs.isFetching}
        dataSource={docs.data}
        locale={{ emptyText: docs.isError ? errorMessage(docs.error) : t('caseDocs.mine.empty') }}
        columns={columns}
        scroll={{ x: true }}
      />
    </Card>
  );
}
