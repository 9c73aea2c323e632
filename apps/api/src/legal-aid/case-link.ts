import type { EntityManager } from '@guanai/db';
import { AppError, type FieldProblem } from '../common/app-error';
import type { ErrorCode } from '../common/messages';
import type { CaseStageDates } from './session-stage';

/** What legal aid and sessions need of a case: its union, its state and the dates bounding its stages. */
export interface CaseLink extends CaseStageDates {
  id: string;
  org_id: string;
  state: string;
}

const D = (c: string) => `to_char(c.${c}, 'YYYY-MM-DD') AS ${c}`;
const DATES = [
  'mediation_applied_on',
  'mediation_ended_on',
  'arbitration_applied_on',
  'award_on',
  'litigation_filed_on',
  'closed_on',
];

/** A case is over for new assignments once closed, declined or withdrawn. */
export const FINISHED_STATES = ['closed', 'declined', 'withdrawn'];

/**
 * The case in the caller's scope, or 404 (another union's case, or none). `share` holds it against a
 * concurrent transition while a write checks its state and dates (disputes locks FOR UPDATE to move it).
 */
export async function requireCase(
  em: EntityManager,
  scope: string,
  id: string,
  share = false,
): Promise<CaseLink> {
  const [row] = await em.query(
    `SELECT c.id, c.org_id, c.state, ${DATES.map(D).join(', ')}
       FROM dispute_cases c JOIN orgs o ON o.id = c.org_id
      WHERE c.id = $2 AND starts_with(o.path, $1)${share ? ' FOR SHARE OF c' : ''}`,
    [scope, id],
  );
  if (!row) throw AppError.notFound();
  return row;
}

/**
 * An entry on the case's timeline (dispute_case_events, append-only). The state does not move, so from
 * and to are both the current one; details carry ids, names, dates and numbers, never sealed text.
 */
export async function addCaseEvent(
  em: EntityManager,
  c: CaseLink,
  actor: { userId: string; displayName: string },
  action: string,
  details: Record<string, unknown>,
): Promise<void> {
  await em.query(
    `INSERT INTO dispute_case_events (case_id, org_id, actor_id, actor_name, action, from_state, to_state, details)
     VALUES ($1, $2, $3, $4, $5, $6, $6, $7)`,
    [c.id, c.org_id, actor.userId, actor.displayName, action, c.state, JSON.stringify(details)],
  );
}

/** One problem answers with its own code (and field); several with LEGAL_AID_INVALID listing them. */
export function invalid(fields: FieldProblem[]): AppError {
  if (fields.length === 1) {
    const [f] = fields;
    return new AppError(f!.code as ErrorCode, { params: f!.params, fields });
  }
  return new AppError('LEGAL_AID_INVALID', { params: { count: fields.length }, fields });
}
