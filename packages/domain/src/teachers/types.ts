// The teacher registry's vocabularies. The string values match the zod enums of
// packages/contracts/src/teachers.ts exactly; keep the two in step.
import type { IsoDate } from '../dates/calendar';

export const SEXES = ['male', 'female'] as const;
export type Sex = (typeof SEXES)[number];

/**
 * Which original statutory retirement age applies to a woman: 'cadre' (管理和专业技术岗位, originally
 * 55, the usual case for teachers) or 'worker' (工人岗位, originally 50). Men have one rule.
 */
export const RETIREMENT_CATEGORIES = ['cadre', 'worker'] as const;
export type RetirementCategory = (typeof RETIREMENT_CATEGORIES)[number];

/** 初级, 中级, 副高, 正高, 特级. */
export const TITLE_LEVELS = ['junior', 'intermediate', 'associate_senior', 'senior', 'special'] as const;
export type TitleLevel = (typeof TITLE_LEVELS)[number];

/** 教师, 班主任, 副校长, 校长, 职员. */
export const POSITIONS = ['teacher', 'head_teacher', 'vice_principal', 'principal', 'staff'] as const;
export type Position = (typeof POSITIONS)[number];

/** 在编 (public establishment), 合同制, 民办. */
export const EMPLOYMENT_TYPES = ['establishment', 'contract', 'private'] as const;
export type EmploymentType = (typeof EMPLOYMENT_TYPES)[number];

/** 学前, 小学, 初中, 高中, 中职, 高校, 特殊教育. */
export const SCHOOL_STAGES = [
  'preschool',
  'primary',
  'junior_secondary',
  'senior_secondary',
  'vocational',
  'higher',
  'special_education',
] as const;
export type SchoolStage = (typeof SCHOOL_STAGES)[number];

/** 在职, 退休, 调出, 去世. */
export const TEACHER_STATUSES = ['active', 'retired', 'transferred_out', 'deceased'] as const;
export type TeacherStatus = (typeof TEACHER_STATUSES)[number];

/**
 * A period at one school (任职经历). `to` is the last day there, inclusive; `null` while it lasts.
 * `rural` is whether that school counted as a rural school (乡村学校) during the posting.
 */
export interface Posting {
  readonly orgId: string;
  readonly from: IsoDate;
  readonly to: IsoDate | null;
  readonly rural: boolean;
}

/**
 * What the rules of this package read about a teacher. Each rule takes a `Pick` of it, so a caller
 * passes only the fields that rule needs.
 */
export interface TeacherSummary {
  readonly id: string;
  readonly sex: Sex;
  readonly birthDate: IsoDate;
  readonly status: TeacherStatus;
  /** 从教时间: first day of teaching; null when the record does not say. */
  readonly teachingSince: IsoDate | null;
  readonly employment: EmploymentType;
  /** Stage of the current school. */
  readonly stage: SchoolStage;
  readonly position: Position;
  /**
   * For a principal or vice-principal: the day they began leading the current school (either post;
   * 正、副校长 terms run on). Null when unknown: the rules then take the whole time at the school.
   */
  readonly positionSince: IsoDate | null;
  readonly title: TitleLevel | null;
  readonly retirementCategory: RetirementCategory;
  readonly postings: readonly Posting[];
}

/** A rule's answer with the reason, so the screen can say why (or why not). */
export interface Eligibility<Reason extends string> {
  readonly eligible: boolean;
  readonly reason: Reason;
}
