// The overview's bar chart: today's transmission validity rate per district, with the 90 % line.
import type { DistrictStatus } from '../../api/monitoring';
import type { ChartOption } from '../../components/charts/Chart';
import { RATE_TARGET, rateColor, ratePercent } from './rate-format';

export interface DistrictChartLabels {
  rate: string;
  target: string;
  online: string;
  offline: string;
  notComputed: string;
}

export function districtChartOption(
  districts: readonly DistrictStatus[],
  labels: DistrictChartLabels,
): ChartOption {
  const target = ratePercent(RATE_TARGET)!;
  return {
    animation: false,
    grid: { left: 8, right: 72, top: 24, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params: unknown) => {
        const first = (Array.isArray(params) ? params[0] : params) as { dataIndex?: number } | undefined;
        const d = districts[first?.dataIndex ?? -1];
        if (!d) return '';
        const pct = ratePercent(d.today.transmissionValidityRate);
        return [
          `<b>${d.name}</b>`,
          `${labels.rate}：${pct === null ? labels.notComputed : `${pct.toFixed(2)}%`}`,
          `${labels.online} ${d.online} / ${labels.offline} ${d.offline}`,
        ].join('<br/>');
      },
    },
    xAxis: {
      type: 'category',
      data: districts.map((d) => d.name),
      // Long names (湖南益阳高新技术产业园区) wrap instead of hiding their neighbours.
      axisLabel: { interval: 0, width: 60, overflow: 'breakAll', lineHeight: 14 },
    },
    yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    series: [
      {
        type: 'bar',
        name: labels.rate,
        barMaxWidth: 36,
        data: districts.map((d) => ({
          value: ratePercent(d.today.transmissionValidityRate),
          itemStyle: { color: rateColor(d.today.transmissionValidityRate) },
        })),
        label: {
          show: true,
          position: 'top',
          formatter: (p: { value?: unknown }) => (p.value == null ? '' : `${p.value}%`),
        },
        markLine: {
          silent: true,
          symbol: 'none',
          lineStyle: { type: 'dashed', color: '#cf1322' },
          label: { formatter: labels.target, position: 'end' },
          data: [{ yAxis: target }],
        },
      },
    ],
  };
}
