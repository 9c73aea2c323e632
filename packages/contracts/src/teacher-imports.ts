import { z } from 'zod';
import { Id } from './common';

/** The fields a spreadsheet column can be mapped to (see TEACHER_IMPORT_HEADERS for the Chinese names). */
export const IMPORT_FIELDS = [
  'name',
  'sex',
  'idNumber',
  'birthDate',
  'birthdayCalendar',
  'phone',
  'ethnicity',
  'politicalStatus',
  'maritalStatus',
  'orgCode',
  'orgName',
  'employmentType',
  'position',
  'positionSince',
  'subject',
  'stage',
  'title',
  'titleSince',
  'teachingSince',
  'joinedSchoolOn',
  'backbone',
  'unionJoinedOn',
  'unionStatus',
  'retirementCategory',
  'address',
  'tags',
  'notes',
] as const;
export const ImportField = z.enum(IMPORT_FIELDS);
export type ImportField = z.infer<typeof ImportField>;

/** The template's headers, and the other spellings county unions' own workbooks use for them. */
export const TEACHER_IMPORT_HEADERS: Record<ImportField, string[]> = {
  name: ['姓名', '教师姓名'],
  sex: ['性别'],
  idNumber: ['身份证号', '身份证号码', '公民身份号码', '身份证'],
  birthDate: ['出生日期', '出生年月', '生日'],
  birthdayCalendar: ['生日历法', '农历生日', '生日类型', '公历/农历'],
  phone: ['手机号', '手机号码', '联系电话', '电话'],
  ethnicity: ['民族'],
  politicalStatus: ['政治面貌'],
  maritalStatus: ['婚姻状况'],
  orgCode: ['学校代码', '单位代码'],
  orgName: ['学校', '学校名称', '所在学校', '单位', '工作单位'],
  employmentType: ['用工类型', '编制类型', '人员类别'],
  position: ['岗位', '职务'],
  positionSince: ['任职时间', '任现职时间', '现职务任职时间'],
  subject: ['任教学科', '学科'],
  stage: ['学段'],
  title: ['职称', '专业技术职称'],
  titleSince: ['职称取得时间', '评定时间'],
  teachingSince: ['从教时间', '参加工作时间', '从教日期'],
  joinedSchoolOn: ['到校时间', '调入本校时间'],
  backbone: ['骨干教师', '是否骨干'],
  unionJoinedOn: ['入会时间'],
  unionStatus: ['会籍状态'],
  retirementCategory: ['退休类别', '干部/工人'],
  address: ['家庭住址', '住址'],
  tags: ['标签'],
  notes: ['备注'],
};

export const ImportStatus = z.enum(['mapping', 'queued', 'running', 'done', 'failed']);

export const TeacherImport = z.object({
  id: Id,
  fileName: z.string(),
  status: ImportStatus,
  /** Each header of the file and the field it is mapped to (null: ignored). */
  columns: z.array(z.object({ header: z.string(), field: ImportField.nullable() })),
  /** Fields the file must provide that no column maps to yet. */
  missingFields: z.array(ImportField),
  total: z.number().int(),
  processed: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  rejected: z.number().int(),
  error: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type TeacherImport = z.infer<typeof TeacherImport>;

export const ImportMappingRequest = z.strictObject({
  columns: z.array(z.strictObject({ header: z.string(), field: ImportField.nullable() })).max(200),
});
export type ImportMappingRequest = z.infer<typeof ImportMappingRequest>;
