import type { Dayjs } from 'dayjs';
import type { Respondent, SubmitMyCaseRequest } from '@guanai/contracts';
import { parseYuan } from '@/features/care/money';
import type { CaseCategory } from '../labels';

export const DATE = 'YYYY-MM-DD';

export type RespondentKind = Respondent['kind'];

/** The intake's fields as the form holds them: the respondent in three fields, the claim typed in yuan. */
export interface IntakeValues {
  respondentKind?: RespondentKind;
  respondentOrgId?: string;
  respondentName?: string;
  category?: CaseCategory;
  claimed?: string;
  otherClaims?: string;
  facts?: string;
  knewOn?: Dayjs | null;
  wageArrearsOngoing?: boolean;
}

function respondentOf(v: IntakeValues): Respondent {
  if (v.respondentKind === 'registry_school')
    return { kind: 'registry_school', orgId: v.respondentOrgId ?? '' };
  return {
    kind: v.respondentKind === 'outside_employer' ? 'outside_employer' : 'private_school',
    name: v.respondentName?.trim() ?? '',
  };
}

/**
 * The request the fields make. The claim is read digit by digit into integer fen (never through a
 * float); a text that is not an amount is sent as NaN so the contract refuses it on its field.
 */
export function intakeBody(v: IntakeValues): SubmitMyCaseRequest {
  const claimed = parseYuan(v.claimed ?? '');
  return {
    category: v.category as CaseCategory,
    respondent: respondentOf(v),
    claimedFen: claimed.ok ? claimed.fen : Number.NaN,
    otherClaims: v.otherClaims?.trim() || null,
    facts: v.facts?.trim() ?? '',
    knewOn: v.knewOn?.format(DATE) ?? '',
    wageArrearsOngoing: v.wageArrearsOngoing ?? false,
  };
}

/** Where a request path lands on the form (`respondent.orgId` → the school field, `claimedFen` → 元). */
export function intakeFieldName(path: (string | number)[]): (string | number)[] {
  const [head, next] = path;
  if (head === 'respondent')
    return next === 'orgId' ? ['respondentOrgId'] : next === 'name' ? ['respondentName'] : ['respondentKind'];
  if (head === 'claimedFen') return ['claimed'];
  if (head === 'applicantTeacherIds') return ['applicants'];
  return [head!];
}
