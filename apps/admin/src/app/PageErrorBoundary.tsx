import { Component, type ReactNode } from 'react';
import { Button, Result } from 'antd';
import { useLocation } from 'react-router';
import { useI18n } from '@/app/i18n/I18nProvider';

interface State {
  error: Error | null;
}

/**
 * Catches what a page throws while rendering — most often a page's code that failed to load after a
 * new release replaced it — so the menu stays and the user can retry instead of facing a blank screen.
 */
class Boundary extends Component<{ children: ReactNode; fallback: () => ReactNode }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return this.props.fallback();
  }
}

/** One boundary per page, reset when the address changes. */
export function PageErrorBoundary({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  const location = useLocation();
  return (
    <Boundary
      key={location.pathname}
      fallback={() => (
        <Result
          status="error"
          title={t('common.loadFailed')}
          extra={
            // A reload fetches the current release's files; retrying in place would ask for the old ones.
            <Button type="primary" onClick={() => window.location.reload()}>
              {t('common.retry')}
            </Button>
          }
        />
      )}
    >
      {children}
    </Boundary>
  );
}
