import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type {
  CreateLegalAidProviderRequest,
  LegalAidProvider,
  ListLegalAidProvidersQuery,
  Page,
  UpdateLegalAidProviderRequest,
} from '@guanai/contracts';
import { can, isTenantKind, maskPhone } from '@guanai/domain';
import { FieldCipher } from '@guanai/db';
import { AppError, type FieldProblem } from '../common/app-error';
import { RequestContext } from '../common/request-context';
import { AuditService } from '../audit/audit.service';
import { invalid } from './case-link';
import {
  providersRepo,
  type ProviderColumns,
  type ProviderRow,
  type Visibility,
} from './providers.repository';

const iso = (d: Date) => new Date(d).toISOString();

/**
 * The roster of lawyers and volunteers (法律援助律师/志愿者). The province keeps entries it lends to the
 * unions it names; a union keeps its own, serving itself. Only the keeping organisation edits an entry;
 * the unions it serves read it to assign it. The phone is sealed, masked in lists, and read in clear
 * only by opening the entry, which is audited.
 */
@Injectable()
export class LegalAidProvidersService {
  constructor(
    private readonly ctx: RequestContext,
    private readonly cipher: FieldCipher,
    private readonly audit: AuditService,
  ) {}

  private get manage(): Visibility {
    const p = this.ctx.principal;
    return { kind: 'manage', scope: p.orgPath, orgId: p.orgId };
  }

  private get serving(): Visibility {
    return { kind: 'serving', orgId: this.ctx.principal.orgId };
  }

  list(q: ListLegalAidProvidersQuery): Promise<Page<LegalAidProvider>> {
    return this.page(this.manage, q);
  }

  /** The entries a case handler may assign: those serving the handler's union. */
  roster(q: ListLegalAidProvidersQuery): Promise<Page<LegalAidProvider>> {
    return this.page(this.serving, q);
  }

  open(id: string): Promise<LegalAidProvider> {
    return this.openAs(this.manage, id);
  }

  openServing(id: string): Promise<LegalAidProvider> {
    return this.openAs(this.serving, id);
  }

  async create(input: CreateLegalAidProviderRequest): Promise<LegalAidProvider> {
    const p = this.ctx.principal;
    const served = await this.servedTenants(input.servedTenantIds);
    const id = randomUUID();
    await providersRepo.insert(this.ctx.em, {
      id,
      orgId: p.orgId,
      createdBy: p.userId,
      kind: input.kind,
      name: input.name,
      organisation: input.organisation || null,
      licence_no: input.licenceNo || null,
      ...this.sealedPhone(input.phone),
      specialties: input.specialties,
      served_tenant_ids: served,
      active: true,
    });
    await this.audit.record({
      orgId: p.orgId,
      action: 'legal_aid.provider.create',
      targetType: 'legal_aid_provider',
      targetId: id,
      after: { kind: input.kind, name: input.name, served },
    });
    return this.view(await this.require(this.manage, id), false);
  }

  async update(id: string, input: UpdateLegalAidProviderRequest): Promise<LegalAidProvider> {
    const row = await this.requireOwn(id);
    if (row.version !== input.version) throw new AppError('STALE_VERSION');
    const next = columnsOf(row);
    if (input.kind !== undefined) next.kind = input.kind;
    if (input.name !== undefined) next.name = input.name;
    if (input.organisation !== undefined) next.organisation = input.organisation || null;
    if (input.licenceNo !== undefined) next.licence_no = input.licenceNo || null;
    if (input.phone !== undefined) Object.assign(next, this.sealedPhone(input.phone));
    if (input.specialties !== undefined) next.specialties = input.specialties;
    if (input.servedTenantIds !== undefined)
      next.served_tenant_ids = await this.servedTenants(input.servedTenantIds);
    return this.save(row, next, 'legal_aid.provider.update');
  }

  async setActive(id: string, version: number, active: boolean): Promise<LegalAidProvider> {
    const row = await this.requireOwn(id);
    if (row.version !== version) throw new AppError('STALE_VERSION');
    const action = active ? 'legal_aid.provider.activate' : 'legal_aid.provider.deactivate';
    return this.save(row, { ...columnsOf(row), active }, action);
  }

  private async save(row: ProviderRow, next: ProviderColumns, action: string): Promise<LegalAidProvider> {
    if (!(await providersRepo.update(this.ctx.em, row.id, row.version, next)))
      throw new AppError('STALE_VERSION');
    // Names and ids only: the phone never reaches the audit log.
    await this.audit.record({
      orgId: row.org_id,
      action,
      targetType: 'legal_aid_provider',
      targetId: row.id,
      before: { name: row.name, kind: row.kind, active: row.active, served: row.served_tenant_ids },
      after: {
        name: next.name,
        kind: next.kind,
        active: next.active,
        served: next.served_tenant_ids,
        phoneChanged: next.phone_enc !== row.phone_enc,
      },
    });
    return this.view(await this.require(this.manage, row.id), false);
  }

