import type { OrgKind } from '@guanai/contracts';

/** province → city/county/university union (the tenants) → school/department. */
const CHILD_KINDS: Record<OrgKind, readonly OrgKind[]> = {
  platform: ['province'],
  province: ['city', 'county', 'university'],
  city: ['county', 'school'],
  county: ['school'],
  university: ['department'],
  school: [],
  department: [],
};

export function allowedChildKinds(parent: OrgKind): readonly OrgKind[] {
  return CHILD_KINDS[parent];
}

export function canContain(parent: OrgKind, child: OrgKind): boolean {
  return CHILD_KINDS[parent].includes(child);
}

/** The tenants of the platform: each city/county union and each university union. */
export function isTenantKind(kind: OrgKind): boolean {
  return kind === 'city' || kind === 'county' || kind === 'university';
}

/**
 * Materialised paths: `/<id>/<id>/…/` from the root. A node is in a scope when its path starts with
 * the scope's path; `/` is the whole platform.
 */
export function childPath(parentPath: string, id: string): string {
  return `${parentPath}${id}/`;
}

export function isWithin(path: string, scopePath: string): boolean {
  return scopePath.length > 0 && path.startsWith(scopePath);
}

export function idsOnPath(path: string): string[] {
  return path.split('/').filter(Boolean);
}

/** Moving a node under itself or one of its descendants would cut the tree. */
export function wouldCreateCycle(nodePath: string, newParentPath: string): boolean {
  return newParentPath.startsWith(nodePath);
}
