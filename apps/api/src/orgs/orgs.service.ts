import { Injectable } from '@nestjs/common';
import type { CreateOrgRequest, MoveOrgRequest, Org, PasswordPolicy, UpdateOrgRequest } from '@guanai/contracts';
import { DEFAULT_PASSWORD_POLICY, canContain, childPath, isTenantKind, wouldCreateCycle } from '@guanai/domain';
import { AppError } from '../common/app-error';
import { RequestContext } from '../common/request-context';
import { AuditService } from '../audit/audit.service';
import { orgsRepo, toOrg, type OrgRow } from './orgs.repository';

@Injectable()
export class OrgsService {
  constructor(
    private readonly ctx: RequestContext,
    private readonly audit: AuditService,
  ) {}

  private get scope() {
    return this.ctx.principal.orgPath;
  }

  async list(): Promise<{ items: Org[] }> {
    return { items: (await orgsRepo.list(this.ctx.em, this.scope)).map(toOrg) };
  }

  async get(id: string): Promise<Org> {
    return toOrg(await this.require(id));
  }

  async create(input: CreateOrgRequest): Promise<Org> {
    const em = this.ctx.em;
    const parent = await this.require(input.parentId);
    if (!parent.active) throw new AppError('ORG_INACTIVE', { fields: [{ path: 'body.parentId', code: 'ORG_INACTIVE' }] });
    if (!canContain(parent.kind, input.kind))
      throw new AppError('ORG_KIND_NOT_ALLOWED', { fields: [{ path: 'body.kind', code: 'ORG_KIND_NOT_ALLOWED' }] });
    if (input.code && (await orgsRepo.codeTaken(em, parent.id, input.code)))
      throw new AppError('ORG_CODE_TAKEN', { fields: [{ path: 'body.code', code: 'ORG_CODE_TAKEN' }] });
    const [{ id }] = await em.query('SELECT gen_random_uuid() AS id');
    await em.query(
      `INSERT INTO orgs (id, parent_id, path, depth, kind, name, code, tenant_id, rural)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [id, parent.id, childPath(parent.path, id), parent.depth + 1, input.kind, input.name, input.code ?? null,
        isTenantKind(input.kind) ? id : parent.tenant_id, input.rural],
    );
    const org = toOrg((await orgsRepo.find(em, this.scope, id))!);
    await this.audit.record({ orgId: id, action: 'org.create', targetType: 'org', targetId: id, after: org });
    return org;
  }

  async update(id: string, input: UpdateOrgRequest): Promise<Org> {
    const before = await this.requireVersion(id, input.version);
    if (input.code && before.parent_id && (await orgsRepo.codeTaken(this.ctx.em, before.parent_id, input.code, id)))
      throw new AppError('ORG_CODE_TAKEN', { fields: [{ path: 'body.code', code: 'ORG_CODE_TAKEN' }] });
    await this.ctx.em.query(
      `UPDATE orgs SET name = coalesce($2, name), code = CASE WHEN $3 THEN $4 ELSE code END,
         rural = coalesce($5, rural), version = version + 1, updated_at = now() WHERE id = $1`,
      [id, input.name ?? null, input.code !== undefined, input.code ?? null, input.rural ?? null],
    );
    return this.audited('org.update', before);
  }

  async move(id: string, input: MoveOrgRequest): Promise<Org> {
    const em = this.ctx.em;
    const node = await this.requireBelowOwn(id, input.version);
    const parent = await this.require(input.parentId);
    if (wouldCreateCycle(node.path, parent.path))
      throw new AppError('ORG_MOVE_CYCLE', { fields: [{ path: 'body.parentId', code: 'ORG_MOVE_CYCLE' }] });
    if (!canContain(parent.kind, node.kind))
      throw new AppError('ORG_KIND_NOT_ALLOWED', { fields: [{ path: 'body.parentId', code: 'ORG_KIND_NOT_ALLOWED' }] });
    if (node.code && (await orgsRepo.codeTaken(em, parent.id, node.code, id)))
      throw new AppError('ORG_CODE_TAKEN', { fields: [{ path: 'body.parentId', code: 'ORG_CODE_TAKEN' }] });
    const newPath = childPath(parent.path, node.id);
    // The subtree moves with it: paths and depths are rewritten; a moved school takes its new tenant.
    await em.query(
      `UPDATE orgs SET path = $2 || substr(path, length($1) + 1), depth = depth + $3,
         tenant_id = CASE WHEN $4 THEN tenant_id ELSE $5 END, updated_at = now()
       WHERE starts_with(path, $1)`,
      [node.path, newPath, parent.depth + 1 - node.depth, isTenantKind(node.kind), parent.tenant_id],
    );
    await em.query('UPDATE orgs SET parent_id = $2, version = version + 1 WHERE id = $1', [id, parent.id]);
    return this.audited('org.move', node);
  }

  async setActive(id: string, version: number, active: boolean): Promise<Org> {
    const em = this.ctx.em;
    const node = await this.requireBelowOwn(id, version);
    if (active && node.parent_id) {
      const [parent] = await em.query('SELECT active FROM orgs WHERE id = $1', [node.parent_id]);
      if (parent && !parent.active) throw new AppError('ORG_INACTIVE');
    }
    // Deactivation takes the whole subtree: nobody below can log in or be chosen any more.
    await em.query(`UPDATE orgs SET active = $2, updated_at = now() WHERE starts_with(path, $1)`, [node.path, active]);
    await em.query('UPDATE orgs SET version = version + 1 WHERE id = $1', [id]);
    return this.audited(active ? 'org.activate' : 'org.deactivate', node);
  }

  async passwordPolicy(id: string): Promise<PasswordPolicy> {
    const org = await this.require(id);
    if (!isTenantKind(org.kind)) throw new AppError('ORG_NOT_TENANT');
    return org.settings.passwordPolicy ?? DEFAULT_PASSWORD_POLICY;
  }

  async setPasswordPolicy(id: string, policy: PasswordPolicy): Promise<PasswordPolicy> {
    const org = await this.require(id, true);
    if (!isTenantKind(org.kind)) throw new AppError('ORG_NOT_TENANT');
    await this.ctx.em.query(
      `UPDATE orgs SET settings = jsonb_set(settings, '{passwordPolicy}', $2::jsonb), version = version + 1 WHERE id = $1`,
      [id, JSON.stringify(policy)],
    );
    await this.audit.record({
      orgId: id,
      action: 'org.password_policy',
      targetType: 'org',
      targetId: id,
      before: org.settings.passwordPolicy ?? DEFAULT_PASSWORD_POLICY,
      after: policy,
    });
    return policy;
  }

  /** In scope, or 404: another tenant's organisation is indistinguishable from none. */
  private async require(id: string, lock = false): Promise<OrgRow> {
    const row = await orgsRepo.find(this.ctx.em, this.scope, id, lock);
    if (!row) throw AppError.notFound();
    return row;
  }

  private async requireVersion(id: string, version: number): Promise<OrgRow> {
    const row = await this.require(id, true);
    if (row.version !== version) throw new AppError('STALE_VERSION');
    return row;
  }

  /** Moving or deactivating is for nodes strictly below one's own organisation. */
  private async requireBelowOwn(id: string, version: number): Promise<OrgRow> {
    const row = await this.requireVersion(id, version);
    if (row.path === this.scope) throw new AppError('ORG_NOT_BELOW_SCOPE');
    return row;
  }

  private async audited(action: string, before: OrgRow): Promise<Org> {
    const after = toOrg((await orgsRepo.find(this.ctx.em, '/', before.id))!);
    await this.audit.record({ orgId: before.id, action, targetType: 'org', targetId: before.id, before: toOrg(before), after });
    return after;
  }
}
