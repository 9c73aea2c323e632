import type { EntityManager } from '@guanai/db';
import type { ListCasesQuery } from '@guanai/contracts';
import type { CaseState, CustomDeadline } from '@guanai/domain';

export interface CaseApplicantRow {
  teacherId: string;
  name: string;
  orgName: string;
}

export interface CaseRow {
  id: string;
  org_id: string;
  category: string;
  respondent_kind: 'registry_school' | 'private_school' | 'outside_employer';
  respondent_org_id: string | null;
  respondent_name: string;
  /** bigint: pg hands it over as text. */
  claimed_fen: string;
  claims_enc: string | null;
  facts_enc: string;
  knew_on: string;
  wage_arrears_ongoing: boolean;
  state: CaseState;
  handler_id: string | null;
  handler_name: string | null;
  submitted_by: string;
  mediator_name: string | null;
  mediation_applied_on: string | null;
  mediation_ended_on: string | null;
  arbitration_applied_on: string | null;
  arbitration_accepted_on: string | null;
  award_extension_days: number | null;
  award_on: string | null;
  litigation_filed_on: string | null;
  outcome: string | null;
  recovered_fen: string | null;
  closed_on: string | null;
  custom_deadlines: CustomDeadline[];
  next_due_on: string | null;
  created_at: Date;
  updated_at: Date;
  version: number;
  applicants: CaseApplicantRow[];
}

export interface CaseEventRow {
  id: string;
  action: string;
  from_state: CaseState | null;
  to_state: CaseState;
  reason: string | null;
  details: Record<string, unknown>;
  actor_id: string | null;
  actor_name: string | null;
  created_at: Date;
}

/** The columns a write sets; dates as YYYY-MM-DD. */
export interface CaseColumns {
  state: CaseState;
  handler_id: string | null;
  mediator_name: string | null;
  mediation_applied_on: string | null;
  mediation_ended_on: string | null;
  arbitration_applied_on: string | null;
  arbitration_accepted_on: string | null;
  award_extension_days: number | null;
  award_on: string | null;
  litigation_filed_on: string | null;
  outcome: string | null;
  recovered_fen: number | null;
  closed_on: string | null;
  custom_deadlines: CustomDeadline[];
  next_due_on: string | null;
}

const DATES = [
  'knew_on',
  'mediation_applied_on',
  'mediation_ended_on',
  'arbitration_applied_on',
  'arbitration_accepted_on',
  'award_on',
  'litigation_filed_on',
  'closed_on',
  'next_due_on',
];
const D = (c: string) => `to_char(c.${c}, 'YYYY-MM-DD') AS ${c}`;
// Teachers and users a caller cannot see (a teacher's co-applicants at another school, the handler)
// drop out of the joins rather than failing them.
const SELECT = `SELECT c.id, c.org_id, c.category, c.respondent_kind, c.respondent_org_id, c.respondent_name,
  c.claimed_fen, c.claims_enc, c.facts_enc, c.wage_arrears_ongoing, c.state, c.handler_id, hu.display_name AS handler_name,
  c.submitted_by, c.mediator_name, c.award_extension_days, c.outcome, c.recovered_fen, c.custom_deadlines,
  c.created_at, c.updated_at, c.version, ${DATES.map(D).join(', ')},
  (SELECT coalesce(json_agg(json_build_object('teacherId', a.teacher_id, 'name', t.name, 'orgName', ao.name) ORDER BY t.name), '[]')
     FROM dispute_case_applicants a JOIN teachers t ON t.id = a.teacher_id JOIN orgs ao ON ao.id = t.org_id
    WHERE a.case_id = c.id) AS applicants
  FROM dispute_cases c JOIN orgs o ON o.id = c.org_id LEFT JOIN users hu ON hu.id = c.handler_id`;

