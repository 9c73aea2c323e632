import { Avatar, Dropdown, Space, Typography } from 'antd';
import { BellOutlined, KeyOutlined, LogoutOutlined, SafetyOutlined, UserOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { useI18n } from '@/app/i18n/I18nProvider';
import { roleName } from '@/app/labels';
import { logout, useCurrentUser } from '@/app/session';

export function AccountMenu() {
  const { t } = useI18n();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const items = [
    { key: 'password', icon: <KeyOutlined />, label: t('account.changePassword') },
    { key: 'mfa', icon: <SafetyOutlined />, label: t('account.mfa') },
    { key: 'notifications', icon: <BellOutlined />, label: t('account.notifications') },
    { type: 'divider' as const },
    { key: 'logout', icon: <LogoutOutlined />, label: t('account.logout'), danger: true },
  ];
  const onClick = async ({ key }: { key: string }) => {
    if (key === 'password') navigate('/account/password');
    if (key === 'mfa') navigate('/account/mfa');
    if (key === 'notifications') navigate('/account/notifications');
    if (key === 'logout') {
      await logout();
      navigate('/login', { replace: true });
    }
  };
  return (
    <Dropdown menu={{ items, onClick }} trigger={['click']}>
      <button type="button" className="account-button" aria-label={me.displayName}>
        <Space>
          <Avatar size="small" icon={<UserOutlined />} />
          <span>
            <Typography.Text strong>{me.displayName}</Typography.Text>
            <Typography.Text type="secondary"> · {roleName(t, me.role)}</Typography.Text>
          </span>
        </Space>
      </button>
    </Dropdown>
  );
}
