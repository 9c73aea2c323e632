import { useState } from 'react';
import { Alert, App, Button, Form, Input } from 'antd';
import { ChangePasswordRequest } from '@guanai/contracts';
import { applyFieldErrors, errorMessage } from '@/app/api/problem';
import { zodRule } from '@/app/forms';
import { useI18n } from '@/app/i18n/I18nProvider';
import { changePassword } from './api';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

export function ChangePasswordForm({ onChanged }: { onChanged: () => Promise<void> | void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();

  const [busy, setBusy] = useState(false);

  const onFinish = async ({ currentPassword, newPassword }: Values) => {
    setBusy(true);
    try {
      await changePassword({ currentPassword, newPassword });
      message.success(t('password.changed'));
      form.resetFields();
      await onChanged();
    } catch (err) {
      if (!applyFieldErrors(form, err)) message.error(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form form={form} layout="vertical" requiredMark={false} onFinish={onFinish} style={{ maxWidth: 420 }}>
      <Alert type="info" showIcon title={t('password.policyHint')} style={{ marginBottom: 16 }} />
      <Form.Item
        label={t('password.current')}
        name="currentPassword"
        rules={[
          { required: true, message: t('validation.required') },
          zodRule(ChangePasswordRequest.shape.currentPassword, t),
        ]}
      >
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <Form.Item
        label={t('password.new')}
        name="newPassword"
        rules={[
          { required: true, message: t('validation.required') },
          zodRule(ChangePasswordRequest.shape.newPassword, t),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        label={t('password.confirm')}
        name="confirm"
        dependencies={['newPassword']}
        rules={[
          { required: true, message: t('validation.required') },
          ({ getFieldValue }) => ({
            validator: async (_r, value: string) => {
              if (value && value !== getFieldValue('newPassword'))
                throw new Error(t('validation.passwordMismatch'));
            },
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={busy}>
        {t('password.submit')}
      </Button>
    </Form>
  );
}