/** SQL for dispute cases: the handlers' side filters by scope, the teacher's by their linked record. */
export const disputesRepo = {
  async page(
    em: EntityManager,
    scope: string,
    q: ListCasesQuery,
    today: string,
  ): Promise<{ items: CaseRow[]; total: number }> {
    const where = ['starts_with(o.path, $1)'];
    const params: unknown[] = [scope];
    const add = (sql: string, ...values: unknown[]) => {
      let s = sql;
      for (const v of values) {
        params.push(v);
        s = s.replace('?', `$${params.length}`);
      }
      where.push(s);
    };
    if (q.state) add('c.state = ?', q.state);
    if (q.category) add('c.category = ?', q.category);
    if (q.handlerId) add('c.handler_id = ?', q.handlerId);
    if (q.deadlineWithinDays !== undefined)
      add(`c.next_due_on BETWEEN ?::date AND ?::date + ?::int`, today, today, q.deadlineWithinDays);
    if (q.overdue === true) add('c.next_due_on < ?::date', today);
    if (q.overdue === false) add('(c.next_due_on IS NULL OR c.next_due_on >= ?::date)', today);
    const sql = where.join(' AND ');
    const [{ total }] = await em.query(
      `SELECT count(*)::int AS total FROM dispute_cases c JOIN orgs o ON o.id = c.org_id WHERE ${sql}`,
      params,
    );
    const items = await em.query(
      `${SELECT} WHERE ${sql} ORDER BY c.created_at DESC, c.id LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`,
      params,
    );
    return { items, total };
  },

  async find(em: EntityManager, scope: string, id: string, lock = false): Promise<CaseRow | undefined> {
    const [row] = await em.query(
      `${SELECT} WHERE c.id = $2 AND starts_with(o.path, $1)${lock ? ' FOR UPDATE OF c' : ''}`,
      [scope, id],
    );
    return row;
  },

  /** Cases whose applicants include the teacher record linked to `userId`. */
  async mine(em: EntityManager, userId: string, id?: string, lock = false): Promise<CaseRow[]> {
    const params: unknown[] = [userId];
    if (id) params.push(id);
    return em.query(
      `${SELECT} WHERE c.id IN (SELECT a.case_id FROM dispute_case_applicants a JOIN teachers t ON t.id = a.teacher_id
         WHERE t.linked_user_id = $1)${id ? ' AND c.id = $2' : ''}
       ORDER BY c.created_at DESC, c.id LIMIT 200${lock ? ' FOR UPDATE OF c' : ''}`,
      params,
    );
  },

  async events(em: EntityManager, caseId: string): Promise<CaseEventRow[]> {
    return em.query(
      `SELECT id, action, from_state, to_state, reason, details, actor_id, actor_name, created_at
         FROM dispute_case_events WHERE case_id = $1 ORDER BY created_at, id`,
      [caseId],
    );
  },

  async insert(
    em: EntityManager,
    c: {
      id: string;
      orgId: string;
      category: string;
      respondentKind: string;
      respondentOrgId: string | null;
      respondentName: string;
      claimedFen: number;
      claimsEnc: string | null;
      factsEnc: string;
      knewOn: string;
      wageArrearsOngoing: boolean;
      handlerId: string | null;
      submittedBy: string;
      nextDueOn: string | null;
    },
    applicants: readonly string[],
  ): Promise<void> {
    // No RETURNING: a teacher's insert would have to be visible to them before its applicant row exists.
    await em.query(
      `INSERT INTO dispute_cases (id, org_id, category, respondent_kind, respondent_org_id, respondent_name, claimed_fen,
         claims_enc, facts_enc, knew_on, wage_arrears_ongoing, handler_id, submitted_by, next_due_on)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
      [
        c.id,
        c.orgId,
        c.category,
        c.respondentKind,
        c.respondentOrgId,
        c.respondentName,
        c.claimedFen,
        c.claimsEnc,
        c.factsEnc,
        c.knewOn,
        c.wageArrearsOngoing,
        c.handlerId,
        c.submittedBy,
        c.nextDueOn,
      ],
    );
    await em.query(
      `INSERT INTO dispute_case_applicants (case_id, teacher_id, org_id) SELECT $1, unnest($2::uuid[]), $3`,
      [c.id, applicants, c.orgId],
    );
  },

  async update(em: EntityManager, id: string, set: CaseColumns): Promise<void> {
    await em.query(
      `UPDATE dispute_cases SET state = $2, handler_id = $3, mediator_name = $4, mediation_applied_on = $5,
         mediation_ended_on = $6, arbitration_applied_on = $7, arbitration_accepted_on = $8, award_extension_days = $9,
         award_on = $10, litigation_filed_on = $11, outcome = $12, recovered_fen = $13, closed_on = $14,
         custom_deadlines = $15, next_due_on = $16, updated_at = now(), version = version + 1
       WHERE id = $1`,
      [
        id,
        set.state,
        set.handler_id,
        set.mediator_name,
        set.mediation_applied_on,
        set.mediation_ended_on,
        set.arbitration_applied_on,
        set.arbitration_accepted_on,
        set.award_extension_days,
        set.award_on,
        set.litigation_filed_on,
        set.outcome,
        set.recovered_fen,
        set.closed_on,
        JSON.stringify(set.custom_deadlines),
        set.next_due_on,
      ],
    );
  },

  async addEvent(
    em: EntityManager,
    e: {
      caseId: string;
      orgId: string;
      actorId: string;
      actorName: string;
      action: string;
      from: CaseState | null;
      to: CaseState;
      reason: string | null;
      details: Record<string, unknown>;
    },
  ): Promise<void> {
    await em.query(
      `INSERT INTO dispute_case_events (case_id, org_id, actor_id, actor_name, action, from_state, to_state, reason, details)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        e.caseId,
        e.orgId,
        e.actorId,
        e.actorName,
        e.action,
        e.from,
        e.to,
        e.reason,
        JSON.stringify(e.details),
      ],
    );
  },
};
