import { Inject, Injectable } from '@nestjs/common';
import type { Role, SessionRestriction } from '@guanai/contracts';
import { isAdministrator } from '@guanai/domain';
import { DataSource, inScope, type Config, type EntityManager } from '@guanai/db';
import { CONFIG } from '../config.module';
import { AppError } from '../common/app-error';
import type { Principal } from '../common/principal';
import { PlatformSettingsService } from '../settings/platform-settings.service';
import { Tokens } from './tokens';

interface SessionRow {
  sid: string;
  revoked_at: Date | null;
  last_seen_at: Date;
  expires_at: Date;
  user_id: string;
  username: string;
  display_name: string;
  role: Role;
  status: string;
  must_change_password: boolean;
  totp_enabled: boolean;
  org_id: string;
  path: string;
  org_active: boolean;
}

/** Sessions: created at login, checked on every request, ended by logout, idleness or age. */
@Injectable()
export class SessionsService {
  constructor(
    private readonly ds: DataSource,
    private readonly tokens: Tokens,
    private readonly settings: PlatformSettingsService,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  async restrictionsFor(
    em: EntityManager,
    u: { role: Role; mustChangePassword: boolean; totpEnabled: boolean },
  ): Promise<SessionRestriction[]> {
    const r: SessionRestriction[] = [];
    if (u.mustChangePassword) r.push('password_change');
    if (!u.totpEnabled && isAdministrator(u.role) && (await this.settings.get(em)).requireAdminMfa) r.push('mfa_enrollment');
    return r;
  }

  /** A new session and its first refresh token, inside the caller's transaction. */
  async open(em: EntityManager, user: { id: string; orgId: string; orgPath: string }, meta: { ip?: string; userAgent?: string }) {
    const [s] = await em.query(
      `INSERT INTO sessions (user_id, org_id, expires_at, ip, user_agent)
       VALUES ($1, $2, now() + make_interval(hours => $3), $4, $5) RETURNING id`,
      [user.id, user.orgId, this.config.SESSION_MAX_HOURS, meta.ip ?? null, meta.userAgent?.slice(0, 300) ?? null],
    );
    return this.issue(em, s.id as string, user);
  }

  /** An access token and a new refresh token for the session. */
  async issue(em: EntityManager, sessionId: string, user: { id: string; orgId: string; orgPath: string }) {
    const refresh = this.tokens.newRefreshToken();
    await em.query(`INSERT INTO refresh_tokens (token_hash, session_id, org_id) VALUES ($1, $2, $3)`, [
      refresh.hash,
      sessionId,
      user.orgId,
    ]);
    const accessToken = await this.tokens.signAccess({ sub: user.id, sid: sessionId, path: user.orgPath });
    return { accessToken, refreshToken: refresh.token, expiresIn: this.tokens.accessTtl };
  }

  isIdle(lastSeen: Date): boolean {
    return Date.now() - lastSeen.getTime() > this.config.SESSION_IDLE_MINUTES * 60_000;
  }

  async revoke(em: EntityManager, sessionId: string, reason: string): Promise<void> {
    await em.query(`UPDATE sessions SET revoked_at = now(), revoke_reason = $2 WHERE id = $1 AND revoked_at IS NULL`, [
      sessionId,
      reason,
    ]);
  }

  /** From a bearer token to the caller, checking the live session on every request. */
  async authenticate(accessToken: string): Promise<Principal> {
    const claims = await this.tokens.verifyAccess(accessToken);
    const found = await inScope(this.ds, { path: claims.path, userId: claims.sub }, async (em) => {
      const [r]: SessionRow[] = await em.query(
        `SELECT s.id AS sid, s.revoked_at, s.last_seen_at, s.expires_at, u.id AS user_id, u.username,
                u.display_name, u.role, u.status, u.must_change_password, u.totp_enabled, u.org_id, o.path,
                o.active AS org_active
         FROM sessions s JOIN users u ON u.id = s.user_id JOIN orgs o ON o.id = u.org_id
         WHERE s.id = $1 AND u.id = $2`,
        [claims.sid, claims.sub],
      );
      if (!r) return undefined;
      const ended =
        r.revoked_at !== null || r.expires_at.getTime() <= Date.now() || r.status !== 'active' || !r.org_active;
      if (ended) return { row: r, ended: true, restrictions: [] };
      if (this.isIdle(r.last_seen_at)) {
        await this.revoke(em, r.sid, 'idle');
        return { row: r, ended: true, restrictions: [] };
      }
      // Touch at most once a minute: enough for a 30-minute idle limit, cheap on hot paths.
      if (Date.now() - r.last_seen_at.getTime() > 60_000)
        await em.query(`UPDATE sessions SET last_seen_at = now() WHERE id = $1`, [r.sid]);
      const restrictions = await this.restrictionsFor(em, {
        role: r.role,
        mustChangePassword: r.must_change_password,
        totpEnabled: r.totp_enabled,
      });
      return { row: r, ended: false, restrictions };
    });
    // Not found under the token's path also covers a user whose organisation moved: refresh to continue.
    if (!found) throw new AppError('TOKEN_EXPIRED');
    if (found.ended) throw new AppError('SESSION_EXPIRED');
    const row = found.row;
    return {
      userId: row.user_id,
      username: row.username,
      displayName: row.display_name,
      role: row.role,
      orgId: row.org_id,
      orgPath: row.path,
      sessionId: row.sid,
      restrictions: found.restrictions,
    };
  }
}
