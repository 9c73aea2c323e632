import dayjs, { type Dayjs } from 'dayjs';
import {
  SUPERVISION_CHECKS,
  type CreateSupervisionVisitRequest,
  type SupervisionVisit,
} from '@guanai/contracts';
import type { CheckKey, CheckResultValue, FindingSubjectValue } from './labels';

export const DATE = 'YYYY-MM-DD';

/** The visit drawer's form; its names are the request's (checks.wages.result, findings.0.check). */
export interface VisitValues {
  schoolId?: string;
  visitedOn?: Dayjs;
  inspectors?: string[];
  schoolOwnership?: 'public' | 'private';
  checks: Record<CheckKey, { result: CheckResultValue; note?: string | null }>;
  findings: { check?: FindingSubjectValue; description?: string }[];
  rectifyBy?: Dayjs | null;
}

/** A new visit: today, every check still to be done. */
export function newVisitValues(schoolId?: string): VisitValues {
  return {
    schoolId,
    visitedOn: dayjs(),
    inspectors: [],
    checks: Object.fromEntries(
      SUPERVISION_CHECKS.map((c) => [c, { result: 'not_checked' as const, note: null }]),
    ) as VisitValues['checks'],
    findings: [],
    rectifyBy: null,
  };
}

export function visitValuesOf(v: SupervisionVisit): VisitValues {
  return {
    schoolId: v.schoolId,
    visitedOn: dayjs(v.visitedOn),
    inspectors: [...v.inspectors],
    schoolOwnership: v.schoolOwnership,
    checks: v.checks,
    findings: v.findings.map((f) => ({ ...f })),
    rectifyBy: v.rectifyBy ? dayjs(v.rectifyBy) : null,
  };
}

/**
 * The request the form says (the contract parses it again, so what is missing shows at its field).
 * Without findings the deadline is dropped: there is nothing to rectify.
 */
export function visitRequestOf(v: VisitValues): CreateSupervisionVisitRequest {
  const findings = v.findings.map((f) => ({
    check: f.check as FindingSubjectValue,
    description: f.description?.trim() ?? '',
  }));
  return {
    schoolId: v.schoolId ?? '',
    visitedOn: v.visitedOn?.format(DATE) ?? '',
    inspectors: (v.inspectors ?? []).map((n) => n.trim()).filter(Boolean),
    schoolOwnership: v.schoolOwnership as 'public' | 'private',
    checks: Object.fromEntries(
      SUPERVISION_CHECKS.map((c) => [
        c,
        { result: v.checks[c].result, note: v.checks[c].note?.trim() || null },
      ]),
    ) as CreateSupervisionVisitRequest['checks'],
    findings,
    rectifyBy: findings.length ? (v.rectifyBy?.format(DATE) ?? null) : null,
  };
}

/**
 * A check just marked 发现问题 gets a finding row to describe it, so the two halves of the record agree
 * (the server refuses a marked check with no finding described). Returns the new list, or null if none needed.
 */
export function findingsAfterMarking(
  checks: VisitValues['checks'],
  findings: VisitValues['findings'],
): VisitValues['findings'] | null {
  const missing = SUPERVISION_CHECKS.filter(
    (c) => checks[c].result === 'finding' && !findings.some((f) => f.check === c),
  );
  return missing.length ? [...findings, ...missing.map((c) => ({ check: c, description: '' }))] : null;
}
