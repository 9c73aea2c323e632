// The statutory deadlines of a labour or personnel dispute case, under the Labour Dispute Mediation and
// Arbitration Law (劳动争议调解仲裁法), which also governs personnel disputes of public institutions such
// as public schools (第五十二条) unless other law provides otherwise:
// - mediation (第十四条): no agreement within 15 days of the mediation organisation receiving the
//   application → a party may apply for arbitration;
// - limitation (第二十七条): one year from when the party knew or should have known of the infringement;
// - award (第四十三条): within 45 days of the commission accepting the case, at most 15 more when extended.
//
// Does the rest-day extension apply to the one-year limitation? Yes, here. The law sets no counting
// rule of its own; a limitation period is a period under 民法典 第十章 (第二百零一条–第二百零四条 apply
// to every period unless a law provides otherwise, and 第二百零三条 moves a last day that is a statutory
// rest day to the day after); the arbitration commissions count by the civil-procedure rules
// (办案规则 第十九条), and an application cannot be filed while they are closed. Practice follows this.
// Because the extension is where commissions could differ, the nominal last day travels with the due
// date (nominalDue), so a handler can aim for it.
import { addDays, daysBetween } from '../dates/arithmetic';
import { type IsoDate, compareDates, requireIsoDate } from '../dates/calendar';
import type { HolidayCalendar } from '../holidays/calendar';
import { type CaseDeadlineFacts, checkDeadlineFacts, limitationStart } from './deadline-facts';
import { type PeriodLength, type DateRange, runningPeriod } from './running-period';

export const MEDIATION_DAYS = 15;
export const LIMITATION_YEARS = 1;
export const AWARD_DAYS = 45;

export type DeadlineKind = 'mediation' | 'limitation' | 'award' | 'custom';

/** Days before a deadline to warn on. Limitation: as issue 6 asks; the others are product defaults, not law. */
export const DEFAULT_WARNING_DAYS: Readonly<Record<DeadlineKind, readonly number[]>> = {
  mediation: [3],
  limitation: [90, 30, 7],
  award: [15, 7],
  custom: [7, 1],
};

export interface DeadlineWarning {
  readonly daysBefore: number;
  readonly on: IsoDate;
}

export interface CaseDeadline {
  /** 'mediation', 'limitation', 'award' or 'custom:<id>'. */
  readonly key: string;
  readonly kind: DeadlineKind;
  /** The clause it comes from; null for a handler's own deadline. */
  readonly clause: string | null;
  /** The handler's label of a custom deadline; null for statutory ones. */
  readonly label: string | null;
  /** The day the period (last) began; null for a custom deadline. */
  readonly start: IsoDate | null;
  /** The last day of the period before the rest-day extension. */
  readonly nominalDue: IsoDate;
  /** The last day to act on (inclusive). */
  readonly due: IsoDate;
  /** Days from today to `due`: 0 on the day, negative once it has passed. */
  readonly daysLeft: number;
  /** When the act the deadline watches happened (agreement, arbitration applied for, award, done). */
  readonly closedOn: IsoDate | null;
  /** The deadline went by without that act: closed after `due`, or still open and today is after `due`.
   * For mediation this means the party is now free to apply for arbitration. */
  readonly passed: boolean;
  /** Chronological; the reminder engine sends those not yet past. */
  readonly warnings: readonly DeadlineWarning[];
  /** The holiday calendar has no arrangement for the due date's year: weekends only were counted. */
  readonly provisional: boolean;
  /** Interruptions, suspensions or restarts dated after the period had already ended. */
  readonly ignored: readonly IsoDate[];
}

export interface DeadlineOptions {
  readonly warningDays?: Partial<Readonly<Record<DeadlineKind, readonly number[]>>>;
}

function warningsFor(due: IsoDate, days: readonly number[]): DeadlineWarning[] {
  return [...new Set(days)]
    .sort((a, b) => b - a)
    .map((daysBefore) => ({ daysBefore, on: addDays(due, -daysBefore) }));
}

