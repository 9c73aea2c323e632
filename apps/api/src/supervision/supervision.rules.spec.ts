import type { SupervisionChecks } from '@guanai/contracts';
import {
  isOverdue,
  rectifiedOnProblems,
  statusOf,
  visitProblems,
  type VisitRecord,
} from './supervision.rules';

const TODAY = '2025-06-15';
const ok = { result: 'compliant' as const };
const checks = (over: Partial<SupervisionChecks> = {}): SupervisionChecks => ({
  wages: ok,
  socialInsurance: ok,
  housingFund: ok,
  contracts: { result: 'not_checked' },
  ...over,
});
const visit = (over: Partial<VisitRecord> = {}): VisitRecord => ({
  visitedOn: '2025-06-10',
  checks: checks(),
  findings: [],
  rectifyBy: null,
  ...over,
});
const codes = (v: VisitRecord) => visitProblems(v, TODAY).map((p) => `${p.path} ${p.code}`);

describe('a supervision visit’s record', () => {
  it('accepts a clean visit without a deadline, and a finding with a deadline on or after the visit', () => {
    expect(codes(visit())).toEqual([]);
    const wages = visit({
      checks: checks({ wages: { result: 'finding', note: '绩效工资延迟两个月' } }),
      findings: [{ check: 'wages', description: '2025年3–4月绩效工资未按时发放' }],
      rectifyBy: '2025-06-10',
    });
    expect(codes(wages)).toEqual([]);
    // 其他: a finding outside the four checks needs no check marked.
    expect(
      codes(visit({ findings: [{ check: 'other', description: '未安排年休假' }], rectifyBy: '2025-07-10' })),
    ).toEqual([]);
  });

  it('requires a deadline with any finding, and refuses one without findings', () => {
    const noDeadline = visit({
      checks: checks({ socialInsurance: { result: 'finding' } }),
      findings: [{ check: 'socialInsurance', description: '3名教师未参保' }],
    });
    expect(codes(noDeadline)).toEqual(['body.rectifyBy SUPERVISION_RECTIFY_BY_REQUIRED']);
    expect(codes(visit({ rectifyBy: '2025-07-01' }))).toEqual([
      'body.rectifyBy SUPERVISION_RECTIFY_BY_WITHOUT_FINDINGS',
    ]);
  });

  it('refuses a deadline before the visit and a visit in the future', () => {
    const early = visit({
      checks: checks({ contracts: { result: 'finding' } }),
      findings: [{ check: 'contracts', description: '未签订聘用合同' }],
      rectifyBy: '2025-06-09',
    });
    expect(codes(early)).toEqual(['body.rectifyBy SUPERVISION_RECTIFY_BY_BEFORE_VISIT']);
    expect(codes(visit({ visitedOn: '2025-06-16' }))).toEqual(['body.visitedOn DATE_IN_FUTURE']);
  });

  it('keeps the checks and the findings in agreement, both ways', () => {
    const undescribed = visit({ checks: checks({ housingFund: { result: 'finding' } }) });
    expect(codes(undescribed)).toEqual(['body.checks.housingFund.result SUPERVISION_FINDING_NOT_DESCRIBED']);
    const unmarked = visit({
      findings: [{ check: 'wages', description: '欠薪' }],
      rectifyBy: '2025-07-01',
    });
    expect(codes(unmarked)).toEqual(['body.findings.0.check SUPERVISION_FINDING_CHECK_NOT_MARKED']);
  });
});

describe('follow-up and status', () => {
  it('rectified on a day between the visit and today', () => {
    expect(rectifiedOnProblems('2025-06-10', '2025-06-10', TODAY)).toEqual([]);
    expect(rectifiedOnProblems('2025-06-09', '2025-06-10', TODAY)[0]?.code).toBe(
      'SUPERVISION_RECTIFIED_BEFORE_VISIT',
    );
    expect(rectifiedOnProblems('2025-06-16', '2025-06-10', TODAY)[0]?.code).toBe('DATE_IN_FUTURE');
  });

  it('status follows the findings and the date rectified', () => {
    expect(statusOf(0, null)).toBe('no_findings');
    expect(statusOf(0, '2025-06-12')).toBe('no_findings');
    expect(statusOf(2, null)).toBe('open');
    expect(statusOf(1, '2025-06-12')).toBe('rectified');
  });

  it('overdue only while open and after the deadline day', () => {
    expect(isOverdue('open', '2025-06-14', TODAY)).toBe(true);
    expect(isOverdue('open', TODAY, TODAY)).toBe(false);
    expect(isOverdue('rectified', '2025-06-01', TODAY)).toBe(false);
    expect(isOverdue('no_findings', null, TODAY)).toBe(false);
  });
});
