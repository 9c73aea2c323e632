// Enumerations of the care programmes shared by the API, the SPA and the rules in packages/domain
// (which re-exports them): codes are stored in the database and in templates, so add, never rename.

// The care activities a union officer records (关爱活动类型). Every entry is named by at least one
// clause of the two seed documents (cited beside it). Codes are stable identifiers stored in the
// database and in templates: add new ones, never rename or reuse one.
//
// `carriesAmount`: the record asks for an amount in fen because money or goods go to (or are paid
// per head for) the teachers named on it — 慰问金/慰问品, subsidies, check-up and convalescence fees —
// so spending can be summed against a budget. Talks, meetings, surveys and the like carry none.

/** One entry of the catalogue. */
export interface ActivityType {
  readonly code: string;
  readonly zh: string;
  readonly en: string;
  readonly carriesAmount: boolean;
}

export const ACTIVITY_TYPES = [
  // Zhejiang 二（三）1 日常慰问; Leiyang 1 走访慰问, 19 探访慰问困难教师
  { code: 'visit', zh: '走访慰问', en: 'Visit and condolence', carriesAmount: true },
  // Zhejiang 二（三）1 教师生日; Leiyang 19 生日祝福
  { code: 'birthday_greeting', zh: '生日祝福', en: 'Birthday greeting', carriesAmount: true },
  // Zhejiang 二（三）1 节日慰问; Leiyang 19 节日关怀
  { code: 'festival_greeting', zh: '节日慰问', en: 'Festival greeting', carriesAmount: true },
  // Zhejiang 二（三）1 婚丧嫁娶; Leiyang 19 婚
  { code: 'wedding_care', zh: '婚嫁关怀', en: 'Wedding care', carriesAmount: true },
  // Leiyang 19 病
  { code: 'illness_care', zh: '患病慰问', en: 'Illness care', carriesAmount: true },
  // Zhejiang 二（三）1 婚丧嫁娶; Leiyang 19 丧
  { code: 'bereavement_care', zh: '丧事慰问', en: 'Bereavement care', carriesAmount: true },
  // Zhejiang 二（三）1 退休离岗时开展慰问
  { code: 'retirement_care', zh: '退休慰问', en: 'Retirement care', carriesAmount: true },
  // Zhejiang 二（三）2 困难教师送温暖; Leiyang 19 扶助, 21 特困援助
  { code: 'hardship_assistance', zh: '困难帮扶', en: 'Hardship assistance', carriesAmount: true },
  // Zhejiang 二（三）2 了解掌握致困原因; Leiyang 19 入户调查、情况摸底
  { code: 'hardship_survey', zh: '困难教师入户调查', en: 'Hardship home survey', carriesAmount: false },
  // Zhejiang 二（三）1 大病医疗互助保障
  {
    code: 'illness_mutual_insurance',
    zh: '大病医疗互助保障',
    en: 'Critical-illness mutual insurance',
    carriesAmount: true,
  },
  // Zhejiang 二（三）1 女教师“四期”特殊保护; Leiyang 21 孕产期女教职工
  {
    code: 'female_care',
    zh: '女教职工“四期”关爱',
    en: "Female staff 'four periods' care",
    carriesAmount: false,
  },
  // Leiyang 21 子女助学
  { code: 'child_education_aid', zh: '子女助学', en: "Children's education aid", carriesAmount: true },
  // Zhejiang 二（二）2 心理咨询和心理疏导、座谈、沙龙; Leiyang 17 心理辅导
  { code: 'counselling', zh: '心理辅导', en: 'Psychological counselling', carriesAmount: false },
  // Zhejiang 二（二）1; Leiyang 17, 21
  { code: 'culture_sports', zh: '文体活动', en: 'Culture and sports activity', carriesAmount: false },
  // Zhejiang 二（二）3
  { code: 'convalescence', zh: '疗休养', en: 'Convalescence leave', carriesAmount: true },
  // Leiyang 18 教职工集中体检
  { code: 'health_checkup', zh: '健康体检', en: 'Health check-up', carriesAmount: true },
  // Leiyang 5 谈心交心
  { code: 'heart_to_heart_talk', zh: '谈心谈话', en: 'Heart-to-heart talk', carriesAmount: false },
  // Leiyang 5 征求教师对学校工作的意见和建议
  { code: 'opinion_survey', zh: '意见征集', en: 'Opinion survey', carriesAmount: false },
  // Zhejiang 二（一）1 教代会、提案、民主评议; Leiyang 6 教职工代表大会
  {
    code: 'staff_congress',
    zh: '教代会与民主评议',
    en: 'Staff congress and democratic review',
    carriesAmount: false,
  },
  // Zhejiang 二（一）2 劳动人事法律监督, 二（一）3 监督民办学校; Leiyang 2 民办学校按时足额支付工资
  {
    code: 'labour_law_supervision',
    zh: '劳动（人事）法律监督',
    en: 'Labour law supervision',
    carriesAmount: false,
  },
  // Zhejiang 二（一）2
  { code: 'dispute_mediation', zh: '纠纷调解', en: 'Dispute mediation', carriesAmount: false },
  // Zhejiang 二（一）2
  { code: 'legal_aid', zh: '法律援助', en: 'Legal aid', carriesAmount: false },
  // Zhejiang 二（四）3; Leiyang 15, 25, 27
  { code: 'training', zh: '培训', en: 'Training', carriesAmount: false },
  // Leiyang 15 学历提高在职进修
  { code: 'further_education', zh: '学历进修', en: 'Further education', carriesAmount: false },
  // Zhejiang 二（四）1 结对培养、传帮带; Leiyang 16 名师工作室、师徒结对
  { code: 'mentoring', zh: '师徒结对', en: 'Mentoring', carriesAmount: false },
  // Leiyang 16 职业生涯规划、专业成长档案
  { code: 'career_planning', zh: '职业生涯规划', en: 'Career planning', carriesAmount: false },
  // Zhejiang 二（四）3 “青教赛”
  { code: 'teaching_competition', zh: '教学竞赛', en: 'Teaching competition', carriesAmount: false },
  // Zhejiang 二（四）2; Leiyang 8
  { code: 'ethics_education', zh: '师德教育', en: 'Professional ethics education', carriesAmount: false },
  // Zhejiang 二（四）2 优秀教师选树; Leiyang 3 评优奖模 (物质和精神奖励)
  { code: 'award_selection', zh: '评优选树', en: 'Award selection', carriesAmount: true },
  // Leiyang 4 “从教30年”“教师之家”“教师世家”荣誉证书
  { code: 'honour_certificate', zh: '荣誉证书', en: 'Honour certificate', carriesAmount: false },
  // Zhejiang 二（四）1 入职仪式、荣休仪式; Leiyang 1 教师节庆祝表彰大会, 10 从教满30周年、退休欢送
  { code: 'ceremony', zh: '仪式活动', en: 'Ceremony', carriesAmount: false },
  // Leiyang 9 优秀教师报告团
  {
    code: 'model_teacher_report',
    zh: '优秀教师巡回报告',
    en: 'Model teacher report tour',
    carriesAmount: false,
  },
  // Zhejiang 二（三）3; Leiyang 20
  { code: 'youth_social', zh: '青年教师交友联谊', en: 'Young teachers social event', carriesAmount: false },
  // Leiyang 13
  { code: 'rotation', zh: '交流轮岗', en: 'Rotation', carriesAmount: false },
  // Leiyang 26 强弱联姻、结对帮扶、“上挂下支”、跟班学习
  { code: 'pairing_support', zh: '结对帮扶', en: 'School pairing support', carriesAmount: false },
  // Leiyang 22 乡村教师人才津贴、边远山区教师生活补助
  { code: 'rural_allowance', zh: '乡村教师津补贴', en: 'Rural teacher allowance', carriesAmount: true },
  // Leiyang 22 “走教”教师交通补贴
  {
    code: 'itinerant_transport_subsidy',
    zh: '走教交通补贴',
    en: 'Itinerant teacher transport subsidy',
    carriesAmount: true,
  },
  // Leiyang 1 研究教师队伍建设工作、联席会议; Zhejiang 三（一）, Leiyang 三（一）组织领导
  { code: 'leadership_meeting', zh: '专题研究会议', en: 'Leadership meeting', carriesAmount: false },
  // Zhejiang 三（二） 制定切实可行的工作方案
  { code: 'work_plan', zh: '工作方案', en: 'Work plan', carriesAmount: false },
  // Zhejiang 三（三） 宣传好经验好做法
  { code: 'publicity', zh: '宣传报道', en: 'Publicity', carriesAmount: false },
  // Zhejiang 三（三） 加强工作交流，分享经验做法
  { code: 'experience_exchange', zh: '经验交流', en: 'Experience exchange', carriesAmount: false },
  // Leiyang 三（三） 加强督查督导
  { code: 'inspection', zh: '督查督导', en: 'Inspection', carriesAmount: false },
] as const satisfies readonly ActivityType[];

