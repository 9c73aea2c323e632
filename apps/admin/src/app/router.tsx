import { lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import { Result, Spin } from 'antd';
import { BrowserRouter, Route, Routes } from 'react-router';
import type { Permission } from '@guanai/contracts';
import { HomePage } from '@/app/HomePage';
import { RequirePermission } from '@/app/RequirePermission';
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
const AuditPage = page(() => import('@/features/audit/AuditPage'), 'AuditPage');
const PlatformSettingsPage = page(
  () => import('@/features/settings/PlatformSettingsPage'),
  'PlatformSettingsPage',
);
const ChangePasswordPage = page(() => import('@/features/account/ChangePasswordPage'), 'ChangePasswordPage');
const MfaPage = page(() => import('@/features/account/MfaPage'), 'MfaPage');

function guarded(permission: Permission | null, element: ReactNode) {
  const body = <Suspense fallback={<Spin />}>{element}</Suspense>;
  return permission ? <RequirePermission permission={permission}>{body}</RequirePermission> : body;
}

export function AppRouter() {
  return (
    <BrowserRouter>
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        <Route element={<SessionGate />}>
          <Route index element={<HomePage />} />
          <Route path="orgs" element={guarded('org.read', <OrgsPage />)} />
          <Route path="users" element={guarded('user.read', <UsersPage />)} />
          <Route path="users/:id" element={guarded('user.read', <UserDetailPage />)} />
          <Route path="teachers" element={guarded('teacher.read', <TeachersPage />)} />
          <Route path="teachers/import" element={guarded('teacher.import', <TeacherImportPage />)} />
          <Route path="teachers/:id" element={guarded('teacher.read', <TeacherDetailPage />)} />
          <Route path="audit" element={guarded('audit.read', <AuditPage />)} />
          <Route path="settings/platform" element={guarded('settings.platform', <PlatformSettingsPage />)} />
          <Route path="account/password" element={guarded(null, <ChangePasswordPage />)} />
          <Route path="account/mfa" element={guarded(null, <MfaPage />)} />
          <Route path="*" element={<Result status="404" title="404" />} />
        </Route>
      </Routes>
    </BrowserRouter>
  );
}
