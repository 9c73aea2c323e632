import { Injectable } from '@nestjs/common';
import type { ChangePasswordRequest, Me, TotpSetupResponse } from '@guanai/contracts';
import { isTenantKind, permissionsOf } from '@guanai/domain';
import { FieldCipher, hashPassword, verifyPassword } from '@guanai/db';
import { AppError } from '../common/app-error';
import { RequestContext } from '../common/request-context';
import { assertPasswordAcceptable } from '../common/password-rules';
import { AuditService } from '../audit/audit.service';
import { OrgChainService } from '../orgs/org-chain.service';
import { newTotpSecret, totpUri, verifyTotp } from '../auth/totp';

@Injectable()
export class MeService {
  constructor(
    private readonly ctx: RequestContext,
    private readonly chain: OrgChainService,
    private readonly audit: AuditService,
    private readonly cipher: FieldCipher,
  ) {}

  async me(): Promise<Me> {
    const p = this.ctx.principal;
    const [row] = await this.ctx.em.query('SELECT totp_enabled FROM users WHERE id = $1', [p.userId]);
    const chain = (await this.chain.chain(this.ctx.em, p.orgPath)).map(({ id, name, kind }) => ({ id, name, kind }));
    const org = chain[chain.length - 1]!;
    return {
      id: p.userId,
      username: p.username,
      displayName: p.displayName,
      role: p.role,
      org,
      tenant: chain.find((o) => isTenantKind(o.kind)) ?? null,
      orgChain: chain,
      permissions: [...permissionsOf(p.role)],
      mfaEnabled: Boolean(row?.totp_enabled),
      restrictions: p.restrictions,
    };
  }

  async changePassword(input: ChangePasswordRequest): Promise<void> {
    const p = this.ctx.principal;
    const em = this.ctx.em;
    const [row] = await em.query('SELECT password_hash FROM users WHERE id = $1 FOR UPDATE', [p.userId]);
    if (!(await verifyPassword(row.password_hash, input.currentPassword)))
      throw new AppError('PASSWORD_WRONG', { fields: [{ path: 'body.currentPassword', code: 'PASSWORD_WRONG' }] });
    if (input.newPassword === input.currentPassword)
      throw new AppError('PASSWORD_UNCHANGED', { fields: [{ path: 'body.newPassword', code: 'PASSWORD_UNCHANGED' }] });
    assertPasswordAcceptable(input.newPassword, await this.chain.passwordPolicy(em, p.orgPath), p.username, 'body.newPassword');
    await em.query(
      `UPDATE users SET password_hash = $2, must_change_password = false, password_changed_at = now(),
         version = version + 1, updated_at = now() WHERE id = $1`,
      [p.userId, await hashPassword(input.newPassword)],
    );
    // Other sessions of this user end: whoever knew the old password is out.
    await em.query(
      `UPDATE sessions SET revoked_at = now(), revoke_reason = 'password_changed'
       WHERE user_id = $1 AND id <> $2 AND revoked_at IS NULL`,
      [p.userId, p.sessionId],
    );
    await this.audit.record({ orgId: p.orgId, action: 'user.password_change', targetType: 'user', targetId: p.userId });
  }

  async totpSetup(): Promise<TotpSetupResponse> {
    const p = this.ctx.principal;
    const secret = newTotpSecret();
    await this.ctx.em.query('UPDATE users SET totp_pending_secret = $2 WHERE id = $1', [p.userId, this.cipher.encrypt(secret)]);
    return { secret, otpauthUrl: totpUri(secret, p.username) };
  }

  async totpEnable(code: string): Promise<void> {
    const p = this.ctx.principal;
    const [row] = await this.ctx.em.query('SELECT totp_pending_secret FROM users WHERE id = $1', [p.userId]);
    if (!row?.totp_pending_secret) throw new AppError('MFA_NOT_SET_UP');
    const step = verifyTotp(this.cipher.decrypt(row.totp_pending_secret), code, null);
    if (step === null) throw new AppError('MFA_INVALID', { fields: [{ path: 'body.code', code: 'MFA_INVALID' }] });
    await this.ctx.em.query(
      `UPDATE users SET totp_secret = totp_pending_secret, totp_pending_secret = NULL, totp_enabled = true,
         totp_last_step = $2, version = version + 1 WHERE id = $1`,
      [p.userId, step],
    );
    await this.audit.record({ orgId: p.orgId, action: 'user.mfa_enable', targetType: 'user', targetId: p.userId });
  }

  async totpDisable(code: string): Promise<void> {
    const p = this.ctx.principal;
    const [row] = await this.ctx.em.query('SELECT totp_secret, totp_last_step FROM users WHERE id = $1 AND totp_enabled', [p.userId]);
    if (!row) throw new AppError('MFA_NOT_SET_UP');
    const last = row.totp_last_step === null ? null : Number(row.totp_last_step);
    if (verifyTotp(this.cipher.decrypt(row.totp_secret), code, last) === null)
      throw new AppError('MFA_INVALID', { fields: [{ path: 'body.code', code: 'MFA_INVALID' }] });
    await this.ctx.em.query(
      'UPDATE users SET totp_secret = NULL, totp_enabled = false, totp_last_step = NULL, version = version + 1 WHERE id = $1',
      [p.userId],
    );
    await this.audit.record({ orgId: p.orgId, action: 'user.mfa_disable', targetType: 'user', targetId: p.userId });
  }
}
