import { z } from 'zod';

/** Roles, from the widest to the narrowest. */
export const ROLES = [
  'platform_admin',
  'province_admin',
  'tenant_admin',
  'unit_officer',
  'case_handler',
  'judge',
  'teacher',
] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

export const PERMISSIONS = [
  'org.read',
  'org.write',
  'user.read',
  'user.write',
  'audit.read',
  'settings.tenant',
  'settings.platform',
  'queues.admin',
  'teacher.read',
  'teacher.write',
  'teacher.reveal',
  'teacher.import',
  'teacher.transfer',
  'programme.read',
  'programme.manage',
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
  'holiday.manage',
] as const;
export const Permission = z.enum(PERMISSIONS);
export type Permission = z.infer<typeof Permission>;

/** Organisation kinds: the province's tenants are city/county unions and university unions. */
export const ORG_KINDS = [
  'platform',
  'province',
  'city',
  'county',
  'university',
  'school',
  'department',
] as const;
export const OrgKind = z.enum(ORG_KINDS);
export type OrgKind = z.infer<typeof OrgKind>;
