import { lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import { Result, Spin } from 'antd';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import type { Permission } from '@guanai/contracts';
import { HomePage } from '@/app/HomePage';
import { PageErrorBoundary } from '@/app/PageErrorBoundary';
import { RequirePermission } from '@/app/RequirePermission';
import { SELF_NAV } from '@/app/layout/nav';
import { useCurrentUser } from '@/app/session';
import { SessionGate } from '@/app/SessionGate';
import { LoginPage } from '@/features/auth/LoginPage';

/** Pages load on first visit, so the login screen does not wait for tables, trees and date pickers. */
function page<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) {
  return lazy(async () => ({ default: (await load())[name] }));
}

const OrgsPage = page(() => import('@/features/orgs/OrgsPage'), 'OrgsPage');
const UsersPage = page(() => import('@/features/users/UsersPage'), 'UsersPage');
const UserDetailPage = page(() => import('@/features/users/UserDetailPage'), 'UserDetailPage');
const TeachersPage = page(() => import('@/features/teachers/TeachersPage'), 'TeachersPage');
const TeacherDetailPage = page(() => import('@/features/teachers/TeacherDetailPage'), 'TeacherDetailPage');
const TeacherImportPage = page(
  () => import('@/features/teachers/import/TeacherImportPage'),
  'TeacherImportPage',
);
const CorrectionsPage = page(() => import('@/features/teacher-requests/CorrectionsPage'), 'CorrectionsPage');
const TenantTransfersPage = page(
  () => import('@/features/teacher-requests/TenantTransfersPage'),
  'TenantTransfersPage',
);
const CareRecordsPage = page(() => import('@/features/care/CareRecordsPage'), 'CareRecordsPage');
const CareRecordDetailPage = page(
  () => import('@/features/care/CareRecordDetailPage'),
  'CareRecordDetailPage',
);
const ComplianceDashboardPage = page(
  () => import('@/features/compliance/ComplianceDashboardPage'),
  'ComplianceDashboardPage',
);
const ProgrammeReportPage = page(
  () => import('@/features/compliance/ProgrammeReportPage'),
  'ProgrammeReportPage',
);
const TemplatesPage = page(() => import('@/features/programmes/TemplatesPage'), 'TemplatesPage');
const TemplateEditorPage = page(
  () => import('@/features/programmes/editor/TemplateEditorPage'),
  'TemplateEditorPage',
);
const ProgrammesPage = page(() => import('@/features/programmes/adopt/ProgrammesPage'), 'ProgrammesPage');
const ProgrammeAdoptionsPage = page(
  () => import('@/features/programmes/adopt/ProgrammesPage'),
  'ProgrammeAdoptionsPage',
);
const ProgrammeDetailPage = page(
  () => import('@/features/programmes/adopt/ProgrammeDetailPage'),
  'ProgrammeDetailPage',
);
const MyRecordPage = page(() => import('@/features/self-service/MyRecordPage'), 'MyRecordPage');
const AuditPage = page(() => import('@/features/audit/AuditPage'), 'AuditPage');
const PlatformSettingsPage = page(
  () => import('@/features/settings/PlatformSettingsPage'),
  'PlatformSettingsPage',
);
const RemindersPage = page(() => import('@/features/reminders/RemindersPage'), 'RemindersPage');
const ReminderSettingsPage = page(
  () => import('@/features/reminders/ReminderSettingsPage'),
  'ReminderSettingsPage',
);
const NotificationsPage = page(
  () => import('@/features/notifications/NotificationsPage'),
  'NotificationsPage',
);
const NotificationSettingsPage = page(
  () => import('@/features/notifications/NotificationSettingsPage'),
  'NotificationSettingsPage',
);
const DeadLettersPage = page(() => import('@/features/notifications/DeadLettersPage'), 'DeadLettersPage');
const ChangePasswordPage = page(() => import('@/features/account/ChangePasswordPage'), 'ChangePasswordPage');
const MfaPage = page(() => import('@/features/account/MfaPage'), 'MfaPage');
const CasesPage = page(() => import('@/features/cases/CasesPage'), 'CasesPage');
const CaseDetailPage = page(() => import('@/features/cases/CaseDetailPage'), 'CaseDetailPage');
const MyCasesPage = page(() => import('@/features/cases/self/MyCasesPage'), 'MyCasesPage');
const LegalAidRosterPage = page(
  () => import('@/features/legal-aid/LegalAidRosterPage'),
  'LegalAidRosterPage',
);
const SupervisionPage = page(() => import('@/features/supervision/SupervisionPage'), 'SupervisionPage');
const CaseReportsPage = page(() => import('@/features/case-reports/CaseReportsPage'), 'CaseReportsPage');
const HolidaysPage = page(() => import('@/features/holidays/HolidaysPage'), 'HolidaysPage');

