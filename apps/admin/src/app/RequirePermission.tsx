import type { ReactNode } from 'react';
import { Result } from 'antd';
import type { Permission } from '@guanai/contracts';
import { useI18n } from '@/app/i18n/I18nProvider';
import { useCan } from '@/app/session';

export function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  const can = useCan();
  const { t } = useI18n();
  if (!can(permission)) return <Result status="403" title="403" subTitle={t('users.notFoundHint')} />;
  return children;
}
