import { useState } from 'react';
import { App, Button, Form, Input, QRCode, Space, Typography } from 'antd';
import { TotpCodeRequest, type TotpSetupResponse } from '@guanai/contracts';
import { applyFieldErrors, errorMessage } from '@/app/api/problem';
import { requiredRule, zodRule } from '@/app/forms';
import { useI18n } from '@/app/i18n/I18nProvider';
import { enableTotp, setupTotp } from './api';

/** Start enrolment (QR code and secret), then confirm with a first code from the authenticator. */
export function TotpEnrolment({ onEnabled }: { onEnabled: () => Promise<void> | void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ code: string }>();
  const [setup, setSetup] = useState<TotpSetupResponse | null>(null);
  const [busy, setBusy] = useState(false);

  const start = async () => {
    setBusy(true);
    try {
      setSetup(await setupTotp());
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  const confirm = async ({ code }: { code: string }) => {
    try {
      await enableTotp(code);
      message.success(t('mfa.enabledOk'));
      await onEnabled();
    } catch (err) {
      if (!applyFieldErrors(form, err)) form.setFields([{ name: 'code', errors: [errorMessage(err)] }]);
    }
  };

  if (!setup) {
    return (
      <Button type="primary" onClick={start} loading={busy}>
        {t('mfa.start')}
      </Button>
    );
  }
  return (
    <Space orientation="vertical" size="middle">
      <Typography.Text>{t('mfa.scan')}</Typography.Text>
      <QRCode value={setup.otpauthUrl} size={180} aria-label="otpauth" />
      <Typography.Text>
        {t('mfa.secret')}{' '}
        <Typography.Text code copyable>
          {setup.secret}
        </Typography.Text>
      </Typography.Text>
      <Form form={form} layout="inline" onFinish={confirm} requiredMark={false}>
        <Form.Item
          label={t('mfa.code')}
          name="code"
          rules={[requiredRule(t), zodRule(TotpCodeRequest.shape.code, t, t('validation.totp'))]}
        >
          <Input inputMode="numeric" autoComplete="one-time-code" maxLength={6} style={{ width: 140 }} />
        </Form.Item>
        <Button type="primary" htmlType="submit">
          {t('mfa.enable')}
        </Button>
      </Form>
    </Space>
  );
}