  private async page(v: Visibility, q: ListLegalAidProvidersQuery): Promise<Page<LegalAidProvider>> {
    const { items, total } = await providersRepo.page(this.ctx.em, v, q);
    return { items: items.map((r) => this.view(r, false)), total, page: q.page, pageSize: q.pageSize };
  }

  /** The entry with its phone in clear; the read is audited in the caller's organisation. */
  private async openAs(v: Visibility, id: string): Promise<LegalAidProvider> {
    const row = await this.require(v, id);
    if (row.phone_enc)
      await this.audit.record({
        orgId: this.ctx.principal.orgId,
        action: 'legal_aid.provider.read_phone',
        targetType: 'legal_aid_provider',
        targetId: id,
      });
    return this.view(row, true);
  }

  private async require(v: Visibility, id: string, lock = false): Promise<ProviderRow> {
    const row = await providersRepo.find(this.ctx.em, v, id, lock);
    if (!row) throw AppError.notFound();
    return row;
  }

  /** An entry the caller's organisation keeps; one it only sees (lent, or kept below) is read-only. */
  private async requireOwn(id: string): Promise<ProviderRow> {
    const seen = await this.require(this.manage, id);
    if (seen.org_id !== this.ctx.principal.orgId)
      throw new AppError('LEGAL_AID_NOT_OWNER', { params: { owner: seen.owner_name ?? '' } });
    // Locked only now: a lent entry fails the UPDATE policy a FOR UPDATE also asks, so it would vanish.
    return this.require(this.manage, id, true);
  }

  /**
   * The unions an entry serves. A union's own entry serves itself only. The province names at least one
   * union, each an active city, county or university union below it.
   */
  private async servedTenants(ids: string[] | undefined): Promise<string[]> {
    const p = this.ctx.principal;
    const [org]: { kind: Parameters<typeof isTenantKind>[0] }[] = await this.ctx.em.query(
      `SELECT kind FROM orgs WHERE id = $1`,
      [p.orgId],
    );
    if (org && isTenantKind(org.kind)) {
      if (ids && ids.some((x) => x !== p.orgId))
        throw invalid([{ path: 'body.servedTenantIds', code: 'LEGAL_AID_SERVES_OWN_UNION_ONLY' }]);
      return [p.orgId];
    }
    const unique = [...new Set(ids ?? [])];
    if (unique.length === 0)
      throw invalid([{ path: 'body.servedTenantIds', code: 'LEGAL_AID_SERVED_REQUIRED' }]);
    const found = await providersRepo.tenantsIn(this.ctx.em, p.orgPath, unique);
    const problems: FieldProblem[] = [];
    (ids ?? []).forEach((x, i) => {
      if (!found.has(x))
        problems.push({ path: `body.servedTenantIds.${i}`, code: 'LEGAL_AID_SERVED_NOT_A_TENANT' });
    });
    if (problems.length) throw invalid(problems);
    return unique;
  }

  private sealedPhone(phone: string | null | undefined) {
    return phone
      ? { phone_enc: this.cipher.encrypt(phone), phone_masked: maskPhone(phone) }
      : { phone_enc: null, phone_masked: null };
  }

  private view(r: ProviderRow, clear: boolean): LegalAidProvider {
    const p = this.ctx.principal;
    return {
      id: r.id,
      ownerOrgId: r.org_id,
      ownerOrgName: r.owner_name ?? '',
      name: r.name,
      kind: r.kind,
      organisation: r.organisation,
      licenceNo: r.licence_no,
      phoneMasked: r.phone_masked,
      phone: clear && r.phone_enc ? this.cipher.decrypt(r.phone_enc) : null,
      specialties: r.specialties as LegalAidProvider['specialties'],
      servedTenants: r.served ?? [],
      active: r.active,
      editable: r.org_id === p.orgId && can(p.role, 'legal_aid.manage'),
      createdAt: iso(r.created_at),
      updatedAt: iso(r.updated_at),
      version: r.version,
    };
  }
}

function columnsOf(r: ProviderRow): ProviderColumns {
  return {
    kind: r.kind,
    name: r.name,
    organisation: r.organisation,
    licence_no: r.licence_no,
    phone_enc: r.phone_enc,
    phone_masked: r.phone_masked,
    specialties: r.specialties,
    served_tenant_ids: r.served_tenant_ids,
    active: r.active,
  };
}
