import type { ReactNode } from 'react';
import {
  ApartmentOutlined,
  AuditOutlined,
  IdcardOutlined,
  SettingOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { Permission } from '@guanai/contracts';
import type { MessageKey } from '@/app/i18n/zh';

export interface NavItem {
  path: string;
  label: MessageKey;
  permission: Permission;
  icon: ReactNode;
}

/** The side menu; an item shows only when the user holds its permission. */
export const NAV: NavItem[] = [
  { path: '/orgs', label: 'menu.orgs', permission: 'org.read', icon: <ApartmentOutlined /> },
  { path: '/teachers', label: 'menu.teachers', permission: 'teacher.read', icon: <IdcardOutlined /> },
  { path: '/users', label: 'menu.users', permission: 'user.read', icon: <TeamOutlined /> },
  { path: '/audit', label: 'menu.audit', permission: 'audit.read', icon: <AuditOutlined /> },
  {
    path: '/settings/platform',
    label: 'menu.platformSettings',
    permission: 'settings.platform',
    icon: <SettingOutlined />,
  },
];