function guarded(permission: Permission | null, element: ReactNode) {
  const body = (
    <PageErrorBoundary>
      <Suspense fallback={<Spin />}>{element}</Suspense>
    </PageErrorBoundary>
  );
  return permission ? <RequirePermission permission={permission}>{body}</RequirePermission> : body;
}

/** A role with pages of its own (a teacher: 我的档案) lands there; everyone else on the first tool they may use. */
function Landing() {
  const me = useCurrentUser();
  const own = SELF_NAV.find((n) => n.roles.includes(me.role));
  return own ? <Navigate to={own.path} replace /> : <HomePage />;
}

export function AppRouter() {
  return (
    <BrowserRouter>
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        <Route element={<SessionGate />}>
          <Route index element={<Landing />} />
          <Route path="orgs" element={guarded('org.read', <OrgsPage />)} />
          <Route path="users" element={guarded('user.read', <UsersPage />)} />
          <Route path="users/:id" element={guarded('user.read', <UserDetailPage />)} />
          <Route path="teachers" element={guarded('teacher.read', <TeachersPage />)} />
          <Route path="teachers/import" element={guarded('teacher.import', <TeacherImportPage />)} />
          <Route path="teachers/:id" element={guarded('teacher.read', <TeacherDetailPage />)} />
          <Route path="teacher-corrections" element={guarded('teacher.write', <CorrectionsPage />)} />
          <Route path="tenant-transfers" element={guarded('teacher.transfer', <TenantTransfersPage />)} />
          <Route path="programme-templates" element={guarded('programme.manage', <TemplatesPage />)} />
          <Route
            path="programme-templates/:id"
            element={guarded('programme.manage', <TemplateEditorPage />)}
          />
          <Route path="programmes" element={guarded('programme.read', <ProgrammesPage />)} />
          <Route path="programmes/:id" element={guarded('programme.read', <ProgrammeDetailPage />)} />
          <Route path="programme-adoptions" element={guarded('programme.read', <ProgrammeAdoptionsPage />)} />
          <Route path="care" element={guarded('care.read', <CareRecordsPage />)} />
          <Route path="care/:id" element={guarded('care.read', <CareRecordDetailPage />)} />
          <Route path="compliance" element={guarded('compliance.read', <ComplianceDashboardPage />)} />
          <Route
            path="compliance/programmes/:id"
            element={guarded('compliance.read', <ProgrammeReportPage />)}
          />
          <Route path="reminders" element={guarded('reminder.read', <RemindersPage />)} />
          <Route path="reminder-settings" element={guarded('reminder.configure', <ReminderSettingsPage />)} />
          <Route path="notifications" element={guarded(null, <NotificationsPage />)} />
          <Route
            path="notification-deliveries"
            element={guarded('notification.admin', <DeadLettersPage />)}
          />
          <Route path="my-record" element={guarded(null, <MyRecordPage />)} />
          <Route path="my-cases" element={guarded(null, <MyCasesPage />)} />
          <Route path="cases" element={guarded('case.read', <CasesPage />)} />
          <Route path="cases/:id" element={guarded('case.read', <CaseDetailPage />)} />
          <Route path="legal-aid" element={guarded('legal_aid.manage', <LegalAidRosterPage />)} />
          <Route path="supervision" element={guarded('supervision.read', <SupervisionPage />)} />
          <Route path="case-reports" element={guarded('case.report', <CaseReportsPage />)} />
          <Route path="audit" element={guarded('audit.read', <AuditPage />)} />
          <Route path="settings/platform" element={guarded('settings.platform', <PlatformSettingsPage />)} />
          <Route path="settings/holidays" element={guarded('holiday.manage', <HolidaysPage />)} />
          <Route path="account/password" element={guarded(null, <ChangePasswordPage />)} />
          <Route path="account/mfa" element={guarded(null, <MfaPage />)} />
          <Route path="account/notifications" element={guarded(null, <NotificationSettingsPage />)} />
          <Route path="*" element={<Result status="404" title="404" />} />
        </Route>
      </Routes>
    </BrowserRouter>
  );
}
