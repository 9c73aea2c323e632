/**
 * Texts of the statutory holiday calendar (issue 6). Spread into the app dictionaries (src/app/i18n);
 * Chinese is the source and `holidaysEn` must translate each key.
 */
export const holidaysZh = {
  'menu.holidays': '节假日安排',
  'holidays.title': '法定节假日安排',
  'holidays.hint':
    '案件期限按《民事诉讼法》期间规则计算：期间最后一日是法定休假日的，以休假日后的第一日为期间届满日。每年国务院办公厅公布次年放假调休安排后，请在此录入；未录入的年度仅按周末计算，相关期限标记为“暂定”。',
  'holidays.year': '年度',
  'holidays.origin': '来源',
  'holidays.origin.builtin': '内置',
  'holidays.origin.entered': '已录入',
  'holidays.origin.corrected': '已更正内置',
  'holidays.source': '通知名称及文号',
  'holidays.sourceHint': '例如：国务院办公厅关于2027年部分节假日安排的通知（国办发明电〔2026〕X号）',
  'holidays.counts': '天数',
  'holidays.countsValue': '放假 {off} 天，调休上班 {work} 天',
  'holidays.updated': '录入',
  'holidays.enter': '录入年度安排',
  'holidays.correct': '更正',
  'holidays.remove': '删除',
  'holidays.removeConfirm': '删除 {year} 年录入的安排？将恢复内置安排（如有）或仅按周末计算。',
  'holidays.removed': '已删除',
  'holidays.saved': '已保存，各案件期限将按新安排重新计算',
  'holidays.editTitle': '{year} 年放假调休安排',
  'holidays.offDays': '放假日期（含假期中的周末）',
  'holidays.workdays': '调休上班日期',
  'holidays.workdaysHint': '调休上班的周六、周日',
  'holidays.yearTaken': '该年度已录入，请在列表中编辑',
};

export const holidaysEn: Record<keyof typeof holidaysZh, string> = {
  'menu.holidays': 'Public holidays',
  'holidays.title': 'Statutory holiday arrangements',
  'holidays.hint':
    "Case deadlines follow the Civil Procedure Law's rule on periods: a period whose last day is a statutory rest day ends on the next working day. Enter each year's arrangement once the State Council publishes it; a year not entered counts weekends only and its deadlines are marked provisional.",
  'holidays.year': 'Year',
  'holidays.origin': 'Origin',
  'holidays.origin.builtin': 'Built in',
  'holidays.origin.entered': 'Entered',
  'holidays.origin.corrected': 'Corrects built-in',
  'holidays.source': 'Notice and number',
  'holidays.sourceHint':
    "e.g. the State Council General Office's notice on the 2027 holidays, with its number",
  'holidays.counts': 'Days',
  'holidays.countsValue': '{off} days off, {work} make-up working days',
  'holidays.updated': 'Entered',
  'holidays.enter': 'Enter a year',
  'holidays.correct': 'Correct',
  'holidays.remove': 'Remove',
  'holidays.removeConfirm':
    'Remove the arrangement entered for {year}? The built-in one (if any) or weekends only will apply.',
  'holidays.removed': 'Removed',
  'holidays.saved': "Saved; every case's deadlines will be recounted",
  'holidays.editTitle': 'Holiday arrangement {year}',
  'holidays.offDays': 'Days off (weekends inside a holiday included)',
  'holidays.workdays': 'Make-up working days',
  'holidays.workdaysHint': 'Saturdays or Sundays worked in exchange',
  'holidays.yearTaken': 'That year is entered already; edit it in the list',
};
