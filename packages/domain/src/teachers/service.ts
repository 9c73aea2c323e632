// Years of age, teaching and service, from a teacher's birth date, 从教时间 and postings. All counts
// are whole years under the anniversary rule of fullYearsBetween: the count goes up on the anniversary.
import {
  addDays,
  daysBetween,
  fullMonthsBetween,
  fullYearsBetween,
  monthiversary,
} from '../dates/arithmetic';
import { type IsoDate, compareDates, minDate } from '../dates/calendar';
import type { Posting } from './types';

/**
 * Two postings at the same school separated by at most this many uncovered days still count as one
 * continuous stay (Leiyang 13 "在同一所学校连续任教"): a contract renewed a few weeks late, a record
 * closed on 31 July and reopened on 1 September. A longer absence (a term's secondment elsewhere, a
 * year away) restarts the count. The days of a bridged gap count as time at the school.
 */
export const CONTINUITY_GAP_DAYS = 31;

/** 周岁 on `today`. Throws when the birth date is after today (a data error, not a baby). */
export function age(birthDate: IsoDate, today: IsoDate): number {
  if (compareDates(birthDate, today) > 0) throw new RangeError(`birth date ${birthDate} is after ${today}`);
  return fullYearsBetween(birthDate, today);
}

/**
 * Leiyang 10: the day of the n-th anniversary of teaching (从教满30周年), for the ceremony. The same
 * anniversary rule as the counts: teaching since 1996-02-29 completes 30 years on 2026-03-01.
 */
export function teachingAnniversary(teachingSince: IsoDate, years: number): IsoDate {
  return monthiversary(teachingSince, 12 * years);
}

/** 教龄: full years since teaching began; 0 before it has begun. */
export function yearsOfTeaching(teachingSince: IsoDate, today: IsoDate): number {
  return Math.max(0, fullYearsBetween(teachingSince, today));
}

function checkPosting(p: Posting): void {
  if (p.to !== null && compareDates(p.to, p.from) < 0) {
    throw new RangeError(`posting at ${p.orgId} ends (${p.to}) before it starts (${p.from})`);
  }
}

/** The posting covers today: it has begun and its last day (inclusive) is not yet past. */
export function isCurrentPosting(p: Posting, today: IsoDate): boolean {
  return compareDates(p.from, today) <= 0 && (p.to === null || compareDates(p.to, today) >= 0);
}

export interface SchoolTenure {
  readonly orgId: string;
  /** First day of the continuous stay at the school that lasts until today. */
  readonly since: IsoDate;
}

/**
 * The school the teacher is at today and since when without a break: postings at that same school
 * that overlap, touch, or are separated by at most CONTINUITY_GAP_DAYS are joined. Postings at other
 * schools in between do not break it (a short concurrent secondment). Null when no posting covers today.
 * With two current schools (走教, itinerant teaching) the longer stay is taken.
 */
export function currentSchoolTenure(postings: readonly Posting[], today: IsoDate): SchoolTenure | null {
  postings.forEach(checkPosting);
  let best: SchoolTenure | null = null;
  for (const orgId of new Set(postings.filter((p) => isCurrentPosting(p, today)).map((p) => p.orgId))) {
    const atSchool = postings
      .filter((p) => p.orgId === orgId && compareDates(p.from, today) <= 0)
      .map((p) => ({ from: p.from, last: p.to === null ? today : minDate(p.to, today) }))
      .sort((a, b) => compareDates(a.from, b.from));
    // Not empty: the school has a current posting. Sorted by start, so the last chain holds today.
    let { from: since, last } = atSchool[0];
    for (const p of atSchool.slice(1)) {
      if (daysBetween(last, p.from) - 1 > CONTINUITY_GAP_DAYS) since = p.from;
      if (compareDates(p.last, last) > 0) last = p.last;
    }
    const better =
      best === null || compareDates(since, best.since) < 0 || (since === best.since && orgId < best.orgId);
    if (better) best = { orgId, since };
  }
  return best;
}

/** Full years of continuous stay at the current school (see currentSchoolTenure); 0 when at none. */
export function yearsAtCurrentSchool(postings: readonly Posting[], today: IsoDate): number {
  const tenure = currentSchoolTenure(postings, today);
  return tenure === null ? 0 : fullYearsBetween(tenure.since, today);
}

export interface ServiceSpan {
  readonly years: number;
  /** 0–11 */
  readonly months: number;
  /** 0–30 */
  readonly days: number;
}

/** Leftover days that make a month when stretches are added up (see ruralServiceSpan). */
export const DAYS_PER_MONTH = 31;

/**
 * Total time in rural postings (乡村学校从教累计, Leiyang 23), not necessarily continuous: overlapping
 * postings count once, and days up to but excluding today count (as for age). Each unbroken stretch
 * counts in calendar months plus leftover days, so one stretch of exactly 30 calendar years is 30
 * years whatever the leap days in it. Stretches add up with 12 months to a year and DAYS_PER_MONTH
 * (31) leftover days to a month: a stretch's leftover is always shorter than the month it lies in (at
 * most 30 days), so it never rounds up to a month on its own (1995-09-01 to 2025-08-31 stays 29 years
 * 11 months 30 days), while leftovers of several stretches do add up.
 */
export function ruralServiceSpan(postings: readonly Posting[], today: IsoDate): ServiceSpan {
  postings.forEach(checkPosting);
  // Half-open stretches [from, end): `to` is the last day, so the stretch ends the day after; nothing from today on.
  const stretches = postings
    .filter((p) => p.rural)
    .map((p) => ({ from: p.from, end: p.to === null ? today : minDate(addDays(p.to, 1), today) }))
    .filter((s) => compareDates(s.from, s.end) < 0)
    .sort((a, b) => compareDates(a.from, b.from));

  const merged: { from: IsoDate; end: IsoDate }[] = [];
  for (const s of stretches) {
    const lastStretch = merged[merged.length - 1];
    if (lastStretch && compareDates(s.from, lastStretch.end) <= 0) {
      if (compareDates(s.end, lastStretch.end) > 0) lastStretch.end = s.end;
    } else {
      merged.push({ ...s });
    }
  }

  let months = 0;
  let days = 0;
  for (const s of merged) {
    const m = fullMonthsBetween(s.from, s.end);
    months += m;
    days += daysBetween(monthiversary(s.from, m), s.end);
  }
  months += Math.floor(days / DAYS_PER_MONTH);
  return { years: Math.floor(months / 12), months: months % 12, days: days % DAYS_PER_MONTH };
}

/**
 * ruralServiceSpan as decimal years (a month is 1/12 year, a day 1/31 month). Its whole part is the
 * span's full years, which is what rules compare: Math.floor(ruralServiceYears(…)) >= 30.
 */
export function ruralServiceYears(postings: readonly Posting[], today: IsoDate): number {
  const span = ruralServiceSpan(postings, today);
  return span.years + (span.months + span.days / DAYS_PER_MONTH) / 12;
}
