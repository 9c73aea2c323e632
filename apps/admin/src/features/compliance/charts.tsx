import ReactEChartsCore from 'echarts-for-react/esm/core';
import { BarChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import type { ComplianceOverview, ComplianceReport } from '@guanai/contracts';
import type { Translate } from '@/app/i18n/lang';
import { formatFen } from '@/features/care/money';

// Only what the dashboards draw, so the bundle stays small. SVG rather than canvas: the labels are text
// in the page (screen readers, find-in-page, tests), and the aria component describes each chart.
echarts.use([BarChart, GridComponent, TooltipComponent, LegendComponent, AriaComponent, SVGRenderer]);

/** Fen → yuan for the chart's scale only; every number a person reads goes through formatFen. */
const yuan = (fen: number) => fen / 100;

interface TooltipParam {
  seriesName: string;
  name: string;
  value: number;
  marker: string;
}

const yuanTooltip = (t: Translate) => (params: TooltipParam | TooltipParam[]) => {
  const list = Array.isArray(params) ? params : [params];
  const head = list[0]?.name ?? '';
  return [
    head,
    ...list.map(
      (p) =>
        `${p.marker}${p.seriesName}：${t('compliance.unit.yuan', { n: formatFen(Math.round(p.value * 100)) })}`,
    ),
  ].join('<br/>');
};

/** Spending by measure against its budget (a tenant's report). */
export function SpendingChart({ spending, t }: { spending: ComplianceReport['spending']; t: Translate }) {
  const rows = spending.filter((s) => s.budgetFen > 0 || s.spentFen > 0);
  const names = rows.map((s) => `${s.measureClause} ${s.measureTitle}`);
  const option = {
    aria: { enabled: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, formatter: yuanTooltip(t) },
    // ECharts 6 puts the legend at the bottom by default, over the axis labels: keep it on top.
    legend: { top: 0, data: [t('compliance.budget'), t('compliance.spent')] },
    grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'value', name: t('care.yuan') },
    yAxis: {
      type: 'category',
      data: names,
      inverse: true,
      axisLabel: { width: 220, overflow: 'truncate' },
    },
    series: [
      {
        name: t('compliance.budget'),
        type: 'bar',
        data: rows.map((s) => yuan(s.budgetFen)),
        itemStyle: { color: '#d9d9d9' },
        barGap: '-100%',
        barWidth: 14,
      },
      {
        name: t('compliance.spent'),
        type: 'bar',
        barWidth: 8,
        data: rows.map((s) => ({
          value: yuan(s.spentFen),
          // Over budget stands out.
          itemStyle: { color: s.budgetFen > 0 && s.spentFen > s.budgetFen ? '#f5222d' : '#1677ff' },
        })),
      },
    ],
  };
  return (
    <ReactEChartsCore
      echarts={echarts}
      option={option}
      notMerge
      style={{ height: Math.max(160, 48 + rows.length * 34) }}
      opts={{ renderer: 'svg' }}
    />
  );
}

/** The province's view: each tenant's spending, stacked by area. */
export function AreaSpendingChart({
  overview,
  t,
  onTenant,
}: {
  overview: ComplianceOverview;
  t: Translate;
  onTenant?: (orgId: string) => void;
}) {
  const tenants = overview.tenants;
  const option = {
    aria: { enabled: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, formatter: yuanTooltip(t) },
    legend: { type: 'scroll', top: 0, data: overview.areas.map((a) => a.title) },
    grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
    xAxis: {
      type: 'category',
      data: tenants.map((x) => x.orgName),
      axisLabel: { interval: 0, rotate: tenants.length > 6 ? 30 : 0, width: 120, overflow: 'truncate' },
    },
    yAxis: { type: 'value', name: t('care.yuan') },
    series: overview.areas.map((a) => ({
      name: a.title,
      type: 'bar',
      stack: 'spent',
      data: tenants.map((x) => yuan(x.spentByArea[a.key] ?? 0)),
    })),
  };
  return (
    <ReactEChartsCore
      echarts={echarts}
      option={option}
      notMerge
      style={{ height: 360 }}
      opts={{ renderer: 'svg' }}
      onEvents={
        onTenant
          ? {
              click: (p: { dataIndex: number }) =>
                tenants[p.dataIndex] && onTenant(tenants[p.dataIndex]!.orgId),
            }
          : undefined
      }
    />
  );
}
