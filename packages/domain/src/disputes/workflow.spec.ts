import { ROLES, type Role } from '@guanai/contracts';
import {
  CASE_ACTIONS,
  CASE_STATES,
  type CaseAction,
  type CaseState,
  allowedActions,
  canSubmitCase,
  isCaseAction,
  isCaseState,
  isOpenCaseState,
  transition,
} from './workflow';

const LAW = '劳动争议调解仲裁法';

// The expected machine, written out independently of workflow.ts: [from, action, to, clause].
const HANDLER_MOVES: readonly [CaseState, CaseAction, CaseState, string][] = [
  ['submitted', 'accept', 'accepted', '浙江 二(一)2: the union takes up the case (issue 6 intake)'],
  ['submitted', 'decline', 'declined', 'issue 6: declined, with a reason'],
  ['accepted', 'start_mediation', 'mediation', `浙江 二(一)2 纠纷调解; ${LAW} 第十条`],
  ['mediation', 'settle', 'settled', `${LAW} 第十四条第一款: 调解协议书`],
  ['mediation', 'fail_mediation', 'mediation_failed', `${LAW} 第十四条: no agreement`],
  ['mediation_failed', 'start_arbitration', 'arbitration', `${LAW} 第五条、第十四条`],
  ['settled', 'start_arbitration', 'arbitration', `${LAW} 第十五条: agreement not performed`],
  ['settled', 'start_litigation', 'litigation', `${LAW} 第十六条: 支付令`],
  ['arbitration', 'start_litigation', 'litigation', `${LAW} 第四十三条、第四十八条、第五十条`],
  ['settled', 'close', 'closed', 'issue 6: closed with outcome and amount recovered'],
  ['arbitration', 'close', 'closed', `issue 6; ${LAW} 第四十七条 终局裁决`],
  ['litigation', 'close', 'closed', 'issue 6: closed after the court'],
  ...(
    [
      'submitted',
      'accepted',
      'mediation',
      'settled',
      'mediation_failed',
      'arbitration',
      'litigation',
    ] as const
  ).map((from): [CaseState, CaseAction, CaseState, string] => [
    from,
    'withdraw',
    'withdrawn',
    'issue 6: withdrawal at any stage',
  ]),
];

const HANDLERS: readonly Role[] = ['case_handler', 'tenant_admin'];
const OPEN: readonly CaseState[] = [
  'submitted',
  'accepted',
  'mediation',
  'settled',
  'mediation_failed',
  'arbitration',
  'litigation',
];

type Actor = { readonly role: Role; readonly isApplicant: boolean; readonly name: string };
const ACTORS: readonly Actor[] = ROLES.flatMap((role): Actor[] =>
  role === 'teacher'
    ? [
        { role, isApplicant: true, name: 'teacher (the applicant)' },
        { role, isApplicant: false, name: 'teacher (not the applicant)' },
      ]
    : [{ role, isApplicant: false, name: role }],
);

function expected(
  state: CaseState,
  action: CaseAction,
  actor: Actor,
): { to: CaseState; clause: string } | null {
  const move = HANDLER_MOVES.find(([from, a]) => from === state && a === action);
  if (!move) return null;
  const [, , to, clause] = move;
  if (HANDLERS.includes(actor.role)) return { to, clause };
  // The applicant teacher may only withdraw their own case (issue 6 self-service).
  if (actor.role === 'teacher' && actor.isApplicant && action === 'withdraw') return { to, clause };
  return null;
}

function refusalClause(state: CaseState, action: CaseAction): string {
  if (HANDLER_MOVES.some(([from, a]) => from === state && a === action))
    return 'issue 6: case handlers move cases; the applicant teacher may only withdraw';
  if (
    (state === 'submitted' || state === 'accepted') &&
    (action === 'start_arbitration' || action === 'start_litigation')
  )
    return 'issue 6: no skipping mediation';
  if (action === 'start_litigation') return `${LAW} 第五条: arbitration before litigation`;
  return `issue 6: no such move from ${state}`;
}

const expectedAllowed = (state: CaseState, actor: Actor) =>
  CASE_ACTIONS.filter((a) => expected(state, a, actor) !== null);

const CASES = CASE_STATES.flatMap((state) =>
  CASE_ACTIONS.flatMap((action) =>
    ACTORS.map((actor) => {
      const e = expected(state, action, actor);
      const title = e ? `→ ${e.to} (${e.clause})` : `refused (${refusalClause(state, action)})`;
      return [`${actor.name}: ${action} from ${state} ${title}`, state, action, actor] as const;
    }),
  ),
);

