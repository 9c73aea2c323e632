// Who qualifies under the Leiyang plan's teacher rules. Each function reads a Pick of TeacherSummary
// and answers with a reason, so a screen can say why someone is (not) on a list.
import { addYears, fullYearsBetween, monthiversary } from '../dates/arithmetic';
import { type IsoDate, compareDates, endOfYear, maxDate } from '../dates/calendar';
import { statutoryRetirementDate } from './retirement';
import { age, currentSchoolTenure, isCurrentPosting, ruralServiceYears, yearsOfTeaching } from './service';
import type { Eligibility, Sex, TeacherStatus, TeacherSummary } from './types';

// ——— Leiyang 4: honour certificates (授予教师特别荣誉) ———

/** A teacher record as the honours read it. */
export type HonourTeacher = Pick<TeacherSummary, 'id' | 'status' | 'teachingSince'>;

/** A relative who is not in this registry: only whether they work or worked in education is known. */
export interface OutsideRelative {
  readonly inEducation: boolean;
}

export type FamilyLinkKind = 'spouse' | 'parent' | 'child' | 'grandparent' | 'grandchild';

/** A relative of the teacher the rule is asked about; `kind` is what the relative is to that teacher. */
export interface FamilyLink {
  readonly kind: FamilyLinkKind;
  readonly relative: HonourTeacher | OutsideRelative;
}

const HONOUR_YEARS = 30;

function isRegistryTeacher(r: HonourTeacher | OutsideRelative): r is HonourTeacher {
  return 'id' in r;
}

function taught30Years(t: HonourTeacher, today: IsoDate): boolean {
  return t.teachingSince !== null && yearsOfTeaching(t.teachingSince, today) >= HONOUR_YEARS;
}

export type Teaching30YearsReason = 'eligible' | 'not_active' | 'teaching_since_unknown' | 'under_30_years';

/** Leiyang 4 "从教30年": taught 30 full years or more, and works in the city now (status active). */
export function teaching30Years(
  t: Pick<TeacherSummary, 'status' | 'teachingSince'>,
  today: IsoDate,
): Eligibility<Teaching30YearsReason> {
  if (t.status !== 'active') return { eligible: false, reason: 'not_active' };
  if (t.teachingSince === null) return { eligible: false, reason: 'teaching_since_unknown' };
  if (yearsOfTeaching(t.teachingSince, today) < HONOUR_YEARS)
    return { eligible: false, reason: 'under_30_years' };
  return { eligible: true, reason: 'eligible' };
}

export type TeacherFamilyReason =
  'eligible' | 'no_spouse_in_registry' | 'not_city_teachers' | 'neither_working_now' | 'under_30_years';

// "我市教师": on the city's registry, in post or retired from it; not transferred out, not deceased.
const CITY_TEACHER: readonly TeacherStatus[] = ['active', 'retired'];

/**
 * Leiyang 4 "教师之家": the teacher and a spouse who is also on the registry are both the city's
 * teachers (in post or retired), at least one of them works in the city now, and at least one has
 * taught 30 full years. A spouse known only as an outside relative does not qualify.
 */
export function teacherFamily(
  teacher: HonourTeacher,
  links: readonly FamilyLink[],
  today: IsoDate,
): Eligibility<TeacherFamilyReason> {
  const spouses = links
    .filter((l) => l.kind === 'spouse')
    .map((l) => l.relative)
    .filter(isRegistryTeacher);
  if (spouses.length === 0) return { eligible: false, reason: 'no_spouse_in_registry' };

  // Normally one spouse; with stale links, any that qualifies will do, else the first one's reason.
  const answers = spouses.map((spouse): Eligibility<TeacherFamilyReason> => {
    const couple = [teacher, spouse];
    if (!couple.every((t) => CITY_TEACHER.includes(t.status)))
      return { eligible: false, reason: 'not_city_teachers' };
    if (!couple.some((t) => t.status === 'active')) return { eligible: false, reason: 'neither_working_now' };
    if (!couple.some((t) => taught30Years(t, today))) return { eligible: false, reason: 'under_30_years' };
    return { eligible: true, reason: 'eligible' };
  });
  return answers.find((a) => a.eligible) ?? answers[0];
}