type Code = (typeof ACTIVITY_TYPES)[number]['code'];
/** The codes, as z.enum wants them (programmes.ts ActivityTypeCode). */
export const ACTIVITY_TYPE_CODES = ACTIVITY_TYPES.map((t) => t.code) as [Code, ...Code[]];

/** 'care': the document's care measures (主要措施/重点任务); 'safeguard': its 实施要求, which a province also tracks. */
export const AREA_KINDS = ['care', 'safeguard'] as const;

/**
 * - activity_count: activities of the types per unit (school, or the tenant as a whole) per period ≥ target.
 * - coverage: share of teachers (basis points) with at least one activity of the types in the period.
 * - amount: sum of the activities' amounts in fen against a budget (the target, in fen).
 * - eligible_ratio: share (basis points) of an eligible group with at least one such activity
 *   (Leiyang 13: rotation ≥ 10 % of the teachers who meet the rotation conditions).
 */
export const INDICATOR_KINDS = ['activity_count', 'coverage', 'amount', 'eligible_ratio'] as const;

/** 每学期, 每学年, 每年. Dates are resolved by compliance/periods (semester dates are configurable). */
export const PERIOD_KINDS = ['semester', 'school_year', 'calendar_year'] as const;

/**
 * Which unit the clause holds to the target. 'school': every school (department, in a university)
 * separately — "每学期每校" (Leiyang 17) — and a tenant is met only when all its schools are;
 * 'tenant': the county/city or university as a whole — "教育部门每年组织" (Leiyang 18).
 */
