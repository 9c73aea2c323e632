import { Injectable } from '@nestjs/common';
import type { z } from 'zod';
import {
  DEFAULT_REMINDER_SCHEDULE,
  type ProgrammeReminderSettings,
  type ReminderSchedule,
  type ReminderSettings,
  type TenantReminderSchedule,
  type UpdateReminderSettingsRequest,
} from '@guanai/contracts';
import {
  effectiveRules,
  isTenantKind,
  isValidTimeZone,
  ruleName,
  todayIn,
  validateTemplate,
  type ProgrammeTemplate,
  type ReminderRule,
} from '@guanai/domain';
import { evaluationJobId } from '@guanai/db';
import { AppError, type FieldProblem } from '../common/app-error';
import { RequestContext } from '../common/request-context';
import { AuditService } from '../audit/audit.service';
import { JobQueue } from '../jobs/job-queue';
import { templateFields } from '../programmes/problems';
import { programmesRepo } from '../programmes/programmes.repository';

const CUSTOM_AREA = '__tenant_rules';

/**
 * A tenant's reminder rules (on/off, lead time, audience per rule of its programme, and rules of its
 * own) and when its daily evaluation runs.
 */
@Injectable()
export class ReminderSettingsService {
  constructor(
    private readonly ctx: RequestContext,
    private readonly audit: AuditService,
    private readonly jobs: JobQueue,
  ) {}

  async programmeRules(id: string): Promise<ProgrammeReminderSettings> {
    const p = await this.requireProgramme(id);
    return view(p.id, p.document, p.reminder_settings, p.reminders_version);
  }

  async setProgrammeRules(
    id: string,
    input: z.infer<typeof UpdateReminderSettingsRequest>,
  ): Promise<ProgrammeReminderSettings> {
    const p = await this.requireProgramme(id, true);
    if (p.reminders_version !== input.version) throw new AppError('STALE_VERSION');
    const settings: ReminderSettings = { rules: input.rules, custom: input.custom };
    const problems = settingsProblems(p.document, settings);
    if (problems.length)
      throw problems[0] instanceof AppError ? problems[0] : new AppError('VALIDATION_FAILED');
    await this.ctx.em.query(
      // Its own version: the targets-and-budget form and this one do not conflict.
      `UPDATE programmes SET reminder_settings = $2, reminders_version = reminders_version + 1, updated_at = now() WHERE id = $1`,
      [id, JSON.stringify(settings)],
    );
    await this.audit.record({
      orgId: p.org_id,
      action: 'programme.reminders',
      targetType: 'programme',
      targetId: id,
      before: p.reminder_settings,
      after: settings,
    });
    const after = await this.requireProgramme(id);
    return view(after.id, after.document, after.reminder_settings, after.reminders_version);
  }

  async schedule(): Promise<TenantReminderSchedule> {
    const tenant = await this.requireTenant();
    const runs = await this.ctx.em.query(
      `SELECT to_char(day, 'YYYY-MM-DD') AS day, status, started_at, finished_at, created, notified, error
         FROM reminder_runs WHERE org_id = $1 ORDER BY day DESC LIMIT 7`,
      [tenant.id],
    );
    return {
      orgId: tenant.id,
      ...tenant.schedule,
      lastRuns: runs.map((r: Record<string, unknown>) => ({
        day: r.day as string,
        status: r.status as 'running' | 'done' | 'failed',
        startedAt: new Date(r.started_at as string).toISOString(),
        finishedAt: r.finished_at ? new Date(r.finished_at as string).toISOString() : null,
        created: r.created as number,
        notified: r.notified as number,
        error: (r.error as string | null) ?? null,
      })),
    };
  }

  async setSchedule(input: ReminderSchedule): Promise<TenantReminderSchedule> {
    if (!isValidTimeZone(input.timeZone))
      throw new AppError('TIME_ZONE_UNKNOWN', {
        fields: [{ path: 'body.timeZone', code: 'TIME_ZONE_UNKNOWN' }],
      });
    const tenant = await this.requireTenant();
    await this.ctx.em.query(
      `UPDATE orgs SET settings = jsonb_set(settings, '{reminders}', $2::jsonb), updated_at = now(), version = version + 1 WHERE id = $1`,
      [tenant.id, JSON.stringify(input)],
    );
    await this.audit.record({
      orgId: tenant.id,
      action: 'reminders.schedule',
      targetType: 'org',
      targetId: tenant.id,
      before: tenant.schedule,
      after: input,
    });
    // After the commit: the worker reads the new hour from Postgres.
    await this.jobs.add(
      'reminders',
      'reminders.sync_schedules',
      {},
      { jobId: `sync-schedules-${Date.now()}`, delay: 2_000, removeOnComplete: 100 },
    );
    return this.schedule();
  }

