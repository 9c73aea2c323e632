import { Alert, App, Button, Card, Form, Input, Result } from 'antd';
import { TotpCodeRequest } from '@guanai/contracts';
import { errorMessage } from '@/app/api/problem';
import { requiredRule, zodRule } from '@/app/forms';
import { useI18n } from '@/app/i18n/I18nProvider';
import { queryClient } from '@/app/queryClient';
import { ME_KEY, useCurrentUser } from '@/app/session';
import { disableTotp } from './api';
import { TotpEnrolment } from './TotpEnrolment';

export function MfaPage() {
  const { t } = useI18n();
  const me = useCurrentUser();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ code: string }>();
  const reload = () => queryClient.invalidateQueries({ queryKey: ME_KEY });

  const disable = async ({ code }: { code: string }) => {
    try {
      await disableTotp(code);
      message.success(t('mfa.disabledOk'));
      await reload();
    } catch (err) {
      form.setFields([{ name: 'code', errors: [errorMessage(err)] }]);
    }
  };

  return (
    <Card title={t('mfa.title')}>
      {me.mfaEnabled ? (
        <Result
          status="success"
          title={t('mfa.enabled')}
          subTitle={t('mfa.enabledHint')}
          extra={
            <Form
              form={form}
              layout="inline"
              onFinish={disable}
              requiredMark={false}
              style={{ justifyContent: 'center' }}
            >
              <Form.Item
                label={t('mfa.code')}
                name="code"
                rules={[requiredRule(t), zodRule(TotpCodeRequest.shape.code, t, t('validation.totp'))]}
              >
                <Input inputMode="numeric" maxLength={6} style={{ width: 140 }} />
              </Form.Item>
              <Button danger htmlType="submit">
                {t('mfa.disable')}
              </Button>
            </Form>
          }
        />
      ) : (
        <>
          <Alert type="warning" showIcon title={t('mfa.disabled')} style={{ marginBottom: 16 }} />
          <TotpEnrolment onEnabled={reload} />
        </>
      )}
    </Card>
  );
}
