import type { SupervisionChecks, SupervisionVisit } from '@guanai/contracts';
import { daysBetween } from '@guanai/domain';
import type { VisitColumns, VisitRow } from './supervision.repository';
import { isOverdue, statusOf } from './supervision.rules';

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

export function toVisit(r: VisitRow, today: string): SupervisionVisit {
  const open = r.status === 'open' && r.rectify_by !== null;
  return {
    id: r.id,
    orgId: r.org_id,
    unionName: r.union_name,
    schoolId: r.school_id,
    schoolName: r.school_name,
    schoolOwnership: r.school_ownership,
    visitedOn: r.visited_on,
    inspectors: r.inspectors,
    checks: {
      wages: { result: r.wages_check, note: r.wages_note },
      socialInsurance: { result: r.social_insurance_check, note: r.social_insurance_note },
      housingFund: { result: r.housing_fund_check, note: r.housing_fund_note },
      contracts: { result: r.contracts_check, note: r.contracts_note },
    },
    findings: r.findings,
    rectifyBy: r.rectify_by,
    status: r.status,
    overdue: isOverdue(r.status, r.rectify_by, today),
    daysLeft: open ? daysBetween(today, r.rectify_by!) : null,
    followUpResult: r.follow_up_result,
    rectifiedOn: r.rectified_on,
    followedUpAt: iso(r.followed_up_at),
    followedUpByName: r.followed_up_by_name,
    createdByName: r.created_by_name,
    createdAt: iso(r.created_at)!,
    updatedAt: iso(r.updated_at)!,
    version: r.version,
  };
}

/** The columns of a record as entered; the status follows the findings and any date rectified kept. */
export function columnsOf(
  input: {
    schoolOwnership: 'public' | 'private';
    visitedOn: string;
    inspectors: string[];
    checks: SupervisionChecks;
    findings: SupervisionVisit['findings'];
    rectifyBy?: string | null;
  },
  keptRectifiedOn: string | null,
): VisitColumns {
  const c = input.checks;
  // With no findings left there is nothing rectified either.
  const rectifiedOn = input.findings.length ? keptRectifiedOn : null;
  return {
    school_ownership: input.schoolOwnership,
    visited_on: input.visitedOn,
    inspectors: input.inspectors,
    wages_check: c.wages.result,
    wages_note: c.wages.note || null,
    social_insurance_check: c.socialInsurance.result,
    social_insurance_note: c.socialInsurance.note || null,
    housing_fund_check: c.housingFund.result,
    housing_fund_note: c.housingFund.note || null,
    contracts_check: c.contracts.result,
    contracts_note: c.contracts.note || null,
    findings: input.findings,
    rectify_by: input.rectifyBy ?? null,
    status: statusOf(input.findings.length, rectifiedOn),
    rectified_on: rectifiedOn,
  };
}

/** What the audit log keeps of a record: results, counts and dates (the texts stay on the visit). */
export function auditOf(c: VisitColumns) {
  return {
    visitedOn: c.visited_on,
    checks: {
      wages: c.wages_check,
      socialInsurance: c.social_insurance_check,
      housingFund: c.housing_fund_check,
      contracts: c.contracts_check,
    },
    findings: c.findings.map((f) => f.check),
    rectifyBy: c.rectify_by,
    status: c.status,
    rectifiedOn: c.rectified_on,
    ownership: c.school_ownership,
  };
}

export function rowColumns(r: VisitRow): VisitColumns {
  return {
    school_ownership: r.school_ownership,
    visited_on: r.visited_on,
    inspectors: r.inspectors,
    wages_check: r.wages_check,
    wages_note: r.wages_note,
    social_insurance_check: r.social_insurance_check,
    social_insurance_note: r.social_insurance_note,
    housing_fund_check: r.housing_fund_check,
    housing_fund_note: r.housing_fund_note,
    contracts_check: r.contracts_check,
    contracts_note: r.contracts_note,
    findings: r.findings,
    rectify_by: r.rectify_by,
    status: r.status,
    rectified_on: r.rectified_on,
  };
}
