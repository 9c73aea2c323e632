import type { Teacher, TeacherSummary } from '@guanai/contracts';
import {
  age,
  daysBetween,
  rotationEligible,
  ruralSeniorTitleEligible,
  ruralServiceYears,
  teacherDynasty,
  teacherFamily,
  teaching30Years,
  type FamilyLink,
  yearsAtCurrentSchool,
  yearsOfTeaching,
  type Posting,
} from '@guanai/domain';
import type { TeacherRow } from './teachers.repository';

const postingsOf = (r: TeacherRow): Posting[] =>
  r.postings.map(({ orgId, from, to, rural }) => ({ orgId, from, to, rural }));

/** A row as the list shows it, with the facts the domain computes for `today` (Asia/Shanghai). */
export function toTeacherSummary(r: TeacherRow, today: string): TeacherSummary {
  return {
    id: r.id,
    name: r.name,
    sex: r.sex,
    birthDate: r.birth_date,
    birthdayCalendar: r.birthday_calendar,
    idNumberMasked: r.id_number_masked,
    phoneMasked: r.phone_masked,
    orgId: r.org_id,
    orgName: r.org_name,
    rural: r.org_rural,
    employmentType: r.employment_type as TeacherSummary['employmentType'],
    position: r.position as TeacherSummary['position'],
    subject: r.subject,
    stage: r.stage as TeacherSummary['stage'],
    title: r.title as TeacherSummary['title'],
    backbone: r.backbone,
    status: r.status,
    tags: r.tags,
    facts: {
      age: age(r.birth_date, today),
      yearsOfTeaching: yearsOfTeaching(r.teaching_since, today),
      yearsAtSchool: yearsAtCurrentSchool(postingsOf(r), today),
      // Whole years, as the rules compare them (Leiyang 23: 30 / 25 years of rural service).
      ruralYears: Math.floor(ruralServiceYears(postingsOf(r), today)),
      retirementDate: r.retirement_date,
      daysToRetirement: daysBetween(today, r.retirement_date),
    },
    version: r.version,
  };
}

/**
 * The whole record: sensitive values stay masked; clear ones only through /reveal. `family` is the
 * record's links with the relatives' facts (familyOf), for the 教师之家 and 教师世家 honours.
 */
export function toTeacher(r: TeacherRow, today: string, family: readonly FamilyLink[] = []): Teacher {
  const summary = toTeacherSummary(r, today);
  const rule = {
    id: r.id,
    sex: r.sex,
    birthDate: r.birth_date,
    status: r.status,
    teachingSince: r.teaching_since,
    employment: r.employment_type as never,
    stage: r.stage as never,
    position: r.position as never,
    positionSince: r.position_since,
    title: r.title as never,
    retirementCategory: r.retirement_category,
    postings: postingsOf(r),
  };
  return {
    ...summary,
    ethnicity: r.ethnicity,
    politicalStatus: r.political_status as Teacher['politicalStatus'],
    maritalStatus: r.marital_status as Teacher['maritalStatus'],
    retirementCategory: r.retirement_category,
    teachingSince: r.teaching_since,
    positionSince: r.position_since,
    titles: r.titles as Teacher['titles'],
    honours: r.honours,
    unionJoinedOn: r.union_joined_on,
    unionStatus: r.union_status as Teacher['unionStatus'],
    addressMasked: r.address_masked,
    hasHealthNote: r.health_note_enc !== null,
    notes: r.notes,
    postings: r.postings,
    family: r.family,
    linkedUserId: r.linked_user_id,
    eligibility: {
      teaching30Years: teaching30Years(rule, today).eligible,
      teacherFamily: teacherFamily(rule, family, today).eligible,
      teacherDynasty: teacherDynasty(rule, family).eligible,
      rotation: rotationEligible(rule, today).eligible,
      ruralSeniorTitle: ruralSeniorTitleEligible(rule, today).eligible,
    },
  };
}
