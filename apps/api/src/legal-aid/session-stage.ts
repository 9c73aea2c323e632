import type { CaseSessionKind } from '@guanai/contracts';

/** The dates of a case that bound its stages (YYYY-MM-DD, null while not reached). */
export interface CaseStageDates {
  mediation_applied_on: string | null;
  mediation_ended_on: string | null;
  arbitration_applied_on: string | null;
  award_on: string | null;
  litigation_filed_on: string | null;
  closed_on: string | null;
}

/** The days a stage spans: from its start; to its end, or null while it runs. */
export interface StageWindow {
  from: string;
  to: string | null;
}

export const SESSION_KINDS: readonly CaseSessionKind[] = [
  'mediation_session',
  'arbitration_hearing',
  'court_hearing',
];

/**
 * The stage a session or hearing belongs to, null when the case never reached it. Mediation runs from
 * its application (start_mediation) to the agreement or its failure; arbitration from its application
 * to the award, a suit or the case's end; litigation from the suit to the case's end. A case withdrawn
 * or closed mid-stage ends the stage on that day.
 */
export function stageWindow(kind: CaseSessionKind, c: CaseStageDates): StageWindow | null {
  const first = (...ds: (string | null)[]) => ds.find((d) => d !== null) ?? null;
  if (kind === 'mediation_session')
    return c.mediation_applied_on
      ? {
          from: c.mediation_applied_on,
          to: first(c.mediation_ended_on, c.arbitration_applied_on, c.closed_on),
        }
      : null;
  if (kind === 'arbitration_hearing')
    return c.arbitration_applied_on
      ? { from: c.arbitration_applied_on, to: first(c.award_on, c.litigation_filed_on, c.closed_on) }
      : null;
  return c.litigation_filed_on ? { from: c.litigation_filed_on, to: c.closed_on } : null;
}

/** The kinds a case may have recorded now: those of the stages it has reached. */
export function allowedSessionKinds(c: CaseStageDates): CaseSessionKind[] {
  return SESSION_KINDS.filter((k) => stageWindow(k, c) !== null);
}

export type SessionDateCheck =
  | { ok: true }
  | { ok: false; problem: 'stage_not_reached' }
  | { ok: false; problem: 'before_stage'; from: string }
  | { ok: false; problem: 'after_stage'; to: string };

/**
 * A session is dated within its stage: not before the stage began and, once the stage is over, not
 * after it ended. While the stage runs a session may be scheduled ahead (a date in the future).
 */
export function checkSessionDate(kind: CaseSessionKind, heldOn: string, c: CaseStageDates): SessionDateCheck {
  const w = stageWindow(kind, c);
  if (!w) return { ok: false, problem: 'stage_not_reached' };
  if (heldOn < w.from) return { ok: false, problem: 'before_stage', from: w.from };
  if (w.to !== null && heldOn > w.to) return { ok: false, problem: 'after_stage', to: w.to };
  return { ok: true };
}
