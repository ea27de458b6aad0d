// The hourly/daily chart of one pollutant: ECharts options built from the series points.
import type { Series, SeriesPoint } from '../../api/monitoring';
import { axisTimeOf } from '../../components/charts/axis-time';
import type { ChartOption } from '../../components/charts/Chart';
import { formatValue } from './rate-format';
import { shanghaiAxisMs } from './time-range';

export interface SeriesChartLabels {
  avg: string;
  zsAvg: string;
  invalid: string;
  disagree: string;
  unitValue: string;
  limit: string;
  valid: string;
  incomplete: string;
  flagTitle: string;
  /** Label of an invalidity reason code. */
  reason: (code: string | null) => string;
  /** Label of a data flag, e.g. "N 正常". */
  flag: (code: string | null) => string;
  /** An instant as the screen shows it (Shanghai). */
  time: (iso: string) => string;
}

export const SERIES_COLORS = {
  avg: '#1677ff',
  zsAvg: '#13c2c2',
  invalid: '#f5222d',
  disagree: '#fa8c16',
  limit: '#cf1322',
} as const;

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** The value a point is judged by: the O2-corrected one when there is one. */
export const judgedValue = (p: SeriesPoint): number | null => p.zsAvg ?? p.avg;

/** A point counts as invalid on the chart once its period is over (the current hour is not yet judged). */
export const isMarkedInvalid = (p: SeriesPoint): boolean => !p.valid && p.complete;

/** A round axis maximum above `value` (1, 2, 2.5 or 5 × a power of ten). */
export function niceCeil(value: number): number {
  if (!(value > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 2.5, 5, 10]) if (step * power >= value) return step * power;
  return 10 * power;
}

/** The y-axis maximum when the reference line is above the data (else let ECharts choose). */
export function axisMaxFor(points: readonly SeriesPoint[], limit: number | null): number | undefined {
  if (limit === null || !Number.isFinite(limit)) return undefined;
  let max = Number.NEGATIVE_INFINITY;
  for (const p of points)
    for (const v of [p.avg, p.zsAvg, p.unitAvg, p.unitZsAvg]) if (v !== null && v > max) max = v;
  return limit >= max ? niceCeil(limit * 1.1) : undefined;
}

/** The tooltip of one point: values, validity with reason and flag, the unit's own values. */
export function pointTooltip(series: Series, point: SeriesPoint, labels: SeriesChartLabels): string {
  const unit = series.pollutant.unit ? ` ${series.pollutant.unit}` : '';
  const row = (name: string, value: string, color?: string) =>
    `<div>${color ? `<span style="display:inline-block;width:8px;height:8px;border-radius:4px;background:${color};margin-right:6px"></span>` : ''}${escapeHtml(name)}：<b>${escapeHtml(value)}</b></div>`;
  const lines = [
    `<div style="font-weight:600;margin-bottom:4px">${escapeHtml(labels.time(point.time))}</div>`,
  ];
  lines.push(
    row(labels.avg, `${formatValue(point.avg)}${point.avg === null ? '' : unit}`, SERIES_COLORS.avg),
  );
  if (point.zsAvg !== null)
    lines.push(row(labels.zsAvg, `${formatValue(point.zsAvg)}${unit}`, SERIES_COLORS.zsAvg));
  if (!point.complete) lines.push(`<div style="color:#8c8c8c">${escapeHtml(labels.incomplete)}</div>`);
  else if (point.valid) lines.push(`<div style="color:#389e0d">${escapeHtml(labels.valid)}</div>`);
  else
    lines.push(
      `<div style="color:${SERIES_COLORS.invalid}">${escapeHtml(`${labels.invalid}：${labels.reason(point.reason)}`)}</div>`,
    );
  if (point.flag) lines.push(row(labels.flagTitle, labels.flag(point.flag)));
  const unitValue = point.unitZsAvg ?? point.unitAvg;
  if (unitValue !== null) {
    lines.push(
      row(
        labels.unitValue,
        `${formatValue(point.unitAvg)}${point.unitZsAvg !== null ? ` / ${formatValue(point.unitZsAvg)}` : ''}${unit}`,
        point.disagrees ? SERIES_COLORS.disagree : undefined,
      ),
    );
  }
  if (point.disagrees)
    lines.push(`<div style="color:${SERIES_COLORS.disagree}">${escapeHtml(labels.disagree)}</div>`);
  return lines.join('');
}

