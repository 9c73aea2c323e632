import { ROLES, PERMISSIONS } from '@guanai/contracts';
import { can, canAssignRole, isAdministrator, roleFitsOrg } from '../index';

describe('permission matrix', () => {
  it('gives platform admins every permission but teachers’ personal data, and teachers none of the admin ones', () => {
    // Care records, reminders and dispute cases name teachers; adopting a programme is a tenant's own act;
    // legal aid and labour-law supervision are the unions' work, not the platform operator's.
    const tenantsOwn = (p: string) =>
      p.startsWith('teacher.') ||
      p.startsWith('care.') ||
      p.startsWith('reminder.') ||
      p.startsWith('case.') ||
      p.startsWith('legal_aid.') ||
      p.startsWith('supervision.') ||
      p === 'programme.adopt';
    for (const p of PERMISSIONS.filter((p) => !tenantsOwn(p))) expect(can('platform_admin', p)).toBe(true);
    for (const p of PERMISSIONS.filter(tenantsOwn)) expect([p, can('platform_admin', p)]).toEqual([p, false]);
    expect(can('teacher', 'user.read')).toBe(false);
    expect(can('unit_officer', 'user.write')).toBe(false);
  });

  it('keeps teachers’ personal data with the tenant: no province or platform admin reads it (DOMAIN.md)', () => {
    for (const role of ['platform_admin', 'province_admin'] as const) {
      expect(PERMISSIONS.filter((p) => p.startsWith('teacher.') && can(role, p))).toEqual([]);
    }
    expect(can('tenant_admin', 'teacher.reveal')).toBe(true);
    expect(can('unit_officer', 'teacher.import')).toBe(false);
  });

  it('keeps dispute cases with the union’s handlers and administrators (issue 6): no school officer, province or platform', () => {
    for (const p of ['case.read', 'case.write'] as const)
      expect(ROLES.filter((role) => can(role, p))).toEqual(['tenant_admin', 'case_handler']);
    // The province sees the figures rolled up, never a case (issue 6, SPA and reports).
    expect(ROLES.filter((role) => can(role, 'case.report'))).toEqual([
      'province_admin',
      'tenant_admin',
      'case_handler',
    ]);
  });

  it('lets only the platform admin change the holiday calendar every tenant’s deadlines count on', () => {
    expect(ROLES.filter((role) => can(role, 'holiday.manage'))).toEqual(['platform_admin']);
  });

  it('keeps platform settings and queues to the platform admin', () => {
    for (const role of ROLES.filter((r) => r !== 'platform_admin')) {
      expect(can(role, 'settings.platform')).toBe(false);
      expect(can(role, 'queues.admin')).toBe(false);
    }
  });

  it('marks the three administrator roles (MLPS level 3 asks them for two factors)', () => {
    expect(ROLES.filter(isAdministrator)).toEqual(['platform_admin', 'province_admin', 'tenant_admin']);
  });
});

describe('role assignment', () => {
  it('lets an administrator give roles no wider than their own', () => {
    expect(canAssignRole('tenant_admin', 'unit_officer')).toBe(true);
    expect(canAssignRole('tenant_admin', 'tenant_admin')).toBe(true);
    expect(canAssignRole('tenant_admin', 'province_admin')).toBe(false);
    expect(canAssignRole('province_admin', 'platform_admin')).toBe(false);
    expect(canAssignRole('platform_admin', 'platform_admin')).toBe(true);
  });

  it('lets no one else assign roles', () => {
    expect(canAssignRole('unit_officer', 'teacher')).toBe(false);
    expect(canAssignRole('case_handler', 'teacher')).toBe(false);
  });

  it('places each role at the right level of the tree', () => {
    expect(roleFitsOrg('tenant_admin', 'county')).toBe(true);
    expect(roleFitsOrg('tenant_admin', 'school')).toBe(false);
    expect(roleFitsOrg('unit_officer', 'school')).toBe(true);
    expect(roleFitsOrg('unit_officer', 'department')).toBe(true);
    expect(roleFitsOrg('province_admin', 'county')).toBe(false);
  });
});
