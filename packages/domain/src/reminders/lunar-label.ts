import { Solar } from 'lunar-typescript';
import { requireIsoDate, type IsoDate } from '../dates/calendar';

const labels = new Map<IsoDate, string>();

/** The lunar month and day of a solar date as written on a card: '八月十五', '闰六月初一', '腊月三十'. */
export function lunarLabel(date: IsoDate): string {
  let label = labels.get(date);
  if (label === undefined) {
    const { year, month, day } = requireIsoDate(date);
    const lunar = Solar.fromYmd(year, month, day).getLunar();
    // getMonthInChinese() already carries 闰 for a leap month.
    label = `${lunar.getMonthInChinese()}月${lunar.getDayInChinese()}`;
    labels.set(date, label);
  }
  return label;
}
