import { z } from 'zod';
import { Id, Name, PageQuery, Version, pageOf } from './common';
import { Role } from './roles';

export const Username = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{2,63}$/, 'USERNAME_FORMAT');

export const UserStatus = z.enum(['active', 'disabled']);
export type UserStatus = z.infer<typeof UserStatus>;

export const User = z.object({
  id: Id,
  username: z.string(),
  displayName: z.string(),
  role: Role,
  orgId: Id,
  orgName: z.string(),
  status: UserStatus,
  lockedUntil: z.string().nullable(),
  mfaEnabled: z.boolean(),
  mustChangePassword: z.boolean(),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
  version: Version,
});
export type User = z.infer<typeof User>;
export const UserPage = pageOf(User);

export const USER_SORTS = ['username', '-username', 'createdAt', '-createdAt', 'lastLoginAt', '-lastLoginAt'] as const;

export const ListUsersQuery = PageQuery.extend({
  q: z.string().trim().max(64).optional(),
  orgId: Id.optional(),
  role: Role.optional(),
  status: UserStatus.optional(),
  sort: z.enum(USER_SORTS).default('username'),
});
export type ListUsersQuery = z.infer<typeof ListUsersQuery>;

export const CreateUserRequest = z.strictObject({
  username: Username,
  displayName: Name,
  role: Role,
  orgId: Id,
  /** An initial password; when absent the server generates one and returns it once. */
  password: z.string().min(1).max(256).optional(),
});
export type CreateUserRequest = z.infer<typeof CreateUserRequest>;

export const UpdateUserRequest = z.strictObject({
  version: Version,
  displayName: Name.optional(),
  role: Role.optional(),
  orgId: Id.optional(),
});
export type UpdateUserRequest = z.infer<typeof UpdateUserRequest>;

/** The user, and a temporary password shown once when the server made it. */
export const UserWithPassword = z.object({ user: User, temporaryPassword: z.string().nullable() });
export type UserWithPassword = z.infer<typeof UserWithPassword>;
