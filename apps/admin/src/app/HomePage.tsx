import { Navigate } from 'react-router';
import { Card, Result } from 'antd';
import { useI18n } from '@/app/i18n/I18nProvider';
import { NAV } from '@/app/layout/nav';
import { useCurrentUser } from '@/app/session';

/** The first page the user may open; roles without admin pages get a welcome instead. */
export function HomePage() {
  const me = useCurrentUser();
  const { t } = useI18n();
  const first = NAV.find((n) => me.permissions.includes(n.permission) && !n.external);
  if (first) return <Navigate to={first.path} replace />;
  return (
    <Card>
      <Result
        status="info"
        title={t('home.welcome', { name: me.displayName })}
        subTitle={t('home.noModules')}
      />
    </Card>
  );
}
