// The demo's dispute cases (issue 6): each union holds a case in every state of the workflow, with its
// timeline, including one whose deadline is days away (a mediation running out, a limitation period
// ending within a week) and one overdue (an award not given within 45 days of acceptance), a lawyer and
// a volunteer of the union's legal-aid roster, and supervision visits with open findings. Dates are
// relative to the day of seeding, so the deadlines mean something whenever the demo is started.
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import {
  addDays,
  BUILTIN_HOLIDAY_YEARS,
  holidayCalendar,
  maskPhone,
  type CaseState,
  type IsoDate,
} from '@guanai/domain';
import type { FieldCipher } from '../crypto/field-cipher';
import { nextDueOn, type CaseDeadlineColumns } from '../disputes/case-deadlines';
import type { OrgEntity } from '../entities/org.entity';

const CALENDAR = holidayCalendar(BUILTIN_HOLIDAY_YEARS);

type Respondent =
  | { kind: 'registry_school' }
  | { kind: 'private_school'; name: string }
  | { kind: 'outside_employer'; name: string };

interface DemoCase {
  state: CaseState;
  category: string;
  respondent: Respondent;
  claimedFen: number;
  facts: string;
  claims?: string;
  /** Days before today the teacher knew. */
  knewAgo: number;
  /** The path to the state: [action, days ago, extra columns, reason]. */
  path: [string, number, Record<string, unknown>?, string?][];
  selfService?: boolean;
}

const PRIVATE = { kind: 'private_school' as const, name: '某民办实验学校' };

const CASES: DemoCase[] = [
  {
    state: 'submitted',
    category: 'wage_arrears',
    respondent: PRIVATE,
    claimedFen: 2_460_000,
    facts: '民办学校自今年春季学期起按月拖欠工资，已累计三个月未发。',
    claims: '补发拖欠工资并支付经济补偿',
    knewAgo: 20,
    path: [],
    selfService: true,
  },
  {
    // The limitation period ends within the week: the 7-day warning is due.
    state: 'accepted',
    category: 'social_insurance_housing_fund',
    respondent: { kind: 'outside_employer', name: '某教育咨询有限公司' },
    claimedFen: 1_380_000,
    facts: '原聘用单位未依法缴纳社会保险和住房公积金，离职时未补缴。',
    knewAgo: 360,
    path: [['accept', 5]],
  },
  {
    state: 'declined',
    category: 'other',
    respondent: { kind: 'registry_school' },
    claimedFen: 0,
    facts: '对学校食堂就餐安排不满，要求调整。',
    knewAgo: 45,
    path: [['decline', 30, {}, '不属于劳动人事争议，已转学校工会协调']],
  },
  {
    // Mediation applied for 12 days ago: the 15-day period ends in a few days.
    state: 'mediation',
    category: 'termination_dismissal',
    respondent: PRIVATE,
    claimedFen: 5_600_000,
    facts: '学校以“考核不合格”为由口头通知解除聘用合同，未出具书面通知，也未支付经济补偿。',
    claims: '确认解除违法，支付赔偿金',
    knewAgo: 40,
    path: [
      ['accept', 20],
      ['start_mediation', 12, { mediator_name: '区教育系统劳动人事争议调解委员会' }],
    ],
  },
  {
    state: 'settled',
    category: 'hours_leave',
    respondent: { kind: 'registry_school' },
    claimedFen: 320_000,
    facts: '暑期被安排连续值班二十天，未安排补休也未支付加班费。',
    knewAgo: 120,
    path: [
      ['accept', 100],
      ['start_mediation', 90, { mediator_name: '学校劳动争议调解委员会' }],
      ['settle', 80],
    ],
  },
  {
    state: 'mediation_failed',
    category: 'appointment_title_evaluation',
    respondent: { kind: 'registry_school' },
    claimedFen: 0,
    facts: '职称评审推荐程序未公示，本人符合条件却未获推荐。',
    claims: '重新组织推荐',
    knewAgo: 150,
    path: [
      ['accept', 120],
      ['start_mediation', 100, { mediator_name: '县教育局人事争议调解组' }],
      ['fail_mediation', 85],
    ],
  },
  {
    // Accepted by the arbitration commission 60 days ago and no award: the 45-day period has passed.
    state: 'arbitration',
    category: 'wage_arrears',
    respondent: PRIVATE,
    claimedFen: 4_150_000,
    facts: '学校拖欠两个学期的课时费和绩效工资，多次催要无果。',
    knewAgo: 200,
    path: [
      ['accept', 150],
      ['start_mediation', 120, { mediator_name: '区劳动人事争议调解中心' }],
      ['fail_mediation', 100],
      ['start_arbitration', 70, { arbitration_accepted_ago: 60 }],
    ],
  },
  {
    state: 'litigation',
    category: 'discipline',
    respondent: { kind: 'registry_school' },
    claimedFen: 0,
    facts: '因家长投诉被给予记过处分，处分程序未听取本人陈述申辩。',
    claims: '撤销处分决定',
    knewAgo: 300,
    path: [
      ['accept', 280],
      ['start_mediation', 270, { mediator_name: '县教育局人事争议调解组' }],
      ['fail_mediation', 255],
      ['start_arbitration', 240, { arbitration_accepted_ago: 235, award_ago: 195 }],
      ['start_litigation', 180],
    ],
  },
  {
    state: 'closed',
    category: 'wage_arrears',
    respondent: { kind: 'outside_employer', name: '某培训学校' },
    claimedFen: 1_200_000,
    facts: '兼职期间课酬未结清。',
    knewAgo: 260,
    path: [
      ['accept', 240],
      ['start_mediation', 230, { mediator_name: '区劳动人事争议调解中心' }],
      ['fail_mediation', 215],
      ['start_arbitration', 200, { arbitration_accepted_ago: 195, award_ago: 160 }],
      ['close', 150, { outcome: 'upheld', recovered_fen: 1_200_000 }, '裁决已履行'],
    ],
  },
  {
    state: 'withdrawn',
    category: 'hours_leave',
    respondent: { kind: 'registry_school' },
    claimedFen: 0,
    facts: '产假天数计算有误。',
    knewAgo: 60,
    path: [
      ['accept', 50],
      ['withdraw', 40, {}, '学校已更正，申请人撤回'],
    ],
  },
];

