// One year of China's statutory holiday arrangement (放假调休安排), as the State Council General Office
// publishes it each autumn for the next year (国务院办公厅关于20XX年部分节假日安排的通知). The rest days of
// a year are not derivable: the festivals follow 全国年节及纪念日放假办法, but which weekend days become
// working days (调休上班) is decided notice by notice. So it is data: the built-in years ship with the
// code and a platform admin supplies the next one (stored in the database) once it is published.
import { parseIsoDate, type IsoDate } from '../dates/calendar';
import { isoWeekday } from './weekday';

export interface HolidayYear {
  readonly year: number;
  /** The notice the dates were transcribed from, with its document number (文号). */
  readonly source: string;
  /** Every day off of the arrangement (放假), the weekend days inside a holiday span included. */
  readonly offDays: readonly IsoDate[];
  /** Make-up working days (调休上班): Saturdays or Sundays that are working days. */
  readonly workdays: readonly IsoDate[];
}

export type HolidayYearProblemCode =
  | 'year_invalid'
  | 'source_missing'
  /** Not a strict YYYY-MM-DD naming a real day. */
  | 'date_invalid'
  /** A date outside the year the arrangement is for. */
  | 'date_outside_year'
  | 'duplicate_date'
  /** The same day listed as a day off and as a make-up working day. */
  | 'off_and_workday'
  /** A make-up working day that is Monday–Friday: a working day anyway, so surely a typo. */
  | 'workday_not_weekend'
  /** A published arrangement always has days off; an empty list would hide every holiday of the year. */
  | 'no_off_days';

export interface HolidayYearProblem {
  readonly code: HolidayYearProblemCode;
  /** Path into the year, as zod reports it: ['offDays', 3]. */
  readonly path: readonly (string | number)[];
}

/** Years an IsoDate can name; the calendar is only ever asked about the present era. */
const MIN_YEAR = 1;
const MAX_YEAR = 9999;

/**
 * Every way an admin-supplied year is wrong; empty when it can be stored. Dates must lie within the
 * year, appear once, never be both off and working, and make-up working days must be weekend days.
 *
 * A notice can reach into the neighbouring year (the 2012 notice made Saturday 2011-12-31 a working
 * day); such a date is refused here and belongs in the year it falls in.
 */
export function validateHolidayYear(input: HolidayYear): HolidayYearProblem[] {
  const problems: HolidayYearProblem[] = [];
  const add = (code: HolidayYearProblemCode, ...path: (string | number)[]) => problems.push({ code, path });
  const yearValid = Number.isInteger(input.year) && input.year >= MIN_YEAR && input.year <= MAX_YEAR;
  if (!yearValid) add('year_invalid', 'year');
  if (typeof input.source !== 'string' || input.source.trim() === '') add('source_missing', 'source');
  if (input.offDays.length === 0) add('no_off_days', 'offDays');

  const seen = new Map<IsoDate, 'offDays' | 'workdays'>();
  const check = (field: 'offDays' | 'workdays') =>
    input[field].forEach((date, i) => {
      const parsed = typeof date === 'string' ? parseIsoDate(date) : null;
      if (parsed === null) return add('date_invalid', field, i);
      if (yearValid && parsed.year !== input.year) add('date_outside_year', field, i);
      const earlier = seen.get(date);
      if (earlier === field) add('duplicate_date', field, i);
      else if (earlier !== undefined) add('off_and_workday', field, i);
      else seen.set(date, field);
      if (field === 'workdays' && isoWeekday(date) <= 5) add('workday_not_weekend', field, i);
    });
  check('offDays');
  check('workdays');
  return problems;
}