describe('case workflow: every action by every role from every state', () => {
  it.each(CASES)('%s', (_, state, action, actor) => {
    const e = expected(state, action, actor);
    const result = transition(state, action, actor.role, actor.isApplicant);
    if (e) {
      expect(result).toEqual({ ok: true, to: e.to });
    } else {
      // Refused: the 409 carries the transitions allowed from the current state (issue 6).
      expect(result).toMatchObject({ ok: false, allowed: expectedAllowed(state, actor) });
    }
    expect(allowedActions(state, actor.role, actor.isApplicant)).toEqual(expectedAllowed(state, actor));
  });

  it('a handler who is also named applicant gains nothing and loses nothing', () => {
    for (const state of CASE_STATES)
      for (const role of HANDLERS)
        expect(allowedActions(state, role, true)).toEqual(allowedActions(state, role, false));
  });
});

describe('refusals say why', () => {
  // Issue 6 asks for a 4xx on "a transition skipping mediation". The law does not require mediation:
  // 劳动争议调解仲裁法 第五条 lets a party apply for arbitration directly; this is the union's procedure.
  it.each<[CaseState, CaseAction, CaseAction[]]>([
    ['submitted', 'start_arbitration', ['accept', 'decline', 'withdraw']],
    ['accepted', 'start_arbitration', ['start_mediation', 'withdraw']],
    ['submitted', 'start_litigation', ['accept', 'decline', 'withdraw']],
    ['accepted', 'start_litigation', ['start_mediation', 'withdraw']],
  ])('%s → %s skips mediation (issue 6)', (state, action, allowed) => {
    expect(transition(state, action, 'case_handler', false)).toEqual({
      ok: false,
      allowed,
      reason: 'skips_mediation',
    });
  });

  it('litigation straight after failed mediation is refused: arbitration comes first (仲裁前置, 第五条)', () => {
    expect(transition('mediation_failed', 'start_litigation', 'case_handler', false)).toEqual({
      ok: false,
      allowed: ['start_arbitration', 'withdraw'],
      reason: 'not_from_state',
    });
  });

  it('closing before any outcome (from mediation_failed) is refused', () => {
    expect(transition('mediation_failed', 'close', 'tenant_admin', false)).toMatchObject({
      reason: 'not_from_state',
    });
  });

  it('an action that exists but not for the role says so', () => {
    expect(transition('submitted', 'accept', 'teacher', true)).toEqual({
      ok: false,
      allowed: ['withdraw'],
      reason: 'role_not_permitted',
    });
    expect(transition('mediation', 'withdraw', 'teacher', false)).toEqual({
      ok: false,
      allowed: [],
      reason: 'role_not_permitted',
    });
    expect(transition('mediation', 'settle', 'unit_officer', false)).toMatchObject({
      reason: 'role_not_permitted',
    });
  });

  it.each(['declined', 'closed', 'withdrawn'] as const)(
    '%s is final: nothing is allowed, not even withdrawal',
    (state) => {
      expect(isOpenCaseState(state)).toBe(false);
      expect(transition(state, 'withdraw', 'case_handler', false)).toEqual({
        ok: false,
        allowed: [],
        reason: 'not_from_state',
      });
    },
  );

  it('an action name read from a request that is no action is refused, not looked up on the prototype', () => {
    expect(transition('submitted', 'constructor' as CaseAction, 'case_handler', false)).toMatchObject({
      ok: false,
      reason: 'not_from_state',
    });
  });
});

describe('states, actions and who may submit', () => {
  it('every open state allows withdrawal; the others are final', () => {
    expect(CASE_STATES.filter(isOpenCaseState)).toEqual(OPEN);
  });

  it('a handler at intake or a teacher from self-service may submit a case (issue 6)', () => {
    expect(ROLES.filter(canSubmitCase)).toEqual(['tenant_admin', 'case_handler', 'teacher']);
  });

  it('recognises its own states and actions only', () => {
    expect(['mediation', 'closed', 'open', 'toString'].map(isCaseState)).toEqual([true, true, false, false]);
    expect(['settle', 'withdraw', 'reopen'].map(isCaseAction)).toEqual([true, true, false]);
  });

  it('refuses an unknown state', () => {
    expect(() => allowedActions('open' as CaseState, 'case_handler', false)).toThrow(RangeError);
  });
});
