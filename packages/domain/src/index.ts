export { ROLE_PERMISSIONS, permissionsOf, can, isAdministrator } from './access/permissions';
export { roleFitsOrg, orgKindsForRole, canAssignRole } from './access/roles';
export {
  allowedChildKinds,
  canContain,
  isTenantKind,
  childPath,
  isWithin,
  idsOnPath,
  wouldCreateCycle,
} from './orgs/tree';
export {
  DEFAULT_PASSWORD_POLICY,
  checkPassword,
  characterClasses,
  type PasswordProblem,
} from './passwords/policy';
export {
  type IsoDate,
  type CalendarDate,
  isLeapYear,
  daysInMonth,
  isValidDate,
  parseIsoDate,
  isIsoDate,
  formatIsoDate,
  requireIsoDate,
  compareDates,
  minDate,
  maxDate,
  endOfYear,
} from './dates/calendar';
export {
  addDays,
  addMonths,
  addYears,
  daysBetween,
  monthiversary,
  fullMonthsBetween,
  fullYearsBetween,
} from './dates/arithmetic';
export { todayInShanghai } from './dates/today';
export {
  SEXES,
  RETIREMENT_CATEGORIES,
  TITLE_LEVELS,
  POSITIONS,
  EMPLOYMENT_TYPES,
  SCHOOL_STAGES,
  TEACHER_STATUSES,
  type Sex,
  type RetirementCategory,
  type TitleLevel,
  type Position,
  type EmploymentType,
  type SchoolStage,
  type TeacherStatus,
  type Posting,
  type TeacherSummary,
  type Eligibility,
} from './teachers/types';
export {
  normaliseIdNumber,
  idNumberCheckCharacter,
  validateIdNumber,
  checkIdAgainst,
  maskIdNumber,
  maskPhone,
  type IdNumberProblem,
  type IdNumberCheck,
  type IdMismatch,
} from './teachers/id-number';
export {
  retirementDelayMonths,
  retirementAge,
  statutoryRetirementDate,
  daysToRetirement,
  type RetirementAge,
} from './teachers/retirement';
export {
  CONTINUITY_GAP_DAYS,
  DAYS_PER_MONTH,
  age,
  teachingAnniversary,
  yearsOfTeaching,
  isCurrentPosting,
  currentSchoolTenure,
  yearsAtCurrentSchool,
  ruralServiceSpan,
  ruralServiceYears,
  type SchoolTenure,
  type ServiceSpan,
} from './teachers/service';
export {
  teaching30Years,
  teacherFamily,
  teacherDynasty,
  rotationEligible,
  ruralSeniorTitleEligible,
  earliestTransferAfterRuralPromotion,
  type HonourTeacher,
  type OutsideRelative,
  type FamilyLinkKind,
  type FamilyLink,
  type Teaching30YearsReason,
  type TeacherFamilyReason,
  type TeacherDynastyReason,
  type RotationReason,
  type RotationTeacher,
  type RuralSeniorTitleReason,
  type RuralTitleTeacher,
} from './teachers/eligibility';
export {
  checkTeacherRecord,
  type RecordFacts,
  type RecordField,
  type RecordProblem,
  type RecordProblemCode,
} from './teachers/record-checks';
export {
  ACTIVITY_TYPES,
  ACTIVITY_TYPE_CODES,
  activityType,
  isActivityTypeCode,
  type ActivityType,
  type ActivityTypeCode,
} from './programmes/activity-types';
export {
  AREA_KINDS,
  INDICATOR_KINDS,
  PERIOD_KINDS,
  INDICATOR_LEVELS,
  ELIGIBLE_GROUPS,
  FESTIVALS,
  ANNIVERSARIES,
  REMINDER_AUDIENCES,
  FULL_RATIO_BP,
  type AreaKind,
  type IndicatorKind,
  type PeriodKind,
  type IndicatorLevel,
  type EligibleGroupCode,
  type Festival,
  type Anniversary,
  type MonthDay,
  type ReminderTrigger,
  type ReminderAudience,
  type ReminderRule,
  type TargetRange,
  type Indicator,
  type Measure,
  type Area,
  type TemplateSource,
  type ProgrammeTemplate,
} from './programmes/types';
export { ZHEJIANG_TEMPLATE } from './programmes/builtin/zhejiang';
export { LEIYANG_TEMPLATE } from './programmes/builtin/leiyang';
export { BUILTIN_TEMPLATES } from './programmes/builtin/builtin-templates';
export {
  validateTemplate,
  checkTenantTarget,
  diffTemplates,
  isMonthDay,
  type TemplateProblem,
  type TemplateProblemCode,
  type TenantTargetProblem,
  type TemplateChange,
  type TemplateEntity,
} from './programmes/template-rules';
export {
  DEFAULT_SEMESTER_CALENDAR,
  periodContaining,
  periodByKey,
  periodIncludes,
  periodDays,
  elapsedDays,
  elapsedShare,
  hasEnded,
  type Period,
  type SemesterCalendar,
} from './compliance/periods';
export {
  DEFAULT_AT_RISK_AFTER_BP,
  COMPLIANCE_STATUSES,
  evaluateIndicator,
  rollUp,
  type CareActivity,
  type RosterEntry,
  type IndicatorInputs,
  type EvaluationOptions,
  type ComplianceStatus,
  type UnitCompliance,
  type IndicatorEvaluation,
} from './compliance/indicators';
export {
  type BirthdayCalendar,
  type FestivalCode,
  type LunarDate,
  lunarOf,
  solarOfLunar,
  solarAnniversary,
  birthdayOn,
  nextBirthday,
  festivalDate,
  nextFestival,
} from './reminders/calendar';
export { todayIn, hourIn, isValidTimeZone, zonedHour } from './reminders/zone';
export { lunarLabel } from './reminders/lunar-label';
export {
  DEFAULT_CHECKUP_BY,
  calendarOccurrence,
  dueOn,
  isDue,
  isTeacherScanRule,
  nextMonthDay,
  teacherOccurrences,
  windowStart,
  type ReminderTeacher,
  type TeacherOccurrence,
} from './reminders/occurrences';
export { FESTIVAL_NAMES, momentOf, reminderTitle, ruleName, type TitleSubject } from './reminders/titles';
export {
  effectiveRules,
  type EffectiveRule,
  type RuleOverride,
  type TenantReminderSettings,
} from './reminders/rules';
export { BUILTIN_HOLIDAY_YEARS } from './holidays/builtin';
export {
  holidayCalendar,
  mergeHolidayYears,
  type HolidayCalendar,
  type HolidayCoverage,
} from './holidays/calendar';
export {
  validateHolidayYear,
  type HolidayYear,
  type HolidayYearProblem,
  type HolidayYearProblemCode,
} from './holidays/holiday-year';
export { isoWeekday, isWeekend } from './holidays/weekday';
export { firstWorkingDayFrom, periodEnd, periodEndMonths, periodEndYears } from './disputes/periods';
export {
  runningPeriod,
  type DateRange,
  type PeriodLength,
  type RunningPeriod,
} from './disputes/running-period';
export {
  MAX_AWARD_EXTENSION_DAYS,
  checkDeadlineFacts,
  isValidAwardExtension,
  limitationStart,
  type CaseDeadlineFacts,
  type MediationFacts,
  type ArbitrationFacts,
  type CustomDeadline,
  type DeadlineFactsProblem,
  type DeadlineFactsProblemCode,
} from './disputes/deadline-facts';
export {
  MEDIATION_DAYS,
  LIMITATION_YEARS,
  AWARD_DAYS,
  DEFAULT_WARNING_DAYS,
  caseDeadlines,
  type CaseDeadline,
  type DeadlineKind,
  type DeadlineWarning,
  type DeadlineOptions,
} from './disputes/deadlines';
export {
  CASE_STATES,
  CASE_ACTIONS,
  TERMINAL_CASE_STATES,
  CASE_HANDLER_ROLES,
  CASE_SUBMITTER_ROLES,
  isCaseState,
  isCaseAction,
  isOpenCaseState,
  canSubmitCase,
  allowedActions as allowedCaseActions,
  transition as caseTransition,
  type CaseState,
  type CaseAction,
  type TransitionRefusal,
  type TransitionResult,
} from './disputes/workflow';
export {
  CASE_OUTCOMES,
  checkTransitionDetails,
  type CaseOutcome,
  type TransitionDetails,
  type TransitionDetailsProblem,
  type TransitionDetailsProblemCode,
} from './disputes/transition-details';
