import type { ReactNode } from 'react';
import {
  AlertOutlined,
  ApartmentOutlined,
  AuditOutlined,
  BarChartOutlined,
  BellOutlined,
  CalendarOutlined,
  DashboardOutlined,
  DatabaseOutlined,
  FileTextOutlined,
  FormOutlined,
  HeartOutlined,
  FundProjectionScreenOutlined,
  IdcardOutlined,
  SafetyCertificateOutlined,
  ScheduleOutlined,
  SettingOutlined,
  SolutionOutlined,
  SwapOutlined,
  TeamOutlined,
  ToolOutlined,
} from '@ant-design/icons';
import type { Me, Permission, Role } from '@guanai/contracts';
import type { MessageKey } from '@/app/i18n/zh';

/** Consecutive items of one group show as a submenu under its label. */
export type NavGroup = 'teachers' | 'care' | 'rights';

export interface NavItem {
  path: string;
  label: MessageKey;
  permission: Permission;
  icon: ReactNode;
  group?: NavGroup;
  /** Shown only to those it is true for, besides the permission (a union's page, the province's view). */
  when?: (me: Me) => boolean;
  /** Not a page of the SPA: opened in a new tab by AppLayout (Bull Board, through a ticket). */
  external?: boolean;
}

export const NAV_GROUPS: Record<NavGroup, { label: MessageKey; icon: ReactNode }> = {
  teachers: { label: 'menu.teacherGroup', icon: <IdcardOutlined /> },
  // 关爱工程: programmes (features/programmes), care records and the compliance dashboards.
  care: { label: 'menu.careGroup', icon: <HeartOutlined /> },
  // 维权服务 (issue 6): dispute cases, and beside them legal aid, supervision and the case reports.
  rights: { label: 'menu.rightsGroup', icon: <SafetyCertificateOutlined /> },
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
  {
    path: '/programme-templates',
    label: 'menu.programmeTemplates',
    permission: 'programme.manage',
    icon: <FileTextOutlined />,
    group: 'care',
  },
  {
    path: '/programmes',
    label: 'menu.myProgrammes',
    permission: 'programme.read',
    icon: <FileTextOutlined />,
    group: 'care',
    when: (me) => me.tenant !== null,
  },
  {
    path: '/programme-adoptions',
    label: 'menu.programmeAdoptions',
    permission: 'programme.read',
    icon: <FundProjectionScreenOutlined />,
    group: 'care',
    when: (me) => me.tenant === null,
  },
  {
    path: '/care',
    label: 'menu.careRecords',
    permission: 'care.read',
    icon: <HeartOutlined />,
    group: 'care',
  },
  {
    path: '/compliance',
    label: 'menu.compliance',
    permission: 'compliance.read',
    icon: <DashboardOutlined />,
    group: 'care',
  },
  {
    path: '/reminders',
    label: 'menu.reminders',
    permission: 'reminder.read',
    icon: <BellOutlined />,
    group: 'care',
  },
  {
    path: '/reminder-settings',
    label: 'menu.reminderSettings',
    permission: 'reminder.configure',
    icon: <ScheduleOutlined />,
    group: 'care',
  },
  {
    path: '/cases',
    label: 'menu.cases',
    permission: 'case.read',
    icon: <SafetyCertificateOutlined />,
    group: 'rights',
  },
  {
    path: '/supervision',
    label: 'menu.supervision',
    permission: 'supervision.read',
    icon: <AuditOutlined />,
    group: 'rights',
  },
  {
    path: '/legal-aid',
    label: 'menu.legalAid',
    permission: 'legal_aid.manage',
    icon: <TeamOutlined />,
    group: 'rights',
  },
  {
    path: '/case-reports',
    label: 'menu.caseReports',
    permission: 'case.report',
    icon: <BarChartOutlined />,
    group: 'rights',
  },
  { path: '/users', label: 'menu.users', permission: 'user.read', icon: <TeamOutlined /> },
  { path: '/audit', label: 'menu.audit', permission: 'audit.read', icon: <AuditOutlined /> },
  {
    path: '/notification-deliveries',
    label: 'menu.deadLetters',
    permission: 'notification.admin',
    icon: <AlertOutlined />,
  },
  {
    // Bull Board, the job queues' dashboard (platform administrators).
    path: '/admin/queues',
    label: 'menu.queues',
    permission: 'queues.admin',
    icon: <DatabaseOutlined />,
    external: true,
  },
  {
    path: '/settings/platform',
    label: 'menu.platformSettings',
    permission: 'settings.platform',
    icon: <SettingOutlined />,
  },
  {
    // The holiday arrangements the dispute deadlines count on (each autumn, next year's notice).
    path: '/settings/holidays',
    label: 'menu.holidays',
    permission: 'holiday.manage',
    icon: <CalendarOutlined />,
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
  // 我的维权: ask the union for help and follow one's own dispute cases.
  { path: '/my-cases', label: 'menu.myCases', roles: ['teacher'], icon: <ToolOutlined /> },
];
