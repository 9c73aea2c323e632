import { z } from 'zod';
import { Id, Name, PageQuery, Version, pageOf } from './common';

/** Calendar date in Asia/Shanghai, `YYYY-MM-DD`. */
export const IsoDate = z.iso.date();

export const Sex = z.enum(['male', 'female']);
export const EmploymentType = z.enum(['establishment', 'contract', 'private']); // 编制, 合同, 民办
export const Position = z.enum(['teacher', 'head_teacher', 'vice_principal', 'principal', 'staff']);
export const SchoolStage = z.enum([
  'preschool',
  'primary',
  'junior_secondary',
  'senior_secondary',
  'vocational',
  'higher',
  'special_education',
]);
export const TitleLevel = z.enum(['junior', 'intermediate', 'associate_senior', 'senior', 'special']); // 初级 中级 副高 正高 特级
export const TeacherStatus = z.enum(['active', 'retired', 'transferred_out', 'deceased']);
export const RetirementCategory = z.enum(['cadre', 'worker']);
export const MaritalStatus = z.enum(['single', 'married', 'divorced', 'widowed']);
export const PoliticalStatus = z.enum([
  'cpc_member',
  'cpc_probationary',
  'cyl_member',
  'democratic_party',
  'masses',
]);
export const UnionStatus = z.enum(['member', 'not_member', 'left']);
/** Which calendar the teacher keeps their birthday by (农历生日: lunar); the birth date itself is always solar. */
export const BirthdayCalendar = z.enum(['solar', 'lunar']);
export const FamilyKind = z.enum(['spouse', 'parent', 'child', 'grandparent', 'grandchild']);
export const SensitiveField = z.enum(['idNumber', 'phone', 'address', 'healthNote']);

export type Sex = z.infer<typeof Sex>;
export type TitleLevel = z.infer<typeof TitleLevel>;
export type TeacherStatus = z.infer<typeof TeacherStatus>;
export type SensitiveField = z.infer<typeof SensitiveField>;
export type BirthdayCalendar = z.infer<typeof BirthdayCalendar>;

export const TitleRecord = z.strictObject({ level: TitleLevel, since: IsoDate });
export const Honour = z.strictObject({
  name: z.string().trim().min(1).max(100),
  year: z.number().int().min(1949).max(2100),
});
export const Tag = z.string().trim().min(1).max(20);

/** Facts computed from the record in packages/domain, shown and filterable. */
export const TeacherFacts = z.object({
  age: z.number().int(),
  yearsOfTeaching: z.number().int(),
  yearsAtSchool: z.number().int(),
  ruralYears: z.number().int(),
  retirementDate: IsoDate,
  daysToRetirement: z.number().int(),
});

export const TeacherSummary = z.object({
  id: Id,
  name: z.string(),
  sex: Sex,
  birthDate: IsoDate,
  birthdayCalendar: BirthdayCalendar,
  idNumberMasked: z.string(),
  phoneMasked: z.string().nullable(),
  orgId: Id,
  orgName: z.string(),
  rural: z.boolean(),
  employmentType: EmploymentType,
  position: Position,
  subject: z.string().nullable(),
  stage: SchoolStage,
  title: TitleLevel.nullable(),
  backbone: z.boolean(),
  status: TeacherStatus,
  tags: z.array(z.string()),
  facts: TeacherFacts,
  version: Version,
});
export type TeacherSummary = z.infer<typeof TeacherSummary>;
export const TeacherPage = pageOf(TeacherSummary);

export const Posting = z.object({
  orgId: Id,
  orgName: z.string(),
  from: IsoDate,
  to: IsoDate.nullable(),
  rural: z.boolean(),
});
export const FamilyLink = z.object({
  id: Id,
  kind: FamilyKind,
  relativeId: Id.nullable(),
  relativeName: z.string(),
  inEducation: z.boolean(),
  note: z.string().nullable(),
});

export const Teacher = TeacherSummary.extend({
  ethnicity: z.string().nullable(),
  politicalStatus: PoliticalStatus.nullable(),
  maritalStatus: MaritalStatus.nullable(),
  retirementCategory: RetirementCategory,
  teachingSince: IsoDate,
  positionSince: IsoDate.nullable(),
  titles: z.array(TitleRecord),
  honours: z.array(Honour),
  unionJoinedOn: IsoDate.nullable(),
  unionStatus: UnionStatus,
  addressMasked: z.string().nullable(),
  hasHealthNote: z.boolean(),
  notes: z.string().nullable(),
  postings: z.array(Posting),
  family: z.array(FamilyLink),
  linkedUserId: Id.nullable(),
  /** Leiyang 4 (honours: 30 years, 教师之家, 教师世家), 13 (rotation) and 23 (rural senior title), computed today. */
  eligibility: z.object({
    teaching30Years: z.boolean(),
    teacherFamily: z.boolean(),
    teacherDynasty: z.boolean(),
    rotation: z.boolean(),
    ruralSeniorTitle: z.boolean(),
  }),
});
export type Teacher = z.infer<typeof Teacher>;

const PHONE = /^1[3-9]\d{9}$/;

