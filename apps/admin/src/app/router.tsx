import { Result } from 'antd';
import { BrowserRouter, Route, Routes } from 'react-router';
import { HomePage } from '@/app/HomePage';
import { RequirePermission } from '@/app/RequirePermission';
import { SessionGate } from '@/app/SessionGate';
import { ChangePasswordPage } from '@/features/account/ChangePasswordPage';
import { MfaPage } from '@/features/account/MfaPage';
import { AuditPage } from '@/features/audit/AuditPage';
import { LoginPage } from '@/features/auth/LoginPage';
import { OrgsPage } from '@/features/orgs/OrgsPage';
import { PlatformSettingsPage } from '@/features/settings/PlatformSettingsPage';
import { UserDetailPage } from '@/features/users/UserDetailPage';
import { UsersPage } from '@/features/users/UsersPage';

export function AppRouter() {
  return (
    <BrowserRouter>
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        <Route element={<SessionGate />}>
          <Route index element={<HomePage />} />
          <Route path="orgs" element={<RequirePermission permission="org.read"><OrgsPage /></RequirePermission>} />
          <Route path="users" element={<RequirePermission permission="user.read"><UsersPage /></RequirePermission>} />
          <Route path="users/:id" element={<RequirePermission permission="user.read"><UserDetailPage /></RequirePermission>} />
          <Route path="audit" element={<RequirePermission permission="audit.read"><AuditPage /></RequirePermission>} />
          <Route
            path="settings/platform"
            element={<RequirePermission permission="settings.platform"><PlatformSettingsPage /></RequirePermission>}
          />
          <Route path="account/password" element={<ChangePasswordPage />} />
          <Route path="account/mfa" element={<MfaPage />} />
          <Route path="*" element={<Result status="404" title="404" />} />
        </Route>
      </Routes>
    </BrowserRouter>
  );
}
