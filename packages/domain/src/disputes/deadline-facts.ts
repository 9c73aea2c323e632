// The dated facts of a dispute case that its statutory deadlines are computed from, and the checks the
// API runs on them before anything is stored (each problem a 4xx, with the path of the field).
import { type IsoDate, compareDates, isIsoDate } from '../dates/calendar';
import type { DateRange } from './running-period';

/** 劳动争议调解仲裁法 第四十三条: "延长期限不得超过十五日". */
export const MAX_AWARD_EXTENSION_DAYS = 15;

/** A deadline a case handler adds (a hearing, a court's time limit, the employer's promised payment). */
export interface CustomDeadline {
  /** Unique within the case. */
  readonly id: string;
  readonly label: string;
  readonly due: IsoDate;
  /** Days before `due` to warn on; DEFAULT_WARNING_DAYS.custom when absent. */
  readonly warnDaysBefore?: readonly number[];
  readonly doneOn?: IsoDate | null;
}

export interface MediationFacts {
  /** The day the mediation organisation received the application (收到调解申请之日, art. 14). */
  readonly appliedOn: IsoDate;
  /** The day mediation ended, in an agreement or without one. */
  readonly endedOn?: IsoDate | null;
}

export interface ArbitrationFacts {
  /** The day the application for arbitration was made: it stops the limitation (art. 27). */
  readonly appliedOn: IsoDate;
  /** The day the commission accepted it (受理, art. 43); the award period runs from it. */
  readonly acceptedOn?: IsoDate | null;
  /** Days the commission's director extended the award period by (art. 43): 1–15. */
  readonly extensionDays?: number | null;
  /** Days the award period began again: a party added, claims changed, a counterclaim joined, the case
   * transferred (劳动人事争议仲裁办案规则 第四十六条(一)–(五)). */
  readonly restarts?: readonly IsoDate[];
  /** Hearing suspended or notice by publication: not counted (办案规则 第四十六条(六)). */
  readonly pauses?: readonly DateRange[];
  readonly awardOn?: IsoDate | null;
}

export interface CaseDeadlineFacts {
  /** The day the teacher knew or should have known of the infringement (知道或者应当知道其权利被侵害之日). */
  readonly knewOn: IsoDate;
  /**
   * Wages owed while the employment lasts (art. 27 para 4): no limitation runs until the employment
   * ends (employmentEndedOn null), then one year from its end. Absent for every other claim.
   */
  readonly wageArrears?: { readonly employmentEndedOn: IsoDate | null } | null;
  /** 中断 (art. 27 para 2): a claim made to the employer, a request to an authority for relief, or the
   * employer agreeing to perform. The limitation starts again from each. */
  readonly limitationInterruptions?: readonly IsoDate[];
  /** 中止 (art. 27 para 3): force majeure or another good reason kept the teacher from applying. */
  readonly limitationSuspensions?: readonly DateRange[];
  readonly mediation?: MediationFacts | null;
  readonly arbitration?: ArbitrationFacts | null;
  readonly custom?: readonly CustomDeadline[];
}

export type DeadlineFactsProblemCode =
  | 'date_required'
  | 'date_invalid'
  /** A fact dated after today: the knowledge date (a 4xx the issue names), an interruption, an award. */
  | 'date_in_future'
  /** An interruption or suspension before the limitation began. */
  | 'before_limitation_start'
  | 'range_inverted'
  | 'ranges_overlap'
  /** Mediation or arbitration applied for before the knowledge date, mediation ended before it was
   * applied for, acceptance before application, an award, restart or pause before acceptance. */
  | 'out_of_order'
  | 'extension_out_of_range'
  | 'extension_without_acceptance'
  | 'duplicate_id'
  | 'label_missing'
  | 'warning_days_invalid';

export interface DeadlineFactsProblem {
  readonly code: DeadlineFactsProblemCode;
  readonly path: readonly (string | number)[];
}

/** The day the arbitration limitation starts from: the knowledge date, or for wages owed the end of the
 * employment; null while wages are owed in a continuing employment (art. 27 para 4). */
export function limitationStart(facts: CaseDeadlineFacts): IsoDate | null {
  return facts.wageArrears ? facts.wageArrears.employmentEndedOn : facts.knewOn;
}

export function isValidAwardExtension(days: number): boolean {
  return Number.isInteger(days) && days >= 1 && days <= MAX_AWARD_EXTENSION_DAYS;
}

type Path = (string | number)[];