const TO: Record<string, CaseState> = {
  accept: 'accepted',
  decline: 'declined',
  start_mediation: 'mediation',
  settle: 'settled',
  fail_mediation: 'mediation_failed',
  start_arbitration: 'arbitration',
  start_litigation: 'litigation',
  close: 'closed',
  withdraw: 'withdrawn',
};

interface DemoParties {
  tenant: OrgEntity;
  school: OrgEntity;
  handler: { id: string; name: string };
  teacherUser: { id: string; name: string };
}

/** The cases of one union, with their applicants (teachers of its first school) and timelines. */
export async function seedCaseDemo(
  em: EntityManager,
  cipher: FieldCipher,
  parties: DemoParties,
  today: IsoDate,
): Promise<void> {
  const teachers: { id: string }[] = await em.query(
    `SELECT id FROM teachers WHERE org_id = $1 AND status = 'active' ORDER BY id LIMIT ${CASES.length + 1}`,
    [parties.school.id],
  );
  if (teachers.length < 2) return;
  // The first teacher is the self-service account's: their own case shows in 我的维权.
  await em.query(`UPDATE teachers SET linked_user_id = $1 WHERE id = $2`, [
    parties.teacherUser.id,
    teachers[0]!.id,
  ]);
  const ids: Partial<Record<CaseState, string>> = {};
  for (const [i, c] of CASES.entries()) {
    const applicant = c.selfService ? teachers[0]!.id : teachers[(i % (teachers.length - 1)) + 1]!.id;
    ids[c.state] = await insertCase(em, cipher, parties, c, applicant, today);
  }
  await seedLegalAidDemo(em, cipher, parties, ids, today);
  await seedSupervisionDemo(em, parties, today);
}

