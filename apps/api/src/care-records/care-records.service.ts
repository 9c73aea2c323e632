import { Injectable } from '@nestjs/common';
import {
  MAX_PARTICIPANTS,
  type CareRecord,
  type CareRecordSummary,
  type CreateCareRecordRequest,
  type ListCareRecordsQuery,
  type Page,
  type UpdateCareRecordRequest,
} from '@guanai/contracts';
import { todayInShanghai } from '@guanai/domain';
import { AppError } from '../common/app-error';
import { RequestContext } from '../common/request-context';
import { AuditService } from '../audit/audit.service';
import { ComplianceRefresher } from '../compliance/compliance-refresher';
import { orgsRepo, type OrgRow } from '../orgs/orgs.repository';
import { careRecordsRepo, type CareRecordRow } from './care-records.repository';
import { auditView, toCareRecord, toCareRecordSummary } from './care-records.mapper';
import { CareParticipantsService } from './care-participants.service';
import type { ParticipantChoice } from './care-participants.repository';

/** Care work is recorded from 2000 on; anything earlier is a typing mistake. */
const EARLIEST_DAY = '2000-01-01';

const fail = (code: ConstructorParameters<typeof AppError>[0], path: string) =>
  new AppError(code, { fields: [{ path, code }] });

/** Recording care work (关爱记录): one activity by a unit, for one teacher or thousands, edited and deleted with an audit trail. */
@Injectable()
export class CareRecordsService {
  constructor(
    private readonly ctx: RequestContext,
    private readonly audit: AuditService,
    private readonly participants: CareParticipantsService,
    private readonly compliance: ComplianceRefresher,
  ) {}

  private get scope() {
    return this.ctx.principal.orgPath;
  }

  async list(q: ListCareRecordsQuery): Promise<Page<CareRecordSummary>> {
    const page = await careRecordsRepo.page(this.ctx.em, this.scope, q);
    return { ...page, items: page.items.map(toCareRecordSummary) };
  }

  async get(id: string): Promise<CareRecord> {
    return toCareRecord(await this.require(id));
  }

  async create(input: CreateCareRecordRequest): Promise<CareRecord> {
    const em = this.ctx.em;
    const unit = await this.requireUnit(input.orgId);
    const tenantId = unit.tenant_id!;
    assertDay(input.occurredOn, 'body.occurredOn');
    assertFollowUp(input.followUpOn ?? null, input.occurredOn, 'body.followUpOn');
    const programmeId = input.programmeId ?? null;
    const measureKey = input.measureKey ?? null;
    await this.assertMeasure(tenantId, programmeId, measureKey, input.activityType);
    const choice = await this.participants.choose(input.participants, tenantId, 'body.participants');
    const id = await careRecordsRepo.insert(em, {
      orgId: unit.id,
      tenantId,
      programmeId,
      measureKey,
      activityType: input.activityType,
      title: input.title,
      occurredOn: input.occurredOn,
      followUpOn: input.followUpOn ?? null,
      amountFen: input.amountFen,
      notes: input.notes ?? null,
      createdBy: this.ctx.principal.userId,
    });
    await this.addParticipants(id, tenantId, choice, input.activityType, input.occurredOn);
    const after = await this.require(id);
    await this.audit.record({
      orgId: after.org_id,
      action: 'care.create',
      targetType: 'care_record',
      targetId: id,
      after: auditView(after),
    });
    // The province's dashboards read stored results: have the worker recompute the days touched.
    await this.compliance.requestRefreshForWork(tenantId, [input.occurredOn]);
    return toCareRecord(after);
  }

  /**
   * Edits fields and participants in one go. The participants' copied type and day follow the
   * record's; a caller who cannot see every participant (a school officer on a record the union
   * gave teachers of other schools) cannot change them, or some copies would go stale.
   */
  async update(id: string, input: UpdateCareRecordRequest): Promise<CareRecord> {
    const before = await this.requireVersion(id, input.version);
    const tenantId = before.tenant_id;
    const type = input.activityType ?? before.activity_type;
    const day = input.occurredOn ?? before.occurred_on;
    const programmeId = input.programmeId !== undefined ? input.programmeId : before.programme_id;
    // Leaving the programme leaves its measure too, unless the request says otherwise (and is refused).
    const measureKey =
      input.measureKey !== undefined
        ? input.measureKey
        : input.programmeId === null
          ? null
          : before.measure_key;
    if (input.occurredOn) assertDay(input.occurredOn, 'body.occurredOn');
    // A new day may overtake the follow-up the record already has: then the day is what is refused.
    const followUpOn = input.followUpOn !== undefined ? input.followUpOn : before.follow_up_on;
    assertFollowUp(followUpOn, day, input.followUpOn !== undefined ? 'body.followUpOn' : 'body.occurredOn');
    if (input.programmeId !== undefined || input.measureKey !== undefined || input.activityType)
      await this.assertMeasure(tenantId, programmeId, measureKey, type);
    const restamp = type !== before.activity_type || day !== before.occurred_on;
    if (restamp && (await this.participants.visibleCount(id)) !== before.participant_count)
      throw new AppError('CARE_PARTICIPANTS_BEYOND_SCOPE');
    const choice = input.addParticipants
      ? await this.participants.choose(input.addParticipants, tenantId, 'body.addParticipants')
      : undefined;

    const removed = input.removeTeacherIds?.length
      ? await this.participants.remove(id, input.removeTeacherIds, 'body.removeTeacherIds')
      : [];
    if (removed.length) await careRecordsRepo.addToCount(this.ctx.em, id, -removed.length);
    if (restamp) await this.participants.restamp(id, type, day);
    const added = choice ? await this.addParticipants(id, tenantId, choice, type, day) : [];
    await careRecordsRepo.update(this.ctx.em, id, {
      programme_id: programmeId,
      measure_key: measureKey,
      activity_type: input.activityType,
      title: input.title,
      occurred_on: input.occurredOn,
      follow_up_on: input.followUpOn,
      amount_fen: input.amountFen,
      notes: input.notes,
    });
    const after = await this.require(id);
    await this.audit.record({
      orgId: after.org_id,
      action: 'care.update',
      targetType: 'care_record',
      targetId: id,
      before: auditView(before),
      after: { ...auditView(after), addedTeacherIds: added, removedTeacherIds: removed },
    });
    await this.compliance.requestRefreshForWork(tenantId, [before.occurred_on, day]);
    return toCareRecord(after);
  }

