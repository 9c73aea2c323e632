// The published arrangements, transcribed from the State Council General Office notices. Each span is
// the notice's "X月X日至X日放假（调休）" taken whole, so weekend days inside a holiday are listed too;
// each make-up working day is the notice's "X月X日（周X）上班". The weekdays the notices print are
// checked against the dates in builtin.spec.ts.
import { addDays, daysBetween } from '../dates/arithmetic';
import type { IsoDate } from '../dates/calendar';
import type { HolidayYear } from './holiday-year';

/** Every day from `first` to `last`, both included. */
function span(first: IsoDate, last: IsoDate): IsoDate[] {
  return Array.from({ length: daysBetween(first, last) + 1 }, (_, i) => addDays(first, i));
}

const YEAR_2024: HolidayYear = {
  year: 2024,
  source: '国务院办公厅关于2024年部分节假日安排的通知（国办发明电〔2023〕7号，2023年10月25日）',
  offDays: [
    '2024-01-01', // 元旦，与周末连休
    ...span('2024-02-10', '2024-02-17'), // 春节，共8天（除夕 2月9日 only "encouraged" off: a working day)
    ...span('2024-04-04', '2024-04-06'), // 清明节
    ...span('2024-05-01', '2024-05-05'), // 劳动节
    '2024-06-10', // 端午节，与周末连休
    ...span('2024-09-15', '2024-09-17'), // 中秋节
    ...span('2024-10-01', '2024-10-07'), // 国庆节
  ],
  workdays: [
    '2024-02-04', // 春节 (星期日)
    '2024-02-18', // 春节 (星期日)
    '2024-04-07', // 清明节 (星期日)
    '2024-04-28', // 劳动节 (星期日)
    '2024-05-11', // 劳动节 (星期六)
    '2024-09-14', // 中秋节 (星期六)
    '2024-09-29', // 国庆节 (星期日)
    '2024-10-12', // 国庆节 (星期六)
  ],
};

// The first year under 全国年节及纪念日放假办法 as revised in November 2024 (in force 2025-01-01): one
// more day for the Spring Festival (除夕) and one more for Labour Day (5月2日), 13 statutory days in all.
const YEAR_2025: HolidayYear = {
  year: 2025,
  source: '国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号，2024年11月12日）',
  offDays: [
    '2025-01-01', // 元旦 (周三)，不调休
    ...span('2025-01-28', '2025-02-04'), // 春节：除夕 (周二) 至正月初七 (周二)，共8天
    ...span('2025-04-04', '2025-04-06'), // 清明节
    ...span('2025-05-01', '2025-05-05'), // 劳动节
    ...span('2025-05-31', '2025-06-02'), // 端午节
    ...span('2025-10-01', '2025-10-08'), // 国庆节、中秋节合并，共8天
  ],
  workdays: [
    '2025-01-26', // 春节 (周日)
    '2025-02-08', // 春节 (周六)
    '2025-04-27', // 劳动节 (周日)
    '2025-09-28', // 国庆节 (周日)
    '2025-10-11', // 国庆节 (周六)
  ],
};

// The dates are those of the notice as published by Xinhua on 2025-11-04 (dated 2025年11月4日) and
// reprinted in the press. Its document number is given as 国办发明电〔2025〕7号 by secondary sources
// only (not checked against gov.cn or the 国务院公报): verify the number before citing it in a document.
const YEAR_2026: HolidayYear = {
  year: 2026,
  source: '国务院办公厅关于2026年部分节假日安排的通知（国办发明电〔2025〕7号，2025年11月4日）',
  offDays: [
    ...span('2026-01-01', '2026-01-03'), // 元旦
    ...span('2026-02-15', '2026-02-23'), // 春节：腊月二十八 (周日) 至正月初七 (周一)，共9天
    ...span('2026-04-04', '2026-04-06'), // 清明节
    ...span('2026-05-01', '2026-05-05'), // 劳动节
    ...span('2026-06-19', '2026-06-21'), // 端午节
    ...span('2026-09-25', '2026-09-27'), // 中秋节
    ...span('2026-10-01', '2026-10-07'), // 国庆节
  ],
  workdays: [
    '2026-01-04', // 元旦 (周日)
    '2026-02-14', // 春节 (周六)
    '2026-02-28', // 春节 (周六)
    '2026-05-09', // 劳动节 (周六)
    '2026-09-20', // 国庆节 (周日)
    '2026-10-10', // 国庆节 (周六)
  ],
};

/** The arrangements shipped with the code; an admin's stored years replace or extend them (mergeHolidayYears). */
export const BUILTIN_HOLIDAY_YEARS: readonly HolidayYear[] = [YEAR_2024, YEAR_2025, YEAR_2026];
