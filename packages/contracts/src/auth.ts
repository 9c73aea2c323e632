import { z } from 'zod';
import { Id } from './common';
import { OrgKind, Permission, Role } from './roles';

export const LoginRequest = z.strictObject({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
  /** The TOTP code, when the account has a second factor. */
  totp: z
    .string()
    .regex(/^\d{6}$/)
    .optional(),
});
export type LoginRequest = z.infer<typeof LoginRequest>;

export const RefreshRequest = z.strictObject({ refreshToken: z.string().min(20).max(200) });
export type RefreshRequest = z.infer<typeof RefreshRequest>;

export const LogoutRequest = z.strictObject({ refreshToken: z.string().min(20).max(200).optional() });

/**
 * What a session still has to do before it may use the API: change a temporary password, or enrol a
 * second factor where the platform requires one for administrators.
 */
export const SessionRestriction = z.enum(['password_change', 'mfa_enrollment']);
export type SessionRestriction = z.infer<typeof SessionRestriction>;

export const TokenResponse = z.object({
  accessToken: z.string(),
  refreshToken: z.string(),
  /** Seconds the access token lives. */
  expiresIn: z.number().int(),
  restrictions: z.array(SessionRestriction),
});
export type TokenResponse = z.infer<typeof TokenResponse>;

export const OrgRef = z.object({ id: Id, name: z.string(), kind: OrgKind });
export type OrgRef = z.infer<typeof OrgRef>;

export const Me = z.object({
  id: Id,
  username: z.string(),
  displayName: z.string(),
  role: Role,
  org: OrgRef,
  /** The tenant (city/county/university union) the user belongs to, if any. */
  tenant: OrgRef.nullable(),
  /** From the root down to the user's own organisation. */
  orgChain: z.array(OrgRef),
  permissions: z.array(Permission),
  mfaEnabled: z.boolean(),
  restrictions: z.array(SessionRestriction),
});
export type Me = z.infer<typeof Me>;

export const ChangePasswordRequest = z.strictObject({
  currentPassword: z.string().min(1).max(256),
  newPassword: z.string().min(1).max(256),
});
export type ChangePasswordRequest = z.infer<typeof ChangePasswordRequest>;

export const TotpSetupResponse = z.object({ secret: z.string(), otpauthUrl: z.string() });
export type TotpSetupResponse = z.infer<typeof TotpSetupResponse>;

export const TotpCodeRequest = z.strictObject({ code: z.string().regex(/^\d{6}$/) });
export type TotpCodeRequest = z.infer<typeof TotpCodeRequest>;
