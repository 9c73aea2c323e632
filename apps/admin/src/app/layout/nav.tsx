import type { ReactNode } from 'react';
import {
  ApartmentOutlined,
  AuditOutlined,
  FormOutlined,
  IdcardOutlined,
  SettingOutlined,
  SolutionOutlined,
  SwapOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { Permission, Role } from '@guanai/contracts';
import type { MessageKey } from '@/app/i18n/zh';

/** Consecutive items of one group show as a submenu under its label. */
export type NavGroup = 'teachers';

export interface NavItem {
  path: string;
  label: MessageKey;
  permission: Permission;
  icon: ReactNode;
  group?: NavGroup;
}

export const NAV_GROUPS: Record<NavGroup, { label: MessageKey; icon: ReactNode }> = {
  teachers: { label: 'menu.teacherGroup', icon: <IdcardOutlined /> },
};

/** The side menu; an item shows only when the user holds its permission. */
export const NAV: NavItem[] = [
  { path: '/orgs', label: 'menu.orgs', permission: 'org.read', icon: <ApartmentOutlined /> },
  {
    path: '/teachers',
    label: 'menu.teachers',
    permission: 'teacher.read',
    icon: <IdcardOutlined />,
    group: 'teachers',
  },
  {
    path: '/teacher-corrections',
    label: 'menu.corrections',
    permission: 'teacher.write',
    icon: <FormOutlined />,
    group: 'teachers',
  },
  {
    path: '/tenant-transfers',
    label: 'menu.tenantTransfers',
    permission: 'teacher.transfer',
    icon: <SwapOutlined />,
    group: 'teachers',
  },
  { path: '/users', label: 'menu.users', permission: 'user.read', icon: <TeamOutlined /> },
  { path: '/audit', label: 'menu.audit', permission: 'audit.read', icon: <AuditOutlined /> },
  {
    path: '/settings/platform',
    label: 'menu.platformSettings',
    permission: 'settings.platform',
    icon: <SettingOutlined />,
  },
];

export interface SelfNavItem {
  path: string;
  label: MessageKey;
  roles: Role[];
  icon: ReactNode;
}

/**
 * Pages about oneself rather than officers' tools, shown by role (a teacher holds no permission): listed
 * first, and the first one that applies is where the role lands after login.
 */
export const SELF_NAV: SelfNavItem[] = [
  { path: '/my-record', label: 'menu.myRecord', roles: ['teacher'], icon: <SolutionOutlined /> },
];
