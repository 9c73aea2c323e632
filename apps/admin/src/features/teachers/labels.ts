import {
  type Org,
  type TeacherSummary,
  BirthdayCalendar,
  EmploymentType,
  FamilyKind,
  MaritalStatus,
  PoliticalStatus,
  Position,
  RetirementCategory,
  SchoolStage,
  SensitiveField,
  Sex,
  TeacherStatus,
  TitleLevel,
  UnionStatus,
} from '@guanai/contracts';
import type { z } from 'zod';
import type { Translate } from '@/app/i18n/lang';
import type { MessageKey } from '@/app/i18n/zh';

/** Each enum of the teacher record and the dictionary prefix of its labels (`teacher.sex.male`). */
export const ENUMS = {
  sex: Sex,
  birthdayCalendar: BirthdayCalendar,
  employmentType: EmploymentType,
  position: Position,
  stage: SchoolStage,
  title: TitleLevel,
  status: TeacherStatus,
  retirementCategory: RetirementCategory,
  maritalStatus: MaritalStatus,
  politicalStatus: PoliticalStatus,
  unionStatus: UnionStatus,
  family: FamilyKind,
  sensitive: SensitiveField,
} as const;

export type EnumName = keyof typeof ENUMS;
export type EnumValue<E extends EnumName> = z.infer<(typeof ENUMS)[E]>;

/** The label of one enum value in the current language; null and undefined read as a dash. */
export function label<E extends EnumName>(
  t: Translate,
  e: E,
  value: EnumValue<E> | null | undefined,
): string {
  if (value === null || value === undefined) return '—';
  return t(`teacher.${e}.${value}` as MessageKey);
}

/** Options for a Select of one enum, in the contract's order. */
export function options<E extends EnumName>(t: Translate, e: E): { value: EnumValue<E>; label: string }[] {
  return (ENUMS[e].options as EnumValue<E>[]).map((value) => ({ value, label: label(t, e, value) }));
}

/** The birth date, marked when the birthday is kept by the lunar calendar: 1985-03-02（农历生日）. */
export function birthDateText(
  t: Translate,
  x: Pick<TeacherSummary, 'birthDate' | 'birthdayCalendar'>,
): string {
  return x.birthdayCalendar === 'lunar' ? t('teacher.birthDateLunar', { date: x.birthDate }) : x.birthDate;
}

export const STATUS_COLOR: Record<EnumValue<'status'>, string> = {
  active: 'green',
  retired: 'blue',
  transferred_out: 'default',
  deceased: 'default',
};

/** Schools (and university departments) are where teachers work; the unions above them are not. */
export const notASchool = (o: Org) => !o.active || (o.kind !== 'school' && o.kind !== 'department');
