import { Injectable } from '@nestjs/common';
import type {
  ActivityTypeCode,
  CompleteReminderRequest,
  ListRemindersQuery,
  Page,
  ParticipantSelection,
  Reminder,
} from '@guanai/contracts';
import { DEFAULT_REMINDER_SCHEDULE } from '@guanai/contracts';
import { addDays, todayIn, type IsoDate, type ProgrammeTemplate } from '@guanai/domain';
import { AppError } from '../common/app-error';
import { RequestContext } from '../common/request-context';
import { AuditService } from '../audit/audit.service';
import { CareRecordsService } from '../care-records/care-records.service';
import { remindersRepo, type ReminderRow } from './reminders.repository';
import { toReminder } from './reminders.mapper';

const fail = (code: ConstructorParameters<typeof AppError>[0], path: string) =>
  new AppError(code, { fields: [{ path, code }] });

/** Officers' reminders: list, and act on one — done (recording the suggested care), snoozed, dismissed. */
@Injectable()
export class RemindersService {
  constructor(
    private readonly ctx: RequestContext,
    private readonly audit: AuditService,
    private readonly care: CareRecordsService,
  ) {}

  private get scope() {
    return this.ctx.principal.orgPath;
  }

  async list(q: ListRemindersQuery): Promise<Page<Reminder>> {
    const { items, total } = await remindersRepo.page(this.ctx.em, this.scope, q);
    const today = await this.todayIn([...new Set(items.map((r) => r.tenant_id))]);
    return {
      items: items.map((r) => toReminder(r, today.get(r.tenant_id))),
      total,
      page: q.page,
      pageSize: q.pageSize,
    };
  }

  async get(id: string): Promise<Reminder> {
    return this.view(await this.require(id));
  }

  private async view(r: ReminderRow): Promise<Reminder> {
    return toReminder(r, (await this.todayIn([r.tenant_id])).get(r.tenant_id));
  }

  /** Today in each union's time zone (its daily evaluation's, Asia/Shanghai unless it set another). */
  private async todayIn(tenantIds: string[]): Promise<Map<string, IsoDate>> {
    if (!tenantIds.length) return new Map();
    const rows: { id: string; tz: string | null }[] = await this.ctx.em.query(
      `SELECT id, settings->'reminders'->>'timeZone' AS tz FROM orgs WHERE id = ANY($1::uuid[])`,
      [tenantIds],
    );
    return new Map(rows.map((r) => [r.id, todayIn(r.tz ?? DEFAULT_REMINDER_SCHEDULE.timeZone)]));
  }

  async complete(id: string, input: CompleteReminderRequest): Promise<Reminder> {
    const r = await this.requireOpen(id, input.version);
    let careRecordId: string | null = null;
    if (input.recordCare && r.activity_type) {
      if (!r.programme_id) throw fail('REMINDER_NO_PROGRAMME', 'body.recordCare');
      const record = await this.care.create({
        orgId: r.org_id,
        programmeId: r.programme_id,
        measureKey: await this.measureOf(r),
        activityType: r.activity_type as ActivityTypeCode,
        title: r.title,
        occurredOn: input.occurredOn ?? (await this.todayIn([r.tenant_id])).get(r.tenant_id)!,
        amountFen: input.amountFen,
        notes: input.notes ?? null,
        participants: await this.participantsOf(r),
      });
      careRecordId = record.id;
    }
    await remindersRepo.resolve(this.ctx.em, id, {
      status: 'done',
      userId: this.ctx.principal.userId,
      careRecordId,
    });
    return this.audited(r, 'reminder.done');
  }

  async snooze(id: string, version: number, until: string): Promise<Reminder> {
    const r = await this.requireOpen(id, version);
    const today = (await this.todayIn([r.tenant_id])).get(r.tenant_id)!;
    if (until <= today || until > addDays(today, 366)) throw fail('REMINDER_SNOOZE_NOT_FUTURE', 'body.until');
    await remindersRepo.resolve(this.ctx.em, id, {
      status: 'snoozed',
      userId: this.ctx.principal.userId,
      snoozedUntil: until,
    });
    return this.audited(r, 'reminder.snooze');
  }

  async dismiss(id: string, version: number, reason: string): Promise<Reminder> {
    const r = await this.requireOpen(id, version);
    await remindersRepo.resolve(this.ctx.em, id, {
      status: 'dismissed',
      userId: this.ctx.principal.userId,
      reason,
    });
    return this.audited(r, 'reminder.dismiss');
  }

  private async audited(before: ReminderRow, action: string): Promise<Reminder> {
    const after = await this.require(before.id);
    await this.audit.record({
      orgId: after.org_id,
      action,
      targetType: 'reminder',
      targetId: after.id,
      before: { status: before.status, snoozedUntil: before.snoozed_until },
      after: {
        status: after.status,
        snoozedUntil: after.snoozed_until,
        reason: after.dismiss_reason,
        careRecordId: after.care_record_id,
      },
    });
    return this.view(after);
  }

  /** Who the recorded care is for: the teacher; a unit's teachers (women only on Women's Day); a follow-up's participants. */
  private async participantsOf(r: ReminderRow): Promise<ParticipantSelection> {
    if (r.subject_kind === 'teacher' && r.teacher_id) return { teacherIds: [r.teacher_id], idNumbers: [] };
    if (r.subject_kind === 'org' && r.detail?.kind === 'festival')
      return {
        teacherIds: [],
        idNumbers: [],
        filter: {
          orgId: r.subject_id,
          status: 'active',
          ...(r.detail.sex === 'female' ? { sex: 'female' as const } : {}),
        },
      };
    if (r.subject_kind === 'care_record') {
      const rows: { teacher_id: string }[] = await this.ctx.em.query(
        `SELECT teacher_id FROM care_participants WHERE record_id = $1`,
        [r.subject_id],
      );
      return { teacherIds: rows.map((x) => x.teacher_id), idNumbers: [] };
    }
    return { teacherIds: [], idNumbers: [] };
  }

  /** The measure the rule sits under, when the activity belongs to it (the care counts towards that measure). */
  private async measureOf(r: ReminderRow): Promise<string | null> {
    const [p]: { document: ProgrammeTemplate }[] = await this.ctx.em.query(
      `SELECT v.document FROM programmes p JOIN programme_versions v ON v.id = p.version_id WHERE p.id = $1`,
      [r.programme_id],
    );
    const measure = p?.document.areas
      .flatMap((a) => a.measures)
      .find(
        (m) =>
          m.reminderRules.some((x) => x.key === r.rule_key) &&
          m.activityTypes.includes(r.activity_type as never),
      );
    return measure?.key ?? null;
  }

  private async require(id: string, lock = false): Promise<ReminderRow> {
    const r = await remindersRepo.find(this.ctx.em, this.scope, id, lock);
    if (!r) throw new AppError('NOT_FOUND');
    return r;
  }

  private async requireOpen(id: string, version: number): Promise<ReminderRow> {
    const r = await this.require(id, true);
    if (r.status === 'done' || r.status === 'dismissed') throw new AppError('REMINDER_CLOSED');
    if (r.version !== version) throw new AppError('STALE_VERSION');
    return r;
  }
}