/** Every problem of the facts as of `today`; empty when deadlines can be computed from them. */
export function checkDeadlineFacts(facts: CaseDeadlineFacts, today: IsoDate): DeadlineFactsProblem[] {
  const problems: DeadlineFactsProblem[] = [];
  const add = (code: DeadlineFactsProblemCode, path: Path) => problems.push({ code, path });
  /** Validates an optional date; returns it when usable, null otherwise. Facts must not lie ahead. */
  const fact = (date: IsoDate | null | undefined, path: Path, past = true): IsoDate | null => {
    if (date === null || date === undefined) return null;
    if (typeof date !== 'string' || !isIsoDate(date)) {
      add('date_invalid', path);
      return null;
    }
    if (past && compareDates(date, today) > 0) add('date_in_future', path);
    return date;
  };
  const required = (date: IsoDate | null | undefined, path: Path, past = true): IsoDate | null => {
    if (date === null || date === undefined) add('date_required', path);
    return fact(date, path, past);
  };
  const notBefore = (
    later: IsoDate | null,
    earlier: IsoDate | null,
    code: DeadlineFactsProblemCode,
    path: Path,
  ) => {
    if (later !== null && earlier !== null && compareDates(later, earlier) < 0) add(code, path);
  };
  const ranges = (
    list: readonly DateRange[],
    base: Path,
    floor: IsoDate | null,
    floorCode: DeadlineFactsProblemCode,
  ) => {
    const valid: { from: IsoDate; to: IsoDate; i: number }[] = [];
    list.forEach((r, i) => {
      const from = fact(r.from, [...base, i, 'from']);
      const to = fact(r.to, [...base, i, 'to']);
      notBefore(from, floor, floorCode, [...base, i, 'from']);
      if (from !== null && to !== null) {
        if (compareDates(to, from) < 0) add('range_inverted', [...base, i, 'to']);
        else valid.push({ from, to, i });
      }
    });
    valid.sort((a, b) => compareDates(a.from, b.from));
    // Overlapping ranges would pause the same days twice; a range may begin the day another ends.
    let reach: IsoDate | null = null;
    for (const r of valid) {
      if (reach !== null && compareDates(r.from, reach) < 0) add('ranges_overlap', [...base, r.i]);
      if (reach === null || compareDates(r.to, reach) > 0) reach = r.to;
    }
  };

  const knewOn = required(facts.knewOn, ['knewOn']);
  const endedOn = fact(facts.wageArrears?.employmentEndedOn, ['wageArrears', 'employmentEndedOn']);
  const start = facts.wageArrears ? endedOn : knewOn;
  (facts.limitationInterruptions ?? []).forEach((d, i) =>
    notBefore(fact(d, ['limitationInterruptions', i]), start, 'before_limitation_start', [
      'limitationInterruptions',
      i,
    ]),
  );
  ranges(facts.limitationSuspensions ?? [], ['limitationSuspensions'], start, 'before_limitation_start');

  if (facts.mediation) {
    const applied = required(facts.mediation.appliedOn, ['mediation', 'appliedOn']);
    notBefore(applied, knewOn, 'out_of_order', ['mediation', 'appliedOn']);
    notBefore(fact(facts.mediation.endedOn, ['mediation', 'endedOn']), applied, 'out_of_order', [
      'mediation',
      'endedOn',
    ]);
  }

  const arb = facts.arbitration;
  if (arb) {
    const applied = required(arb.appliedOn, ['arbitration', 'appliedOn']);
    notBefore(applied, knewOn, 'out_of_order', ['arbitration', 'appliedOn']);
    const accepted = fact(arb.acceptedOn, ['arbitration', 'acceptedOn']);
    notBefore(accepted, applied, 'out_of_order', ['arbitration', 'acceptedOn']);
    notBefore(fact(arb.awardOn, ['arbitration', 'awardOn']), accepted ?? applied, 'out_of_order', [
      'arbitration',
      'awardOn',
    ]);
    (arb.restarts ?? []).forEach((d, i) =>
      notBefore(fact(d, ['arbitration', 'restarts', i]), accepted, 'out_of_order', [
        'arbitration',
        'restarts',
        i,
      ]),
    );
    ranges(arb.pauses ?? [], ['arbitration', 'pauses'], accepted, 'out_of_order');
    const ext = arb.extensionDays;
    if (ext !== null && ext !== undefined) {
      if (!isValidAwardExtension(ext)) add('extension_out_of_range', ['arbitration', 'extensionDays']);
      if (arb.acceptedOn === null || arb.acceptedOn === undefined)
        add('extension_without_acceptance', ['arbitration', 'extensionDays']);
    }
  }

  const ids = new Set<string>();
  (facts.custom ?? []).forEach((c, i) => {
    if (ids.has(c.id)) add('duplicate_id', ['custom', i, 'id']);
    ids.add(c.id);
    if (typeof c.label !== 'string' || c.label.trim() === '') add('label_missing', ['custom', i, 'label']);
    required(c.due, ['custom', i, 'due'], false);
    fact(c.doneOn, ['custom', i, 'doneOn']);
    if ((c.warnDaysBefore ?? []).some((n) => !Number.isInteger(n) || n < 0))
      add('warning_days_invalid', ['custom', i, 'warnDaysBefore']);
  });
  return problems;
}
