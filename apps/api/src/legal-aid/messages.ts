import type { MessageTable } from '../common/message-table';

/** This capability's error codes (merged into the API's MESSAGES). */
export const LEGAL_AID_MESSAGES = {
  // Named by the contracts (zod messages), so they answer 400 like any malformed field.
  LEGAL_AID_PHONE_FORMAT: [
    400,
    '电话应为 11 位手机号，或带区号的固定电话（如 0571-87654321）',
    'A phone is an 11-digit mobile number or a landline with its area code (e.g. 0571-87654321)',
  ],
  LEGAL_AID_SPECIALTY_DUPLICATE: [400, '擅长领域有重复', 'A specialty is listed twice'],
  LEGAL_AID_MINUTES_NOT_INTEGER: [400, '时长以分钟计，应为整数', 'Time is counted in whole minutes'],
  LEGAL_AID_MINUTES_NEGATIVE: [400, '时长不能为负数', 'Time cannot be negative'],
  SESSION_TIME_FORMAT: [
    400,
    '时间应为 24 小时制的 时:分（如 09:30）',
    'A time is HH:MM, 24-hour (e.g. 09:30)',
  ],

  LEGAL_AID_INVALID: [422, '法律援助信息有 {count} 处问题', 'The legal-aid details have {count} problems'],
  LEGAL_AID_SERVED_REQUIRED: [
    422,
    '请选择该名录服务的工会（至少一个）',
    'Choose at least one union the entry serves',
  ],
  LEGAL_AID_SERVED_NOT_A_TENANT: [
    422,
    '只能选择本级以下的县（市、区）教育工会或高校工会',
    'Only city, county or university unions below you can be served',
  ],
  LEGAL_AID_SERVES_OWN_UNION_ONLY: [
    422,
    '本工会建立的名录只服务本工会',
    "A union's own roster entry serves that union only",
  ],
  LEGAL_AID_NOT_OWNER: [
    403,
    '该名录条目由{owner}维护，您只能查看',
    'This entry is kept by {owner}; you can only view it',
  ],
  LEGAL_AID_PROVIDER_NOT_SERVING: [
    422,
    '该法律援助人员不在服务本工会的名录中',
    'That lawyer or volunteer is not on the roster serving this union',
  ],
  LEGAL_AID_PROVIDER_INACTIVE: [
    422,
    '该法律援助人员已停用，不能指派',
    'That lawyer or volunteer is deactivated and cannot be assigned',
  ],
  LEGAL_AID_ALREADY_ASSIGNED: [
    409,
    '该人员已指派到本案且尚未结束',
    'That person is already assigned to this case and the assignment has not ended',
  ],
  LEGAL_AID_CASE_CLOSED: [
    409,
    '案件已结案、不予受理或已撤回，不能再指派法律援助',
    'The case is closed, declined or withdrawn; no one can be assigned to it now',
  ],
  LEGAL_AID_ENDED_BEFORE_ASSIGNED: [
    422,
    '结束日期不能早于指派日期',
    'The end date cannot be before the date assigned',
  ],
  SESSION_STAGE_NOT_REACHED: [
    409,
    '案件尚未进入该阶段：调解会须在申请调解后记录，仲裁庭审须在申请仲裁后，法院庭审须在起诉后',
    'The case has not reached that stage: a mediation session needs mediation applied for, an arbitration hearing arbitration applied for, a court hearing a suit filed',
  ],
  SESSION_BEFORE_STAGE: [
    422,
    '日期不能早于该阶段开始之日（{from}）',
    'The date cannot be before the stage began ({from})',
  ],
  SESSION_AFTER_STAGE: [
    422,
    '该阶段已于 {to} 结束，日期不能晚于此日',
    'The stage ended on {to}; the date cannot be after it',
  ],
} as const satisfies MessageTable;
