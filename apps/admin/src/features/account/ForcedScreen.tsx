import { Alert, Button } from 'antd';
import { useNavigate } from 'react-router';
import type { SessionRestriction } from '@guanai/contracts';
import { useI18n } from '@/app/i18n/I18nProvider';
import { logout } from '@/app/session';
import { AuthShell } from '@/features/auth/AuthShell';
import { reloadSession } from './api';
import { ChangePasswordForm } from './ChangePasswordForm';
import { TotpEnrolment } from './TotpEnrolment';

/** What a restricted session sees instead of the app until it lifts the restriction. */
export function ForcedScreen({ restriction }: { restriction: SessionRestriction }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const done = async () => {
    if (!(await reloadSession())) {
      await logout();
      navigate('/login?relogin=1', { replace: true });
    }
  };
  const signOut = async () => {
    await logout();
    navigate('/login', { replace: true });
  };
  const isPassword = restriction === 'password_change';
  return (
    <AuthShell
      title={t(isPassword ? 'password.forcedTitle' : 'mfa.forcedTitle')}
      extra={
        <Button type="link" onClick={signOut}>
          {t('account.logout')}
        </Button>
      }
    >
      <Alert
        type="warning"
        showIcon
        title={t(isPassword ? 'password.forcedHint' : 'mfa.forcedHint')}
        style={{ marginBottom: 16 }}
      />
      {isPassword ? <ChangePasswordForm onChanged={done} /> : <TotpEnrolment onEnabled={done} />}
    </AuthShell>
  );
}
