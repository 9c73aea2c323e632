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
