// The Chinese an officer reads and types for each coded value of the registry: the import template's
// drop-downs, the export's cells and the importer's first-choice spelling (it accepts more; see the
// worker's value parsers).

export const SEX_LABELS = { male: '男', female: '女' } as const;
export const BIRTHDAY_CALENDAR_LABELS = { solar: '公历', lunar: '农历' } as const;
export const EMPLOYMENT_TYPE_LABELS = { establishment: '在编', contract: '合同', private: '民办' } as const;
export const POSITION_LABELS = {
  teacher: '教师',
  head_teacher: '班主任',
  vice_principal: '副校长',
  principal: '校长',
  staff: '职员',
} as const;
export const STAGE_LABELS = {
  preschool: '学前',
  primary: '小学',
  junior_secondary: '初中',
  senior_secondary: '高中',
  vocational: '中职',
  higher: '高校',
  special_education: '特殊教育',
} as const;
export const TITLE_LABELS = {
  junior: '初级',
  intermediate: '中级',
  associate_senior: '副高级',
  senior: '正高级',
  special: '特级',
} as const;
export const TEACHER_STATUS_LABELS = {
  active: '在职',
  retired: '退休',
  transferred_out: '调出',
  deceased: '去世',
} as const;
export const RETIREMENT_CATEGORY_LABELS = { cadre: '干部', worker: '工人' } as const;
export const MARITAL_STATUS_LABELS = {
  single: '未婚',
  married: '已婚',
  divorced: '离异',
  widowed: '丧偶',
} as const;
export const POLITICAL_STATUS_LABELS = {
  cpc_member: '中共党员',
  cpc_probationary: '中共预备党员',
  cyl_member: '共青团员',
  democratic_party: '民主党派',
  masses: '群众',
} as const;
export const UNION_STATUS_LABELS = { member: '会员', not_member: '非会员', left: '已退会' } as const;
export const YES_NO_LABELS = { true: '是', false: '否' } as const;

/** A coded value's Chinese label, or the value itself when it has none. */
export function labelOf<T extends Record<string, string>>(
  labels: T,
  value: string | null | undefined,
): string {
  if (value === null || value === undefined) return '';
  return (labels as Record<string, string>)[value] ?? value;
}
