import { useState } from 'react';
import {
  App,
  Button,
  Card,
  Checkbox,
  Popconfirm,
  Select,
  Space,
  Switch,
  Table,
  Tag,
  Tooltip,
  Typography,
  type TableProps,
} from 'antd';
import { DeleteOutlined, DownloadOutlined } from '@ant-design/icons';
import { CASE_DOCUMENT_KINDS, type CaseDocument, type CaseDocumentKind } from '@guanai/contracts';
import { errorMessage } from '@/app/api/problem';
import { useI18n } from '@/app/i18n/I18nProvider';
import { formatTime } from '@/features/users/format';
import {
  downloadCaseDocument,
  removeCaseDocument,
  updateCaseDocument,
  uploadCaseDocument,
  useCaseDocuments,
} from './api';
import { kindLabel, sizeText, UploadButton, useUploader } from './shared';

/**
 * 证据与文书: a case's files on the handler's side — upload with a kind and whether the applicant teacher
 * may see it, download (through the API, audited), share or stop sharing, remove after a confirmation.
 */
export function CaseDocumentsCard({ caseId, canWrite }: { caseId: string; canWrite: boolean }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const docs = useCaseDocuments(caseId);
  const [kind, setKind] = useState<CaseDocumentKind>('evidence');
  const [share, setShare] = useState(false);
  const uploader = useUploader((file) => uploadCaseDocument(caseId, file, kind, share));
  const fail = (err: unknown) => message.error(errorMessage(err));

  const toggleShare = (d: CaseDocument, shared: boolean) =>
    updateCaseDocument(caseId, d.id, { sharedWithApplicant: shared })
      .then(() =>
        message.success(t(shared ? 'caseDocs.sharedOn' : 'caseDocs.sharedOff', { name: d.fileName })),
      )
      .catch(fail);

  const columns: TableProps<CaseDocument>['columns'] = [
    { title: t('caseDocs.kind'), dataIndex: 'kind', render: (k: CaseDocumentKind) => kindLabel(t, k) },
    { title: t('caseDocs.name'), dataIndex: 'fileName' },
    { title: t('caseDocs.size'), dataIndex: 'size', render: (n: number) => sizeText(n) },
    {
      title: t('caseDocs.by'),
      dataIndex: 'uploadedBy',
      render: (v: string | null, d) => (
        <Space size={4} wrap>
          {v ?? '—'}
          {d.uploadedByApplicant && <Tag color="blue">{t('caseDocs.byApplicant')}</Tag>}
        </Space>
      ),
    },
    { title: t('caseDocs.at'), dataIndex: 'uploadedAt', render: (v: string) => formatTime(v) },
    {
      title: t('caseDocs.shared'),
      dataIndex: 'sharedWithApplicant',
      render: (shared: boolean, d) =>
        canWrite && !d.uploadedByApplicant ? (
          <Switch
            size="small"
            aria-label={t('caseDocs.shareOf', { name: d.fileName })}
            checked={shared}
            onChange={(on) => void toggleShare(d, on)}
          />
        ) : (
          <Tooltip title={d.uploadedByApplicant ? t('caseDocs.alwaysShared') : undefined}>
            <Tag color={shared ? 'green' : undefined}>
              {t(shared ? 'caseDocs.sharedTag' : 'caseDocs.notShared')}
            </Tag>
          </Tooltip>
        ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, d) => (
        <Space size={0}>
          <Button
            type="link"
            size="small"
            icon={<DownloadOutlined />}
            onClick={() => downloadCaseDocument(caseId, d).catch(fail)}
          >
            {t('caseDocs.download')}
          </Button>
          {canWrite && (
            <Popconfirm
              title={t('caseDocs.removeConfirm', { name: d.fileName })}
              okText={t('caseDocs.remove')}
              okButtonProps={{ danger: true }}
              cancelText={t('common.cancel')}
              onConfirm={() =>
                removeCaseDocument(caseId, d.id)
                  .then(() => message.success(t('caseDocs.removed', { name: d.fileName })))
                  .catch(fail)
              }
            >
              <Button type="link" size="small" danger icon={<DeleteOutlined />}>
                {t('caseDocs.remove')}
              </Button>
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];

  return (
    <Card title={t('caseDocs.title')}>
      <Typography.Paragraph type="secondary">{t('caseDocs.hint')}</Typography.Paragraph>
      {canWrite && (
        <Space wrap style={{ marginBottom: 12 }}>
          <Select<CaseDocumentKind>
            aria-label={t('caseDocs.kind')}
            value={kind}
            onChange={setKind}
            style={{ minWidth: 140 }}
            options={CASE_DOCUMENT_KINDS.map((k) => ({ value: k, label: kindLabel(t, k) }))}
          />
          <Checkbox checked={share} onChange={(e) => setShare(e.target.checked)}>
            {t('caseDocs.share')}
          </Checkbox>
          <UploadButton label={t('caseDocs.upload')} busy={uploader.busy} onFile={uploader.upload} />
        </Space>
      )}
      {uploader.alert}
      <Table<CaseDocument>
        rowKey="id"
        size="small"
        pagination={false}
        loading={docs.isFetching}
        dataSource={docs.data}
        locale={{ emptyText: docs.isError ? errorMessage(docs.error) : t('caseDocs.empty') }}
        columns={columns}
        scroll={{ x: true }}
      />
    </Card>
  );
}
