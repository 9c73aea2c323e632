import type { MessageTable } from '../common/message-table';

/** The holiday calendar's error codes (merged into the API's MESSAGES). */
export const HOLIDAY_MESSAGES = {
  HOLIDAY_YEAR_INVALID: [
    422,
    '节假日安排有 {count} 处问题，请按提示修改',
    'The holiday arrangement has {count} problem(s); see the fields',
  ],
  HOLIDAY_YEAR_OUT_OF_RANGE: [400, '年份须在 2000 至 2100 之间', 'The year must be between 2000 and 2100'],
  HOLIDAY_DATE_INVALID: [422, '不是有效日期', 'Not a valid date'],
  HOLIDAY_DATE_OUTSIDE_YEAR: [422, '日期不在该年度内', 'The date is outside the year'],
  HOLIDAY_DATE_DUPLICATE: [422, '日期重复', 'The date is listed twice'],
  HOLIDAY_OFF_AND_WORKDAY: [
    422,
    '同一天不能既放假又调休上班',
    'A day cannot be both off and a make-up working day',
  ],
  HOLIDAY_WORKDAY_NOT_WEEKEND: [
    422,
    '调休上班日应为周六或周日',
    'A make-up working day must be a Saturday or Sunday',
  ],
  HOLIDAY_SOURCE_REQUIRED: [422, '请填写通知名称及文号', 'Give the notice and its number'],
  HOLIDAY_NO_OFF_DAYS: [422, '至少填写一天放假日期', 'List at least one day off'],
  HOLIDAY_YEAR_NOT_ENTERED: [
    404,
    '该年度没有录入的安排（内置年度不能删除）',
    'No arrangement was entered for that year (built-in years cannot be removed)',
  ],
} as const satisfies MessageTable;
