import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type {
  CreateSupervisionVisitRequest,
  ListSupervisionVisitsQuery,
  Page,
  SchoolSupervisionHistory,
  SupervisionFollowUpRequest,
  SupervisionVisit,
  UpdateSupervisionVisitRequest,
} from '@guanai/contracts';
import { todayInShanghai } from '@guanai/domain';
import { AppError, type FieldProblem } from '../common/app-error';
import { RequestContext } from '../common/request-context';
import { AuditService } from '../audit/audit.service';
import { supervisionRepo, type VisitColumns, type VisitRow } from './supervision.repository';
import { auditOf, columnsOf, rowColumns, toVisit } from './supervision.mapper';
import { rectifiedOnProblems, statusOf, visitProblems } from './supervision.rules';

function invalid(fields: FieldProblem[]): AppError {
  return new AppError('SUPERVISION_INVALID', { params: { count: fields.length }, fields });
}

/** Labour-law supervision visits (劳动法律监督): record, correct, follow up; a school's history. */
@Injectable()
export class SupervisionService {
  constructor(
    private readonly ctx: RequestContext,
    private readonly audit: AuditService,
  ) {}

  private get scope() {
    return this.ctx.principal.orgPath;
  }

  async list(q: ListSupervisionVisitsQuery): Promise<Page<SupervisionVisit>> {
    const today = todayInShanghai();
    const { items, total } = await supervisionRepo.page(this.ctx.em, this.scope, q, today);
    return { items: items.map((r) => toVisit(r, today)), total, page: q.page, pageSize: q.pageSize };
  }

  async get(id: string): Promise<SupervisionVisit> {
    return toVisit(await this.require(id), todayInShanghai());
  }

  async create(input: CreateSupervisionVisitRequest): Promise<SupervisionVisit> {
    const p = this.ctx.principal;
    const school = await supervisionRepo.visitableSchool(this.ctx.em, this.scope, input.schoolId);
    const problems: FieldProblem[] = school
      ? []
      : [{ path: 'body.schoolId', code: 'SUPERVISION_SCHOOL_NOT_IN_SCOPE' }];
    problems.push(...visitProblems(input, todayInShanghai()));
    if (problems.length || !school) throw invalid(problems);

    const id = randomUUID();
    const columns = columnsOf(input, null);
    await supervisionRepo.insert(
      this.ctx.em,
      { id, orgId: school.tenant_id, schoolId: school.id, createdBy: p.userId, createdByName: p.displayName },
      columns,
    );
    await this.audit.record({
      orgId: school.tenant_id,
      action: 'supervision.create',
      targetType: 'supervision_visit',
      targetId: id,
      after: { schoolId: school.id, ...auditOf(columns) },
    });
    return this.get(id);
  }

  async update(id: string, input: UpdateSupervisionVisitRequest): Promise<SupervisionVisit> {
    const row = await this.require(id, true);
    if (row.version !== input.version) throw new AppError('STALE_VERSION');
    const problems = visitProblems(input, todayInShanghai());
    // A rectification already recorded cannot come before the visit it answers.
    if (row.rectified_on && input.findings.length && input.visitedOn > row.rectified_on)
      problems.push({ path: 'body.visitedOn', code: 'SUPERVISION_VISIT_AFTER_RECTIFIED' });
    if (problems.length) throw invalid(problems);
    const next = columnsOf(input, row.rectified_on);
    await supervisionRepo.update(this.ctx.em, id, next);
    await this.recordChange(row, 'supervision.update', next);
    return this.get(id);
  }

  /** 整改跟进: a date rectified closes the visit; none records progress and leaves (or sets) it open. */
  async followUp(id: string, input: SupervisionFollowUpRequest): Promise<SupervisionVisit> {
    const p = this.ctx.principal;
    const row = await this.require(id, true);
    if (row.version !== input.version) throw new AppError('STALE_VERSION');
    if (row.status === 'no_findings') throw new AppError('SUPERVISION_NO_FINDINGS');
    const rectifiedOn = input.rectifiedOn ?? null;
    if (rectifiedOn) {
      const problems = rectifiedOnProblems(rectifiedOn, row.visited_on, todayInShanghai());
      if (problems.length) throw invalid(problems);
    }
    const status = statusOf(row.findings.length, rectifiedOn);
    await supervisionRepo.followUp(this.ctx.em, id, {
      result: input.result,
      rectifiedOn,
      status,
      byId: p.userId,
      byName: p.displayName,
    });
    await this.recordChange(row, 'supervision.follow_up', {
      ...rowColumns(row),
      status,
      rectified_on: rectifiedOn,
    });
    return this.get(id);
  }

  /** A school's visits and findings, for its page; a school outside the caller's scope is not found. */
  async history(schoolId: string): Promise<SchoolSupervisionHistory> {
    const school = await supervisionRepo.school(this.ctx.em, this.scope, schoolId);
    if (!school) throw AppError.notFound();
    const today = todayInShanghai();
    const visits = (await supervisionRepo.ofSchool(this.ctx.em, this.scope, schoolId)).map((r) =>
      toVisit(r, today),
    );
    return {
      schoolId: school.id,
      schoolName: school.name,
      ownership: visits[0]?.schoolOwnership ?? null,
      openFindings: visits.filter((v) => v.status === 'open').reduce((n, v) => n + v.findings.length, 0),
      visits,
    };
  }

  private async recordChange(row: VisitRow, action: string, next: VisitColumns) {
    await this.audit.record({
      orgId: row.org_id,
      action,
      targetType: 'supervision_visit',
      targetId: row.id,
      before: auditOf(rowColumns(row)),
      after: auditOf(next),
    });
  }

  private async require(id: string, lock = false): Promise<VisitRow> {
    const row = await supervisionRepo.find(this.ctx.em, this.scope, id, lock);
    if (!row) throw AppError.notFound();
    return row;
  }
}
