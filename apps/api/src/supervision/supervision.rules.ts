import {
  SUPERVISION_CHECKS,
  type SupervisionChecks,
  type SupervisionFinding,
  type SupervisionStatus,
} from '@guanai/contracts';
import type { FieldProblem } from '../common/app-error';

// The rules of a supervision record. They sit with the API (packages/domain belongs to the case
// workflow in this slice); pure, so supervision.rules.spec.ts checks them without a database.

export interface VisitRecord {
  visitedOn: string;
  checks: SupervisionChecks;
  findings: readonly SupervisionFinding[];
  rectifyBy?: string | null;
}

/**
 * What is wrong with a visit's record, at the request's fields. A finding needs a deadline to rectify
 * by (the reminder runs from it), not before the visit; a check marked as a finding has one described,
 * and a finding about one of the four checks marks it so — the two halves of the record must agree.
 */
export function visitProblems(v: VisitRecord, today: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (v.visitedOn > today) problems.push({ path: 'body.visitedOn', code: 'DATE_IN_FUTURE' });
  for (const check of SUPERVISION_CHECKS) {
    if (v.checks[check].result === 'finding' && !v.findings.some((f) => f.check === check))
      problems.push({ path: `body.checks.${check}.result`, code: 'SUPERVISION_FINDING_NOT_DESCRIBED' });
  }
  v.findings.forEach((f, i) => {
    if (f.check !== 'other' && v.checks[f.check].result !== 'finding')
      problems.push({ path: `body.findings.${i}.check`, code: 'SUPERVISION_FINDING_CHECK_NOT_MARKED' });
  });
  const rectifyBy = v.rectifyBy ?? null;
  if (v.findings.length > 0 && rectifyBy === null)
    problems.push({ path: 'body.rectifyBy', code: 'SUPERVISION_RECTIFY_BY_REQUIRED' });
  if (v.findings.length === 0 && rectifyBy !== null)
    problems.push({ path: 'body.rectifyBy', code: 'SUPERVISION_RECTIFY_BY_WITHOUT_FINDINGS' });
  if (rectifyBy !== null && rectifyBy < v.visitedOn)
    problems.push({ path: 'body.rectifyBy', code: 'SUPERVISION_RECTIFY_BY_BEFORE_VISIT' });
  return problems;
}

/** The date a follow-up says the school rectified: not before the visit, not in the future. */
export function rectifiedOnProblems(rectifiedOn: string, visitedOn: string, today: string): FieldProblem[] {
  if (rectifiedOn > today) return [{ path: 'body.rectifiedOn', code: 'DATE_IN_FUTURE' }];
  if (rectifiedOn < visitedOn)
    return [{ path: 'body.rectifiedOn', code: 'SUPERVISION_RECTIFIED_BEFORE_VISIT' }];
  return [];
}

/** Stored on every write, so the reminder sweep reads it without knowing these rules. */
export function statusOf(findings: number, rectifiedOn: string | null): SupervisionStatus {
  if (findings === 0) return 'no_findings';
  return rectifiedOn ? 'rectified' : 'open';
}

/** Overdue: still open the day after the deadline (the deadline day itself is still in time). */
export function isOverdue(status: SupervisionStatus, rectifyBy: string | null, today: string): boolean {
  return status === 'open' && rectifyBy !== null && rectifyBy < today;
}
