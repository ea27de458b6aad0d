import { useTranslation } from 'react-i18next';
import type { DashboardSummary } from '../../api/types';
import { Chart, type ChartOption } from '../../components/charts/Chart';
import { topRows } from './chart-rows';

/** Horizontal bars: long Chinese district and industry names stay readable on the left. */
interface BarsProps {
  rows: { key: string; name: string; count: number }[];
  testId: string;
  /** Clicking a bar opens the enterprise list filtered to it. */
  onSelect?: (key: string) => void;
  /** Only the largest rows are drawn; the rest are summed into one bar. */
  limit?: number;
  restLabel?: string;
}

export function CountBars({ rows, testId, onSelect, limit = 15, restLabel }: BarsProps) {
  const { t } = useTranslation();
  const sorted = topRows(rows, limit, restLabel ?? t('dashboard.rest')).reverse();
  const option: ChartOption = {
    grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: {
      type: 'category',
      data: sorted.map((r) => r.name),
      axisLabel: { width: 140, overflow: 'truncate' },
    },
    series: [
      {
        type: 'bar',
        name: t('dashboard.count'),
        data: sorted.map((r) => r.count),
        label: { show: true, position: 'right' },
        itemStyle: { color: '#1677ff' },
        barMaxWidth: 18,
      },
    ],
  };
  return (
    <Chart
      option={option}
      height={Math.max(220, sorted.length * 26 + 24)}
      testId={testId}
      onClick={(e) => {
        const row = sorted.find((r) => r.count === e.data && r.name === e.name);
        if (row?.key && onSelect) onSelect(row.key);
      }}
    />
  );
}

const LEVEL_COLORS: Record<string, string> = {
  national: '#f5222d',
  provincial: '#fa8c16',
  city: '#fadb14',
  none: '#bfbfbf',
};

export function ControlLevelPie({ rows }: { rows: DashboardSummary['byControlLevel'] }) {
  const { t } = useTranslation();
  const option: ChartOption = {
    tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
    legend: { bottom: 0 },
    series: [
      {
        type: 'pie',
        radius: ['40%', '68%'],
        center: ['50%', '45%'],
        label: { formatter: '{b} {c}' },
        data: rows.map((r) => ({
          name: t(`controlLevel.${r.key}`),
          value: r.count,
          itemStyle: { color: LEVEL_COLORS[r.key] },
        })),
      },
    ],
  };
  return <Chart option={option} height={300} testId="chart-control-level" />;
}
