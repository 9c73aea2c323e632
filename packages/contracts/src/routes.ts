import { type z } from 'zod';
import { Ok, PageQuery, Problem } from './common';
import * as auth from './auth';
import * as orgs from './orgs';
import * as users from './users';
import * as audit from './audit';
import * as settings from './settings';
import * as teachers from './teachers';
import * as imports from './teacher-imports';
import * as requests from './teacher-requests';
import * as programmes from './programmes';
import * as care from './care-records';
import * as compliance from './compliance';
import type { Permission } from './roles';

export interface RouteContract {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** Express-style path under the global prefix, e.g. `/v1/users/:id`. */
  path: string;
  summary: string;
  tag: string;
  /** `public` routes need no login; `self` routes need only a login; otherwise a permission. */
  access: 'public' | 'self' | Permission;
  body?: z.ZodType;
  query?: z.ZodType;
  response?: z.ZodType;
  /** Content type of a non-JSON response. */
  produces?: string;
  /** HTTP status of success; 200 unless said (201 for creations). */
  status?: 200 | 201 | 204;
}

const r = (c: RouteContract) => c;

/** Every HTTP route of the API. The API's tests check each controller route is here, and vice versa. */
export const ROUTES = {
  healthLive: r({ method: 'get', path: '/health/live', summary: 'Liveness', tag: 'health', access: 'public', response: settings.Health }),
  healthReady: r({ method: 'get', path: '/health/ready', summary: 'Readiness: PostgreSQL and Redis', tag: 'health', access: 'public', response: settings.Health }),

  login: r({ method: 'post', path: '/v1/auth/login', summary: 'Log in', tag: 'auth', access: 'public', body: auth.LoginRequest, response: auth.TokenResponse }),
  refresh: r({ method: 'post', path: '/v1/auth/refresh', summary: 'Rotate the refresh token', tag: 'auth', access: 'public', body: auth.RefreshRequest, response: auth.TokenResponse }),
  logout: r({ method: 'post', path: '/v1/auth/logout', summary: 'End the session', tag: 'auth', access: 'self', body: auth.LogoutRequest, response: Ok }),

  me: r({ method: 'get', path: '/v1/me', summary: 'The logged-in user', tag: 'me', access: 'self', response: auth.Me }),
  changePassword: r({ method: 'post', path: '/v1/me/password', summary: 'Change my password', tag: 'me', access: 'self', body: auth.ChangePasswordRequest, response: Ok }),
  totpSetup: r({ method: 'post', path: '/v1/me/totp/setup', summary: 'Start TOTP enrolment', tag: 'me', access: 'self', response: auth.TotpSetupResponse }),
  totpEnable: r({ method: 'post', path: '/v1/me/totp/enable', summary: 'Confirm TOTP enrolment with a code', tag: 'me', access: 'self', body: auth.TotpCodeRequest, response: Ok }),
  totpDisable: r({ method: 'post', path: '/v1/me/totp/disable', summary: 'Remove my second factor', tag: 'me', access: 'self', body: auth.TotpCodeRequest, response: Ok }),

  listOrgs: r({ method: 'get', path: '/v1/orgs', summary: 'The organisation tree in my scope', tag: 'orgs', access: 'org.read', response: orgs.OrgList }),
  getOrg: r({ method: 'get', path: '/v1/orgs/:id', summary: 'One organisation', tag: 'orgs', access: 'org.read', response: orgs.Org }),
  createOrg: r({ method: 'post', path: '/v1/orgs', summary: 'Create an organisation below one in scope', tag: 'orgs', access: 'org.write', body: orgs.CreateOrgRequest, response: orgs.Org, status: 201 }),
  updateOrg: r({ method: 'patch', path: '/v1/orgs/:id', summary: 'Rename or recode an organisation', tag: 'orgs', access: 'org.write', body: orgs.UpdateOrgRequest, response: orgs.Org }),
  moveOrg: r({ method: 'post', path: '/v1/orgs/:id/move', summary: 'Move an organisation under another parent', tag: 'orgs', access: 'org.write', body: orgs.MoveOrgRequest, response: orgs.Org }),
  deactivateOrg: r({ method: 'post', path: '/v1/orgs/:id/deactivate', summary: 'Deactivate an organisation and its subtree', tag: 'orgs', access: 'org.write', body: orgs.VersionRequest, response: orgs.Org }),
  activateOrg: r({ method: 'post', path: '/v1/orgs/:id/activate', summary: 'Reactivate an organisation', tag: 'orgs', access: 'org.write', body: orgs.VersionRequest, response: orgs.Org }),
  getPasswordPolicy: r({ method: 'get', path: '/v1/orgs/:id/password-policy', summary: "A tenant's password policy", tag: 'orgs', access: 'settings.tenant', response: orgs.PasswordPolicy }),
  putPasswordPolicy: r({ method: 'put', path: '/v1/orgs/:id/password-policy', summary: "Set a tenant's password policy", tag: 'orgs', access: 'settings.tenant', body: orgs.PasswordPolicy, response: orgs.PasswordPolicy }),

  listUsers: r({ method: 'get', path: '/v1/users', summary: 'Users in my scope', tag: 'users', access: 'user.read', query: users.ListUsersQuery, response: users.UserPage }),
  getUser: r({ method: 'get', path: '/v1/users/:id', summary: 'One user', tag: 'users', access: 'user.read', response: users.User }),
  createUser: r({ method: 'post', path: '/v1/users', summary: 'Create a user', tag: 'users', access: 'user.write', body: users.CreateUserRequest, response: users.UserWithPassword, status: 201 }),
  updateUser: r({ method: 'patch', path: '/v1/users/:id', summary: "Change a user's name, role or organisation", tag: 'users', access: 'user.write', body: users.UpdateUserRequest, response: users.User }),
  disableUser: r({ method: 'post', path: '/v1/users/:id/disable', summary: 'Disable a user and end their sessions', tag: 'users', access: 'user.write', body: orgs.VersionRequest, response: users.User }),
  enableUser: r({ method: 'post', path: '/v1/users/:id/enable', summary: 'Enable a user', tag: 'users', access: 'user.write', body: orgs.VersionRequest, response: users.User }),
  unlockUser: r({ method: 'post', path: '/v1/users/:id/unlock', summary: 'Lift a lockout after failed logins', tag: 'users', access: 'user.write', body: orgs.VersionRequest, response: users.User }),
  resetPassword: r({ method: 'post', path: '/v1/users/:id/reset-password', summary: 'Reset a password to a temporary one', tag: 'users', access: 'user.write', body: orgs.VersionRequest, response: users.UserWithPassword }),

  listAuditEvents: r({ method: 'get', path: '/v1/audit-events', summary: 'Audit log in my scope', tag: 'audit', access: 'audit.read', query: audit.ListAuditEventsQuery, response: audit.AuditEventPage }),

  getPlatformSettings: r({ method: 'get', path: '/v1/platform-settings', summary: 'Platform settings', tag: 'settings', access: 'settings.platform', response: settings.PlatformSettings }),
  putPlatformSettings: r({ method: 'put', path: '/v1/platform-settings', summary: 'Change platform settings', tag: 'settings', access: 'settings.platform', body: settings.PlatformSettings, response: settings.PlatformSettings }),

  listTeachers: r({ method: 'get', path: '/v1/teachers', summary: 'Teachers in my scope, paged, filtered and sorted', tag: 'teachers', access: 'teacher.read', query: teachers.ListTeachersQuery, response: teachers.TeacherPage }),
  getTeacher: r({ method: 'get', path: '/v1/teachers/:id', summary: "A teacher's record with computed facts", tag: 'teachers', access: 'teacher.read', response: teachers.Teacher }),
  createTeacher: r({ method: 'post', path: '/v1/teachers', summary: 'Add a teacher to the registry', tag: 'teachers', access: 'teacher.write', body: teachers.CreateTeacherRequest, response: teachers.Teacher, status: 201 }),
  updateTeacher: r({ method: 'patch', path: '/v1/teachers/:id', summary: "Edit a teacher's record (stale version → 409)", tag: 'teachers', access: 'teacher.write', body: teachers.UpdateTeacherRequest, response: teachers.Teacher }),
  transferTeacher: r({ method: 'post', path: '/v1/teachers/:id/transfer', summary: 'Move a teacher to another school of the tenant', tag: 'teachers', access: 'teacher.write', body: teachers.TransferTeacherRequest, response: teachers.Teacher }),
  retireTeacher: r({ method: 'post', path: '/v1/teachers/:id/retire', summary: 'Mark a teacher retired', tag: 'teachers', access: 'teacher.write', body: teachers.RetireTeacherRequest, response: teachers.Teacher }),
  revealTeacher: r({ method: 'post', path: '/v1/teachers/:id/reveal', summary: 'Show one sensitive field in clear (audited)', tag: 'teachers', access: 'teacher.reveal', body: teachers.RevealRequest, response: teachers.RevealResponse }),
  addFamilyLink: r({ method: 'post', path: '/v1/teachers/:id/family', summary: 'Link a relative (for 教师之家 and 教师世家)', tag: 'teachers', access: 'teacher.write', body: teachers.AddFamilyLinkRequest, response: teachers.Teacher, status: 201 }),
  exportTeachers: r({ method: 'get', path: '/v1/teachers/export.xlsx', summary: 'The filtered list as .xlsx (masked)', tag: 'teachers', access: 'teacher.read', query: teachers.ListTeachersQuery, produces: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }),
  teacherImportTemplate: r({ method: 'get', path: '/v1/teacher-imports/template.xlsx', summary: 'The import template with Chinese headers', tag: 'teacher-imports', access: 'teacher.import', produces: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }),
  createTeacherImport: r({ method: 'post', path: '/v1/teacher-imports', summary: 'Upload .xlsx or .csv (UTF-8 or GBK), multipart field "file"; headers are matched by name', tag: 'teacher-imports', access: 'teacher.import', response: imports.TeacherImport, status: 201 }),
  getTeacherImport: r({ method: 'get', path: '/v1/teacher-imports/:id', summary: 'An import: mapping, progress and result', tag: 'teacher-imports', access: 'teacher.import', response: imports.TeacherImport }),
  mapTeacherImport: r({ method: 'put', path: '/v1/teacher-imports/:id/mapping', summary: 'Map unknown headers to fields', tag: 'teacher-imports', access: 'teacher.import', body: imports.ImportMappingRequest, response: imports.TeacherImport }),
  startTeacherImport: r({ method: 'post', path: '/v1/teacher-imports/:id/start', summary: 'Run the import as a background job', tag: 'teacher-imports', access: 'teacher.import', response: imports.TeacherImport }),
  teacherImportRejects: r({ method: 'get', path: '/v1/teacher-imports/:id/rejects.xlsx', summary: 'Rejected rows with the column and reason in Chinese', tag: 'teacher-imports', access: 'teacher.import', produces: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }),

  myTeacherRecord: r({ method: 'get', path: '/v1/me/teacher-record', summary: 'My own teacher record (a teacher account linked to it)', tag: 'self-service', access: 'self', response: teachers.Teacher }),
  myCorrections: r({ method: 'get', path: '/v1/me/teacher-record/corrections', summary: 'My correction requests', tag: 'self-service', access: 'self', response: requests.CorrectionPage }),
  requestCorrection: r({ method: 'post', path: '/v1/me/teacher-record/corrections', summary: 'Ask for a correction of my record', tag: 'self-service', access: 'self', body: requests.CreateCorrectionRequest, response: requests.Correction, status: 201 }),
  linkTeacherAccount: r({ method: 'put', path: '/v1/teachers/:id/account', summary: 'Link (or unlink) a teacher account to the record', tag: 'teachers', access: 'teacher.write', body: requests.LinkAccountRequest, response: teachers.Teacher }),
  listCorrections: r({ method: 'get', path: '/v1/teacher-corrections', summary: 'Correction requests from teachers in my scope', tag: 'teachers', access: 'teacher.write', query: requests.ListCorrectionsQuery, response: requests.CorrectionPage }),
  revealCorrection: r({ method: 'post', path: '/v1/teacher-corrections/:id/reveal', summary: "A correction's proposed sensitive value in clear (audited)", tag: 'teachers', access: 'teacher.reveal', body: requests.RevealCorrectionRequest, response: requests.RevealCorrectionResponse }),
  resolveCorrection: r({ method: 'post', path: '/v1/teacher-corrections/:id/resolve', summary: 'Accept or reject a correction request', tag: 'teachers', access: 'teacher.write', body: requests.ResolveCorrectionRequest, response: requests.Correction }),

  requestTenantTransfer: r({ method: 'post', path: '/v1/teachers/:id/tenant-transfers', summary: 'Ask another union to take a teacher (跨单位调动)', tag: 'teachers', access: 'teacher.transfer', body: requests.CreateTenantTransferRequest, response: requests.TenantTransfer, status: 201 }),
  tenantDirectory: r({ method: 'get', path: '/v1/tenant-directory', summary: 'The unions a teacher can be transferred to (names only)', tag: 'teachers', access: 'teacher.transfer', response: requests.TenantDirectory }),
  listTenantTransfers: r({ method: 'get', path: '/v1/tenant-transfers', summary: 'Transfers into and out of my union', tag: 'teachers', access: 'teacher.transfer', query: requests.ListTenantTransfersQuery, response: requests.TenantTransferPage }),
  acceptTenantTransfer: r({ method: 'post', path: '/v1/tenant-transfers/:id/accept', summary: 'Accept an incoming teacher into one of my schools', tag: 'teachers', access: 'teacher.transfer', body: requests.AcceptTenantTransferRequest, response: requests.TenantTransfer }),
  cancelTenantTransfer: r({ method: 'post', path: '/v1/tenant-transfers/:id/cancel', summary: 'Withdraw an outgoing transfer while it is pending', tag: 'teachers', access: 'teacher.transfer', body: requests.CancelTenantTransferRequest, response: requests.TenantTransfer }),
  rejectTenantTransfer: r({ method: 'post', path: '/v1/tenant-transfers/:id/reject', summary: 'Decline an incoming transfer', tag: 'teachers', access: 'teacher.transfer', body: requests.RejectTenantTransferRequest, response: requests.TenantTransfer }),
  listBuiltinTemplates: r({ method: 'get', path: '/v1/builtin-templates', summary: 'The templates that ship with the platform (Zhejiang, Leiyang)', tag: 'programmes', access: 'programme.read', response: programmes.BuiltinTemplateList }),
  listTemplates: r({ method: 'get', path: '/v1/programme-templates', summary: "My province's programme templates", tag: 'programmes', access: 'programme.read', response: programmes.TemplateList }),
  createTemplate: r({ method: 'post', path: '/v1/programme-templates', summary: 'Start a template from a built-in one or a published version', tag: 'programmes', access: 'programme.manage', body: programmes.CreateTemplateRequest, response: programmes.Template, status: 201 }),
  getTemplate: r({ method: 'get', path: '/v1/programme-templates/:id', summary: 'A template with its draft', tag: 'programmes', access: 'programme.manage', response: programmes.Template }),
  saveTemplateDraft: r({ method: 'put', path: '/v1/programme-templates/:id/draft', summary: "Save the template's draft (stale version → 409)", tag: 'programmes', access: 'programme.manage', body: programmes.SaveDraftRequest, response: programmes.Template }),
  templateDraftDiff: r({ method: 'get', path: '/v1/programme-templates/:id/diff', summary: 'What publishing the draft would change', tag: 'programmes', access: 'programme.manage', response: programmes.DraftDiff }),
  publishTemplate: r({ method: 'post', path: '/v1/programme-templates/:id/publish', summary: 'Publish the draft as a new, immutable version', tag: 'programmes', access: 'programme.manage', body: programmes.PublishRequest, response: programmes.ProgrammeVersion, status: 201 }),
  listProgrammeVersions: r({ method: 'get', path: '/v1/programme-versions', summary: 'Published versions tenants may adopt', tag: 'programmes', access: 'programme.read', query: programmes.ListVersionsQuery, response: programmes.ProgrammeVersionList }),
  getProgrammeVersion: r({ method: 'get', path: '/v1/programme-versions/:id', summary: 'A published version with its document', tag: 'programmes', access: 'programme.read', response: programmes.ProgrammeVersion }),
  listProgrammes: r({ method: 'get', path: '/v1/programmes', summary: 'Programmes adopted in my scope', tag: 'programmes', access: 'programme.read', query: programmes.ListProgrammesQuery, response: programmes.ProgrammeList }),
  adoptProgramme: r({ method: 'post', path: '/v1/programmes', summary: 'Adopt a published version for a year, with my targets and budget', tag: 'programmes', access: 'programme.adopt', body: programmes.AdoptProgrammeRequest, response: programmes.Programme, status: 201 }),
  getProgramme: r({ method: 'get', path: '/v1/programmes/:id', summary: 'An adopted programme: version, targets, budget', tag: 'programmes', access: 'programme.read', response: programmes.Programme }),
  updateProgramme: r({ method: 'patch', path: '/v1/programmes/:id', summary: 'Change targets (within the ranges), budget or settings', tag: 'programmes', access: 'programme.adopt', body: programmes.UpdateProgrammeRequest, response: programmes.Programme }),
  upgradeProgramme: r({ method: 'post', path: '/v1/programmes/:id/upgrade', summary: 'Move to a newer published version of the template', tag: 'programmes', access: 'programme.adopt', body: programmes.UpgradeProgrammeRequest, response: programmes.Programme }),

  listCareRecords: r({ method: 'get', path: '/v1/care-records', summary: 'Care work recorded in my scope', tag: 'care', access: 'care.read', query: care.ListCareRecordsQuery, response: care.CareRecordPage }),
  createCareRecord: r({ method: 'post', path: '/v1/care-records', summary: 'Record care work for one teacher or thousands', tag: 'care', access: 'care.write', body: care.CreateCareRecordRequest, response: care.CareRecord, status: 201 }),
  getCareRecord: r({ method: 'get', path: '/v1/care-records/:id', summary: 'One care record', tag: 'care', access: 'care.read', response: care.CareRecord }),
  updateCareRecord: r({ method: 'patch', path: '/v1/care-records/:id', summary: 'Edit a care record or its participants (audited; stale version → 409)', tag: 'care', access: 'care.write', body: care.UpdateCareRecordRequest, response: care.CareRecord }),
  deleteCareRecord: r({ method: 'post', path: '/v1/care-records/:id/delete', summary: 'Delete a care record, with the reason (audited)', tag: 'care', access: 'care.write', body: care.DeleteCareRecordRequest, response: Ok }),
  listCareParticipants: r({ method: 'get', path: '/v1/care-records/:id/participants', summary: "A care record's participants", tag: 'care', access: 'care.read', query: PageQuery, response: care.CareParticipantPage }),
  listCareAttachments: r({ method: 'get', path: '/v1/care-records/:id/attachments', summary: "A care record's files", tag: 'care', access: 'care.read', response: care.CareAttachmentList }),
  uploadCareAttachment: r({ method: 'post', path: '/v1/care-records/:id/attachments', summary: 'Attach a file (PDF, image or Office file; multipart field "file", ≤ 20 MB), stored sealed', tag: 'care', access: 'care.write', response: care.CareAttachment, status: 201 }),
  downloadCareAttachment: r({ method: 'get', path: '/v1/care-records/:id/attachments/:attachmentId', summary: 'Download a file (audited)', tag: 'care', access: 'care.read', produces: 'application/octet-stream' }),
  deleteCareAttachment: r({ method: 'post', path: '/v1/care-records/:id/attachments/:attachmentId/delete', summary: 'Remove a file, with the reason (audited)', tag: 'care', access: 'care.write', body: care.DeleteCareAttachmentRequest, response: Ok }),
  teacherCare: r({ method: 'get', path: '/v1/teachers/:id/care', summary: 'The care a teacher received', tag: 'care', access: 'care.read', query: PageQuery, response: care.TeacherCarePage }),

  getCompliance: r({ method: 'get', path: '/v1/compliance', summary: "A programme's indicators against their targets, per school", tag: 'compliance', access: 'compliance.read', query: compliance.ComplianceQuery, response: compliance.ComplianceReport }),
  exportCompliance: r({ method: 'get', path: '/v1/compliance/export.xlsx', summary: 'The same as .xlsx', tag: 'compliance', access: 'compliance.read', query: compliance.ComplianceQuery, produces: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }),
  complianceGaps: r({ method: 'get', path: '/v1/compliance/gaps', summary: 'What is missing behind a result: schools short, teachers not reached', tag: 'compliance', access: 'compliance.read', query: compliance.ComplianceGapsQuery, response: compliance.ComplianceGapPage }),
  complianceOverview: r({ method: 'get', path: '/v1/compliance/overview', summary: "Every tenant's compliance and spending for a template and year", tag: 'compliance', access: 'compliance.read', query: compliance.OverviewQuery, response: compliance.ComplianceOverview }),
} satisfies Record<string, RouteContract>;

export type RouteName = keyof typeof ROUTES;
export { Problem };
