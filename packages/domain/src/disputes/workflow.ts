// The life of a dispute case (劳动人事争议案件) as the union handles it, enforced on the server:
//
//   submitted → accepted | declined
//   accepted → mediation                         (mediator assigned; sessions recorded)
//   mediation → settled | mediation_failed       (劳动争议调解仲裁法 第十四条)
//   mediation_failed → arbitration               (第十四条: no agreement → arbitration)
//   settled → arbitration                        (第十五条: the agreement is not performed)
//   settled → litigation                         (第十六条: payment order on an unperformed agreement
//                                                 over wages, medical costs, compensation)
//   arbitration → litigation                     (第四十三条 overdue award; 第四十八条、第五十条 suing
//                                                 after the award)
//   settled | arbitration | litigation → closed  (outcome, amount recovered)
//   any open state → withdrawn
//
// Mediation is optional in law: a party may apply for arbitration directly (第五条 "不愿调解、调解不成
// …可以向劳动争议仲裁委员会申请仲裁"). Issue 6 nevertheless makes the union's process go through
// mediation and asks that a transition skipping it be refused; that is the union's procedure, not the
// law's, and a case that was mediated elsewhere passes through mediation → mediation_failed here.
// Litigation without arbitration first is refused by the law itself (仲裁前置, 第五条), except the
// payment order of 第十六条.
import { DISPUTE_CASE_ACTIONS, DISPUTE_CASE_STATES, type Role } from '@guanai/contracts';

// The lists are the contracts' (stored in the database and sent on the wire); the rules are here.
export const CASE_STATES = DISPUTE_CASE_STATES;
export type CaseState = (typeof CASE_STATES)[number];

export const CASE_ACTIONS = DISPUTE_CASE_ACTIONS;
export type CaseAction = (typeof CASE_ACTIONS)[number];

/** States a case ends in; nothing moves it further. */
export const TERMINAL_CASE_STATES: readonly CaseState[] = ['declined', 'closed', 'withdrawn'];

/** Roles that handle cases; the applicant teacher may only withdraw their own (and submit it). */
export const CASE_HANDLER_ROLES: readonly Role[] = ['case_handler', 'tenant_admin'];

/** Roles that may open a case: a handler at intake, or a teacher from self-service (求助 / 法律援助). */
export const CASE_SUBMITTER_ROLES: readonly Role[] = ['case_handler', 'tenant_admin', 'teacher'];

const TRANSITIONS: Readonly<Record<CaseState, Partial<Readonly<Record<CaseAction, CaseState>>>>> = {
  submitted: { accept: 'accepted', decline: 'declined', withdraw: 'withdrawn' },
  accepted: { start_mediation: 'mediation', withdraw: 'withdrawn' },
  declined: {},
  mediation: { settle: 'settled', fail_mediation: 'mediation_failed', withdraw: 'withdrawn' },
  settled: {
    start_arbitration: 'arbitration',
    start_litigation: 'litigation',
    close: 'closed',
    withdraw: 'withdrawn',
  },
  mediation_failed: { start_arbitration: 'arbitration', withdraw: 'withdrawn' },
  arbitration: { start_litigation: 'litigation', close: 'closed', withdraw: 'withdrawn' },
  litigation: { close: 'closed', withdraw: 'withdrawn' },
  closed: {},
  withdrawn: {},
};

export type TransitionRefusal =
  /** Arbitration or litigation asked for before the case went through mediation (issue 6: a 4xx). */
  | 'skips_mediation'
  /** The action does not lead anywhere from this state. */
  | 'not_from_state'
  /** The action exists from this state, but not for this role (or not for a teacher's other cases). */
  | 'role_not_permitted';

export type TransitionResult =
  | { readonly ok: true; readonly to: CaseState }
  | { readonly ok: false; readonly allowed: CaseAction[]; readonly reason: TransitionRefusal };

export function isCaseState(s: string): s is CaseState {
  return (CASE_STATES as readonly string[]).includes(s);
}

export function isCaseAction(s: string): s is CaseAction {
  return (CASE_ACTIONS as readonly string[]).includes(s);
}

export function isOpenCaseState(state: CaseState): boolean {
  return !TERMINAL_CASE_STATES.includes(state);
}

export function canSubmitCase(role: Role): boolean {
  return CASE_SUBMITTER_ROLES.includes(role);
}

function mayAct(action: CaseAction, role: Role, isApplicant: boolean): boolean {
  if (CASE_HANDLER_ROLES.includes(role)) return true;
  return role === 'teacher' && isApplicant && action === 'withdraw';
}

/** The actions `role` may take on a case in `state`, in CASE_ACTIONS order. */
export function allowedActions(state: CaseState, role: Role, isApplicant: boolean): CaseAction[] {
  const from = TRANSITIONS[state];
  if (from === undefined) throw new RangeError(`unknown case state: ${state}`);
  return CASE_ACTIONS.filter((a) => from[a] !== undefined && mayAct(a, role, isApplicant));
}

/**
 * Where `action` by `role` takes a case in `state`; when refused, the actions allowed instead (for the
 * 409 answer) and why. `isApplicant`: the user is the case's applicant teacher.
 */
export function transition(
  state: CaseState,
  action: CaseAction,
  role: Role,
  isApplicant: boolean,
): TransitionResult {
  const allowed = allowedActions(state, role, isApplicant);
  // hasOwn: an action read from a request could be 'constructor'.
  const to = Object.hasOwn(TRANSITIONS[state], action) ? TRANSITIONS[state][action] : undefined;
  if (to !== undefined && allowed.includes(action)) return { ok: true, to };
  if (to !== undefined) return { ok: false, allowed, reason: 'role_not_permitted' };
  const beforeMediation = state === 'submitted' || state === 'accepted';
  const skips = beforeMediation && (action === 'start_arbitration' || action === 'start_litigation');
  return { ok: false, allowed, reason: skips ? 'skips_mediation' : 'not_from_state' };
}
