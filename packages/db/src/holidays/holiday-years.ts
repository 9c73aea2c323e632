import type { EntityManager } from 'typeorm';
import {
  BUILTIN_HOLIDAY_YEARS,
  holidayCalendar,
  mergeHolidayYears,
  type HolidayCalendar,
  type HolidayYear,
} from '@guanai/domain';

export interface StoredHolidayYear extends HolidayYear {
  updatedAt: Date;
  updatedBy: string | null;
  version: number;
}

interface Row {
  year: number;
  source: string;
  off_days: string[];
  workdays: string[];
  updated_at: Date;
  updated_by: string | null;
  version: number;
}

/** The years a platform admin entered (holiday_years), ascending. */
export async function loadStoredHolidayYears(em: EntityManager): Promise<StoredHolidayYear[]> {
  const rows: Row[] = await em.query(
    `SELECT h.year, h.source, array(SELECT to_char(d, 'YYYY-MM-DD') FROM unnest(h.off_days) d ORDER BY d) AS off_days,
            array(SELECT to_char(d, 'YYYY-MM-DD') FROM unnest(h.workdays) d ORDER BY d) AS workdays,
            h.updated_at, u.display_name AS updated_by, h.version
       FROM holiday_years h LEFT JOIN users u ON u.id = h.updated_by ORDER BY h.year`,
  );
  return rows.map((r) => ({
    year: r.year,
    source: r.source,
    offDays: r.off_days,
    workdays: r.workdays,
    updatedAt: r.updated_at,
    updatedBy: r.updated_by,
    version: r.version,
  }));
}

/** The calendar every deadline is counted on: the built-in years with the entered ones laid over them. */
export async function loadHolidayCalendar(em: EntityManager): Promise<HolidayCalendar> {
  return holidayCalendar(mergeHolidayYears(BUILTIN_HOLIDAY_YEARS, await loadStoredHolidayYears(em)));
}
