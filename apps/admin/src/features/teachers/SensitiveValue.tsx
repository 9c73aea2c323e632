import { useState } from 'react';
import { Alert, App, Button, Form, Input, Modal, Space, Tooltip, Typography } from 'antd';
import { EyeOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { RevealRequest, type SensitiveField } from '@guanai/contracts';
import { applyFieldErrors, errorMessage } from '@/app/api/problem';
import { requiredRule, zodRule } from '@/app/forms';
import { useI18n } from '@/app/i18n/I18nProvider';
import { revealField } from './api';
import { label } from './labels';

interface Props {
  teacherId: string;
  field: SensitiveField;
  /** What the record shows (masked); null when nothing is on file. */
  masked: string | null;
  canReveal: boolean;
  monospace?: boolean;
  /** Where the clear value comes from; by default the record's own field (POST /teachers/:id/reveal). */
  reveal?: (reason: string) => Promise<string | null>;
}

/**
 * A masked value with a 查看 button for those allowed to see it in clear. Each view asks why, is
 * recorded in the audit log by the server, and lasts as long as the page.
 */
export function SensitiveValue({ teacherId, field, masked, canReveal, monospace, reveal }: Props) {
  const { t } = useI18n();
  const [clear, setClear] = useState<string | null | undefined>(undefined);
  const [asking, setAsking] = useState(false);
  const style = monospace ? { fontFamily: 'monospace' } : undefined;
  const name = label(t, 'sensitive', field);

  if (masked === null) return <>—</>;
  if (clear !== undefined) {
    return (
      <Space size={6} wrap>
        <Typography.Text copyable={clear ? { text: clear } : false} style={style}>
          {clear ?? t('teachers.revealEmpty')}
        </Typography.Text>
        <Tooltip title={t('teachers.revealAudited')}>
          <SafetyCertificateOutlined style={{ color: '#faad14' }} aria-label={t('teachers.revealAudited')} />
        </Tooltip>
      </Space>
    );
  }
  return (
    <Space size={6} wrap>
      <Typography.Text style={style}>{masked}</Typography.Text>
      {canReveal && (
        <Button
          size="small"
          type="link"
          icon={<EyeOutlined />}
          aria-label={t('teachers.revealTitle', { field: name })}
          onClick={() => setAsking(true)}
        >
          {t('teachers.reveal')}
        </Button>
      )}
      {asking && (
        <RevealModal
          field={field}
          reveal={reveal ?? ((reason) => revealField(teacherId, field, reason).then((r) => r.value))}
          monospace={monospace}
          onClose={(value) => {
            setAsking(false);
            if (value !== undefined) setClear(value);
          }}
        />
      )}
    </Space>
  );
}

function RevealModal({
  field,
  reveal,
  monospace,
  onClose,
}: {
  field: SensitiveField;
  reveal: (reason: string) => Promise<string | null>;
  monospace?: boolean;
  /** The clear value once shown (null: nothing on file), undefined if cancelled before. */
  onClose: (value?: string | null) => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const [busy, setBusy] = useState(false);
  const [value, setValue] = useState<string | null | undefined>(undefined);
  const title = t('teachers.revealTitle', { field: label(t, 'sensitive', field) });

  const onFinish = async ({ reason }: { reason: string }) => {
    setBusy(true);
    try {
      setValue(await reveal(reason.trim()));
    } catch (err) {
      if (!applyFieldErrors(form, err)) message.error(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  if (value !== undefined) {
    return (
      <Modal
        open
        title={title}
        onCancel={() => onClose(value)}
        footer={
          <Button type="primary" onClick={() => onClose(value)}>
            {t('common.close')}
          </Button>
        }
      >
        <Typography.Paragraph
          copyable={value ? { text: value } : false}
          style={{ fontSize: 18, fontFamily: monospace ? 'monospace' : undefined }}
        >
          {value ?? t('teachers.revealEmpty')}
        </Typography.Paragraph>
        <Alert type="warning" showIcon title={t('teachers.revealAudited')} />
      </Modal>
    );
  }

  return (
    <Modal
      open
      title={title}
      okText={t('teachers.revealSubmit')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={() => onClose()}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={onFinish}>
        <Form.Item
          label={t('teachers.revealReason')}
          name="reason"
          extra={t('teachers.revealReasonHint')}
          rules={[requiredRule(t), zodRule(RevealRequest.shape.reason, t)]}
        >
          <Input.TextArea
            rows={2}
            autoFocus
            placeholder={t('teachers.revealReasonPlaceholder')}
            maxLength={200}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
