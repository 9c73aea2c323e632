import { DISPUTE_CASE_ACTIONS, DISPUTE_CASE_OUTCOMES, DISPUTE_CASE_STATES } from '@guanai/contracts';
import { CASE_ACTIONS, CASE_OUTCOMES, CASE_STATES } from '@guanai/domain';

// contracts cannot import domain, so the wire enums repeat the workflow's: they must not drift.
describe('dispute case enums on the wire', () => {
  it('are the domain workflow’s states, actions and outcomes, in order', () => {
    expect([...DISPUTE_CASE_STATES]).toEqual([...CASE_STATES]);
    expect([...DISPUTE_CASE_ACTIONS]).toEqual([...CASE_ACTIONS]);
    expect([...DISPUTE_CASE_OUTCOMES]).toEqual([...CASE_OUTCOMES]);
  });
});
