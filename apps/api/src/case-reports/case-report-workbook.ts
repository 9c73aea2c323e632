// The dispute-case report as an .xlsx (维权案件统计导出), Chinese headers and labels. Organisation names
// are typed by administrators: neutralised against formula injection like every exported text.
import { Workbook, type Worksheet } from 'exceljs';
import type { CaseFigures, CaseReport, CaseReportStage } from '@guanai/contracts';
import { neutraliseCell } from '@guanai/db';

export const CATEGORY_LABELS: Record<keyof CaseFigures['byCategory'], string> = {
  wage_arrears: '拖欠工资',
  social_insurance_housing_fund: '社会保险和住房公积金',
  termination_dismissal: '解除合同或辞退',
  hours_leave: '工作时间和休息休假',
  appointment_title_evaluation: '聘任、职称和考核',
  discipline: '处分',
  other: '其他',
};

export const STATE_LABELS: Record<keyof CaseFigures['byState'], string> = {
  submitted: '已提交',
  accepted: '已受理',
  declined: '不予受理',
  mediation: '调解中',
  settled: '已达成调解协议',
  mediation_failed: '调解不成',
  arbitration: '仲裁中',
  litigation: '诉讼中',
  closed: '已结案',
  withdrawn: '已撤回',
};

export const OUTCOME_LABELS: Record<keyof CaseFigures['byOutcome'], string> = {
  upheld: '全部支持',
  partly_upheld: '部分支持',
  dismissed: '驳回',
  settled: '和解或调解结案',
  other: '其他',
};

export const STAGE_LABELS: Record<CaseReportStage, string> = {
  submitted: '待受理（提交至受理或不予受理）',
  mediation: '调解',
  arbitration: '仲裁',
  litigation: '诉讼',
  intake_to_close: '受理至结案（全程）',
};

const HEADER = {
  font: { bold: true },
  fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } },
} as const;
const YUAN = '#,##0.00';

function sheet(
  wb: Workbook,
  name: string,
  columns: { header: string; key: string; width: number }[],
): Worksheet {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns;
  ws.getRow(1).eachCell((c) => Object.assign(c, HEADER));
  return ws;
}

/** 汇总, 按类别, 按状态, 按结果, 各阶段用时, 分单位, 说明: the same figures the page shows. */
export async function caseReportWorkbook(report: CaseReport, who: string): Promise<Buffer> {
  const wb = new Workbook();
  wb.creator = '教师关爱平台';
  const t = report.totals;

  const summary = sheet(wb, '汇总', [
    { header: '指标', key: 'k', width: 34 },
    { header: '数值', key: 'v', width: 18 },
  ]);
  const money = (k: string, fen: number) => (summary.addRow({ k, v: fen / 100 }).getCell('v').numFmt = YUAN);
  summary.addRow({ k: '统计单位', v: neutraliseCell(who) });
  summary.addRow({ k: '受理日期', v: `${report.from} 至 ${report.to}` });
  summary.addRow({ k: '案件数', v: t.cases });
  money('主张金额（元）', t.claimedFen);
  money('已结案件主张金额（元）', t.closedClaimedFen);
  money('追回金额（元）', t.recoveredFen);
  summary.addRow({ k: '期限已过仍未办理（在办案件）', v: t.overdue });
  summary.addRow({ k: '办结时已过法定期限（案件数）', v: t.missed.cases });
  summary.addRow({ k: '　其中：调解期限（第十四条）', v: t.missed.mediation });
  summary.addRow({ k: '　其中：仲裁时效（第二十七条）', v: t.missed.limitation });
  summary.addRow({ k: '　其中：裁决期限（第四十三条）', v: t.missed.award });

  const counts = (
    name: string,
    label: string,
    labels: Record<string, string>,
    values: Record<string, number>,
  ) => {
    const ws = sheet(wb, name, [
      { header: label, key: 'k', width: 28 },
      { header: '件数', key: 'n', width: 10 },
    ]);
    for (const [key, text] of Object.entries(labels)) ws.addRow({ k: text, n: values[key] ?? 0 });
  };
  counts('按类别', '类别', CATEGORY_LABELS, t.byCategory);
  counts('按状态', '当前状态', STATE_LABELS, t.byState);
  counts('按结果', '结案结果', OUTCOME_LABELS, t.byOutcome);

  const stages = sheet(wb, '各阶段用时', [
    { header: '阶段', key: 'stage', width: 32 },
    { header: '件数', key: 'n', width: 10 },
    { header: '平均天数', key: 'avg', width: 12 },
    { header: '中位天数', key: 'median', width: 12 },
  ]);
  for (const [key, text] of Object.entries(STAGE_LABELS)) {
    const s = t.stages[key as CaseReportStage];
    stages.addRow({ stage: text, n: s.cases, avg: s.averageDays, median: s.medianDays });
  }

  const tenants = sheet(wb, '分单位', [
    { header: '单位', key: 'org', width: 30 },
    { header: '案件数', key: 'cases', width: 10 },
    ...Object.entries(CATEGORY_LABELS).map(([k, h]) => ({ header: h, key: `c.${k}`, width: 12 })),
    ...Object.entries(STATE_LABELS).map(([k, h]) => ({ header: h, key: `s.${k}`, width: 10 })),
    { header: '主张金额（元）', key: 'claimed', width: 16 },
    { header: '追回金额（元）', key: 'recovered', width: 16 },
    { header: '期限已过仍未办理', key: 'overdue', width: 16 },
    { header: '办结时已过法定期限', key: 'missed', width: 18 },
  ]);
  const line = (org: string, f: CaseFigures) => {
    const row = tenants.addRow({
      org: neutraliseCell(org),
      cases: f.cases,
      ...Object.fromEntries(
        Object.keys(CATEGORY_LABELS).map((k) => [`c.${k}`, f.byCategory[k as keyof typeof f.byCategory]]),
      ),
      ...Object.fromEntries(
        Object.keys(STATE_LABELS).map((k) => [`s.${k}`, f.byState[k as keyof typeof f.byState]]),
      ),
      claimed: f.claimedFen / 100,
      recovered: f.recoveredFen / 100,
      overdue: f.overdue,
      missed: f.missed.cases,
    });
    row.getCell('claimed').numFmt = YUAN;
    row.getCell('recovered').numFmt = YUAN;
    return row;
  };
  for (const x of report.byTenant) line(x.orgName, x);
  line('合计', t).font = { bold: true };

  const about = sheet(wb, '说明', [
    { header: '项目', key: 'k', width: 18 },
    { header: '内容', key: 'v', width: 90 },
  ]);
  about.addRow({
    k: '统计范围',
    v: '受理日期（北京时间）在上述区间内的案件；只含汇总数字，不含案情和当事人信息',
  });
  about.addRow({
    k: '各阶段用时',
    v: '按案件时间线：进入该状态至离开该状态的天数，尚未离开的不计；全程为受理至结案',
  });
  about.addRow({ k: '期限已过仍未办理', v: `截至 ${report.today} 仍在办理、且最早一项未届满期限已过的案件` });
  about.addRow({
    k: '办结时已过法定期限',
    v: '已结案、不予受理或撤回的案件中，办结之日前有法定期限（调解十五日、仲裁时效一年、裁决四十五日及延长期）已届满而相应事项未办理的',
  });
  about.addRow({ k: '生成时间', v: report.computedAt });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
