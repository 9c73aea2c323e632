import { ROLES, type OrgKind, type Role } from '@guanai/contracts';

const TENANT_KINDS: readonly OrgKind[] = ['city', 'county', 'university'];
const UNIT_KINDS: readonly OrgKind[] = ['school', 'department'];

/** Which kinds of organisation a user of each role may belong to. */
const ROLE_ORG_KINDS: Record<Role, readonly OrgKind[]> = {
  platform_admin: ['platform'],
  province_admin: ['province'],
  tenant_admin: TENANT_KINDS,
  case_handler: TENANT_KINDS,
  unit_officer: UNIT_KINDS,
  judge: [...TENANT_KINDS, ...UNIT_KINDS],
  teacher: UNIT_KINDS,
};

export function roleFitsOrg(role: Role, kind: OrgKind): boolean {
  return ROLE_ORG_KINDS[role].includes(kind);
}

export function orgKindsForRole(role: Role): readonly OrgKind[] {
  return ROLE_ORG_KINDS[role];
}

function rank(role: Role): number {
  // Administrators outrank everyone below them; the non-admin roles share one rank.
  return Math.min(ROLES.indexOf(role), 3);
}

/**
 * An administrator may give a role no wider than their own: a tenant admin can make another tenant
 * admin or a school officer, never a province admin. Non-administrators assign nothing.
 */
export function canAssignRole(actor: Role, target: Role): boolean {
  if (rank(actor) >= 3) return false;
  return rank(target) >= rank(actor);
}