/**
 * The case's deadlines as of `today`: mediation when a mediation was applied for, limitation unless
 * wages are owed in a continuing employment (art. 27 para 4), award once arbitration was accepted, and
 * the handler's own. RangeError when checkDeadlineFacts finds a problem.
 */
export function caseDeadlines(
  facts: CaseDeadlineFacts,
  today: IsoDate,
  cal: HolidayCalendar,
  options: DeadlineOptions = {},
): CaseDeadline[] {
  requireIsoDate(today);
  const problems = checkDeadlineFacts(facts, today);
  if (problems.length > 0) throw new RangeError(`invalid case facts: ${JSON.stringify(problems)}`);
  const warningDays = (kind: DeadlineKind) => options.warningDays?.[kind] ?? DEFAULT_WARNING_DAYS[kind];
  const yearOf = (d: IsoDate) => requireIsoDate(d).year;

  const deadline = (
    kind: Exclude<DeadlineKind, 'custom'>,
    clause: string,
    start: IsoDate,
    length: PeriodLength,
    restarts: readonly IsoDate[],
    pauses: readonly DateRange[],
    closedOn: IsoDate | null,
  ): CaseDeadline => {
    const period = runningPeriod(start, length, restarts, pauses, cal);
    return {
      key: kind,
      kind,
      clause,
      label: null,
      start: period.start,
      nominalDue: period.nominalEnd,
      due: period.end,
      daysLeft: daysBetween(today, period.end),
      closedOn,
      passed: compareDates(closedOn ?? today, period.end) > 0,
      warnings: warningsFor(period.end, warningDays(kind)),
      provisional: !cal.covers(yearOf(period.nominalEnd)) || !cal.covers(yearOf(period.end)),
      ignored: period.ignored,
    };
  };

  const deadlines: CaseDeadline[] = [];
  const { mediation, arbitration } = facts;
  if (mediation)
    deadlines.push(
      deadline(
        'mediation',
        '劳动争议调解仲裁法 第十四条',
        mediation.appliedOn,
        { days: MEDIATION_DAYS },
        [],
        [],
        mediation.endedOn ?? null,
      ),
    );
  const start = limitationStart(facts);
  if (start !== null)
    deadlines.push(
      deadline(
        'limitation',
        facts.wageArrears ? '劳动争议调解仲裁法 第二十七条第四款' : '劳动争议调解仲裁法 第二十七条',
        start,
        { years: LIMITATION_YEARS },
        facts.limitationInterruptions ?? [],
        facts.limitationSuspensions ?? [],
        arbitration?.appliedOn ?? null,
      ),
    );
  if (arbitration?.acceptedOn)
    deadlines.push(
      deadline(
        'award',
        '劳动争议调解仲裁法 第四十三条',
        arbitration.acceptedOn,
        // The extension lengthens the one period (45 + n days from acceptance); the rest-day rule then
        // applies once, to its last day, not to the 45th day as well.
        { days: AWARD_DAYS + (arbitration.extensionDays ?? 0) },
        arbitration.restarts ?? [],
        arbitration.pauses ?? [],
        arbitration.awardOn ?? null,
      ),
    );
  const custom = [...(facts.custom ?? [])].sort((a, b) => compareDates(a.due, b.due));
  for (const c of custom) {
    const closedOn = c.doneOn ?? null;
    deadlines.push({
      key: `custom:${c.id}`,
      kind: 'custom',
      clause: null,
      label: c.label,
      start: null,
      // A date the handler was given (a hearing, a court's order) is kept as it is.
      nominalDue: c.due,
      due: c.due,
      daysLeft: daysBetween(today, c.due),
      closedOn,
      passed: compareDates(closedOn ?? today, c.due) > 0,
      warnings: warningsFor(c.due, c.warnDaysBefore ?? warningDays('custom')),
      provisional: false,
      ignored: [],
    });
  }
  return deadlines;
}
