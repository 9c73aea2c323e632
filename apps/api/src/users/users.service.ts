import { Injectable } from '@nestjs/common';
import type { CreateUserRequest, ListUsersQuery, Page, UpdateUserRequest, User, UserWithPassword } from '@guanai/contracts';
import { canAssignRole, roleFitsOrg } from '@guanai/domain';
import { hashPassword, isUniqueViolation } from '@guanai/db';
import { AppError } from '../common/app-error';
import { RequestContext } from '../common/request-context';
import { assertPasswordAcceptable, temporaryPassword } from '../common/password-rules';
import { AuditService } from '../audit/audit.service';
import { OrgChainService } from '../orgs/org-chain.service';
import { orgsRepo } from '../orgs/orgs.repository';
import { toUser, usersRepo, type UserRow } from './users.repository';

@Injectable()
export class UsersService {
  constructor(
    private readonly ctx: RequestContext,
    private readonly audit: AuditService,
    private readonly chain: OrgChainService,
  ) {}

  private get scope() {
    return this.ctx.principal.orgPath;
  }

  async list(q: ListUsersQuery): Promise<Page<User>> {
    const page = await usersRepo.page(this.ctx.em, this.scope, q);
    return { ...page, items: page.items.map(toUser) };
  }

  async get(id: string): Promise<User> {
    return toUser(await this.require(id));
  }

  async create(input: CreateUserRequest): Promise<UserWithPassword> {
    const em = this.ctx.em;
    const org = await orgsRepo.find(em, this.scope, input.orgId);
    if (!org) throw new AppError('NOT_FOUND', { fields: [{ path: 'body.orgId', code: 'NOT_FOUND' }] });
    if (!org.active) throw new AppError('ORG_INACTIVE', { fields: [{ path: 'body.orgId', code: 'ORG_INACTIVE' }] });
    this.assertRole(input.role, org.kind);
    const generated = input.password === undefined ? temporaryPassword() : null;
    const password = input.password ?? generated!;
    if (input.password !== undefined)
      assertPasswordAcceptable(password, await this.chain.passwordPolicy(em, org.path), input.username, 'body.password');
    // Usernames are unique across the platform: the unique index decides, whoever holds the name.
    const [{ id }] = await em
      .query(
        `INSERT INTO users (org_id, username, display_name, role, password_hash, must_change_password)
         VALUES ($1, $2, $3, $4, $5, true) RETURNING id`,
        [org.id, input.username, input.displayName, input.role, await hashPassword(password)],
      )
      .catch((e: unknown) => {
        if (isUniqueViolation(e, 'users_username_key'))
          throw new AppError('USERNAME_TAKEN', { fields: [{ path: 'body.username', code: 'USERNAME_TAKEN' }] });
        throw e;
      });
    const user = toUser((await usersRepo.find(em, this.scope, id))!);
    await this.audit.record({ orgId: org.id, action: 'user.create', targetType: 'user', targetId: id, after: user });
    return { user, temporaryPassword: generated };
  }

  async update(id: string, input: UpdateUserRequest): Promise<User> {
    const em = this.ctx.em;
    const before = await this.requireManageable(id, input.version);
    let orgId = before.org_id;
    let kind = before.org_kind;
    if (input.orgId && input.orgId !== before.org_id) {
      const org = await orgsRepo.find(em, this.scope, input.orgId);
      if (!org) throw new AppError('NOT_FOUND', { fields: [{ path: 'body.orgId', code: 'NOT_FOUND' }] });
      if (!org.active) throw new AppError('ORG_INACTIVE', { fields: [{ path: 'body.orgId', code: 'ORG_INACTIVE' }] });
      orgId = org.id;
      kind = org.kind;
    }
    const role = input.role ?? before.role;
    if (input.role || orgId !== before.org_id) this.assertRole(role, kind as never);
    await em.query(
      `UPDATE users SET display_name = coalesce($2, display_name), role = $3, org_id = $4,
         version = version + 1, updated_at = now() WHERE id = $1`,
      [id, input.displayName ?? null, role, orgId],
    );
    // New powers or a new place take effect at the next login, not in a session opened under the old ones.
    if (role !== before.role || orgId !== before.org_id) await usersRepo.endSessions(em, id, 'role_changed');
    return this.audited('user.update', before);
  }

  async setStatus(id: string, version: number, status: 'active' | 'disabled'): Promise<User> {
    if (status === 'disabled' && id === this.ctx.principal.userId) throw new AppError('CANNOT_DISABLE_SELF');
    const before = await this.requireManageable(id, version);
    await this.ctx.em.query(`UPDATE users SET status = $2, version = version + 1, updated_at = now() WHERE id = $1`, [id, status]);
    if (status === 'disabled') await usersRepo.endSessions(this.ctx.em, id, 'disabled');
    return this.audited(status === 'disabled' ? 'user.disable' : 'user.enable', before);
  }

  async unlock(id: string, version: number): Promise<User> {
    const before = await this.requireManageable(id, version);
    await this.ctx.em.query(
      `UPDATE users SET failed_logins = 0, locked_until = NULL, version = version + 1, updated_at = now() WHERE id = $1`,
      [id],
    );
    return this.audited('user.unlock', before);
  }

  async resetPassword(id: string, version: number): Promise<UserWithPassword> {
    const before = await this.requireManageable(id, version);
    const password = temporaryPassword();
    await this.ctx.em.query(
      `UPDATE users SET password_hash = $2, must_change_password = true, failed_logins = 0, locked_until = NULL,
         password_changed_at = now(), version = version + 1, updated_at = now() WHERE id = $1`,
      [id, await hashPassword(password)],
    );
    await usersRepo.endSessions(this.ctx.em, id, 'password_reset');
    return { user: await this.audited('user.reset_password', before), temporaryPassword: password };
  }

  private assertRole(role: User['role'], orgKind: Parameters<typeof roleFitsOrg>[1]): void {
    if (!canAssignRole(this.ctx.principal.role, role))
      throw new AppError('ROLE_NOT_ASSIGNABLE', { fields: [{ path: 'body.role', code: 'ROLE_NOT_ASSIGNABLE' }] });
    if (!roleFitsOrg(role, orgKind))
      throw new AppError('ROLE_ORG_MISMATCH', { fields: [{ path: 'body.role', code: 'ROLE_ORG_MISMATCH' }] });
  }

  private async require(id: string, lock = false): Promise<UserRow> {
    const row = await usersRepo.find(this.ctx.em, this.scope, id, lock);
    if (!row) throw AppError.notFound();
    return row;
  }

  /** In scope, current, and not holding a role wider than the caller's. */
  private async requireManageable(id: string, version: number): Promise<UserRow> {
    const row = await this.require(id, true);
    if (!canAssignRole(this.ctx.principal.role, row.role)) throw new AppError('ROLE_NOT_ASSIGNABLE');
    if (row.version !== version) throw new AppError('STALE_VERSION');
    return row;
  }

  private async audited(action: string, before: UserRow): Promise<User> {
    const after = toUser((await usersRepo.find(this.ctx.em, this.scope, before.id))!);
    await this.audit.record({ orgId: after.orgId, action, targetType: 'user', targetId: before.id, before: toUser(before), after });
    return after;
  }
}
