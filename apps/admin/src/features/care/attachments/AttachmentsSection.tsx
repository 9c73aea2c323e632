import { useState } from 'react';
import { App, Button, Card, Form, Input, Space, Table, Typography, Upload } from 'antd';
import { DeleteOutlined, DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { DeleteCareAttachmentRequest, type CareAttachment } from '@guanai/contracts';
import { errorMessage } from '@/app/api/problem';
import { requiredRule, zodRule } from '@/app/forms';
import { FormModal } from '@/app/FormModal';
import { useI18n } from '@/app/i18n/I18nProvider';
import { useCan } from '@/app/session';
import { useFormSubmit } from '@/app/useFormSubmit';
import { formatTime } from '@/features/users/format';
import { downloadAttachment, removeAttachment, uploadAttachment, useAttachments } from './api';

const sizeText = (n: number) =>
  n < 1024 * 1024 ? `${Math.max(1, Math.round(n / 1024))} KB` : `${(n / 1024 / 1024).toFixed(1)} MB`;

/** 附件: files kept with a care record — upload, download (audited), remove with a reason. */
export function AttachmentsSection({ recordId }: { recordId: string }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const canWrite = useCan()('care.write');
  const files = useAttachments(recordId);
  const [busy, setBusy] = useState(false);
  const [removing, setRemoving] = useState<CareAttachment | null>(null);

  const upload = async (file: File) => {
    setBusy(true);
    try {
      const a = await uploadAttachment(recordId, file);
      message.success(t('care.files.uploaded', { name: a.fileName }));
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card
      title={t('care.files.title')}
      extra={
        canWrite && (
          <Upload
            showUploadList={false}
            accept=".pdf,.png,.jpg,.jpeg,.docx,.xlsx"
            beforeUpload={(file) => {
              void upload(file);
              return false; // sent by uploadAttachment, with the session's token
            }}
          >
            <Button icon={<UploadOutlined />} loading={busy}>
              {t('care.files.upload')}
            </Button>
          </Upload>
        )
      }
    >
      <Typography.Paragraph type="secondary">{t('care.files.hint')}</Typography.Paragraph>
      <Table<CareAttachment>
        rowKey="id"
        size="small"
        pagination={false}
        loading={files.isFetching}
        dataSource={files.data}
        locale={{ emptyText: files.isError ? errorMessage(files.error) : t('care.files.empty') }}
        columns={[
          { title: t('care.files.name'), dataIndex: 'fileName' },
          { title: t('care.files.size'), dataIndex: 'size', render: (n: number) => sizeText(n) },
          { title: t('care.files.by'), dataIndex: 'uploadedBy', render: (v: string | null) => v ?? '—' },
          { title: t('care.files.at'), dataIndex: 'uploadedAt', render: (v: string) => formatTime(v) },
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_, a) => (
              <Space size={0}>
                <Button
                  type="link"
                  size="small"
                  icon={<DownloadOutlined />}
                  onClick={() =>
                    downloadAttachment(recordId, a).catch((err) => message.error(errorMessage(err)))
                  }
                >
                  {t('care.files.download')}
                </Button>
                {canWrite && (
                  <Button
                    type="link"
                    size="small"
                    danger
                    icon={<DeleteOutlined />}
                    onClick={() => setRemoving(a)}
                  >
                    {t('care.files.remove')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      {removing && <RemoveModal recordId={recordId} file={removing} onClose={() => setRemoving(null)} />}
    </Card>
  );
}

function RemoveModal({
  recordId,
  file,
  onClose,
}: {
  recordId: string;
  file: CareAttachment;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const { form, busy, submit } = useFormSubmit<{ reason: string }>(onClose);
  return (
    <FormModal
      title={t('care.files.removeTitle', { name: file.fileName })}
      form={form}
      busy={busy}
      onClose={onClose}
      okText={t('care.files.remove')}
      onFinish={({ reason }) =>
        submit(() => removeAttachment(recordId, file.id, reason.trim()), t('care.files.removed'))
      }
    >
      <Form.Item
        label={t('care.files.reason')}
        name="reason"
        rules={[requiredRule(t), zodRule(DeleteCareAttachmentRequest.shape.reason, t)]}
      >
        <Input.TextArea rows={2} maxLength={200} />
      </Form.Item>
    </FormModal>
  );
}
