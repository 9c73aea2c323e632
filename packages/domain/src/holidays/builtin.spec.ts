import { addDays } from '../dates/arithmetic';
import { type FestivalCode, festivalDate } from '../reminders/calendar';
import { BUILTIN_HOLIDAY_YEARS } from './builtin';
import { validateHolidayYear } from './holiday-year';
import { isoWeekday } from './weekday';

const WEEKDAY = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 日: 7 } as const;
type Weekday = keyof typeof WEEKDAY;

const year = (y: number) => {
  const found = BUILTIN_HOLIDAY_YEARS.find((h) => h.year === y);
  if (!found) throw new Error(`no built-in ${y}`);
  return found;
};

describe('built-in holiday arrangements (国务院办公厅关于20XX年部分节假日安排的通知)', () => {
  it('ships 2024, 2025 and 2026, each citing its notice', () => {
    expect(BUILTIN_HOLIDAY_YEARS.map((y) => y.year)).toEqual([2024, 2025, 2026]);
    expect(year(2024).source).toContain('国办发明电〔2023〕7号');
    expect(year(2025).source).toContain('国办发明电〔2024〕12号');
    expect(year(2026).source).toContain('2026年部分节假日安排');
  });

  it.each(BUILTIN_HOLIDAY_YEARS.map((y) => [y.year, y] as const))(
    '%i passes the admin validation',
    (_, y) => {
      expect(validateHolidayYear(y)).toEqual([]);
    },
  );

  // Each row: the notice's span "first（周X）至 last（周X）…共N天". Every day of the span is off.
  it.each<[string, string, string, number, Weekday | null, Weekday | null]>([
    ['2024 春节 (国办发明电〔2023〕7号 二)', '2024-02-10', '2024-02-17', 8, null, null],
    ['2024 国庆节 (七)', '2024-10-01', '2024-10-07', 7, null, null],
    [
      '2025 元旦 (国办发明电〔2024〕12号 一: 1月1日（周三）放假1天)',
      '2025-01-01',
      '2025-01-01',
      1,
      '三',
      '三',
    ],
    ['2025 春节 (二: 除夕（周二）至正月初七（周二），共8天)', '2025-01-28', '2025-02-04', 8, '二', '二'],
    ['2025 清明节 (三)', '2025-04-04', '2025-04-06', 3, '五', '日'],
    ['2025 劳动节 (四)', '2025-05-01', '2025-05-05', 5, '四', '一'],
    ['2025 端午节 (五)', '2025-05-31', '2025-06-02', 3, '六', '一'],
    ['2025 国庆节、中秋节 (六: 共8天)', '2025-10-01', '2025-10-08', 8, '三', '三'],
    ['2026 元旦 (一)', '2026-01-01', '2026-01-03', 3, '四', '六'],
    [
      '2026 春节 (二: 腊月二十八（周日）至正月初七（周一），共9天)',
      '2026-02-15',
      '2026-02-23',
      9,
      '日',
      '一',
    ],
    ['2026 清明节 (三)', '2026-04-04', '2026-04-06', 3, '六', '一'],
    ['2026 劳动节 (四)', '2026-05-01', '2026-05-05', 5, '五', '二'],
    ['2026 端午节 (五)', '2026-06-19', '2026-06-21', 3, '五', '日'],
    ['2026 中秋节 (六)', '2026-09-25', '2026-09-27', 3, '五', '日'],
    ['2026 国庆节 (七)', '2026-10-01', '2026-10-07', 7, '四', '三'],
  ])('%s: %s to %s, %i days, off', (_, first, last, days, firstWd, lastWd) => {
    const offDays = year(Number(first.slice(0, 4))).offDays;
    for (let i = 0; i < days; i++) expect(offDays).toContain(addDays(first, i));
    expect(addDays(first, days - 1)).toBe(last);
    expect(offDays).not.toContain(addDays(first, -1));
    expect(offDays).not.toContain(addDays(last, 1));
    if (firstWd) expect(isoWeekday(first)).toBe(WEEKDAY[firstWd]);
    if (lastWd) expect(isoWeekday(last)).toBe(WEEKDAY[lastWd]);
  });

  it.each<[number, string, Weekday]>([
    [2024, '2024-02-04', '日'],
    [2024, '2024-02-18', '日'],
    [2024, '2024-04-07', '日'],
    [2024, '2024-04-28', '日'],
    [2024, '2024-05-11', '六'],
    [2024, '2024-09-14', '六'],
    [2024, '2024-09-29', '日'],
    [2024, '2024-10-12', '六'],
    [2025, '2025-01-26', '日'],
    [2025, '2025-02-08', '六'],
    [2025, '2025-04-27', '日'],
    [2025, '2025-09-28', '日'],
    [2025, '2025-10-11', '六'],
    [2026, '2026-01-04', '日'],
    [2026, '2026-02-14', '六'],
    [2026, '2026-02-28', '六'],
    [2026, '2026-05-09', '六'],
    [2026, '2026-09-20', '日'],
    [2026, '2026-10-10', '六'],
  ])('%i make-up working day %s (周%s) as the notice prints it', (y, date, wd) => {
    expect(year(y).workdays).toContain(date);
    expect(isoWeekday(date)).toBe(WEEKDAY[wd]);
  });

  it('lists exactly the make-up working days of each notice', () => {
    expect(BUILTIN_HOLIDAY_YEARS.map((y) => y.workdays.length)).toEqual([8, 5, 6]);
    // 2024: 28 days in the spans; 2025: 28; 2026: 33 (元旦 and 中秋 with their weekends).
    expect(BUILTIN_HOLIDAY_YEARS.map((y) => y.offDays.length)).toEqual([28, 28, 33]);
  });

  it('2024 除夕 (2月9日) is only "encouraged" as a rest day: not an off day (国办发明电〔2023〕7号 二)', () => {
    expect(year(2024).offDays).not.toContain('2024-02-09');
  });

  it('from 2025 the Spring Festival holiday starts on 除夕 (全国年节及纪念日放假办法 as revised in 2024)', () => {
    expect(year(2025).offDays[1]).toBe(addDays(festivalDate('spring_festival', 2025), -1)); // 2025-01-28
    expect(year(2025).offDays).toContain('2025-05-02'); // Labour Day's added day
  });

  // The statutory festival days themselves (放假办法 第二条) lie in the arrangement, lunar ones included.
  it.each<[FestivalCode, number]>([
    ['spring_festival', 2024],
    ['spring_festival', 2025],
    ['spring_festival', 2026],
    ['dragon_boat', 2024],
    ['dragon_boat', 2025],
    ['dragon_boat', 2026],
    ['mid_autumn', 2024],
    ['mid_autumn', 2025],
    ['mid_autumn', 2026],
  ])('%s %i falls on a day off', (festival, y) => {
    expect(year(y).offDays).toContain(festivalDate(festival, y));
  });
});
