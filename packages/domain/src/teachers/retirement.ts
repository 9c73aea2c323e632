// Statutory retirement age under the gradual reform: 全国人民代表大会常务委员会《关于实施渐进式延迟
// 法定退休年龄的决定》(2024-09-13) and its 国务院《关于渐进式延迟法定退休年龄的办法》, in force from
// 2025-01-01. The delay depends only on the month of birth: every N birth months from the start month
// add one month, up to a cap. The flexible (弹性) early or late retirement an employee may ask for, and
// the minimum contribution years, are individual decisions outside this rule.
import { addMonths, daysBetween } from '../dates/arithmetic';
import { type IsoDate, requireIsoDate } from '../dates/calendar';
import type { RetirementCategory, Sex } from './types';

export interface RetirementAge {
  readonly years: number;
  readonly months: number;
}

interface Schedule {
  readonly baseYears: number;
  /** First birth month that is delayed (year, month). */
  readonly fromYear: number;
  readonly fromMonth: number;
  /** One month of delay per this many birth months. */
  readonly birthMonthsPerStep: number;
  readonly maxDelayMonths: number;
}

// 男职工: 60 → 63, +1 month per 4 birth months from 1965-01 (63 from births of 1976-09).
const MEN: Schedule = {
  baseYears: 60,
  fromYear: 1965,
  fromMonth: 1,
  birthMonthsPerStep: 4,
  maxDelayMonths: 36,
};
// 原法定退休年龄五十五周岁的女职工 (cadres, i.e. management and professional posts — most teachers): 55 → 58,
// +1 month per 4 birth months from 1970-01 (58 from births of 1981-09).
const WOMEN_CADRES: Schedule = {
  baseYears: 55,
  fromYear: 1970,
  fromMonth: 1,
  birthMonthsPerStep: 4,
  maxDelayMonths: 36,
};
// 原法定退休年龄五十周岁的女职工 (workers): 50 → 55, +1 month per 2 birth months from 1975-01
// (55 from births of 1984-11).
const WOMEN_WORKERS: Schedule = {
  baseYears: 50,
  fromYear: 1975,
  fromMonth: 1,
  birthMonthsPerStep: 2,
  maxDelayMonths: 60,
};

function scheduleFor(sex: Sex, category: RetirementCategory): Schedule {
  if (sex === 'male') return MEN; // men have one rule, whatever the post
  return category === 'cadre' ? WOMEN_CADRES : WOMEN_WORKERS;
}

/** Months of delay over the original age for someone born in that month (0 before the reform's start month). */
export function retirementDelayMonths(birthDate: IsoDate, sex: Sex, category: RetirementCategory): number {
  const { year, month } = requireIsoDate(birthDate);
  const s = scheduleFor(sex, category);
  const monthsSinceStart = (year - s.fromYear) * 12 + (month - s.fromMonth);
  if (monthsSinceStart < 0) return 0;
  return Math.min(Math.floor(monthsSinceStart / s.birthMonthsPerStep) + 1, s.maxDelayMonths);
}

/** 法定退休年龄: e.g. a man born in May 1965 retires at 60 years 2 months. */
export function retirementAge(birthDate: IsoDate, sex: Sex, category: RetirementCategory): RetirementAge {
  const total = scheduleFor(sex, category).baseYears * 12 + retirementDelayMonths(birthDate, sex, category);
  return { years: Math.floor(total / 12), months: total % 12 };
}

/**
 * The day the statutory retirement age is reached: birth date + the age in months, on the same day of
 * the month, or the month's last day when it is shorter (born 1965-01-31 → 60 y 1 m → 2025-02-28).
 */
export function statutoryRetirementDate(birthDate: IsoDate, sex: Sex, category: RetirementCategory): IsoDate {
  const age = retirementAge(birthDate, sex, category);
  return addMonths(birthDate, age.years * 12 + age.months);
}

/** Days from today to the statutory retirement date: 0 on the day, negative once it has passed. */
export function daysToRetirement(
  birthDate: IsoDate,
  sex: Sex,
  category: RetirementCategory,
  today: IsoDate,
): number {
  return daysBetween(today, statutoryRetirementDate(birthDate, sex, category));
}
