export * from './entities';
export { createDataSource, type DataSourceOptions } from './data-source';
export { inScope, systemScope, type Scope } from './tenancy/scope';
export { FieldCipher } from './crypto/field-cipher';
export { hashPassword, verifyPassword, dummyHash } from './crypto/passwords';
export { migrate, provisionAppLogin, withCredentials, withDatabase } from './admin/provision';
export { APP_ROLE } from './migrations/rls';
export { verifyAuditChains, type AuditVerification, type AuditBreak } from './audit/verify';
export { createRootOrg, createChildOrg, createUser, type OrgSpec, type UserSpec } from './seed/builders';
export { seedDemo, hasData, type DemoAccount } from './seed/demo';
export { DataSource, type EntityManager } from 'typeorm';
export { loadConfig, parseFieldKeys, ConfigSchema, ConfigError, type Config } from './config/config';
export { returnedRows } from './tenancy/returning';
export { isUniqueViolation, isPoolTimeout } from './tenancy/errors';
export {
  TEACHER_COLUMNS,
  teacherColumns,
  insertTeacher,
  upsertTeachers,
  lockExistingTeachers,
  teacherKey,
  importDigest,
  maskAddress,
  currentTitle,
  currentPosting,
  type TeacherRecord,
  type TeacherUnit,
  type TeacherColumn,
  type TeacherColumns,
  type TeacherColumnOptions,
  type UpdatableTeacherColumn,
  type ExistingTeacher,
  type PostingJson,
  type TitleJson,
  type UpsertCounts,
} from './teachers/writer';
export * from './teachers/labels';
export * from './teachers/import-columns';
export * from './teachers/imports-repo';
export { inspectSpreadsheet, openSpreadsheet, sniffFormat, isBlankRow } from './teachers/spreadsheet/read';
export type {
  SpreadsheetFormat,
  SpreadsheetOverview,
  SpreadsheetReader,
  SpreadsheetRow,
  Cell,
  MergedRange,
} from './teachers/spreadsheet/read';
export {
  SpreadsheetError,
  DEFAULT_SPREADSHEET_LIMITS,
  type SpreadsheetLimits,
  type SpreadsheetProblem,
} from './teachers/spreadsheet/errors';
export {
  parseCsv,
  detectDelimiter,
  decodeText as decodeTextFile,
  type TextEncoding,
} from './teachers/spreadsheet/csv';
export { neutraliseCell, unneutraliseCell } from './teachers/spreadsheet/neutralise';
export { upsertTeacherParams, teacherParams } from './teachers/writer';
export { TeacherSealer, sealBatch, type SealJob, type SealerKeys } from './teachers/sealer';
export {
  loadComplianceProgramme,
  loadComplianceProgrammes,
  indicatorSpecs,
  budgetFor,
  programmeYear,
  defaultDay,
  periodsOfYear,
  type ComplianceProgramme,
  type IndicatorSpec,
} from './compliance/programme';
export {
  rosterEntriesOf,
  loadRoster,
  type RosterTeacher,
  type RosterPosting,
  type RosterOnDay,
} from './compliance/sql';
export { eligibleGroup } from './compliance/eligible';
export {
  evaluateIndicatorSql,
  evaluationDays,
  targetOf,
  type IndicatorQuery,
  type IndicatorOutcome,
  type UnitOutcome,
} from './compliance/evaluate';
export {
  missingTeachers,
  coverageByUnit,
  type MissingTeacher,
  type MissingTeachersPage,
  type UnitCoverage,
} from './compliance/gaps';
export { spentByMeasure, measureSpending, type MeasureSpend } from './compliance/spending';
export {
  EvaluationCache,
  evaluateSpec,
  evaluateProgrammeOn,
  type IndicatorResultRow,
  type ProgrammeEvaluationOptions,
} from './compliance/programme-evaluation';
export { refreshComplianceResults, complianceRefreshJobId, type RefreshResult } from './compliance/refresh';
export * from './reminders';
export {
  webhookProblem,
  isPrivateAddress,
  allowedHostsOf,
  type WebhookProblem,
} from './notifications/webhook-guard';
export {
  deliveryJobId,
  deliveryJobOptions,
  evaluationJobId,
  evaluationSchedulerId,
} from './notifications/jobs';
export {
  loadHolidayCalendar,
  loadStoredHolidayYears,
  type StoredHolidayYear,
} from './holidays/holiday-years';
export {
  caseDeadlineColumns,
  deadlineFactsOf,
  deadlinesOf,
  nextDueOn,
  type CaseDeadlineColumns,
} from './disputes/case-deadlines';
