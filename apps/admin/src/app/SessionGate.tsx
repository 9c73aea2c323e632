import { useEffect } from 'react';
import { Button, Result, Spin } from 'antd';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { setSessionLostHandler } from '@/app/api/client';
import { errorMessage } from '@/app/api/problem';
import { loadTokens } from '@/app/api/tokens';
import { useI18n } from '@/app/i18n/I18nProvider';
import { AppLayout } from '@/app/layout/AppLayout';
import { queryClient } from '@/app/queryClient';
import { useMe } from '@/app/session';
import { ForcedScreen } from '@/features/account/ForcedScreen';

/**
 * Set when the server ended the session. Two things then send the page to the login screen: the handler
 * below and this gate re-rendering without tokens; whichever lands last decides the URL, so both must
 * carry the notice (without it the page sometimes showed the login form without saying why).
 */
let sessionLost = false;

/**
 * Everything behind the login. A session with restrictions (a temporary password, a missing second
 * factor) sees only the screen that lifts them, whatever URL it asked for.
 */
export function SessionGate() {
  const { t } = useI18n();
  const location = useLocation();
  const navigate = useNavigate();
  const me = useMe();

  useEffect(() => {
    setSessionLostHandler(() => {
      sessionLost = true;
      queryClient.clear();
      navigate('/login?expired=1', { replace: true });
    });
  }, [navigate]);

  if (!loadTokens()) {
    if (sessionLost) return <Navigate to="/login?expired=1" replace />;
    const next =
      location.pathname === '/' ? '' : `?next=${encodeURIComponent(location.pathname + location.search)}`;
    return <Navigate to={`/login${next}`} replace />;
  }
  sessionLost = false;
  if (me.isPending) return <Spin fullscreen />;
  if (me.isError) {
    return (
      <Result
        status="error"
        title={t('common.loadFailed')}
        subTitle={errorMessage(me.error)}
        extra={<Button onClick={() => me.refetch()}>{t('common.retry')}</Button>}
      />
    );
  }
  if (me.data.restrictions.length > 0) return <ForcedScreen restriction={me.data.restrictions[0]!} />;
  return <AppLayout />;
}
