import type { MessageTable } from '../common/message-table';

/** This capability's error codes (merged into the API's MESSAGES). */
export const SUPERVISION_MESSAGES = {
  SUPERVISION_INVALID: [422, '监督检查记录有 {count} 处问题', 'The supervision record has {count} problems'],
  SUPERVISION_SCHOOL_NOT_IN_SCOPE: [422, '请选择本单位管辖范围内的学校', 'Choose a school in your scope'],
  SUPERVISION_RECTIFY_BY_REQUIRED: [
    422,
    '发现问题时须填写整改期限',
    'Set a rectification deadline for the findings',
  ],
  SUPERVISION_RECTIFY_BY_BEFORE_VISIT: [
    422,
    '整改期限不能早于检查日期',
    'The rectification deadline cannot be before the visit',
  ],
  SUPERVISION_RECTIFY_BY_WITHOUT_FINDINGS: [
    422,
    '未发现问题，无需整改期限',
    'No findings, so no rectification deadline',
  ],
  SUPERVISION_FINDING_NOT_DESCRIBED: [
    422,
    '该项标记为“发现问题”，请在问题清单中写明',
    'This check is marked as a finding: describe it in the findings',
  ],
  SUPERVISION_FINDING_CHECK_NOT_MARKED: [
    422,
    '该问题所属的检查项未标记为“发现问题”',
    'The check this finding is about is not marked as a finding',
  ],
  SUPERVISION_RECTIFIED_BEFORE_VISIT: [
    422,
    '整改完成日期不能早于检查日期',
    'The date rectified cannot be before the visit',
  ],
  SUPERVISION_VISIT_AFTER_RECTIFIED: [
    422,
    '检查日期不能晚于已记录的整改完成日期',
    'The visit cannot be after the recorded date rectified',
  ],
  SUPERVISION_NO_FINDINGS: [
    409,
    '该次检查未发现问题，无需整改跟进',
    'This visit has no findings to follow up',
  ],
} as const satisfies MessageTable;
