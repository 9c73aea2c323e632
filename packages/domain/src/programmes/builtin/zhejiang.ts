// 浙教工〔2020〕8号《关于实施“教师关爱工程”的指导意见》, transcribed. The document numbers its
// measures under 二、主要措施 as four projects （一）–（四） with items 1–3 each, so a measure is cited
// as 二（三）1; the 实施要求 are 三（一）–（三）. Headings and texts are verbatim (the seed, a copy of
// which is in ./sources, is the reference; a test checks every string against it). 一、总体要求
// (指导思想, 目标要求) sets aims, not measures, and is not transcribed.
//
// The guidance states no numeric target anywhere (“定期”, “提升覆盖率”, “应帮尽帮”), so this template
// has no indicators: a province adds them, with its own numbers, on its copy.
import type { ProgrammeTemplate } from '../types';

export const ZHEJIANG_TEMPLATE: ProgrammeTemplate = {
  key: 'zhejiang_2020',
  name: '浙江省“教师关爱工程”指导意见',
  nameEn: 'Zhejiang Teacher Care Project guidance',
  source: {
    title: '关于实施“教师关爱工程”的指导意见',
    issuer: '中国教育工会浙江省委员会（浙江省教育工会）',
    documentNo: '浙教工〔2020〕8号',
    issuedOn: '2020-05-11',
  },
  areas: [
    {
      key: 'rights',
      clause: '二（一）',
      title: '大力实施教师权益保障工程',
      kind: 'care',
      measures: [
        {
          key: 'democratic_management',
          clause: '二（一）1',
          title: '推进学校民主管理',
          text: '不断完善以教代会为基本形式的民主管理制度，推进教代会提案、民主评议等工作，促进校务（院务）公开，推动维护教师合法权益与促进学校健康发展相统一。',
          activityTypes: ['staff_congress'],
          indicators: [],
          reminderRules: [],
        },
        {
          key: 'labour_relations',
          clause: '二（一）2',
          title: '构建和谐劳动人事关系',
          text: '贯彻落实《浙江省工会劳动法律监督条例》，推动各级教育工会组建劳动（人事）法律监督委员会，帮助教师依法、理性维权，开展劳动人事法律监督、纠纷调解、法律援助等工作，推动涉及教师权益的法律法规和相关政策的落实。',
          activityTypes: ['labour_law_supervision', 'dispute_mediation', 'legal_aid'],
          indicators: [],
          reminderRules: [],
        },
        // The seed breaks this clause across a page after “失业、”; the text joins it.
        {
          key: 'teacher_rights',
          clause: '二（一）3',
          title: '注重维护教师权益',
          text: '切实维护教师合法权益，按照全国、全省教育大会精神，督促依法保障教师待遇，进一步完善教师收入分配激励机制。监督民办学校按合同约定按时足额支付教师工资及奖金，依法组织教师参加养老、医疗、工伤、失业、生育和大病保险，按规定足额缴纳社会保险费和住房公积金。',
          activityTypes: ['labour_law_supervision'],
          indicators: [],
          reminderRules: [],
        },
      ],
    },
    {
      key: 'health',
      clause: '二（二）',
      title: '大力实施教师强身健体工程',
      kind: 'care',
      measures: [
        {
          key: 'culture_sports',
          clause: '二（二）1',
          title: '丰富教师文体活动',
          text: '根据教师精神文化需求，建设文娱、健身、休闲等功能多样的活动场地，开展丰富多彩的文体活动，营造积极健康的校园文化氛围，充实教师业余生活，强健教师体魄，舒缓工作压力，促使教师以更饱满精神投入工作。',
          activityTypes: ['culture_sports'],
          indicators: [],
          reminderRules: [],
        },
        // “定期” states no frequency: no indicator.
        {
          key: 'mental_health',
          clause: '二（二）2',
          title: '关注教师心理健康',
          text: '重视教师心理健康，建设教师心理健康服务阵地，可聘请专业心理咨询师组建服务团队，举办心理健康座谈、主题沙龙等活动，科普心理健康知识，定期为教师提供心理咨询和心理疏导服务，切实保障广大教师心理健康，提高工作效率和生活质量。',
          activityTypes: ['counselling'],
          indicators: [],
          reminderRules: [],
        },
        // “定期组织” states no frequency: no indicator. Priority groups (先进模范、一线教师、即将退休教师)
        // belong to the convalescence allocation rules, not to a target.
        {
          key: 'convalescence',
          clause: '二（二）3',
          title: '积极开展疗休养活动',
          text: '认真落实省总工会与省财政厅、省文化和旅游厅等部门联合出台的关于职工疗休养政策的文件精神，落实经费，统筹资源，定期组织教师开展疗休养活动，优先考虑先进模范、一线教师和即将退休教师，切实做好服务工作，保障教师休养权益。',
          activityTypes: ['convalescence'],
          indicators: [],
          reminderRules: [],
        },
      ],
    },
    {
      key: 'warmth',
      clause: '二（三）',
      title: '大力实施教师真情暖心工程',
      kind: 'care',
      measures: [
        // “提升……覆盖率” names a coverage rate but no number: no indicator until the province sets one.
        // “重要节日” is not enumerated: Spring Festival, Mid-Autumn and Teachers' Day are the platform's defaults.
        {
          key: 'universal_care',
          clause: '二（三）1',
          title: '开展普惠关爱服务',
          text: '坚持节日慰问与日常慰问相结合，工会可在重要节日、教师生日、婚丧嫁娶、退休离岗时开展慰问。鼓励、支持基层工会参与大病医疗互助保障，提升职工大病医疗互助保障的覆盖率。关心关爱女教师，督促做好女教师“四期”特殊保护。',
          activityTypes: [
            'festival_greeting',
            'visit',
            'birthday_greeting',
            'wedding_care',
            'bereavement_care',
            'retirement_care',
            'illness_mutual_insurance',
            'female_care',
          ],
          indicators: [],
          reminderRules: [
            {
              key: 'birthday_greeting',
              trigger: { kind: 'birthday' },
              leadDays: 3,
              audience: 'school_officer',
              activityType: 'birthday_greeting',
            },
            {
              key: 'spring_festival_greeting',
              trigger: { kind: 'festival', festival: 'spring_festival' },
              leadDays: 7,
              audience: 'school_officer',
              activityType: 'festival_greeting',
            },
            {
              key: 'mid_autumn_greeting',
              trigger: { kind: 'festival', festival: 'mid_autumn' },
              leadDays: 7,
              audience: 'school_officer',
              activityType: 'festival_greeting',
            },
            {
              key: 'teachers_day_greeting',
              trigger: { kind: 'festival', festival: 'teachers_day' },
              leadDays: 7,
              audience: 'school_officer',
              activityType: 'festival_greeting',
            },
            {
              key: 'retirement_care',
              trigger: { kind: 'anniversary', anniversary: 'retirement' },
              leadDays: 30,
              audience: 'school_officer',
              activityType: 'retirement_care',
            },
          ],
        },
        // “应帮尽帮” is an aim, not a number: no indicator.
        {
          key: 'hardship_support',
          clause: '二（三）2',
          title: '加强困难教师帮扶',
          text: '积极开展困难教师送温暖活动，持续做好困难教师档案管理，了解掌握致困原因，完善精准帮扶办法，努力做到应帮尽帮，推动解决教师最关心、最直接、最现实的问题。',
          activityTypes: ['hardship_assistance', 'hardship_survey'],
          indicators: [],
          reminderRules: [],
        },
        {
          key: 'young_teacher_matchmaking',
          clause: '二（三）3',
          title: '关心教师婚恋情况',
          text: '鼓励学校开展青年教师交友活动，动态了解单身青年教师情况，常态化、个性化开展青年教师交友活动，为青年教师搭建跨单位、跨行业的交流平台，帮助解决青年教师婚恋问题。',
          activityTypes: ['youth_social'],
          indicators: [],
          reminderRules: [],
        },
      ],
    },
    {
      key: 'career',
      clause: '二（四）',
      title: '大力实施教师职业发展工程',
      kind: 'care',
      measures: [
        {
          key: 'career_development',
          clause: '二（四）1',
          title: '建立促进教师职业发展机制',
          text: '关心教师职业发展，帮助搭建成长成才平台，结合“浙江高校教师名师培养工程”“浙派名师名校长培养工程”“骨干校长教师梯度培养计划”等，加强结对培养、完善传帮带机制、畅通交流研修渠道，助推教师职业发展。重视新教师入职仪式、荣休仪式等活动，增强教师职业荣誉感和归属感。',
          activityTypes: ['mentoring', 'training', 'ceremony'],
          indicators: [],
          reminderRules: [
            {
              key: 'retirement_ceremony',
              trigger: { kind: 'anniversary', anniversary: 'retirement' },
              leadDays: 30,
              audience: 'school_officer',
              activityType: 'ceremony',
            },
          ],
        },
        {
          key: 'ethics',
          clause: '二（四）2',
          title: '加强师德师风建设',
          text: '把师德作为评价教师素质的重要标准，将社会主义核心价值观教育纳入教师继续教育培训必修内容，把师德教育融入到职前培养、职业准入、入职后培训、在职管理全过程。积极开展优秀教师选树活动，组织参与“师德标兵”、“最美教师”等选树活动，展现新时代优秀教师风采。',
          activityTypes: ['ethics_education', 'award_selection'],
          indicators: [],
          reminderRules: [],
        },
        // The seed breaks this clause across a page after “分层施训的”; the text joins it.
        {
          key: 'skills_training',
          clause: '二（四）3',
          title: '深化职业技能培训和竞赛活动',
          text: '探索建立符合教师发展的培训体系，参与制定完善覆盖全员、遵循规律、分层施训的教师培训制度。创新培训模式，大力推进信息技术与教师培训的有机融合。结合教育教学实际，改进培训内容，培养学科知识扎实、专业能力突出的高素质复合型教师。完善以“青教赛”为主要载体的教学竞赛体系，搭建竞赛交流平台，发挥竞赛激励作用，推动教师教学技能提升。',
          activityTypes: ['training', 'teaching_competition'],
          indicators: [],
          reminderRules: [],
        },
      ],
    },
    // 三、实施要求: the safeguards the province also tracks (leadership, working mechanism, publicity and exchange).
    {
      key: 'implementation',
      clause: '三',
      title: '实施要求',
      kind: 'safeguard',
      measures: [
        {
          key: 'leadership',
          clause: '三（一）',
          title: '统一思想认识，加强组织领导',
          text: '实施“教师关爱工程”是推进教师队伍建设、促进新时代立德树人工作的重要抓手，应贯穿教师队伍建设全过程，渗透到教育事业发展全过程。各地要提高认识，加强组织领导、切实担责，把“教师关爱工程”作为一项重点工作、经常工作抓紧抓好。',
          activityTypes: ['leadership_meeting'],
          indicators: [],
          reminderRules: [],
        },
        {
          key: 'working_mechanism',
          clause: '三（二）',
          title: '健全工作机制，强化协同推进',
          text: '各地、各校要结合实际情况，加强统筹协调，制定切实可行的工作方案，明确目标任务，落实工作责任，推动“教师关爱工程”措施落地，形成党政支持、工会参与、多方配合的工作机制。',
          activityTypes: ['work_plan'],
          indicators: [],
          reminderRules: [],
        },
        {
          key: 'publicity_exchange',
          clause: '三（三）',
          title: '加强交流宣传，形成工作氛围',
          text: '要大力宣传好经验好做法，充分利用各类纸媒、网络平台等宣传渠道，充分展示各地“教师关爱工程”开展情况。加强工作交流，分享经验做法，营造良好氛围，推动“教师关爱工程”落地见效。',
          activityTypes: ['publicity', 'experience_exchange'],
          indicators: [],
          reminderRules: [],
        },
      ],
    },
  ],
};
