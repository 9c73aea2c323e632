import { useState, type ReactNode } from 'react';
import { App, Layout, Menu, Space, Typography, type MenuProps } from 'antd';
import { ApartmentOutlined } from '@ant-design/icons';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { errorMessage } from '@/app/api/problem';
import { useI18n } from '@/app/i18n/I18nProvider';
import { LanguageSwitch } from '@/app/i18n/LanguageSwitch';
import { useCurrentUser } from '@/app/session';
import { NotificationBell } from '@/features/notifications/NotificationBell';
import { openQueueBoard } from '@/features/queues/queueBoard';
import { AccountMenu } from './AccountMenu';
import { NAV, NAV_GROUPS, SELF_NAV, type NavGroup } from './nav';

type MenuItem = NonNullable<MenuProps['items']>[number];
const groupKey = (g: NavGroup) => `group:${g}`;

export function AppLayout() {
  const { t } = useI18n();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { pathname } = useLocation();
  // One's own pages (by role) first, then the officers' tools (by permission); a group is a submenu.
  const own = SELF_NAV.filter((n) => n.roles.includes(me.role));
  const allowed = NAV.filter((n) => me.permissions.includes(n.permission) && (n.when?.(me) ?? true));
  const items: MenuItem[] = own.map((n) => ({ key: n.path, icon: n.icon, label: t(n.label) }));
  const groups = new Map<NavGroup, { key: string; icon: ReactNode; label: string; children: MenuItem[] }>();
  for (const n of allowed) {
    const entry = { key: n.path, icon: n.icon, label: t(n.label) };
    if (!n.group) {
      items.push(entry);
      continue;
    }
    let group = groups.get(n.group);
    if (!group) {
      const g = NAV_GROUPS[n.group];
      group = { key: groupKey(n.group), icon: g.icon, label: t(g.label), children: [] };
      groups.set(n.group, group);
      items.push(group);
    }
    group.children.push(entry);
  }
  const current = [...own, ...allowed].find((n) => pathname === n.path || pathname.startsWith(`${n.path}/`));
  const selected = current?.path;
  // Groups start open; one closed by hand stays closed until one of its pages is opened.
  const [open, setOpen] = useState<string[]>(() =>
    Object.keys(NAV_GROUPS).map((g) => groupKey(g as NavGroup)),
  );
  const currentGroup = current && 'group' in current && current.group ? groupKey(current.group) : null;
  const openKeys = currentGroup && !open.includes(currentGroup) ? [...open, currentGroup] : open;
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
          openKeys={openKeys}
          onOpenChange={setOpen}
          items={items}
          onClick={({ key }) =>
            allowed.some((n) => n.path === key && n.external)
              ? void openQueueBoard((err) => message.error(errorMessage(err)))
              : navigate(key)
          }
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
            <NotificationBell />
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
