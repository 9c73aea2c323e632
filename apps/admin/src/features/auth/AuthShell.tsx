import type { ReactNode } from 'react';
import { Card, Typography } from 'antd';
import { useI18n } from '@/app/i18n/I18nProvider';
import { LanguageSwitch } from '@/app/i18n/LanguageSwitch';

/** The centred card around the login and the forced account screens. */
export function AuthShell({
  title,
  extra,
  children,
}: {
  title: string;
  extra?: ReactNode;
  children: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <main className="auth-page">
      <div className="auth-lang">
        <LanguageSwitch />
      </div>
      <div className="auth-title">
        <Typography.Title level={2} style={{ marginBottom: 4 }}>
          {t('app.title')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('app.subtitle')}</Typography.Text>
      </div>
      <Card className="auth-card" title={title} extra={extra}>
        {children}
      </Card>
    </main>
  );
}
