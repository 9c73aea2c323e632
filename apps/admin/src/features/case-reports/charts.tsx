import ReactEChartsCore from 'echarts-for-react/esm/core';
import { BarChart } from 'echarts/charts';
import { AriaComponent, GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

// Only bars, as on the compliance dashboards; SVG so the labels are text in the page.
echarts.use([BarChart, GridComponent, TooltipComponent, AriaComponent, SVGRenderer]);

/** Cases per label as horizontal bars, in the order given, each bar labelled with its count. */
export function CountChart({ items, name }: { items: { label: string; value: number }[]; name: string }) {
  const option = {
    aria: { enabled: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: {
      type: 'category',
      inverse: true,
      data: items.map((i) => i.label),
      axisLabel: { width: 140, overflow: 'truncate' },
    },
    series: [
      {
        name,
        type: 'bar',
        barWidth: 14,
        data: items.map((i) => i.value),
        label: { show: true, position: 'right' },
        itemStyle: { color: '#1677ff' },
      },
    ],
  };
  return (
    <ReactEChartsCore
      echarts={echarts}
      option={option}
      notMerge
      style={{ height: Math.max(140, 24 + items.length * 30) }}
      opts={{ renderer: 'svg' }}
    />
  );
}