export type TeacherDynastyReason = 'eligible' | 'fewer_than_three_generations' | 'no_generation_working_now';

// Generations relative to the teacher asked about.
const GENERATION: Record<FamilyLinkKind, number> = {
  grandparent: -2,
  parent: -1,
  spouse: 0,
  child: 1,
  grandchild: 2,
};

/**
 * Leiyang 4 "教师世家": three consecutive generations (grandparent, parent, child) of the family each
 * have someone in education, and someone of those generations works in the city now (an active
 * registry record). The teacher asked about is one of the three, whichever; registry relatives count
 * as in education whatever their status (retired, transferred, deceased), outside relatives when
 * marked so. No `today`: nothing here depends on the date.
 */
export function teacherDynasty(
  teacher: HonourTeacher,
  links: readonly FamilyLink[],
): Eligibility<TeacherDynastyReason> {
  const members = [
    { generation: 0, relative: teacher as HonourTeacher | OutsideRelative },
    ...links.map((l) => ({ generation: GENERATION[l.kind], relative: l.relative })),
  ].filter((m) => isRegistryTeacher(m.relative) || m.relative.inEducation);

  let threeGenerations = false;
  for (const first of [-2, -1, 0]) {
    const window = members.filter((m) => m.generation >= first && m.generation <= first + 2);
    if (new Set(window.map((m) => m.generation)).size < 3) continue;
    threeGenerations = true;
    if (window.some((m) => isRegistryTeacher(m.relative) && m.relative.status === 'active')) {
      return { eligible: true, reason: 'eligible' };
    }
  }
  return {
    eligible: false,
    reason: threeGenerations ? 'no_generation_working_now' : 'fewer_than_three_generations',
  };
}

// ——— Leiyang 13: rotation of teachers and principals (交流轮岗) ———

export type RotationReason =
  | 'teacher_9_years'
  | 'leader_two_terms'
  | 'not_active'
  | 'not_establishment'
  | 'not_compulsory_education'
  | 'not_teacher_or_leader'
  | 'over_age_limit'
  | 'not_at_a_school'
  | 'under_9_years'
  | 'under_two_terms';

// Leiyang 13: teachers men < 50, women < 45, ≥ 9 consecutive years at one school; principals and
// vice-principals men < 55, women < 50, after two full 5-year terms at one school.
const TEACHER_AGE_LIMIT: Record<Sex, number> = { male: 50, female: 45 };
const LEADER_AGE_LIMIT: Record<Sex, number> = { male: 55, female: 50 };
const TEACHER_YEARS = 9;
const LEADER_YEARS = 2 * 5;

export type RotationTeacher = Pick<
  TeacherSummary,
  'sex' | 'birthDate' | 'status' | 'employment' | 'stage' | 'position' | 'positionSince' | 'postings'
>;

/**
 * Leiyang 13 (湘教发〔2015〕51号): who should rotate this school year. Public compulsory-education
 * teachers — on the establishment (在编), at a primary or junior secondary school — men under 50 and
 * women under 45, after 9 or more consecutive years at the same school; principals and vice-principals,
 * men under 55 and women under 50, after two full terms (10 years) leading the same school. Ages are
 * full years on `today`. Principals are judged by the leaders' rule only; staff (职员) by neither.
 */
