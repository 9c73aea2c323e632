import type { MessageTable } from './message-table';
import { CASE_DOCUMENT_MESSAGES } from '../case-documents/messages';
import { LEGAL_AID_MESSAGES } from '../legal-aid/messages';
import { SUPERVISION_MESSAGES } from '../supervision/messages';
import { CASE_REPORT_MESSAGES } from '../case-reports/messages';
import { HOLIDAY_MESSAGES } from '../holidays/messages';

/** The platform's own codes; each capability below adds its own from its folder. */
const CORE_MESSAGES = {
  VALIDATION_FAILED: [400, '请求内容不符合要求', 'The request is not valid'],
  MALFORMED_JSON: [400, '请求内容不是合法的 JSON', 'The request body is not valid JSON'],
  UNSUPPORTED_MEDIA_TYPE: [
    415,
    '请求内容类型不受支持，请使用 application/json',
    'Unsupported content type; send application/json',
  ],
  PAYLOAD_TOO_LARGE: [413, '请求内容过大（上限 1 MB）', 'The request body is too large (limit 1 MB)'],
  UNAUTHENTICATED: [401, '请先登录', 'Please log in'],
  TOKEN_EXPIRED: [401, '登录凭证已过期，请刷新', 'The access token has expired; refresh it'],
  SESSION_EXPIRED: [401, '会话已结束，请重新登录', 'The session has ended; please log in again'],
  INVALID_CREDENTIALS: [401, '用户名或密码错误', 'Wrong username or password'],
  REFRESH_TOKEN_INVALID: [
    401,
    '刷新凭证无效，请重新登录',
    'The refresh token is not valid; please log in again',
  ],
  REFRESH_TOKEN_REUSED: [
    401,
    '刷新凭证被重复使用，为安全起见该会话已全部注销',
    'A refresh token was reused; the session has been revoked for safety',
  ],
  MFA_REQUIRED: [401, '请输入两步验证码', 'Enter your two-factor code'],
  MFA_INVALID: [401, '两步验证码错误', 'Wrong two-factor code'],
  ACCOUNT_LOCKED: [
    423,
    '登录失败次数过多，账号已锁定，请 {minutes} 分钟后再试或联系管理员',
    'Too many failed logins; the account is locked. Try again in {minutes} minutes or ask an administrator',
  ],
  ACCOUNT_DISABLED: [403, '账号已停用，请联系管理员', 'The account is disabled; ask an administrator'],
  FORBIDDEN: [403, '您没有执行此操作的权限', 'You do not have permission to do this'],
  PASSWORD_CHANGE_REQUIRED: [403, '请先修改初始密码', 'Change your temporary password first'],
  MFA_ENROLLMENT_REQUIRED: [
    403,
    '管理员须先启用两步验证',
    'Administrators must set up two-factor authentication first',
  ],
  ROLE_NOT_ASSIGNABLE: [403, '不能授予高于自身的角色', 'You cannot give a role wider than your own'],
  NOT_FOUND: [404, '未找到该资源，或您无权访问', 'Not found, or not yours to see'],
  ROUTE_NOT_FOUND: [404, '接口不存在', 'No such endpoint'],
  STALE_VERSION: [409, '数据已被他人修改，请刷新后重试', 'Someone else changed this; reload and try again'],
  USERNAME_TAKEN: [409, '用户名已被使用', 'That username is taken'],
  ORG_CODE_TAKEN: [409, '同级组织中已有此代码', 'A sibling organisation already has this code'],
  ORG_KIND_NOT_ALLOWED: [
    422,
    '该上级组织下不能建立此类组织',
    'This kind of organisation cannot sit under that parent',
  ],
  ORG_MOVE_CYCLE: [
    422,
    '不能把组织移动到它自己或其下级之下',
    'An organisation cannot move under itself or its descendants',
  ],
  ORG_NOT_BELOW_SCOPE: [403, '只能管理本级以下的组织', 'You can only manage organisations below your own'],
  ORG_INACTIVE: [422, '该组织已停用', 'That organisation is inactive'],
  ORG_NOT_TENANT: [
    422,
    '只有县（区）、市级工会和高校工会有密码规则',
    'Only tenant unions have a password policy',
  ],
  ROLE_ORG_MISMATCH: [
    422,
    '该角色不能设在此类组织',
    'That role does not belong at this kind of organisation',
  ],
  PASSWORD_POLICY: [422, '密码不符合安全要求', 'The password does not meet the policy'],
  PASSWORD_TOO_SHORT: [422, '密码至少 {minLength} 位', 'At least {minLength} characters'],
  PASSWORD_TOO_FEW_CLASSES: [
    422,
    '密码须包含大写字母、小写字母、数字、符号中的至少 {minClasses} 类',
    'Use at least {minClasses} of: upper case, lower case, digits, symbols',
  ],
  PASSWORD_COMMON: [422, '这是常见密码，容易被猜中', 'This is a common password, easy to guess'],
  PASSWORD_CONTAINS_USERNAME: [422, '密码不能包含用户名', 'The password must not contain the username'],
  PASSWORD_WRONG: [422, '当前密码不正确', 'The current password is wrong'],
  PASSWORD_UNCHANGED: [422, '新密码不能与当前密码相同', 'The new password must differ from the current one'],
  MFA_NOT_SET_UP: [422, '请先开始两步验证设置', 'Start two-factor setup first'],
  CANNOT_DISABLE_SELF: [422, '不能停用自己的账号', 'You cannot disable your own account'],
  USERNAME_FORMAT: [
    400,
    '用户名为 3–64 位小写字母、数字、点、连字符或下划线，以字母或数字开头',
    '3–64 lower-case letters, digits, dots, hyphens or underscores, starting with a letter or digit',
  ],
  ORG_CODE_FORMAT: [
    400,
    '代码为 1–32 位小写字母、数字或连字符',
    '1–32 lower-case letters, digits or hyphens',
  ],
  ID_NUMBER_FORMAT: [
    400,
    '身份证号应为 18 位：17 位数字加 1 位数字或 X',
    'An ID number is 17 digits and a digit or X',
  ],
  ID_NUMBER_LENGTH: [422, '身份证号应为 18 位', 'An ID number has 18 characters'],
  ID_NUMBER_CHECKSUM: [422, '身份证号校验位不正确，请核对', 'The ID number’s check digit is wrong'],
  ID_NUMBER_BIRTH_DATE: [
    422,
    '身份证号中的出生日期不存在',
    'The birth date inside the ID number is not a real date',
  ],
  ID_NUMBER_BIRTH_DATE_MISMATCH: [
    422,
    '出生日期与身份证号不一致',
    'The birth date does not match the ID number',
  ],
  ID_NUMBER_SEX_MISMATCH: [422, '性别与身份证号不一致', 'The sex does not match the ID number'],
  PHONE_FORMAT: [400, '手机号应为 11 位，以 1 开头', 'A mobile number has 11 digits starting with 1'],
  DATE_IN_FUTURE: [422, '日期不能晚于今天', 'The date cannot be in the future'],
  TEACHING_BEFORE_AGE_16: [422, '从教时间不能早于年满 16 周岁', 'Teaching cannot start before the age of 16'],
  JOINED_BEFORE_TEACHING: [
    422,
    '到校时间不能早于从教时间',
    'Joining the school cannot precede starting to teach',
  ],
  POSITION_BEFORE_TEACHING: [
    422,
    '任职时间不能早于从教时间',
    'Holding the position cannot precede starting to teach',
  ],
  TEACHER_EXISTS: [
    409,
    '本单位已有此身份证号的教师档案',
    'A record with this ID number already exists in this union',
  ],
  ORG_NOT_A_UNIT: [422, '教师只能归属于学校或院系', 'A teacher belongs to a school or department'],
  TEACHER_NOT_ACTIVE: [422, '该教师不在职', 'This teacher is not active'],
  FAMILY_LINK_SELF: [422, '不能与自己建立亲属关系', 'A teacher cannot be their own relative'],
  NO_TEACHER_RECORD: [
    404,
    '您的账号尚未关联教师档案，请联系学校工会',
    'Your account is not linked to a teacher record; ask your school union',
  ],
  ACCOUNT_NOT_A_TEACHER: [
    422,
    '只能关联角色为“教师”且在同一学校的账号',
    'Only a teacher account of the same school can be linked',
  ],
  ACCOUNT_ALREADY_LINKED: [
    409,
    '该账号已关联其他教师档案',
    'That account is already linked to another record',
  ],
  CORRECTION_RESOLVED: [409, '该申请已处理', 'This request has already been resolved'],
  TRANSFER_TARGET_INVALID: [422, '请选择其他工会作为调入单位', 'Choose another union to transfer to'],
  TRANSFER_PENDING: [409, '该教师已有待处理的调动申请', 'This teacher already has a pending transfer'],
  TRANSFER_NOT_PENDING: [409, '该调动申请已处理', 'This transfer has already been decided'],
  FILE_TOO_LARGE: [413, '上传的文件过大（上限 20 MB）', 'The file is too large (limit 20 MB)'],
  CARE_ATTACHMENT_TYPE: [
    415,
    '只能上传 PDF、PNG/JPEG 图片或 Word/Excel（.docx/.xlsx）文件',
    'Only PDF, PNG/JPEG images or Word/Excel (.docx/.xlsx) files can be attached',
  ],
  CARE_ATTACHMENTS_FULL: [422, '每条关爱记录最多 20 个附件', 'A care record holds at most 20 files'],
  IMPORT_FILE_MISSING: [
    400,
    '请选择要上传的文件（表单字段 file）',
    'Attach the file as the multipart field "file"',
  ],
  IMPORT_FILE_EMPTY: [422, '上传的文件是空的', 'The file is empty'],
  IMPORT_FILE_NOT_SPREADSHEET: [
    422,
    '文件不是 .xlsx 或 .csv 表格',
    'The file is not an .xlsx workbook or a .csv table',
  ],
  IMPORT_FILE_LEGACY: [
    422,
    '不支持旧版 .xls 或设有密码的工作簿，请在 Excel 中另存为 .xlsx 后上传',
    'Legacy .xls and password-protected workbooks are not supported; save as .xlsx',
  ],
  IMPORT_FILE_UNREADABLE: [
    422,
    '无法读取该表格，文件可能已损坏',
    'The file cannot be read; it may be damaged',
  ],
  IMPORT_FILE_TOO_BIG_UNCOMPRESSED: [
    422,
    '表格解压后超过 200 MB，已拒绝（可能是恶意文件）',
    'The workbook expands to more than 200 MB and was refused (possibly a zip bomb)',
  ],
  IMPORT_TOO_MANY_ROWS: [
    422,
    '表格超过 {max} 行，请分成几个文件导入',
    'More than {max} rows; split the file',
  ],
  IMPORT_FILE_ENCODING: [
    422,
    '无法识别 CSV 文件的编码，请保存为 UTF-8 或 GBK 编码',
    'Unrecognised CSV encoding; save it as UTF-8 or GBK',
  ],
  IMPORT_NO_HEADER: [422, '表格中没有找到表头行', 'No header row found'],
  IMPORT_NO_ROWS: [422, '表格中只有表头，没有数据行', 'The file has a header but no data rows'],
  IMPORT_FILE_EXPIRED: [
    410,
    '上传的文件已过保留期被删除，请重新上传',
    'The uploaded file was removed after its retention period; upload it again',
  ],
  IMPORT_REJECTS_EXPIRED: [
    410,
    '未通过行的明细已过保留期（30 天）被删除',
    'The rejected rows were removed after their retention period (30 days)',
  ],
  IMPORT_NOT_EDITABLE: [
    409,
    '导入已开始，不能再修改列的对应关系',
    'The import has started; its mapping can no longer change',
  ],
  IMPORT_UNKNOWN_HEADER: [422, '文件中没有“{header}”这一列', 'The file has no column "{header}"'],
  IMPORT_FIELD_MAPPED_TWICE: [
    422,
    '“{field}”对应了多列，每个字段只能对应一列',
    '"{field}" is mapped to more than one column',
  ],
  IMPORT_MAPPING_INCOMPLETE: [
    422,
    '还有必填字段没有对应的列：{fields}',
    'Required fields without a column: {fields}',
  ],
  IMPORT_NOT_FINISHED: [409, '导入尚未完成', 'The import has not finished'],
  FAMILY_LINK_EITHER: [
    400,
    '请选择系统内的教师，或填写系统外亲属的姓名和是否从事教育工作（二选一）',
    'Pick a teacher in the registry, or give an outside relative’s name and whether they work in education',
  ],
  // Programme templates and the programmes tenants adopt (issue 4).
  KEY_FORMAT: [
    400,
    '标识为 1–63 位小写字母、数字、下划线或连字符，以字母或数字开头',
    '1–63 lower-case letters, digits, underscores or hyphens, starting with a letter or digit',
  ],
  MONTH_DAY_FORMAT: [400, '日期应为“月-日”格式，如 09-01', 'A day of the year as MM-DD, e.g. 09-01'],
  TEMPLATE_SOURCE_EITHER: [
    400,
    '请选择一个内置模板，或一个已发布的版本（二选一）',
    'Start from a built-in template or from a published version, not both',
  ],
  BUILTIN_TEMPLATE_UNKNOWN: [422, '没有这个内置模板', 'No such built-in template'],
  TEMPLATE_KEY_TAKEN: [409, '本级已有此标识的方案模板', 'A template with this key already exists here'],
  TEMPLATE_KEY_MISMATCH: [
    422,
    '方案内容的标识须与模板标识一致：{key}',
    "The document's key must be the template's key: {key}",
  ],
  TEMPLATE_INVALID: [
    422,
    '方案模板有 {count} 处问题，请逐项修改',
    'The template has {count} problem(s); see each field',
  ],
  TEMPLATE_EMPTY_KEY: [422, '标识不能为空', 'The key cannot be empty'],
  TEMPLATE_DUPLICATE_KEY: [422, '标识与同类的其他条目重复', 'Another entry of the same kind has this key'],
  TEMPLATE_UNKNOWN_ACTIVITY_TYPE: [422, '没有这种活动类型', 'No such activity type'],
  TEMPLATE_NO_ACTIVITY_TYPES: [
    422,
    '指标至少要统计一种活动类型',
    'An indicator counts at least one activity type',
  ],
  TEMPLATE_ACTIVITY_TYPE_NOT_IN_MEASURE: [
    422,
    '该活动类型不在本措施的活动类型中',
    "The activity type is not one of the measure's",
  ],
  TEMPLATE_ACTIVITY_TYPE_WITHOUT_AMOUNT: [
    422,
    '金额类指标只能统计带金额的活动类型',
    'An amount indicator counts only activity types that carry an amount',
  ],
  TEMPLATE_TARGET_NOT_INTEGER: [422, '目标值须为整数', 'The target must be a whole number'],
  TEMPLATE_TARGET_NEGATIVE: [422, '目标值不能为负数', 'The target cannot be negative'],
  TEMPLATE_RATIO_OUT_OF_RANGE: [
    422,
    '比例不能超过 100%（10000 基点）',
    'A ratio cannot exceed 100 % (10000 basis points)',
  ],
  TEMPLATE_ADJUSTABLE_INVALID: [
    422,
    '可调整范围无效：上下限须为有效目标值，且下限不大于上限',
    'The adjustable range is invalid: both ends must be valid targets, min ≤ max',
  ],
  TEMPLATE_TARGET_OUTSIDE_ADJUSTABLE: [
    422,
    '目标值须在可调整范围之内',
    'The target must lie within the adjustable range',
  ],
  TEMPLATE_ELIGIBLE_GROUP_MISSING: [
    422,
    '“符合条件人员比例”指标须指定人员范围',
    'An eligible-ratio indicator needs its eligible group',
  ],
  TEMPLATE_ELIGIBLE_GROUP_UNEXPECTED: [
    422,
    '只有“符合条件人员比例”指标才设人员范围',
    'Only an eligible-ratio indicator has an eligible group',
  ],
  TEMPLATE_LEVEL_NOT_SUPPORTED: [
    422,
    '“符合条件人员比例”指标只能按工会整体统计',
    'An eligible-ratio indicator is counted for the union as a whole',
  ],
  TEMPLATE_CLAUSE_QUOTE_NOT_IN_TEXT: [
    422,
    '依据原文须是本措施条文中的一段原话',
    "The quote must be words of the measure's text",
  ],
  TEMPLATE_LEAD_DAYS_NOT_INTEGER: [422, '提前天数须为整数', 'The lead time must be a whole number of days'],
  TEMPLATE_LEAD_DAYS_NEGATIVE: [422, '提前天数不能为负数', 'The lead time cannot be negative'],
  TEMPLATE_ROLE_REQUIRED: [
    422,
    '提醒对象为“指定角色”时须选择角色',
    "Choose the role when the audience is 'a named role'",
  ],
  TEMPLATE_ROLE_UNEXPECTED: [
    422,
    '只有提醒对象为“指定角色”时才选择角色',
    "A role is chosen only for the audience 'a named role'",
  ],
  TEMPLATE_YEARS_REQUIRED: [
    422,
    '请填写周年数（如 10、20、30）',
    'Give the milestone years (such as 10, 20, 30)',
  ],
  TEMPLATE_YEARS_UNEXPECTED: [422, '这种纪念日不填周年数', 'This anniversary takes no milestone years'],
  TEMPLATE_UNKNOWN_INDICATOR: [422, '模板中没有这个指标', 'No indicator with this key in the template'],
  TEMPLATE_INVALID_MONTH_DAY: [
    422,
    '不是每年都有的日期（如 02-30、02-29）',
    'Not a day every year has (such as 02-30 or 02-29)',
  ],
  NOTHING_TO_PUBLISH: [
    422,
    '草稿与最新发布的版本相同，无需发布',
    'The draft is the same as the latest published version',
  ],
  PROGRAMME_EXISTS: [
    409,
    '本单位该年度已采用此方案',
    'This union has already adopted this template for the year',
  ],
  PROGRAMME_INVALID: [
    422,
    '年度方案有 {count} 处问题，请逐项修改',
    'The programme has {count} problem(s); see each field',
  ],
  PROGRAMME_UPGRADE_INVALID: [
    422,
    '只能升级到同一模板更新的已发布版本',
    'Upgrade only to a newer published version of the same template',
  ],
  TARGET_UNKNOWN_INDICATOR: [
    422,
    '所采用的版本中没有这个指标',
    'The adopted version has no indicator with this key',
  ],
  TARGET_NOT_INTEGER: [422, '目标值须为整数', 'The target must be a whole number'],
  TARGET_NEGATIVE: [422, '目标值不能为负数', 'The target cannot be negative'],
  TARGET_RATIO_OUT_OF_RANGE: [
    422,
    '比例不能超过 100%（10000 基点）',
    'A ratio cannot exceed 100 % (10000 basis points)',
  ],
  TARGET_NOT_ADJUSTABLE: [
    422,
    '省级工会未允许调整该指标的目标（固定为 {target}）',
    'The province fixed this target at {target}',
  ],
  TARGET_BELOW_MIN: [
    422,
    '目标不能低于 {min}（允许范围 {min}–{max}）',
    'The target cannot be below {min} (allowed {min}–{max})',
  ],
  TARGET_ABOVE_MAX: [
    422,
    '目标不能高于 {max}（允许范围 {min}–{max}）',
    'The target cannot be above {max} (allowed {min}–{max})',
  ],
  BUDGET_UNKNOWN_MEASURE: [
    422,
    '所采用的版本中没有这项措施',
    'The adopted version has no measure with this key',
  ],
  SEMESTER_INVALID_DAY: [
    422,
    '不是每年都有的日期（如 02-30、02-29）',
    'Not a day every year has (such as 02-30 or 02-29)',
  ],
  SEMESTER_ORDER: [
    422,
    '第二学期（春季）开始日须早于第一学期（秋季）开始日',
    'The spring semester must start earlier in the year than the autumn one',
  ],
  // Care records (关爱记录). AMOUNT_* are the contracts' own messages for amountFen (zod reports them).
  AMOUNT_NEGATIVE: [400, '金额不能为负数', 'The amount cannot be negative'],
  AMOUNT_NOT_INTEGER: [
    400,
    '金额以“分”为单位，须为整数（如 100 元填 10000）',
    'The amount is in fen and must be a whole number (100 yuan is 10000)',
  ],
  DATE_TOO_EARLY: [422, '日期不能早于 2000-01-01', 'The date cannot be before 2000-01-01'],
  CARE_ORG_NOT_A_UNIT: [
    422,
    '开展单位须为学校、院系或本级工会',
    'The unit must be a school, a department or the union itself',
  ],
  CARE_MEASURE_WITHOUT_PROGRAMME: [
    422,
    '选择措施前请先选择关爱方案',
    'Choose the programme before one of its measures',
  ],
  CARE_MEASURE_UNKNOWN: [422, '所选方案中没有这项措施', 'The programme has no measure with this key'],
  CARE_ACTIVITY_NOT_IN_MEASURE: [
    422,
    '该措施不包含此类活动，请选择措施所列的活动类型',
    'The measure does not list this activity type',
  ],
  CARE_PARTICIPANTS_INVALID: [
    422,
    '有 {count} 名参与教师无法登记，请逐项核对',
    '{count} participant(s) cannot be recorded; see each field',
  ],
  CARE_TEACHER_NOT_IN_SCOPE: [422, '该教师不存在，或不在您的管理范围内', 'No such teacher in your scope'],
  CARE_ID_NUMBER_NOT_FOUND: [
    422,
    '您的管理范围内没有此身份证号的教师',
    'No teacher in your scope has this ID number',
  ],
  CARE_NOT_A_PARTICIPANT: [
    422,
    '该教师不是本记录的参与教师',
    'This teacher is not a participant of the record',
  ],
  CARE_TOO_MANY_PARTICIPANTS: [
    422,
    '一条记录最多 {max} 名参与教师，请分成几条记录',
    'At most {max} participants per record; split the activity',
  ],
  CARE_FOLLOW_UP_BEFORE_ACTIVITY: [
    422,
    '回访日期不能早于活动日期',
    'The follow-up date cannot be before the activity date',
  ],
  CARE_PARTICIPANTS_BEYOND_SCOPE: [
    422,
    '本记录有您管理范围以外的参与教师，不能修改活动类型或日期，请联系上级工会',
    'The record has participants outside your scope; ask the union above to change its type or date',
  ],
  // Compliance (达标情况).
  COMPLIANCE_DAY_OUTSIDE_YEAR: [
    400,
    '日期须在方案所属年度（{year} 年）之内',
    'The day must fall in the programme’s year ({year})',
  ],
  COMPLIANCE_INDICATOR_NOT_FOUND: [404, '该方案中没有此指标', 'The programme has no such indicator'],
  COMPLIANCE_ORG_NOT_A_UNIT: [
    422,
    '请选择该方案所属工会下的学校或院系',
    'Choose a school or department of the union that adopted the programme',
  ],
  COMPLIANCE_TENANT_LEVEL: [
    403,
    '该指标按工会整体考核，由县（市、区）或高校工会查看',
    'This indicator is held by the union as a whole; its officers see it',
  ],
  // Reminders (提醒) and notifications.
  LEAD_DAYS_NOT_INTEGER: [400, '提前天数须为整数', 'The lead time must be a whole number of days'],
  LEAD_DAYS_NEGATIVE: [400, '提前天数不能为负数', 'The lead time cannot be negative'],
  REMINDER_CLOSED: [409, '该提醒已办结或已忽略', 'This reminder is already done or dismissed'],
  REMINDER_SNOOZE_NOT_FUTURE: [
    422,
    '延后日期须晚于今天，且不超过一年',
    'Snooze to a day after today and within a year',
  ],
  REMINDER_NO_PROGRAMME: [
    422,
    '该提醒不属于任何方案，无法记录关爱活动',
    'The reminder belongs to no programme; no care can be recorded from it',
  ],
  REMINDER_RULE_UNKNOWN: [422, '方案中没有此提醒规则', 'The programme has no such reminder rule'],
  REMINDER_RULE_INVALID: [
    422,
    '自定义提醒规则有 {count} 处问题',
    'The custom reminder rules have {count} problems',
  ],
  REMINDER_ROLE_REQUIRED: [
    422,
    '提醒对象为“指定角色”时须选择角色',
    "Choose the role when the audience is 'a named role'",
  ],
  REMINDER_SCHEDULE_NOT_TENANT: [
    403,
    '只有县（市、区）和高校工会设置每日提醒时间',
    'Only tenant unions set the daily reminder time',
  ],
  TIME_ZONE_UNKNOWN: [422, '未知的时区（如 Asia/Shanghai）', 'Unknown time zone (such as Asia/Shanghai)'],
  EMAIL_FORMAT: [400, '邮箱地址格式不正确', 'Not an email address'],
  URL_FORMAT: [400, '网址格式不正确', 'Not a web address'],
  QUIET_HOURS_EMPTY: [
    400,
    '免打扰的开始和结束时间不能相同',
    'Quiet hours cannot start and end at the same time',
  ],
  TIME_FORMAT: [400, '时间格式应为 HH:MM', 'Write the time as HH:MM'],
  NOTIFY_EMAIL_REQUIRED: [422, '开启邮件通知须填写邮箱地址', 'Give an email address to receive email'],
  NOTIFY_WEBHOOK_REQUIRED: [
    422,
    '开启群机器人通知须填写机器人地址',
    'Give the robot’s webhook address to use it',
  ],
  NOTIFY_CHANNEL_UNAVAILABLE: [
    422,
    '平台尚未配置邮件服务，暂不能开启邮件通知',
    'Email is not configured on this platform',
  ],
  WEBHOOK_NOT_HTTPS: [422, '机器人地址须为 https', 'The webhook address must use https'],
  WEBHOOK_PRIVATE_ADDRESS: [
    422,
    '机器人地址不能指向内网或本机地址',
    'The webhook address may not point at a private or loopback address',
  ],
  WEBHOOK_UNRESOLVABLE: [422, '无法解析机器人地址的域名', 'The webhook host name does not resolve'],
  // Dispute cases (劳动人事争议维权案件, issue 6).
  CASE_INVALID: [422, '案件信息有 {count} 处问题', 'The case has {count} problems'],
  CASE_TRANSITION_NOT_ALLOWED: [
    409,
    '案件当前状态下不能执行此操作',
    'This action cannot be taken on the case in its current state',
  ],
  CASE_SKIPS_MEDIATION: [
    409,
    '须先经过调解，才能申请仲裁或诉讼',
    'The case must go through mediation before arbitration or litigation',
  ],
  CASE_REASON_REQUIRED: [422, '请填写原因', 'Give the reason'],
  CASE_MEDIATOR_REQUIRED: [422, '请填写调解员或调解组织', 'Name the mediator or mediation organisation'],
  CASE_DATE_REQUIRED: [422, '请填写日期', 'Give the date'],
  CASE_DATE_INVALID: [422, '日期不存在', 'Not a real date'],
  CASE_DATE_OUT_OF_ORDER: [
    422,
    '日期先后顺序不对（如申请仲裁早于知道权利被侵害之日）',
    'The dates are out of order (such as arbitration applied for before the infringement was known)',
  ],
  CASE_OUTCOME_REQUIRED: [422, '请选择结案结果', 'Choose how the case ended'],
  CASE_AMOUNT_REQUIRED: [
    422,
    '请填写追回金额（分），没有追回填 0',
    'Give the amount recovered in fen (0 when none)',
  ],
  CASE_EXTENSION_OUT_OF_RANGE: [
    422,
    '延长审理期限为 1–15 日',
    'The award period is extended by 1 to 15 days',
  ],
  CASE_EXTENSION_WITHOUT_ACCEPTANCE: [
    422,
    '仲裁受理后才能延长审理期限',
    'The award period can only be extended once arbitration was accepted',
  ],
  CASE_DEADLINE_DUPLICATE: [422, '自定义期限的编号重复', 'Two custom deadlines have the same id'],
  CASE_DEADLINE_LABEL_REQUIRED: [422, '请填写期限名称', 'Name the deadline'],
  CASE_DEADLINE_WARNING_INVALID: [
    422,
    '提前提醒天数须为非负整数',
    'Warning days must be whole numbers, not negative',
  ],
  CASE_APPLICANT_NOT_IN_SCOPE: [
    422,
    '申请人须为本单位的教师',
    'An applicant must be a teacher in your scope',
  ],
  CASE_HANDLER_INVALID: [
    422,
    '承办人须为本工会在职的维权专员或管理员',
    "The handler must be an active case handler or administrator of the case's union",
  ],
  CASE_RESPONDENT_NOT_A_SCHOOL: [
    422,
    '被申请人须为本单位的学校或院系',
    'The respondent must be a school or department in your scope',
  ],
  RATE_LIMITED: [429, '请求过于频繁，请稍后再试', 'Too many requests; try again later'],
  INTERNAL: [500, '服务器内部错误，请稍后再试', 'Something went wrong on our side; try again later'],
  UNAVAILABLE: [503, '服务暂不可用', 'Service unavailable'],
} as const satisfies MessageTable;

/** Every error code the API answers with, its HTTP status and its message in both languages. */
export const MESSAGES = {
  ...CORE_MESSAGES,
  ...CASE_DOCUMENT_MESSAGES,
  ...LEGAL_AID_MESSAGES,
  ...SUPERVISION_MESSAGES,
  ...CASE_REPORT_MESSAGES,
  ...HOLIDAY_MESSAGES,
} as const satisfies MessageTable;

export type ErrorCode = keyof typeof MESSAGES;

export function format(template: string, params: Record<string, unknown> = {}): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? `{${k}}`));
}
