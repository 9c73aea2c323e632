import { Inject, Injectable } from '@nestjs/common';
import type { LoginRequest, Role, TokenResponse } from '@guanai/contracts';
import {
  DataSource,
  FieldCipher,
  dummyHash,
  inScope,
  returnedRows,
  systemScope,
  verifyPassword,
  type Config,
  type EntityManager,
} from '@guanai/db';
import { CONFIG } from '../config.module';
import { AppError } from '../common/app-error';
import type { ErrorCode } from '../common/messages';
import type { Principal } from '../common/principal';
import { AuditService } from '../audit/audit.service';
import { SessionsService } from './sessions.service';
import { hashToken } from './tokens';
import { verifyTotp } from './totp';

interface LoginRow {
  id: string;
  org_id: string;
  username: string;
  role: Role;
  password_hash: string;
  status: string;
  failed_logins: number;
  locked_until: Date | null;
  must_change_password: boolean;
  totp_enabled: boolean;
  totp_secret: string | null;
  totp_last_step: string | null;
  path: string;
  org_active: boolean;
}

type Outcome = { ok: TokenResponse } | { fail: ErrorCode; params?: Record<string, unknown> };

export interface ClientMeta {
  ip?: string;
  userAgent?: string;
}

/**
 * Login, refresh and logout. Failures that change state (failed-login counts, a lockout, a revoked
 * token family) are committed before the error is thrown, so an attacker cannot roll them back.
 */
