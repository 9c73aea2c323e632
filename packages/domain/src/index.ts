export { ROLE_PERMISSIONS, permissionsOf, can, isAdministrator } from './access/permissions';
export { roleFitsOrg, orgKindsForRole, canAssignRole } from './access/roles';
export {
  allowedChildKinds,
  canContain,
  isTenantKind,
  childPath,
  isWithin,
  idsOnPath,
  wouldCreateCycle,
} from './orgs/tree';
export {
  DEFAULT_PASSWORD_POLICY,
  checkPassword,
  characterClasses,
  type PasswordProblem,
} from './passwords/policy';
