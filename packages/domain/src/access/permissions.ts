import type { Permission, Role } from '@guanai/contracts';

/**
 * The permission matrix (docs/permissions.md mirrors it; keep them in step). Data scope is separate: every
 * role sees only its own organisation and what lies below it (本级及以下).
 */
export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  platform_admin: [
    'org.read',
    'org.write',
    'user.read',
    'user.write',
    'audit.read',
    'settings.tenant',
    'settings.platform',
    'queues.admin',
    'programme.read',
    'programme.manage',
    'compliance.read',
    'notification.admin',
    'holiday.manage',
  ],
  // The province configures programmes and watches compliance and spending, in aggregate.
  province_admin: [
    'org.read',
    'org.write',
    'user.read',
    'user.write',
    'audit.read',
    'settings.tenant',
    'programme.read',
    'programme.manage',
    'compliance.read',
    // Cases in aggregate only (counts, amounts, days per stage), never a case; the provincial roster of
    // lawyers and volunteers; supervision findings across the province.
    'case.report',
    'legal_aid.manage',
    'supervision.read',
  ],
  // Teachers' personal data stays with the tenant that manages them (DOMAIN.md): no teacher.* above it.
  tenant_admin: [
    'org.read',
    'org.write',
    'user.read',
    'user.write',
    'audit.read',
    'settings.tenant',
    'teacher.read',
    'teacher.write',
    'teacher.reveal',
    'teacher.import',
    'teacher.transfer',
    'programme.read',
    'programme.adopt',
    'care.read',
    'care.write',
    'compliance.read',
    'reminder.read',
    'reminder.act',
    'reminder.configure',
    'notification.admin',
    'case.read',
    'case.write',
    'case.report',
    'legal_aid.manage',
    'supervision.read',
    'supervision.write',
  ],
  unit_officer: [
    'org.read',
    'teacher.read',
    'teacher.write',
    'teacher.reveal',
    'programme.read',
    'care.read',
    'care.write',
    'compliance.read',
    'reminder.read',
    'reminder.act',
  ],
  // 维权专员: dispute cases stay with the union that handles them; a school officer (whose school may be
  // the respondent) and the province above hold no case.* (issue 6).
  case_handler: [
    'org.read',
    'case.read',
    'case.write',
    'case.report',
    'supervision.read',
    'supervision.write',
  ],
  judge: [],
  teacher: [],
};

export function permissionsOf(role: Role): readonly Permission[] {
  return ROLE_PERMISSIONS[role];
}

export function can(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

/** Administrators are the roles MLPS level 3 (等保三级) asks a second factor of. */
export function isAdministrator(role: Role): boolean {
  return role === 'platform_admin' || role === 'province_admin' || role === 'tenant_admin';
}
