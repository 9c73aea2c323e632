import type { MessageTable } from '../common/message-table';

/** This capability's error codes (merged into the API's MESSAGES). */
export const CASE_DOCUMENT_MESSAGES = {
  CASE_DOCUMENT_FILE_MISSING: [
    400,
    '请选择要上传的文件（表单字段 file）',
    'Attach the file as the multipart field "file"',
  ],
  CASE_DOCUMENT_EMPTY: [422, '文件是空的（0 字节）', 'The file is empty (0 bytes)'],
  CASE_DOCUMENT_TOO_LARGE: [
    413,
    '文件过大：每个文件不能超过 20 MB',
    'The file is too large: each file may be at most 20 MB',
  ],
  CASE_DOCUMENT_TYPE: [
    415,
    '只能上传 PDF、JPEG/PNG 图片或 Word（.docx）文件；文件类型按内容识别，改扩展名无效',
    'Only PDF, JPEG/PNG images or Word (.docx) files; the type is read from the content, not the name',
  ],
  CASE_DOCUMENT_EXTENSION_MISMATCH: [
    415,
    '文件内容是 {actual}，与文件名的扩展名不符，请使用 {expected} 扩展名',
    'The content is {actual}, which does not match the file name; name it {expected}',
  ],
  CASE_DOCUMENTS_FULL: [422, '每个案件最多保存 {max} 个文件', 'A case holds at most {max} files'],
  CASE_DOCUMENT_CASE_CLOSED: [
    409,
    '案件已结束，不能再补充证据；如有新材料请联系维权专员',
    'The case has ended; evidence can no longer be added. Contact your case handler about new material',
  ],
  CASE_DOCUMENT_APPLICANT_UPLOAD: [
    422,
    '教师本人提交的证据始终对其可见，类型固定为“证据”',
    'Evidence the teacher submitted stays shared with them and stays evidence',
  ],
  CASE_DOCUMENT_UNAVAILABLE: [
    500,
    '文件无法读取或校验失败，已停止下载，请联系系统管理员',
    'The file cannot be read or failed its checksum; the download was stopped. Contact the administrator',
  ],
} as const satisfies MessageTable;
