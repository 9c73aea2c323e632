import { Button, Card, Descriptions, Result, Spin } from 'antd';
import { useNavigate, useParams } from 'react-router';
import { ApiError, errorMessage } from '@/app/api/problem';
import { useI18n } from '@/app/i18n/I18nProvider';
import { roleName } from '@/app/labels';
import { useCan } from '@/app/session';
import { useUser } from './api';
import { formatTime } from './format';
import { UserActions } from './UserActions';
import { UserStatus } from './UserStatus';

export function UserDetailPage() {
  const { t } = useI18n();
  const can = useCan();
  const { id = '' } = useParams();
  const user = useUser(id);
  const navigate = useNavigate();
  const back = <Button onClick={() => navigate('/users')}>{t('users.backToList')}</Button>;

  if (user.isPending) return <Spin />;
  if (user.isError) {
    // Out of scope answers 404 like a missing user, so nobody learns what exists elsewhere.
    const missing = user.error instanceof ApiError && [400, 403, 404].includes(user.error.status);
    return missing ? (
      <Result status="404" title={t('users.notFound')} subTitle={t('users.notFoundHint')} extra={back} />
    ) : (
      <Result
        status="error"
        title={t('common.loadFailed')}
        subTitle={errorMessage(user.error)}
        extra={back}
      />
    );
  }
  const u = user.data;
  return (
    <Card title={`${t('users.detail')} · ${u.displayName}`} extra={back}>
      <Descriptions
        bordered
        column={{ xs: 1, md: 2 }}
        items={[
          { key: 'username', label: t('users.username'), children: u.username },
          { key: 'displayName', label: t('users.displayName'), children: u.displayName },
          { key: 'role', label: t('users.role'), children: roleName(t, u.role) },
          { key: 'org', label: t('users.org'), children: u.orgName },
          { key: 'status', label: t('users.status'), children: <UserStatus user={u} /> },
          { key: 'mfa', label: t('users.mfa'), children: u.mfaEnabled ? t('common.yes') : t('common.no') },
          {
            key: 'lastLogin',
            label: t('users.lastLogin'),
            children: formatTime(u.lastLoginAt, t('users.neverLoggedIn')),
          },
          { key: 'createdAt', label: t('users.createdAt'), children: formatTime(u.createdAt) },
        ]}
      />
      {can('user.write') && (
        <div style={{ marginTop: 16 }}>
          <UserActions user={u} size="middle" />
        </div>
      )}
    </Card>
  );
}