export function rotationEligible(t: RotationTeacher, today: IsoDate): Eligibility<RotationReason> {
  if (t.status !== 'active') return { eligible: false, reason: 'not_active' };
  if (t.employment !== 'establishment') return { eligible: false, reason: 'not_establishment' };
  if (t.stage !== 'primary' && t.stage !== 'junior_secondary') {
    return { eligible: false, reason: 'not_compulsory_education' };
  }
  if (t.position === 'staff') return { eligible: false, reason: 'not_teacher_or_leader' };

  const leader = t.position === 'principal' || t.position === 'vice_principal';
  const ageLimit = (leader ? LEADER_AGE_LIMIT : TEACHER_AGE_LIMIT)[t.sex];
  if (age(t.birthDate, today) >= ageLimit) return { eligible: false, reason: 'over_age_limit' };

  const tenure = currentSchoolTenure(t.postings, today);
  if (tenure === null) return { eligible: false, reason: 'not_at_a_school' };
  if (leader) {
    // Leading the school can start no earlier than being at it.
    const since = t.positionSince === null ? tenure.since : maxDate(t.positionSince, tenure.since);
    return fullYearsBetween(since, today) >= LEADER_YEARS
      ? { eligible: true, reason: 'leader_two_terms' }
      : { eligible: false, reason: 'under_two_terms' };
  }
  return fullYearsBetween(tenure.since, today) >= TEACHER_YEARS
    ? { eligible: true, reason: 'teacher_9_years' }
    : { eligible: false, reason: 'under_9_years' };
}

// ——— Leiyang 23: senior title for long-serving rural teachers (资深乡村教师职称) ———

export type RuralSeniorTitleReason =
  | 'eligible'
  | 'not_active'
  | 'not_intermediate'
  | 'not_rural_now'
  | 'rural_service_short'
  | 'retirement_not_near'
  | 'retirement_reached';

const RURAL_SERVICE_YEARS: Record<Sex, number> = { male: 30, female: 25 };

export type RuralTitleTeacher = Pick<
  TeacherSummary,
  'sex' | 'birthDate' | 'status' | 'title' | 'retirementCategory' | 'postings'
>;

/**
 * Leiyang 23 (湘政发〔2019〕18号): a rural teacher with an intermediate title (中级) who has taught in
 * rural schools 30 years in all (men) or 25 (women), and who at 31 December of this year is less than
 * 2 years from the statutory retirement date, is appointed directly to basic-level senior teacher
 * (基层高级教师). The teacher must be in post at a rural school today and not yet of retirement age.
 * The review of the usual conditions and standards (符合评审条件与标准) stays with the reviewers.
 */
export function ruralSeniorTitleEligible(
  t: RuralTitleTeacher,
  today: IsoDate,
): Eligibility<RuralSeniorTitleReason> {
  if (t.status !== 'active') return { eligible: false, reason: 'not_active' };
  if (t.title !== 'intermediate') return { eligible: false, reason: 'not_intermediate' };
  if (!t.postings.some((p) => p.rural && isCurrentPosting(p, today)))
    return { eligible: false, reason: 'not_rural_now' };
  if (Math.floor(ruralServiceYears(t.postings, today)) < RURAL_SERVICE_YEARS[t.sex]) {
    return { eligible: false, reason: 'rural_service_short' };
  }
  const retires = statutoryRetirementDate(t.birthDate, t.sex, t.retirementCategory);
  if (compareDates(retires, today) <= 0) return { eligible: false, reason: 'retirement_reached' };
  // "申报当年年底距法定退休年龄不足2年": retirement before the day 2 years after this year's 31 December.
  if (compareDates(retires, addYears(endOfYear(today), 2)) >= 0)
    return { eligible: false, reason: 'retirement_not_near' };
  return { eligible: true, reason: 'eligible' };
}

/**
 * Leiyang 23: a rural teacher made special-grade (特级) or given a senior post must serve 5 years before
 * moving; the first day they may move (the 5th anniversary, 1 March for a 29 February promotion).
 */
export function earliestTransferAfterRuralPromotion(promotedOn: IsoDate): IsoDate {
  return monthiversary(promotedOn, 5 * 12);
}
