import { CASE_OUTCOMES, type TransitionDetails, checkTransitionDetails } from './transition-details';
import type { CaseAction } from './workflow';

const TODAY = '2025-06-01';
const codes = (action: CaseAction, details: TransitionDetails) =>
  checkTransitionDetails(action, details, TODAY).map((p) => [p.code, p.path[0]]);

describe('checkTransitionDetails: what each move must record (issue 6)', () => {
  it.each<[CaseAction, TransitionDetails]>([
    ['accept', {}],
    ['decline', { reason: '不属于劳动人事争议' }],
    ['start_mediation', { mediatorId: 'u-1', on: '2025-06-01' }],
    ['settle', { on: '2025-05-20' }],
    ['fail_mediation', { on: '2025-05-20' }],
    ['start_arbitration', { on: '2025-05-21' }],
    ['start_litigation', { on: '2025-05-21' }],
    ['close', { outcome: 'partly_upheld', amountRecoveredFen: 1_234_500 }],
    ['close', { outcome: 'dismissed', amountRecoveredFen: 0 }],
    ['withdraw', {}],
  ])('%s with %j is complete', (action, details) => {
    expect(codes(action, details)).toEqual([]);
  });

  it.each<[string, CaseAction, TransitionDetails, [string, string][]]>([
    ['a decline without a reason', 'decline', { reason: '  ' }, [['reason_required', 'reason']]],
    [
      'mediation without a mediator',
      'start_mediation',
      { on: '2025-05-01' },
      [['mediator_required', 'mediatorId']],
    ],
    [
      'mediation without the application date (第十四条 counts from it)',
      'start_mediation',
      { mediatorId: 'u-1' },
      [['date_required', 'on']],
    ],
    [
      'arbitration with a malformed date',
      'start_arbitration',
      { on: '2025-13-01' },
      [['date_invalid', 'on']],
    ],
    ['an agreement dated tomorrow', 'settle', { on: '2025-06-02' }, [['date_in_future', 'on']]],
    ['closing without an outcome', 'close', { amountRecoveredFen: 0 }, [['outcome_invalid', 'outcome']]],
    [
      'closing with an unknown outcome',
      'close',
      { outcome: 'won' as never, amountRecoveredFen: 0 },
      [['outcome_invalid', 'outcome']],
    ],
    [
      'closing without the amount',
      'close',
      { outcome: 'upheld' },
      [['amount_required', 'amountRecoveredFen']],
    ],
    [
      'an amount in fractions of a fen',
      'close',
      { outcome: 'upheld', amountRecoveredFen: 100.5 },
      [['amount_not_integer_fen', 'amountRecoveredFen']],
    ],
    [
      'a negative amount',
      'close',
      { outcome: 'upheld', amountRecoveredFen: -1 },
      [['amount_negative', 'amountRecoveredFen']],
    ],
  ])('refuses %s', (_, action, details, expected) => {
    expect(codes(action, details)).toEqual(expected);
  });

  it('knows five outcomes', () => {
    expect(CASE_OUTCOMES).toEqual(['upheld', 'partly_upheld', 'dismissed', 'settled', 'other']);
  });
});
