import { allowedSessionKinds, checkSessionDate, stageWindow, type CaseStageDates } from './session-stage';

const none: CaseStageDates = {
  mediation_applied_on: null,
  mediation_ended_on: null,
  arbitration_applied_on: null,
  award_on: null,
  litigation_filed_on: null,
  closed_on: null,
};
const inMediation = { ...none, mediation_applied_on: '2025-03-01' };
const failed = { ...inMediation, mediation_ended_on: '2025-03-16' };
const inArbitration = { ...failed, arbitration_applied_on: '2025-03-20' };
const awarded = { ...inArbitration, award_on: '2025-05-10' };
const inCourt = { ...awarded, litigation_filed_on: '2025-05-20' };
const closed = { ...inCourt, closed_on: '2025-09-01' };

describe('a session belongs to a stage the case has reached', () => {
  it('a case just taken in has no stage for any session', () => {
    expect(allowedSessionKinds(none)).toEqual([]);
    expect(checkSessionDate('mediation_session', '2025-03-02', none)).toEqual({
      ok: false,
      problem: 'stage_not_reached',
    });
  });

  it('in mediation only mediation sessions, scheduled ahead too', () => {
    expect(allowedSessionKinds(inMediation)).toEqual(['mediation_session']);
    expect(checkSessionDate('mediation_session', '2099-01-01', inMediation)).toEqual({ ok: true });
    expect(checkSessionDate('arbitration_hearing', '2025-03-05', inMediation).ok).toBe(false);
    expect(checkSessionDate('court_hearing', '2025-03-05', inMediation).ok).toBe(false);
  });

  it('not before the mediation was applied for', () => {
    expect(checkSessionDate('mediation_session', '2025-02-28', inMediation)).toEqual({
      ok: false,
      problem: 'before_stage',
      from: '2025-03-01',
    });
    expect(checkSessionDate('mediation_session', '2025-03-01', inMediation)).toEqual({ ok: true });
  });

  it('after mediation failed, a past session within it, none after its end', () => {
    expect(checkSessionDate('mediation_session', '2025-03-16', failed)).toEqual({ ok: true });
    expect(checkSessionDate('mediation_session', '2025-03-17', failed)).toEqual({
      ok: false,
      problem: 'after_stage',
      to: '2025-03-16',
    });
  });

  it('arbitration hearings from the application to the award', () => {
    expect(allowedSessionKinds(inArbitration)).toEqual(['mediation_session', 'arbitration_hearing']);
    expect(stageWindow('arbitration_hearing', inArbitration)).toEqual({ from: '2025-03-20', to: null });
    expect(stageWindow('arbitration_hearing', awarded)).toEqual({ from: '2025-03-20', to: '2025-05-10' });
    expect(checkSessionDate('arbitration_hearing', '2025-05-11', awarded).ok).toBe(false);
  });

  it('court hearings from the suit to the case closed', () => {
    expect(allowedSessionKinds(inCourt)).toEqual([
      'mediation_session',
      'arbitration_hearing',
      'court_hearing',
    ]);
    expect(checkSessionDate('court_hearing', '2026-01-01', inCourt)).toEqual({ ok: true });
    expect(checkSessionDate('court_hearing', '2026-01-01', closed)).toEqual({
      ok: false,
      problem: 'after_stage',
      to: '2025-09-01',
    });
    expect(checkSessionDate('court_hearing', '2025-05-19', closed).ok).toBe(false);
  });

  it('a case withdrawn during mediation ends the stage that day', () => {
    const withdrawn = { ...inMediation, closed_on: '2025-03-08' };
    expect(stageWindow('mediation_session', withdrawn)).toEqual({ from: '2025-03-01', to: '2025-03-08' });
    expect(checkSessionDate('mediation_session', '2025-03-09', withdrawn).ok).toBe(false);
  });
});
