export {
  evaluateTenantDay,
  notify,
  type TenantRef,
  type EvaluationResult,
  type EvaluationHooks,
} from './evaluate';
export { fanOutBatch, writeDigests, type PendingDelivery } from './fanout';
export { insertReminders, type ReminderRow } from './rows';
export { loadTenantRules, type RunnableRule } from './tenant-rules';
export { reminderTenants, tenantSchedule, type TenantSchedule } from './schedules';
export { caseDeadlineReminders, sweepCaseDeadlines, type CaseSweep } from './case-deadlines';
export type { InTenant } from './teacher-scan';
export {
  rectificationReminders,
  sweepRectifications,
  RECTIFICATION_WARNING_DAYS,
} from './supervision-deadlines';
