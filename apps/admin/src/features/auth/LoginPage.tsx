import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Form, Input, Typography, type InputRef } from 'antd';
import { LockOutlined, SafetyOutlined, UserOutlined } from '@ant-design/icons';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { LoginRequest } from '@guanai/contracts';
import { ApiError, applyFieldErrors, errorMessage } from '@/app/api/problem';
import { loadTokens } from '@/app/api/tokens';
import { zodRule, requiredRule } from '@/app/forms';
import { useI18n } from '@/app/i18n/I18nProvider';
import { login } from '@/app/session';
import { AuthShell } from './AuthShell';

interface Values {
  username: string;
  password: string;
  totp?: string;
}

/** Only same-site paths, so a crafted `?next=` cannot send the user elsewhere. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function LoginPage() {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const [needTotp, setNeedTotp] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const totpRef = useRef<InputRef>(null);

  useEffect(() => {
    if (needTotp) totpRef.current?.focus();
  }, [needTotp]);

  if (loadTokens()) return <Navigate to={safeNext(params.get('next'))} replace />;

  const onFinish = async (values: Values) => {
    setBusy(true);
    setError(null);
    try {
      await login({ username: values.username, password: values.password, totp: values.totp || undefined });
      navigate(safeNext(params.get('next')), { replace: true });
    } catch (err) {
      if (err instanceof ApiError && err.code === 'MFA_REQUIRED') {
        setNeedTotp(true);
      } else {
        if (!applyFieldErrors(form, err)) setError(err);
        if (needTotp) form.setFieldValue('totp', '');
      }
    } finally {
      setBusy(false);
    }
  };

  const notice = params.get('expired')
    ? t('error.sessionExpired')
    : params.get('relogin')
      ? t('password.reloginNeeded')
      : null;

  return (
    <AuthShell title={t('login.title')}>
      {notice && !error && <Alert type="info" showIcon title={notice} style={{ marginBottom: 16 }} />}
      {error !== null && (
        <Alert type="error" showIcon title={errorMessage(error)} style={{ marginBottom: 16 }} />
      )}
      <Form form={form} layout="vertical" requiredMark={false} onFinish={onFinish} disabled={busy}>
        <Form.Item
          label={t('login.username')}
          name="username"
          rules={[requiredRule(t), zodRule(LoginRequest.shape.username, t)]}
        >
          <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
        </Form.Item>
        <Form.Item
          label={t('login.password')}
          name="password"
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
        </Form.Item>
        {needTotp && (
          <Form.Item
            label={t('login.totp')}
            name="totp"
            extra={t('login.totpHint')}
            rules={[requiredRule(t), zodRule(LoginRequest.shape.totp, t, t('validation.totp'))]}
          >
            <Input
              ref={totpRef}
              prefix={<SafetyOutlined />}
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={6}
            />
          </Form.Item>
        )}
        <Button type="primary" htmlType="submit" block size="large" loading={busy}>
          {t('login.submit')}
        </Button>
      </Form>
      <Typography.Paragraph
        type="secondary"
        style={{ marginTop: 16, marginBottom: 0, textAlign: 'center', fontSize: 12 }}
      >
        {t('login.footer')}
      </Typography.Paragraph>
    </AuthShell>
  );
}
