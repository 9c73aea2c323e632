import { Layout, Menu, Space, Typography } from 'antd';
import { ApartmentOutlined } from '@ant-design/icons';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { useI18n } from '@/app/i18n/I18nProvider';
import { LanguageSwitch } from '@/app/i18n/LanguageSwitch';
import { useCurrentUser } from '@/app/session';
import { AccountMenu } from './AccountMenu';
import { NAV } from './nav';

export function AppLayout() {
  const { t } = useI18n();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const items = NAV.filter((n) => me.permissions.includes(n.permission)).map((n) => ({
    key: n.path,
    icon: n.icon,
    label: t(n.label),
  }));
  const selected = NAV.find((n) => pathname === n.path || pathname.startsWith(`${n.path}/`))?.path;
  // The platform root says nothing to an officer; the chain from the province down says where they sit.
  const chain = me.orgChain.filter((o) => o.kind !== 'platform');

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider breakpoint="lg" collapsedWidth={0} width={208} theme="dark">
        <div className="brand">{t('app.title')}</div>
        <Menu
          theme="dark"
          mode="inline"
          aria-label={t('app.title')}
          selectedKeys={selected ? [selected] : []}
          items={items}
          onClick={({ key }) => navigate(key)}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header className="app-header">
          <div className="org-chain" aria-label={t('users.org')}>
            <ApartmentOutlined />
            <Typography.Text ellipsis>
              {(chain.length ? chain : me.orgChain).map((o) => o.name).join(' / ')}
            </Typography.Text>
          </div>
          <Space size={16}>
            <LanguageSwitch />
            <AccountMenu />
          </Space>
        </Layout.Header>
        <Layout.Content className="app-content">
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
