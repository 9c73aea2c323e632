// Dispute-case deadlines in the reminder engine (issue 6): each running deadline warns its handler at
// the days the domain sets (DEFAULT_WARNING_DAYS: limitation 90, 30 and 7 days before, as the issue
// asks; mediation 3; award 15 and 7; a handler's own as they chose), and a deadline gone by without its act is flagged once. The daily
// evaluation sweeps every open case of the tenant; a case just changed is swept alone at once (and
// again at its next warning, by a delayed job), so a warning already due never waits for the morning.
import type { EntityManager } from 'typeorm';
import {
  TERMINAL_CASE_STATES,
  type CaseDeadline,
  type CaseState,
  type HolidayCalendar,
  type IsoDate,
} from '@guanai/domain';
import {
  caseDeadlineColumns,
  deadlinesOf,
  nextDueOn,
  type CaseDeadlineColumns,
} from '../disputes/case-deadlines';
import type { ReminderRow } from './rows';

interface OpenCase extends CaseDeadlineColumns {
  id: string;
  org_id: string;
  state: CaseState;
  respondent_name: string;
  next_due_on: string | null;
}

const LABELS: Record<Exclude<CaseDeadline['kind'], 'custom'>, string> = {
  mediation: '调解期限',
  limitation: '仲裁时效',
  award: '裁决期限',
};

const labelOf = (d: CaseDeadline) => (d.kind === 'custom' ? (d.label ?? '自定期限') : LABELS[d.kind]);

/** The reminders one case's deadlines call for on `day`: the nearest warning reached, or the flag of one passed. */
export function caseDeadlineReminders(
  c: OpenCase,
  deadlines: readonly CaseDeadline[],
  day: IsoDate,
): ReminderRow[] {
  const rows: ReminderRow[] = [];
  for (const d of deadlines) {
    if (d.closedOn !== null) continue;
    const base = {
      orgId: c.org_id,
      programmeId: null,
      subjectKind: 'case' as const,
      subjectId: c.id,
      teacherId: null,
      occursOn: d.due,
      activityType: null,
      audience: 'case_handler',
      role: null,
    };
    const detail = { kind: 'case_deadline', deadline: d.key, clause: d.clause, due: d.due };
    if (d.passed) {
      rows.push({
        ...base,
        ruleKey: `case:${d.key}:passed`,
        dueOn: d.due,
        title: `维权案件（${c.respondent_name}）${labelOf(d)}已于 ${d.due} 届满`.slice(0, 200),
        detail: { ...detail, passed: true },
      });
      continue;
    }
    // Only the nearest warning reached: a case taken in late does not get all three at once.
    const reached = d.warnings.filter((w) => w.on <= day).sort((a, b) => a.daysBefore - b.daysBefore)[0];
    if (!reached) continue;
    rows.push({
      ...base,
      ruleKey: `case:${d.key}:warn${reached.daysBefore}`,
      dueOn: reached.on,
      title: `维权案件（${c.respondent_name}）${labelOf(d)} ${d.due} 届满`.slice(0, 200),
      detail: { ...detail, daysBefore: reached.daysBefore },
    });
  }
  return rows;
}

export interface CaseSweep {
  rows: ReminderRow[];
  /** Cases whose stored next deadline changed (a holiday year entered, a day gone by). */
  nextDueChanged: number;
  /** The earliest warning still to come, per case: when the delayed job should look again. */
  nextWarnings: { caseId: string; on: IsoDate }[];
  /**
   * Cases whose dates the domain refuses (out of order: the API never stores such, a hand edit might):
   * left out rather than stopping the union's whole evaluation, birthdays and all.
   */
  skipped: string[];
}

/** Every open case of the tenant (or one case): the reminders due on `day`, and next_due_on brought up to date. */
export async function sweepCaseDeadlines(
  em: EntityManager,
  tenantId: string,
  day: IsoDate,
  calendar: HolidayCalendar,
  caseId?: string,
): Promise<CaseSweep> {
  const cases: OpenCase[] = await em.query(
    `SELECT c.id, c.org_id, c.state, c.respondent_name, to_char(c.next_due_on, 'YYYY-MM-DD') AS next_due_on,
            ${caseDeadlineColumns('c')}
       FROM dispute_cases c
      WHERE c.org_id = $1 AND c.state <> ALL ($${caseId ? 3 : 2}::text[])
        ${caseId ? 'AND c.id = $2' : ''}`,
    caseId ? [tenantId, caseId, TERMINAL_CASE_STATES] : [tenantId, TERMINAL_CASE_STATES],
  );
  const rows: ReminderRow[] = [];
  const changed: { id: string; next: string | null }[] = [];
  const nextWarnings: CaseSweep['nextWarnings'] = [];
  const skipped: string[] = [];
  for (const c of cases) {
    let deadlines: CaseDeadline[];
    try {
      deadlines = deadlinesOf(c, day, calendar);
    } catch (e) {
      if (!(e instanceof RangeError)) throw e;
      skipped.push(c.id);
      continue;
    }
    rows.push(...caseDeadlineReminders(c, deadlines, day));
    const next = nextDueOn(c, day, calendar);
    if (next !== c.next_due_on) changed.push({ id: c.id, next });
    const upcoming = deadlines
      .filter((d) => d.closedOn === null && !d.passed)
      .flatMap((d) => [...d.warnings.map((w) => w.on), d.due])
      .filter((on) => on > day)
      .sort()[0];
    if (upcoming) nextWarnings.push({ caseId: c.id, on: upcoming });
  }
  if (changed.length)
    await em.query(
      `UPDATE dispute_cases c SET next_due_on = u.next
         FROM unnest($1::uuid[], $2::date[]) AS u(id, next) WHERE c.id = u.id`,
      [changed.map((c) => c.id), changed.map((c) => c.next)],
    );
  return { rows, nextDueChanged: changed.length, nextWarnings, skipped };
}
