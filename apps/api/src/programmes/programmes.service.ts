import { Injectable } from '@nestjs/common';
import type { z } from 'zod';
import type {
  AdoptProgrammeRequest,
  ListProgrammesQuery,
  Programme,
  ProgrammeList,
  UpdateProgrammeRequest,
} from '@guanai/contracts';
import { isTenantKind } from '@guanai/domain';
import { isUniqueViolation } from '@guanai/db';
import { AppError } from '../common/app-error';
import { RequestContext } from '../common/request-context';
import { AuditService } from '../audit/audit.service';
import { ComplianceRefresher } from '../compliance/compliance-refresher';
import { orgsRepo } from '../orgs/orgs.repository';
import { templatesRepo } from './templates.repository';
import { programmesRepo, type ProgrammeWithDocument } from './programmes.repository';
import { toProgramme, toProgrammeSummary } from './programmes.mapper';
import { carryOver, programmeProblems } from './programme-checks';
import { programmeInvalid } from './problems';

type Out<T extends z.ZodType> = z.infer<T>;

/** What the audit log keeps of a programme: the choices a union made, not the version's document. */
const auditView = (
  p: Pick<ProgrammeWithDocument, 'version_id' | 'version_number' | 'targets' | 'budgets' | 'settings'>,
) => ({
  versionId: p.version_id,
  versionNumber: p.version_number,
  targets: p.targets,
  budgets: p.budgets,
  settings: p.settings,
});

/**
 * The programme a union (tenant) adopts for a year (年度关爱工程): a published version of its province's
 * template, with its own targets where the province allows them, budgets per measure and settings.
 */
@Injectable()
export class ProgrammesService {
  constructor(
    private readonly ctx: RequestContext,
    private readonly audit: AuditService,
    private readonly compliance: ComplianceRefresher,
  ) {}

  private get scope() {
    return this.ctx.principal.orgPath;
  }

  async list(q: z.infer<typeof ListProgrammesQuery>): Promise<Out<typeof ProgrammeList>> {
    const rows = await programmesRepo.list(this.ctx.em, this.scope, q);
    return { items: rows.map(toProgrammeSummary) };
  }

  async get(id: string): Promise<Programme> {
    const row = await programmesRepo.find(this.ctx.em, this.scope, id);
    if (!row) throw AppError.notFound();
    return toProgramme(row);
  }

  async adopt(input: AdoptProgrammeRequest): Promise<Programme> {
    const em = this.ctx.em;
    const p = this.ctx.principal;
    // The caller's own union adopts: programme.adopt sits with the tenant's administrator.
    const org = await orgsRepo.find(em, this.scope, p.orgId);
    if (!org || !isTenantKind(org.kind)) throw new AppError('FORBIDDEN');
    const version = await templatesRepo.findVersion(em, this.scope, input.versionId);
    if (!version)
      throw new AppError('NOT_FOUND', { fields: [{ path: 'body.versionId', code: 'NOT_FOUND' }] });
    const problems = programmeProblems(version.document, input);
    if (problems.length > 0) throw programmeInvalid(problems);
    const fields = { targets: input.targets, budgets: input.budgets, settings: input.settings };
    const id = await programmesRepo
      .insert(em, {
        ...fields,
        orgId: org.id,
        templateId: version.template_id,
        versionId: version.id,
        year: input.year,
        userId: p.userId,
      })
      .catch((e: unknown) => {
        if (isUniqueViolation(e, 'programmes_org_id_template_id_year_key'))
          throw new AppError('PROGRAMME_EXISTS', {
            fields: [{ path: 'body.year', code: 'PROGRAMME_EXISTS' }],
          });
        throw e;
      });
    await this.audit.record({
      orgId: org.id,
      action: 'programme.adopt',
      targetType: 'programme',
      targetId: id,
      after: {
        templateId: version.template_id,
        year: input.year,
        versionId: version.id,
        versionNumber: version.number,
        ...fields,
      },
    });
    await this.compliance.requestRefresh(id);
    return this.get(id);
  }

  /** Targets, budgets and settings, each replaced whole when given. */
  async update(id: string, input: UpdateProgrammeRequest): Promise<Programme> {
    const row = await this.requireVersion(id, input.version);
    const problems = programmeProblems(row.document, input);
    if (problems.length > 0) throw programmeInvalid(problems);
    await programmesRepo.update(this.ctx.em, id, {
      versionId: row.version_id,
      targets: input.targets ?? row.targets,
      budgets: input.budgets ?? row.budgets,
      settings: input.settings ?? row.settings,
    });
    return this.audited('programme.update', row);
  }

  /**
   * To a newer published version of the same template. Targets and budgets whose keys remain (and,
   * for targets, still fit the new range) are kept; the others no longer apply and are dropped, which
   * the audit event lists.
   */
  async upgrade(id: string, version: number, versionId: string): Promise<Programme> {
    const row = await this.requireVersion(id, version);
    const next = await templatesRepo.findVersion(this.ctx.em, this.scope, versionId);
    if (!next) throw new AppError('NOT_FOUND', { fields: [{ path: 'body.versionId', code: 'NOT_FOUND' }] });
    if (next.template_id !== row.template_id || next.number <= row.version_number)
      throw new AppError('PROGRAMME_UPGRADE_INVALID', {
        fields: [{ path: 'body.versionId', code: 'PROGRAMME_UPGRADE_INVALID' }],
      });
    const kept = carryOver(next.document, row.targets, row.budgets);
    await programmesRepo.update(this.ctx.em, id, {
      versionId: next.id,
      targets: kept.targets,
      budgets: kept.budgets,
      settings: row.settings,
    });
    return this.audited('programme.upgrade', row, { dropped: kept.dropped });
  }

  /** One of the caller's own programmes (a province reads its unions' but never changes them), locked. */
  private async requireVersion(id: string, version: number): Promise<ProgrammeWithDocument> {
    const row = await programmesRepo.find(this.ctx.em, this.scope, id, { own: true, lock: true });
    if (!row) throw AppError.notFound();
    if (row.version !== version) throw new AppError('STALE_VERSION');
    return row;
  }

  private async audited(
    action: string,
    before: ProgrammeWithDocument,
    extra: object = {},
  ): Promise<Programme> {
    const after = await programmesRepo.find(this.ctx.em, this.scope, before.id);
    // New targets, budgets or version change the stored results the province's overview reads.
    await this.compliance.requestRefresh(before.id);
    await this.audit.record({
      orgId: before.org_id,
      action,
      targetType: 'programme',
      targetId: before.id,
      before: auditView(before),
      after: { ...auditView(after!), ...extra },
    });
    return toProgramme(after!);
  }
}