@Injectable()
export class AuthService {
  constructor(
    private readonly ds: DataSource,
    private readonly sessions: SessionsService,
    private readonly audit: AuditService,
    private readonly cipher: FieldCipher,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  async login(input: LoginRequest, meta: ClientMeta): Promise<TokenResponse> {
    const username = input.username.toLowerCase();
    const [user]: LoginRow[] = await inScope(this.ds, systemScope('login'), (em) =>
      em.query(
        `SELECT u.id, u.org_id, u.username, u.role, u.password_hash, u.status, u.failed_logins, u.locked_until,
                u.must_change_password, u.totp_enabled, u.totp_secret, u.totp_last_step, o.path, o.active AS org_active
         FROM users u JOIN orgs o ON o.id = u.org_id WHERE u.username = $1`,
        [username],
      ),
    );
    if (!user) {
      await verifyPassword(await dummyHash(), input.password); // same time as a wrong password
      throw new AppError('INVALID_CREDENTIALS');
    }
    const outcome = await inScope(this.ds, { path: user.path, userId: user.id }, (em) =>
      this.attempt(em, user, input, meta),
    );
    if ('fail' in outcome) throw new AppError(outcome.fail, { params: outcome.params });
    return outcome.ok;
  }

  private async attempt(em: EntityManager, user: LoginRow, input: LoginRequest, meta: ClientMeta): Promise<Outcome> {
    const actor = this.actorOf(user);
    const minutesLeft = (until: Date) => Math.max(1, Math.ceil((until.getTime() - Date.now()) / 60_000));
    if (user.locked_until && user.locked_until.getTime() > Date.now())
      return { fail: 'ACCOUNT_LOCKED', params: { minutes: minutesLeft(user.locked_until) } };

    let step: number | null = null;
    let failure: ErrorCode | null = null;
    if (!(await verifyPassword(user.password_hash, input.password))) failure = 'INVALID_CREDENTIALS';
    else if (user.totp_enabled) {
      if (!input.totp) return { fail: 'MFA_REQUIRED' }; // the password was right: not a failure
      const last = user.totp_last_step === null ? null : Number(user.totp_last_step);
      step = verifyTotp(this.cipher.decrypt(user.totp_secret!), input.totp, last);
      if (step === null) failure = 'MFA_INVALID';
    }

    if (failure) {
      const failures = user.failed_logins + 1;
      const lock = failures >= this.config.LOGIN_MAX_FAILURES;
      await em.query(
        `UPDATE users SET failed_logins = $2,
           locked_until = CASE WHEN $3 THEN now() + make_interval(mins => $4) ELSE locked_until END
         WHERE id = $1`,
        [user.id, lock ? 0 : failures, lock, this.config.LOGIN_LOCK_MINUTES],
      );
      await this.audit.record(
        { orgId: user.org_id, action: lock ? 'auth.locked' : 'auth.login_failed', targetType: 'user', targetId: user.id, after: { failures, reason: failure } },
        em,
        actor,
      );
      return lock ? { fail: 'ACCOUNT_LOCKED', params: { minutes: this.config.LOGIN_LOCK_MINUTES } } : { fail: failure };
    }
    // Disabled accounts are told so only after the right password, so the answer reveals nothing new.
    if (user.status !== 'active' || !user.org_active) return { fail: 'ACCOUNT_DISABLED' };

    await em.query(
      `UPDATE users SET failed_logins = 0, locked_until = NULL, last_login_at = now(),
         totp_last_step = coalesce($2, totp_last_step) WHERE id = $1`,
      [user.id, step],
    );
    const tokens = await this.sessions.open(em, { id: user.id, orgId: user.org_id, orgPath: user.path }, meta);
    await this.audit.record({ orgId: user.org_id, action: 'auth.login', targetType: 'user', targetId: user.id, after: { ip: meta.ip ?? null } }, em, actor);
    const restrictions = await this.sessions.restrictionsFor(em, {
      role: user.role,
      mustChangePassword: user.must_change_password,
      totpEnabled: user.totp_enabled,
    });
    return { ok: { ...tokens, restrictions } };
  }

  /** Rotates the refresh token. A token presented twice means it was stolen: the whole family ends. */
  async refresh(token: string): Promise<TokenResponse> {
    const outcome = await inScope(this.ds, systemScope('refresh'), async (em): Promise<Outcome> => {
      const [row] = await em.query(
        `SELECT t.session_id, t.used_at, s.revoked_at, s.expires_at, s.last_seen_at,
                u.id AS user_id, u.username, u.role, u.status, u.org_id, u.must_change_password, u.totp_enabled,
                o.path, o.active AS org_active
         FROM refresh_tokens t JOIN sessions s ON s.id = t.session_id JOIN users u ON u.id = s.user_id
         JOIN orgs o ON o.id = u.org_id WHERE t.token_hash = $1`,
        [hashToken(token)],
      );
      if (!row) return { fail: 'REFRESH_TOKEN_INVALID' };
      const actor = this.actorOf(row);
      if (row.revoked_at) return { fail: 'SESSION_EXPIRED' };
      const claimed = returnedRows(
        await em.query(
          `UPDATE refresh_tokens SET used_at = now() WHERE token_hash = $1 AND used_at IS NULL RETURNING 1`,
          [hashToken(token)],
        ),
      );
      if (claimed.length === 0) {
        await this.sessions.revoke(em, row.session_id, 'refresh_reuse');
        await this.audit.record({ orgId: row.org_id, action: 'auth.refresh_reuse', targetType: 'session', targetId: row.session_id }, em, actor);
        return { fail: 'REFRESH_TOKEN_REUSED' };
      }
      const expired = row.expires_at.getTime() <= Date.now() || this.sessions.isIdle(row.last_seen_at);
      if (expired || row.status !== 'active' || !row.org_active) {
        await this.sessions.revoke(em, row.session_id, expired ? 'expired' : 'disabled');
        return { fail: 'SESSION_EXPIRED' };
      }
      await em.query(`UPDATE sessions SET last_seen_at = now() WHERE id = $1`, [row.session_id]);
      const tokens = await this.sessions.issue(em, row.session_id, { id: row.user_id, orgId: row.org_id, orgPath: row.path });
      const restrictions = await this.sessions.restrictionsFor(em, {
        role: row.role,
        mustChangePassword: row.must_change_password,
        totpEnabled: row.totp_enabled,
      });
      return { ok: { ...tokens, restrictions } };
    });
    if ('fail' in outcome) throw new AppError(outcome.fail);
    return outcome.ok;
  }

  async logout(em: EntityManager, principal: Principal): Promise<void> {
    await this.sessions.revoke(em, principal.sessionId, 'logout');
    await em.query(`DELETE FROM refresh_tokens WHERE session_id = $1 AND used_at IS NULL`, [principal.sessionId]);
    await this.audit.record({ orgId: principal.orgId, action: 'auth.logout', targetType: 'session', targetId: principal.sessionId }, em);
  }

  private actorOf(row: { id?: string; user_id?: string; username: string; role: Role; org_id: string; path: string }): Principal {
    return {
      userId: (row.user_id ?? row.id)!,
      username: row.username,
      displayName: row.username,
      role: row.role,
      orgId: row.org_id,
      orgPath: row.path,
      sessionId: '',
      restrictions: [],
    };
  }
}
