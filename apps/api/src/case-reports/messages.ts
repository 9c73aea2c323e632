import type { MessageTable } from '../common/message-table';

/** This capability's error codes (merged into the API's MESSAGES). */
export const CASE_REPORT_MESSAGES = {
  CASE_REPORT_RANGE_INVERTED: [
    400,
    '结束日期不能早于开始日期',
    'The end date cannot be before the start date',
  ],
  CASE_REPORT_ORG_NOT_A_TENANT: [
    422,
    '只能按县（区）、市级工会或高校工会统计',
    'Pick a tenant union (a county, city or university union)',
  ],
} as const satisfies MessageTable;