type Datum = [number, number | null];

/**
 * Lines for the average and the O2-corrected average (when the pollutant has one), invalid periods
 * as red triangles at their judged value (0 when there is none), periods where the unit's own
 * value differs as orange diamonds at the unit's value, and the typed reference line.
 */
export function seriesChartOption(
  series: Series,
  labels: SeriesChartLabels,
  limit: number | null = null,
): ChartOption {
  const points = series.points;
  const byMs = new Map(points.map((p) => [shanghaiAxisMs(p.time), p]));
  const hasZs = points.some((p) => p.zsAvg !== null);
  const at = (p: SeriesPoint) => shanghaiAxisMs(p.time);
  const markLine =
    limit !== null && Number.isFinite(limit)
      ? {
          silent: true,
          symbol: 'none',
          lineStyle: { type: 'dashed' as const, color: SERIES_COLORS.limit, width: 1.5 },
          label: { formatter: `${labels.limit} ${limit}`, position: 'insideEndTop' as const },
          data: [{ yAxis: limit }],
        }
      : undefined;
  const line = (name: string, color: string, data: Datum[], withLimit: boolean) => ({
    type: 'line' as const,
    name,
    data,
    showSymbol: data.length <= 48,
    symbolSize: 4,
    connectNulls: false,
    itemStyle: { color },
    lineStyle: { width: 1.6 },
    ...(withLimit && markLine ? { markLine } : {}),
  });
  const invalid: Datum[] = points.filter(isMarkedInvalid).map((p) => [at(p), judgedValue(p) ?? 0]);
  const disagree: Datum[] = points
    .filter((p) => p.disagrees && (p.unitZsAvg ?? p.unitAvg) !== null)
    .map((p) => [at(p), p.unitZsAvg ?? p.unitAvg]);
  const max = axisMaxFor(points, limit);
  const hourly = series.period === 'hour';

  return {
    useUTC: true,
    animation: false,
    grid: { left: 12, right: 28, top: 44, bottom: 64, containLabel: true },
    legend: { top: 0 },
    tooltip: {
      trigger: 'axis',
      confine: true,
      formatter: (params: unknown) => {
        const point = byMs.get(axisTimeOf(params));
        return point ? pointTooltip(series, point, labels) : '';
      },
    },
    // The axis spans the period asked for, so days without data show as empty, not as absent.
    xAxis: {
      type: 'time',
      min: shanghaiAxisMs(series.from),
      max: shanghaiAxisMs(series.to),
      ...(hourly ? {} : { minInterval: 86_400_000 }),
      axisLabel: {
        hideOverlap: true,
        formatter: {
          year: '{yyyy}',
          month: '{yyyy}-{MM}',
          day: '{MM}-{dd}',
          hour: hourly ? '{HH}:{mm}' : '{MM}-{dd}',
          minute: '{HH}:{mm}',
          second: '{HH}:{mm}:{ss}',
          millisecond: '{HH}:{mm}',
        },
      },
    },
    yAxis: {
      type: 'value',
      name: series.pollutant.unit ?? '',
      ...(max !== undefined ? { max } : {}),
    },
    dataZoom: [
      { type: 'inside', filterMode: 'none' },
      { type: 'slider', height: 18, bottom: 8, filterMode: 'none' },
    ],
    series: [
      line(
        labels.avg,
        SERIES_COLORS.avg,
        points.map((p) => [at(p), p.avg]),
        !hasZs,
      ),
      ...(hasZs
        ? [
            line(
              labels.zsAvg,
              SERIES_COLORS.zsAvg,
              points.map((p) => [at(p), p.zsAvg]),
              true,
            ),
          ]
        : []),
      {
        type: 'scatter' as const,
        name: labels.invalid,
        data: invalid,
        symbol: 'triangle',
        symbolSize: 10,
        itemStyle: { color: SERIES_COLORS.invalid },
        z: 5,
      },
      {
        type: 'scatter' as const,
        name: labels.disagree,
        data: disagree,
        symbol: 'diamond',
        symbolSize: 10,
        itemStyle: { color: SERIES_COLORS.disagree },
        z: 4,
      },
    ],
  };
}
