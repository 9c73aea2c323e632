import { Space, Tag } from 'antd';
import type { User } from '@guanai/contracts';
import { useI18n } from '@/app/i18n/I18nProvider';
import { isLocked } from './api';

export function UserStatus({ user }: { user: User }) {
  const { t } = useI18n();
  return (
    <Space size={4} wrap>
      {user.status === 'active' ? (
        <Tag color="green">{t('users.active')}</Tag>
      ) : (
        <Tag>{t('users.disabled')}</Tag>
      )}
      {isLocked(user) && <Tag color="red">{t('users.locked')}</Tag>}
      {user.mustChangePassword && <Tag color="gold">{t('users.mustChange')}</Tag>}
    </Space>
  );
}
