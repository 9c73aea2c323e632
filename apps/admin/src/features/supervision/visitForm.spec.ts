/// <reference types="jest" />
import dayjs from 'dayjs';
import { CreateSupervisionVisitRequest } from '@guanai/contracts';
import { findingsAfterMarking, newVisitValues, visitRequestOf, type VisitValues } from './visitForm';

const SCHOOL = '6f1c1d2e-3b4a-4c5d-8e6f-7a8b9c0d1e2f';

describe('the visit form ↔ the request', () => {
  it('a new visit starts today with every check not yet done', () => {
    const v = newVisitValues(SCHOOL);
    expect(v.visitedOn?.format('YYYY-MM-DD')).toBe(dayjs().format('YYYY-MM-DD'));
    expect(Object.values(v.checks).map((c) => c.result)).toEqual([
      'not_checked',
      'not_checked',
      'not_checked',
      'not_checked',
    ]);
  });

  it('builds the request the contract accepts: names trimmed, blank notes null, dates as ISO', () => {
    const v: VisitValues = {
      ...newVisitValues(SCHOOL),
      visitedOn: dayjs('2025-06-10'),
      inspectors: [' 王监督 ', '', '李检查'],
      schoolOwnership: 'private',
      findings: [{ check: 'wages', description: ' 欠发绩效工资 ' }],
      rectifyBy: dayjs('2025-07-10'),
    };
    v.checks.wages = { result: 'finding', note: '  ' };
    const body = visitRequestOf(v);
    expect(body).toMatchObject({
      visitedOn: '2025-06-10',
      inspectors: ['王监督', '李检查'],
      findings: [{ check: 'wages', description: '欠发绩效工资' }],
      rectifyBy: '2025-07-10',
    });
    expect(body.checks.wages).toEqual({ result: 'finding', note: null });
    expect(CreateSupervisionVisitRequest.safeParse(body).success).toBe(true);
  });

  it('drops the deadline when nothing was found', () => {
    const body = visitRequestOf({
      ...newVisitValues(SCHOOL),
      schoolOwnership: 'public',
      rectifyBy: dayjs('2025-07-10'),
    });
    expect(body.rectifyBy).toBeNull();
  });

  it('a check marked as a finding gets a row to describe it, once', () => {
    const v = newVisitValues(SCHOOL);
    v.checks.housingFund = { result: 'finding' };
    const rows = findingsAfterMarking(v.checks, v.findings);
    expect(rows).toEqual([{ check: 'housingFund', description: '' }]);
    expect(findingsAfterMarking(v.checks, rows!)).toBeNull();
  });
});
