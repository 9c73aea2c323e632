// Turns the report's grouped rows into figures per tenant and in total. Pure: the SQL counts, this adds up.
import {
  CASE_REPORT_STAGES,
  DISPUTE_CASE_OUTCOMES,
  DISPUTE_CASE_STATES,
  DISPUTE_CATEGORIES,
  MISSED_DEADLINE_KINDS,
  type CaseFigures,
} from '@guanai/contracts';
import type { CaseDeadline } from '@guanai/domain';
import type { CountRow, StageRow } from './case-reports.repository';

const zeros = <K extends string>(keys: readonly K[]) =>
  Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

export function emptyFigures(): CaseFigures {
  return {
    cases: 0,
    byCategory: zeros(DISPUTE_CATEGORIES),
    byState: zeros(DISPUTE_CASE_STATES),
    byOutcome: zeros(DISPUTE_CASE_OUTCOMES),
    stages: Object.fromEntries(
      CASE_REPORT_STAGES.map((s) => [s, { cases: 0, averageDays: null, medianDays: null }]),
    ) as CaseFigures['stages'],
    claimedFen: 0,
    closedClaimedFen: 0,
    recoveredFen: 0,
    overdue: 0,
    missed: { cases: 0, mediation: 0, limitation: 0, award: 0 },
  };
}

const oneDecimal = (days: number) => Math.round(days * 10) / 10;

/** Adds one grouped count row (cases, amounts, overdue) to a tenant's figures and to the totals. */
export function addCounts(f: CaseFigures, r: CountRow): void {
  const claimed = Number(r.claimed);
  f.cases += r.n;
  f.byCategory[r.category as keyof CaseFigures['byCategory']] += r.n;
  f.byState[r.state as keyof CaseFigures['byState']] += r.n;
  if (r.state === 'closed' && r.outcome) {
    f.byOutcome[r.outcome as keyof CaseFigures['byOutcome']] += r.n;
    f.closedClaimedFen += claimed;
  }
  f.claimedFen += claimed;
  f.recoveredFen += Number(r.recovered);
  f.overdue += r.overdue;
}

export function setStage(f: CaseFigures, r: StageRow): void {
  f.stages[r.stage as keyof CaseFigures['stages']] = {
    cases: r.n,
    averageDays: oneDecimal(r.average),
    medianDays: oneDecimal(r.median),
  };
}

type MissedKind = (typeof MISSED_DEADLINE_KINDS)[number];

/**
 * The statutory deadlines of an ended case that went by without their act: the act came after the last
 * day, or never came and the case ended after it. Due dates do not depend on the day they are computed
 * on; only `passed` does, so it is judged here against the day the case ended, not today.
 */
export function missedKinds(deadlines: readonly CaseDeadline[], endedOn: string): MissedKind[] {
  return MISSED_DEADLINE_KINDS.filter((kind) =>
    deadlines.some((d) => d.kind === kind && (d.closedOn ?? endedOn) > d.due),
  );
}

export function addMissed(f: CaseFigures, kinds: readonly MissedKind[]): void {
  if (kinds.length === 0) return;
  f.missed.cases += 1;
  for (const k of kinds) f.missed[k] += 1;
}
