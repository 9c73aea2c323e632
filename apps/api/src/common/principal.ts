import type { Role, SessionRestriction } from '@guanai/contracts';

/** Who is calling, as established by the auth guard from the token and the live session row. */
export interface Principal {
  userId: string;
  username: string;
  displayName: string;
  role: Role;
  orgId: string;
  /** The org's materialised path: the request's data scope (本级及以下). */
  orgPath: string;
  sessionId: string;
  restrictions: SessionRestriction[];
}
