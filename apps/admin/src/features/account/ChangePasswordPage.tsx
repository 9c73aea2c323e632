import { Card } from 'antd';
import { useNavigate } from 'react-router';
import { useI18n } from '@/app/i18n/I18nProvider';
import { logout } from '@/app/session';
import { reloadSession } from './api';
import { ChangePasswordForm } from './ChangePasswordForm';

export function ChangePasswordPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const done = async () => {
    // The server may end every session on a password change; then the user logs in again.
    if (!(await reloadSession())) {
      await logout();
      navigate('/login?relogin=1', { replace: true });
    }
  };
  return (
    <Card title={t('account.changePassword')}>
      <ChangePasswordForm onChanged={done} />
    </Card>
  );
}