  async runNow(): Promise<{ queued: boolean; day: string }> {
    const tenant = await this.requireTenant();
    const day = todayIn(tenant.schedule.timeZone);
    await this.jobs.add(
      'reminders',
      'reminders.evaluate',
      { tenantId: tenant.id, day },
      {
        jobId: `${evaluationJobId(tenant.id, day)}-now-${Date.now()}`,
        delay: 1_000,
        attempts: 3,
        removeOnComplete: 100,
      },
    );
    return { queued: true, day };
  }

  private async requireTenant(): Promise<{ id: string; schedule: ReminderSchedule }> {
    const [org]: { id: string; kind: string; reminders: Partial<ReminderSchedule> | null }[] =
      await this.ctx.em.query(`SELECT id, kind, settings->'reminders' AS reminders FROM orgs WHERE id = $1`, [
        this.ctx.principal.orgId,
      ]);
    if (!org || !isTenantKind(org.kind as never)) throw new AppError('REMINDER_SCHEDULE_NOT_TENANT');
    return { id: org.id, schedule: { ...DEFAULT_REMINDER_SCHEDULE, ...(org.reminders ?? {}) } };
  }

  private async requireProgramme(id: string, lock = false) {
    const p = await programmesRepo.find(this.ctx.em, this.ctx.principal.orgPath, id, { own: true, lock });
    if (!p) throw new AppError('NOT_FOUND');
    const [{ reminder_settings, reminders_version }] = await this.ctx.em.query(
      `SELECT reminder_settings, reminders_version FROM programmes WHERE id = $1`,
      [id],
    );
    return {
      ...p,
      document: p.document as ProgrammeTemplate,
      reminder_settings: (reminder_settings ?? {}) as ReminderSettings,
      reminders_version: reminders_version as number,
    };
  }
}

function view(
  programmeId: string,
  document: ProgrammeTemplate,
  s: ReminderSettings,
  version: number,
): ProgrammeReminderSettings {
  const settings = { rules: s.rules ?? {}, custom: s.custom ?? [] };
  return {
    programmeId,
    settings,
    version,
    rules: effectiveRules(document, settings as never).map((e) => ({
      key: e.rule.key,
      name: ruleName(e.rule),
      measureKey: e.measureKey,
      custom: e.custom,
      enabled: e.enabled,
      rule: e.rule as ProgrammeReminderSettings['rules'][number]['rule'],
    })),
  };
}

/**
 * A tenant's own rules follow the template's rules (validateTemplate on the version with them added as
 * one more measure, so keys may not clash and a quota names one of the version's indicators); an
 * override names a rule that exists and, for a named role, the role.
 */
function settingsProblems(document: ProgrammeTemplate, s: ReminderSettings): AppError[] {
  const fields: FieldProblem[] = [];
  const custom = s.custom as unknown as ReminderRule[];
  const withCustom: ProgrammeTemplate = {
    ...document,
    areas: [
      ...document.areas,
      {
        key: CUSTOM_AREA,
        clause: '-',
        title: '-',
        kind: 'care',
        measures: [
          {
            key: CUSTOM_AREA,
            clause: '-',
            title: '-',
            text: '',
            activityTypes: [...new Set(custom.flatMap((r) => (r.activityType ? [r.activityType] : [])))],
            indicators: [],
            reminderRules: custom,
          },
        ],
      },
    ],
  };
  const at = document.areas.length;
  const customProblems = validateTemplate(withCustom)
    .filter(
      (p) =>
        p.path[0] === 'areas' &&
        p.path[1] === at &&
        p.path[4] === 'reminderRules' &&
        p.code !== 'no_activity_types',
    )
    .map((p) => ({ ...p, path: ['custom', ...p.path.slice(5)] }));
  if (customProblems.length) {
    const fields = templateFields(customProblems, 'body');
    return [new AppError('REMINDER_RULE_INVALID', { params: { count: fields.length }, fields })];
  }
  const known = new Set(effectiveRules(document, { custom }).map((e) => e.rule.key));
  for (const [key, o] of Object.entries(s.rules)) {
    if (!known.has(key)) fields.push({ path: `body.rules.${key}`, code: 'REMINDER_RULE_UNKNOWN' });
    else if (o.audience === 'role' && !o.role)
      fields.push({ path: `body.rules.${key}.role`, code: 'REMINDER_ROLE_REQUIRED' });
  }
  return fields.length ? [new AppError(fields[0]!.code as 'REMINDER_RULE_UNKNOWN', { fields })] : [];
}