const TeacherFields = {
  name: Name,
  sex: Sex,
  /** 18 characters, GB 11643 check digit; must agree with birth date and sex. */
  idNumber: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^\d{17}[\dX]$/, 'ID_NUMBER_FORMAT'),
  birthDate: IsoDate,
  /** The birthday reminders count lunar birthdays (农历生日) from the solar birth date. */
  birthdayCalendar: BirthdayCalendar.default('solar'),
  phone: z.string().trim().regex(PHONE, 'PHONE_FORMAT').nullable().optional(),
  ethnicity: z.string().trim().max(20).nullable().optional(),
  politicalStatus: PoliticalStatus.nullable().optional(),
  maritalStatus: MaritalStatus.nullable().optional(),
  employmentType: EmploymentType,
  position: Position,
  /** Since when the position is held (任职时间): Leiyang 13 counts a principal's two terms from it. */
  positionSince: IsoDate.nullable().optional(),
  subject: z.string().trim().max(30).nullable().optional(),
  stage: SchoolStage,
  titles: z.array(TitleRecord).max(10).default([]),
  teachingSince: IsoDate,
  backbone: z.boolean().default(false),
  honours: z.array(Honour).max(50).default([]),
  unionJoinedOn: IsoDate.nullable().optional(),
  unionStatus: UnionStatus.default('member'),
  retirementCategory: RetirementCategory.default('cadre'),
  address: z.string().trim().max(200).nullable().optional(),
  healthNote: z.string().trim().max(500).nullable().optional(),
  tags: z.array(Tag).max(20).default([]),
  notes: z.string().trim().max(1000).nullable().optional(),
};

export const CreateTeacherRequest = z.strictObject({
  ...TeacherFields,
  orgId: Id,
  /** The day they started at this school (current posting); defaults to teachingSince. */
  joinedSchoolOn: IsoDate.optional(),
  /** Earlier postings, for years-at-school and rural service. */
  previousPostings: z
    .array(z.strictObject({ orgId: Id, from: IsoDate, to: IsoDate }))
    .max(30)
    .default([]),
});
export type CreateTeacherRequest = z.infer<typeof CreateTeacherRequest>;

type WithoutDefault<T> = T extends z.ZodDefault<infer Inner> ? Inner : T;
// zod 4 applies a default even inside .optional(): an edit leaving a field out would reset it (unionStatus
// to 'member', birthdayCalendar to 'solar', tags to []). An edit's fields are optional, without the defaults.
const withoutDefault = (v: z.ZodType): z.ZodType =>
  v instanceof z.ZodDefault ? (v.unwrap() as z.ZodType) : v;

export const UpdateTeacherRequest = z.strictObject({
  version: Version,
  ...Object.fromEntries(Object.entries(TeacherFields).map(([k, v]) => [k, withoutDefault(v).optional()])),
} as { version: typeof Version } & {
  [K in keyof typeof TeacherFields]: z.ZodOptional<WithoutDefault<(typeof TeacherFields)[K]>>;
});
export type UpdateTeacherRequest = z.infer<typeof UpdateTeacherRequest>;

export const TEACHER_SORTS = [
  'name',
  '-name',
  'birthDate',
  '-birthDate',
  'retirementDate',
  '-retirementDate',
  'teachingSince',
  '-teachingSince',
] as const;

const boolParam = z.enum(['true', 'false']).transform((v) => v === 'true');

export const ListTeachersQuery = PageQuery.extend({
  q: z.string().trim().max(50).optional(),
  /** Exact match through the keyed hash; never stored or logged in clear. */
  idNumber: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^\d{17}[\dX]$/, 'ID_NUMBER_FORMAT')
    .optional(),
  orgId: Id.optional(),
  sex: Sex.optional(),
  ageMin: z.coerce.number().int().min(0).max(120).optional(),
  ageMax: z.coerce.number().int().min(0).max(120).optional(),
  title: TitleLevel.optional(),
  position: Position.optional(),
  backbone: boolParam.optional(),
  rural: boolParam.optional(),
  retiringWithinDays: z.coerce.number().int().min(0).max(3650).optional(),
  /** Full years of teaching (从教年限), e.g. ≥ 30 for the Leiyang 4 honour. */
  teachingYearsMin: z.coerce.number().int().min(0).max(60).optional(),
  teachingYearsMax: z.coerce.number().int().min(0).max(60).optional(),
  /** Full years since joining the current school, e.g. ≥ 9 for rotation (Leiyang 13). */
  yearsAtSchoolMin: z.coerce.number().int().min(0).max(60).optional(),
  status: TeacherStatus.optional(),
  tag: Tag.optional(),
  sort: z.enum(TEACHER_SORTS).default('name'),
});
export type ListTeachersQuery = z.infer<typeof ListTeachersQuery>;

export const RevealRequest = z.strictObject({
  field: SensitiveField,
  reason: z.string().trim().min(2).max(200),
});
export const RevealResponse = z.object({ field: SensitiveField, value: z.string().nullable() });

export const TransferTeacherRequest = z.strictObject({ version: Version, orgId: Id, on: IsoDate });
export const RetireTeacherRequest = z.strictObject({ version: Version, on: IsoDate });

/** A relative in the registry (relativeId), or one outside it (relativeName and inEducation). */
export const AddFamilyLinkRequest = z
  .strictObject({
    kind: FamilyKind,
    relativeId: Id.optional(),
    relativeName: Name.optional(),
    inEducation: z.boolean().optional(),
    note: z.string().trim().max(200).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.relativeId && (v.relativeName || v.inEducation !== undefined))
      ctx.addIssue({ code: 'custom', path: ['relativeName'], message: 'FAMILY_LINK_EITHER' });
    if (!v.relativeId && (!v.relativeName || v.inEducation === undefined))
      ctx.addIssue({
        code: 'custom',
        path: v.relativeName ? ['inEducation'] : ['relativeId'],
        message: 'FAMILY_LINK_EITHER',
      });
  });
export type AddFamilyLinkRequest = z.infer<typeof AddFamilyLinkRequest>;
