// The compliance report as an .xlsx (达标情况导出), Chinese headers and labels; every text cell that
// came from someone's typing (names, titles) neutralised against formula injection.
import { Workbook } from 'exceljs';
import type { ComplianceReport, ComplianceStatus, IndicatorResult } from '@guanai/contracts';
import { neutraliseCell } from '@guanai/db';

export const STATUS_LABELS: Record<ComplianceStatus, string> = {
  met: '达标',
  on_track: '正常推进',
  at_risk: '有风险',
  missed: '未达标',
};

const PERIOD_LABELS: Record<IndicatorResult['periodKind'], string> = {
  semester: '学期',
  school_year: '学年',
  calendar_year: '年度',
};

const LEVEL_LABELS: Record<IndicatorResult['level'], string> = { school: '每校（院系）', tenant: '工会整体' };

const STATUS_FILLS: Record<ComplianceStatus, string> = {
  met: 'FFC6EFCE',
  on_track: 'FFDDEBF7',
  at_risk: 'FFFFEB9C',
  missed: 'FFFFC7CE',
};

/** Values in the unit an officer reads: times, percent (from basis points), yuan (from fen). */
function display(kind: IndicatorResult['kind'], n: number): { value: number; unit: string; numFmt: string } {
  if (kind === 'coverage' || kind === 'eligible_ratio') return { value: n / 10000, unit: '%', numFmt: '0.00%' };
  if (kind === 'amount') return { value: n / 100, unit: '元', numFmt: '#,##0.00' };
  return { value: n, unit: '次', numFmt: '0' };
}

const HEADER = { font: { bold: true }, fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } } } as const;

export async function complianceWorkbook(report: ComplianceReport, programmeName: string): Promise<Buffer> {
  const wb = new Workbook();
  wb.creator = '教师关爱平台';
  const sheet = wb.addWorksheet('达标情况', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = [
    { header: '措施条款', key: 'clause', width: 10 },
    { header: '措施', key: 'measure', width: 30 },
    { header: '指标', key: 'indicator', width: 24 },
    { header: '考核对象', key: 'level', width: 14 },
    { header: '统计周期', key: 'period', width: 26 },
    { header: '单位', key: 'org', width: 30 },
    { header: '完成值', key: 'value', width: 12 },
    { header: '目标值', key: 'target', width: 12 },
    { header: '计量', key: 'unit', width: 6 },
    { header: '统计人数', key: 'denominator', width: 10 },
    { header: '状态', key: 'status', width: 10 },
    { header: '尚差', key: 'shortfall', width: 10 },
  ];
  sheet.getRow(1).eachCell((c) => Object.assign(c, HEADER));
  const add = (i: IndicatorResult, org: string, r: { value: number; target: number; denominator: number | null; status: ComplianceStatus }, shortfall: number | null) => {
    const v = display(i.kind, r.value);
    const t = display(i.kind, r.target);
    const row = sheet.addRow({
      clause: neutraliseCell(i.measureClause),
      measure: neutraliseCell(i.measureTitle),
      indicator: neutraliseCell(i.name),
      level: LEVEL_LABELS[i.level],
      period: `${PERIOD_LABELS[i.periodKind]} ${i.period.key}（${i.period.from} 至 ${i.period.to}）`,
      org: neutraliseCell(org),
      value: v.value,
      target: t.value,
      unit: v.unit,
      denominator: r.denominator,
      status: STATUS_LABELS[r.status],
      shortfall,
    });
    row.getCell('value').numFmt = v.numFmt;
    row.getCell('target').numFmt = t.numFmt;
    row.getCell('status').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: STATUS_FILLS[r.status] } };
  };
  for (const i of report.indicators) {
    // The union's line first (for a school-level indicator: its weakest school), then each school.
    add(i, i.level === 'school' ? `${report.orgName}（最低一校）` : report.orgName, i, i.shortfall);
    for (const u of i.units) add(i, u.orgName, u, null);
  }

  const money = wb.addWorksheet('经费使用', { views: [{ state: 'frozen', ySplit: 1 }] });
  money.columns = [
    { header: '措施条款', key: 'clause', width: 10 },
    { header: '措施', key: 'measure', width: 40 },
    { header: '预算（元）', key: 'budget', width: 14, style: { numFmt: '#,##0.00' } },
    { header: '已支出（元）', key: 'spent', width: 14, style: { numFmt: '#,##0.00' } },
  ];
  money.getRow(1).eachCell((c) => Object.assign(c, HEADER));
  for (const s of report.spending)
    money.addRow({
      clause: neutraliseCell(s.measureClause),
      measure: neutraliseCell(s.measureTitle),
      budget: s.budgetFen / 100,
      spent: s.spentFen / 100,
    });

  const about = wb.addWorksheet('说明');
  about.columns = [
    { header: '项目', key: 'k', width: 14 },
    { header: '内容', key: 'v', width: 60 },
  ];
  about.getRow(1).font = { bold: true };
  about.addRow({ k: '方案', v: neutraliseCell(programmeName) });
  about.addRow({ k: '单位', v: neutraliseCell(report.orgName) });
  about.addRow({ k: '统计日', v: report.on });
  about.addRow({ k: '生成时间', v: report.computedAt });
  about.addRow({ k: '状态说明', v: '达标：已完成目标；正常推进：未完成但进度正常；有风险：周期已过预警节点（默认过半）且进度落后于时间进度；未达标：周期结束仍未完成' });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
