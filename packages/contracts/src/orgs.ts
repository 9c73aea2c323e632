import { z } from 'zod';
import { Id, Name, Version } from './common';
import { OrgKind } from './roles';

export const Org = z.object({
  id: Id,
  parentId: Id.nullable(),
  name: z.string(),
  kind: OrgKind,
  /** Short code used in usernames and exports, unique among siblings. */
  code: z.string().nullable(),
  /** The tenant this node belongs to (itself for a tenant); null above the tenants. */
  tenantId: Id.nullable(),
  /** Rural/remote school (乡村学校), used by the rural-teacher rules. */
  rural: z.boolean(),
  active: z.boolean(),
  depth: z.number().int(),
  version: Version,
});
export type Org = z.infer<typeof Org>;

export const OrgList = z.object({ items: z.array(Org) });

export const OrgCode = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9-]{0,31}$/, 'ORG_CODE_FORMAT');

export const CreateOrgRequest = z.strictObject({
  parentId: Id,
  name: Name,
  kind: OrgKind,
  code: OrgCode.optional(),
  rural: z.boolean().default(false),
});
export type CreateOrgRequest = z.infer<typeof CreateOrgRequest>;

export const UpdateOrgRequest = z.strictObject({
  version: Version,
  name: Name.optional(),
  code: OrgCode.nullable().optional(),
  rural: z.boolean().optional(),
});
export type UpdateOrgRequest = z.infer<typeof UpdateOrgRequest>;

export const MoveOrgRequest = z.strictObject({ version: Version, parentId: Id });
export type MoveOrgRequest = z.infer<typeof MoveOrgRequest>;

export const VersionRequest = z.strictObject({ version: Version });
export type VersionRequest = z.infer<typeof VersionRequest>;

export const PasswordPolicy = z.strictObject({
  minLength: z.number().int().min(8).max(128),
  /** Of lower case, upper case, digits and symbols, how many must appear. */
  minClasses: z.number().int().min(1).max(4),
  rejectCommon: z.boolean(),
});
export type PasswordPolicy = z.infer<typeof PasswordPolicy>;