export const INDICATOR_LEVELS = ['school', 'tenant'] as const;

/**
 * Groups an eligible_ratio indicator divides by. Membership is computed elsewhere (teachers/eligibility)
 * and handed to the evaluation as ids: rotation_eligible is "符合交流条件教师" (Leiyang 13, see
 * rotationEligible), rotation_eligible_backbone those of them who are backbone teachers (骨干教师).
 */
export const ELIGIBLE_GROUPS = ['rotation_eligible', 'rotation_eligible_backbone'] as const;

/**
 * Festivals named by the documents' 节日 clauses, and the traditional ones unions mark: the lunar ones
 * (Spring Festival, Dragon Boat, Mid-Autumn, Double Ninth for retired teachers) move each year.
 * Women's Day concerns women teachers only.
 */
export const FESTIVALS = [
  'spring_festival',
  'mid_autumn',
  'teachers_day',
  'womens_day',
  'dragon_boat',
  'double_ninth',
] as const;

/**
 * Dated moments in a teacher's career: 从教满30年 (Leiyang 4, 10), statutory retirement (Zhejiang 二（三）1,
 * Leiyang 10), any number of years of teaching, and union membership milestones (years since joining).
 */
export const ANNIVERSARIES = ['teaching_30_years', 'retirement', 'teaching_years', 'union_years'] as const;

/**
 * Who is reminded: the union officer of the teacher's unit (the tenant's officers when the unit has
 * none), the tenant's officers, the teacher, or everyone holding a named role in the tenant.
 */
export const REMINDER_AUDIENCES = ['school_officer', 'tenant_officer', 'teacher', 'role'] as const;