/** The union's own lawyer and volunteer, one of them assigned to the arbitration with hours and cost. */
async function seedLegalAidDemo(
  em: EntityManager,
  cipher: FieldCipher,
  p: DemoParties,
  ids: Partial<Record<CaseState, string>>,
  today: IsoDate,
): Promise<void> {
  const providers = [
    {
      kind: 'lawyer',
      name: '陈律师',
      org: '某律师事务所',
      licence: '13301202010123456',
      phone: '13900001111',
    },
    { kind: 'volunteer', name: '林志愿者', org: '法学院法律援助中心', licence: null, phone: '13900002222' },
  ];
  const made: string[] = [];
  for (const x of providers) {
    const id = randomUUID();
    made.push(id);
    await em.query(
      `INSERT INTO legal_aid_providers (id, org_id, kind, name, organisation, licence_no, phone_enc, phone_masked,
          specialties, served_tenant_ids, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [
        id,
        p.tenant.id,
        x.kind,
        x.name,
        x.org,
        x.licence,
        cipher.encrypt(x.phone),
        maskPhone(x.phone),
        ['wage_arrears', 'termination_dismissal', 'social_insurance_housing_fund'],
        [p.tenant.id],
        p.handler.id,
      ],
    );
  }
  if (!ids.arbitration) return;
  await em.query(
    `INSERT INTO legal_aid_assignments (id, org_id, case_id, provider_id, provider_name, provider_kind,
        provider_organisation, role, assigned_on, minutes, cost_fen, created_by, created_by_name)
     VALUES ($1, $2, $3, $4, $5, 'lawyer', $6, 'representation', $7, 630, 180000, $8, $9)`,
    [
      randomUUID(),
      p.tenant.id,
      ids.arbitration,
      made[0],
      providers[0]!.name,
      providers[0]!.org,
      addDays(today, -75),
      p.handler.id,
      p.handler.name,
    ],
  );
}

/** Two visits to the first school: one with wages paid late and its deadline open, one without findings. */
async function seedSupervisionDemo(em: EntityManager, p: DemoParties, today: IsoDate): Promise<void> {
  const visit = (over: Record<string, unknown> & { visitedOn: string }) => ({
    wages: 'compliant',
    social: 'compliant',
    fund: 'compliant',
    contracts: 'compliant',
    findings: [] as { check: string; description: string }[],
    rectifyBy: null as string | null,
    status: 'no_findings',
    ...over,
  });
  const visits = [
    visit({ visitedOn: addDays(today, -200) }),
    visit({
      visitedOn: addDays(today, -25),
      wages: 'finding',
      fund: 'finding',
      findings: [
        { check: 'wages', description: '九月、十月绩效工资迟发约两周' },
        { check: 'housingFund', description: '三名新进教师未缴存住房公积金' },
      ],
      // Five days left: the 7-day warning is due.
      rectifyBy: addDays(today, 5),
      status: 'open',
    }),
  ];
  for (const v of visits)
    await em.query(
      `INSERT INTO supervision_visits (id, org_id, school_id, school_ownership, visited_on, inspectors, wages_check,
          social_insurance_check, housing_fund_check, contracts_check, findings, rectify_by, status, created_by,
          created_by_name)
       VALUES ($1, $2, $3, 'private', $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
      [
        randomUUID(),
        p.tenant.id,
        p.school.id,
        v.visitedOn,
        [p.handler.name, '工会劳动法律监督员'],
        v.wages,
        v.social,
        v.fund,
        v.contracts,
        JSON.stringify(v.findings),
        v.rectifyBy,
        v.status,
        p.handler.id,
        p.handler.name,
      ],
    );
}

async function insertCase(
  em: EntityManager,
  cipher: FieldCipher,
  p: DemoParties,
  c: DemoCase,
  applicantId: string,
  today: IsoDate,
): Promise<string> {
  const ago = (n: number) => addDays(today, -n);
  const cols: CaseDeadlineColumns & Record<string, unknown> = {
    knew_on: ago(c.knewAgo),
    wage_arrears_ongoing: false,
    mediation_applied_on: null,
    mediation_ended_on: null,
    arbitration_applied_on: null,
    arbitration_accepted_on: null,
    award_extension_days: null,
    award_on: null,
    custom_deadlines: [],
    mediator_name: null,
    litigation_filed_on: null,
    outcome: null,
    recovered_fen: null,
    closed_on: null,
  };
  const events: {
    action: string;
    from: CaseState | null;
    to: CaseState;
    days: number;
    reason: string | null;
  }[] = [
    {
      action: 'submit',
      from: null,
      to: 'submitted',
      days: c.path[0]?.[1] ? c.path[0][1] + 2 : 1,
      reason: null,
    },
  ];
  let state: CaseState = 'submitted';
  for (const [action, days, extra = {}, reason] of c.path) {
    const on = ago(days);
    if (action === 'start_mediation')
      Object.assign(cols, { mediation_applied_on: on, mediator_name: extra.mediator_name });
    if (action === 'settle' || action === 'fail_mediation') cols.mediation_ended_on = on;
    if (action === 'start_arbitration') {
      cols.arbitration_applied_on = on;
      if (typeof extra.arbitration_accepted_ago === 'number')
        cols.arbitration_accepted_on = ago(extra.arbitration_accepted_ago);
      if (typeof extra.award_ago === 'number') cols.award_on = ago(extra.award_ago);
    }
    if (action === 'start_litigation') cols.litigation_filed_on = on;
    if (action === 'close')
      Object.assign(cols, { outcome: extra.outcome, recovered_fen: extra.recovered_fen });
    if (['close', 'decline', 'withdraw'].includes(action)) cols.closed_on = on;
    events.push({ action, from: state, to: TO[action]!, days, reason: reason ?? null });
    state = TO[action]!;
  }
  const id = randomUUID();
  const respondent =
    c.respondent.kind === 'registry_school'
      ? { kind: 'registry_school', orgId: p.school.id, name: p.school.name }
      : { kind: c.respondent.kind, orgId: null, name: c.respondent.name };
  const submittedBy = c.selfService ? p.teacherUser.id : p.handler.id;
  await em.query(
    `INSERT INTO dispute_cases (id, org_id, category, respondent_kind, respondent_org_id, respondent_name, claimed_fen,
        claims_enc, facts_enc, knew_on, state, handler_id, submitted_by, mediator_name, mediation_applied_on,
        mediation_ended_on, arbitration_applied_on, arbitration_accepted_on, award_on, litigation_filed_on, outcome,
        recovered_fen, closed_on, next_due_on, created_at, updated_at, version)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23,
        $24, now() - make_interval(days => $25), now() - make_interval(days => $26), $27)`,
    [
      id,
      p.tenant.id,
      c.category,
      respondent.kind,
      respondent.orgId,
      respondent.name,
      c.claimedFen,
      c.claims ? cipher.encrypt(c.claims) : null,
      cipher.encrypt(c.facts),
      cols.knew_on,
      state,
      state === 'submitted' ? null : p.handler.id,
      submittedBy,
      cols.mediator_name,
      cols.mediation_applied_on,
      cols.mediation_ended_on,
      cols.arbitration_applied_on,
      cols.arbitration_accepted_on,
      cols.award_on,
      cols.litigation_filed_on,
      cols.outcome,
      cols.recovered_fen,
      cols.closed_on,
      nextDueOn({ ...cols, state }, today, CALENDAR),
      events[0]!.days,
      events.at(-1)!.days,
      events.length,
    ],
  );
  await em.query(`INSERT INTO dispute_case_applicants (case_id, teacher_id, org_id) VALUES ($1, $2, $3)`, [
    id,
    applicantId,
    p.tenant.id,
  ]);
  for (const e of events)
    await em.query(
      `INSERT INTO dispute_case_events (case_id, org_id, actor_id, actor_name, action, from_state, to_state, reason, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, now() - make_interval(days => $9))`,
      [
        id,
        p.tenant.id,
        e.action === 'submit' && c.selfService ? p.teacherUser.id : p.handler.id,
        e.action === 'submit' && c.selfService ? p.teacherUser.name : p.handler.name,
        e.action,
        e.from,
        e.to,
        e.reason,
        e.days,
      ],
    );
  return id;
}