  /** Soft deletion: the record leaves every list and total, and the audit log keeps why. */
  async delete(id: string, version: number, reason: string): Promise<{ ok: true }> {
    const before = await this.requireVersion(id, version);
    await careRecordsRepo.softDelete(this.ctx.em, id, this.ctx.principal.userId, reason);
    await this.audit.record({
      orgId: before.org_id,
      action: 'care.delete',
      targetType: 'care_record',
      targetId: id,
      before: auditView(before),
      after: { deleted: true, reason },
    });
    await this.compliance.requestRefreshForWork(before.tenant_id, [before.occurred_on]);
    return { ok: true };
  }

  private async addParticipants(
    id: string,
    tenantId: string,
    choice: ParticipantChoice,
    type: string,
    day: string,
  ): Promise<string[]> {
    const added = await this.participants.add(id, tenantId, choice, type, day);
    if (added.length === 0) return added;
    const count = await careRecordsRepo.addToCount(this.ctx.em, id, added.length);
    if (count > MAX_PARTICIPANTS)
      throw new AppError('CARE_TOO_MANY_PARTICIPANTS', { params: { max: MAX_PARTICIPANTS } });
    return added;
  }

  /**
   * A measure must belong to the programme's adopted version, and the activity be one the measure
   * lists. A measure that lists no activity types (Leiyang 7 减负, 三（二） funding) takes work of any type.
   */
  private async assertMeasure(
    tenantId: string,
    programmeId: string | null,
    measureKey: string | null,
    type: string,
  ): Promise<void> {
    if (measureKey && !programmeId) throw fail('CARE_MEASURE_WITHOUT_PROGRAMME', 'body.measureKey');
    if (!programmeId) return;
    const doc = await careRecordsRepo.programmeDocument(this.ctx.em, programmeId, tenantId);
    if (!doc) throw fail('NOT_FOUND', 'body.programmeId');
    if (!measureKey) return;
    const measure = doc.areas.flatMap((a) => a.measures).find((m) => m.key === measureKey);
    if (!measure) throw fail('CARE_MEASURE_UNKNOWN', 'body.measureKey');
    if (measure.activityTypes.length > 0 && !(measure.activityTypes as string[]).includes(type))
      throw fail('CARE_ACTIVITY_NOT_IN_MEASURE', 'body.activityType');
  }

  private async require(id: string, lock = false): Promise<CareRecordRow> {
    const row = await careRecordsRepo.find(this.ctx.em, this.scope, id, lock);
    if (!row) throw AppError.notFound();
    return row;
  }

  private async requireVersion(id: string, version: number): Promise<CareRecordRow> {
    const row = await this.require(id, true);
    if (row.version !== version) throw new AppError('STALE_VERSION');
    return row;
  }

  /** The unit that did the work: a school or department, or the union itself; in scope and active. */
  private async requireUnit(orgId: string): Promise<OrgRow> {
    const org = await orgsRepo.find(this.ctx.em, this.scope, orgId);
    if (!org || !org.tenant_id) throw fail('NOT_FOUND', 'body.orgId');
    if (org.kind !== 'school' && org.kind !== 'department' && org.id !== org.tenant_id)
      throw fail('CARE_ORG_NOT_A_UNIT', 'body.orgId');
    if (!org.active) throw fail('ORG_INACTIVE', 'body.orgId');
    return org;
  }
}

function assertDay(day: string, path: string): void {
  if (day > todayInShanghai()) throw fail('DATE_IN_FUTURE', path);
  if (day < EARLIEST_DAY) throw fail('DATE_TOO_EARLY', path);
}

/** 回访 comes after the activity (the same day will do); it may well lie in the future. */
function assertFollowUp(followUpOn: string | null, occurredOn: string, path: string): void {
  if (followUpOn !== null && followUpOn < occurredOn) throw fail('CARE_FOLLOW_UP_BEFORE_ACTIVITY', path);
}
