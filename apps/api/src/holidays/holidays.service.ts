import { Injectable } from '@nestjs/common';
import type { HolidayYearInput, HolidayYearList, HolidayYearView } from '@guanai/contracts';
import {
  BUILTIN_HOLIDAY_YEARS,
  TERMINAL_CASE_STATES,
  holidayCalendar,
  mergeHolidayYears,
  validateHolidayYear,
  type HolidayCalendar,
  type HolidayYearProblem,
} from '@guanai/domain';
import { loadStoredHolidayYears, returnedRows, type EntityManager, type StoredHolidayYear } from '@guanai/db';
import { AppError, type FieldProblem } from '../common/app-error';
import type { ErrorCode } from '../common/messages';
import { RequestContext } from '../common/request-context';
import { AuditService } from '../audit/audit.service';
import { JobQueue } from '../jobs/job-queue';
import { sweepCaseDeadlinesSoon } from '../jobs/case-deadline-jobs';

const CODES: Record<HolidayYearProblem['code'], ErrorCode> = {
  year_invalid: 'HOLIDAY_YEAR_OUT_OF_RANGE',
  source_missing: 'HOLIDAY_SOURCE_REQUIRED',
  date_invalid: 'HOLIDAY_DATE_INVALID',
  date_outside_year: 'HOLIDAY_DATE_OUTSIDE_YEAR',
  duplicate_date: 'HOLIDAY_DATE_DUPLICATE',
  off_and_workday: 'HOLIDAY_OFF_AND_WORKDAY',
  workday_not_weekend: 'HOLIDAY_WORKDAY_NOT_WEEKEND',
  no_off_days: 'HOLIDAY_NO_OFF_DAYS',
};

/** How long an instance keeps the calendar before reading it again (another instance may have changed it). */
const CACHE_MS = 60_000;

/**
 * The holiday calendar the dispute deadlines count on: the built-in years with those a platform admin
 * entered laid over them. Read often (every case shown), changed once a year: cached per instance for
 * a minute, and at once on this instance when it changes.
 */
@Injectable()
export class HolidaysService {
  private cached: { calendar: HolidayCalendar; at: number } | null = null;

  constructor(
    private readonly ctx: RequestContext,
    private readonly audit: AuditService,
    private readonly jobs: JobQueue,
  ) {}

  async calendar(em: EntityManager = this.ctx.em): Promise<HolidayCalendar> {
    if (this.cached && Date.now() - this.cached.at < CACHE_MS) return this.cached.calendar;
    const calendar = holidayCalendar(
      mergeHolidayYears(BUILTIN_HOLIDAY_YEARS, await loadStoredHolidayYears(em)),
    );
    this.cached = { calendar, at: Date.now() };
    return calendar;
  }

  async list(): Promise<HolidayYearList> {
    const stored = await loadStoredHolidayYears(this.ctx.em);
    const builtin = new Set(BUILTIN_HOLIDAY_YEARS.map((y) => y.year));
    const entered = new Map(stored.map((y) => [y.year, y]));
    const years = [...new Set([...builtin, ...entered.keys()])].sort((a, b) => b - a);
    return {
      items: years.map((year) => {
        const e = entered.get(year);
        return e ? enteredView(e, builtin.has(year)) : builtinView(year);
      }),
    };
  }

  async put(year: number, input: HolidayYearInput): Promise<HolidayYearView> {
    const candidate = { year, source: input.source, offDays: input.offDays, workdays: input.workdays };
    const problems: FieldProblem[] = validateHolidayYear(candidate).map((p) => ({
      path: ['body', ...p.path].join('.'),
      code: CODES[p.code],
    }));
    if (problems.length)
      throw new AppError('HOLIDAY_YEAR_INVALID', { params: { count: problems.length }, fields: problems });
    const em = this.ctx.em;
    const [before]: { version: number }[] = await em.query(
      `SELECT version FROM holiday_years WHERE year = $1 FOR UPDATE`,
      [year],
    );
    if ((before?.version ?? undefined) !== input.version) throw new AppError('STALE_VERSION');
    const sorted = (xs: string[]) => [...xs].sort();
    await em.query(
      `INSERT INTO holiday_years (year, source, off_days, workdays, updated_by)
       VALUES ($1, $2, $3::date[], $4::date[], $5)
       ON CONFLICT (year) DO UPDATE SET source = $2, off_days = $3::date[], workdays = $4::date[],
         updated_by = $5, updated_at = now(), version = holiday_years.version + 1`,
      [year, input.source, sorted(input.offDays), sorted(input.workdays), this.ctx.principal.userId],
    );
    await this.changed(year, before ? 'holidays.replace' : 'holidays.enter', {
      offDays: input.offDays.length,
      workdays: input.workdays.length,
    });
    const view = (await this.list()).items.find((y) => y.year === year);
    return view!;
  }

  async remove(year: number): Promise<void> {
    const deleted = returnedRows(
      await this.ctx.em.query(`DELETE FROM holiday_years WHERE year = $1 RETURNING 1`, [year]),
    );
    if (!deleted.length) throw new AppError('HOLIDAY_YEAR_NOT_ENTERED');
    await this.changed(year, 'holidays.remove', {});
  }

  /** Audited; every tenant's open cases are recounted on the new calendar by the worker. */
  private async changed(year: number, action: string, after: Record<string, unknown>) {
    this.cached = null;
    await this.audit.record({
      orgId: this.ctx.principal.orgId,
      action,
      targetType: 'holiday_year',
      targetId: String(year),
      after: { year, ...after },
    });
    const tenants: { id: string }[] = await this.ctx.em.query(
      `SELECT DISTINCT org_id AS id FROM dispute_cases WHERE state <> ALL ($1::text[])`,
      [TERMINAL_CASE_STATES],
    );
    for (const t of tenants) await sweepCaseDeadlinesSoon(this.jobs, t.id);
  }
}

const builtinView = (year: number): HolidayYearView => {
  const y = BUILTIN_HOLIDAY_YEARS.find((b) => b.year === year)!;
  return {
    year,
    source: y.source,
    offDays: [...y.offDays].sort(),
    workdays: [...y.workdays].sort(),
    origin: 'builtin',
    replacesBuiltin: false,
    updatedAt: null,
    updatedBy: null,
    version: null,
  };
};

const enteredView = (y: StoredHolidayYear, replacesBuiltin: boolean): HolidayYearView => ({
  year: y.year,
  source: y.source,
  offDays: [...y.offDays],
  workdays: [...y.workdays],
  origin: 'entered',
  replacesBuiltin,
  updatedAt: new Date(y.updatedAt).toISOString(),
  updatedBy: y.updatedBy,
  version: y.version,
});
