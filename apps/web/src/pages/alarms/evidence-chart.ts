// The sheet's evidence chart: the hourly (or daily) values of the pollutant around the alarm, the
// limit it was judged by, invalid and flagged values, approved filings and the alarm period itself.
import type { AlarmFiling, LimitSnapshot, WindowPoint } from '../../api/alarms';
import { axisTimeOf } from '../../components/charts/axis-time';
import type { ChartOption } from '../../components/charts/Chart';
import { formatValue } from '../monitoring/rate-format';
import { shanghaiAxisMs } from '../monitoring/time-range';

export const O2_CODE = 'a19001';

export interface EvidenceChartLabels {
  avg: string;
  zsAvg: string;
  o2: string;
  invalid: string;
  flagged: string;
  limit: string;
  limitLo: string;
  limitHi: string;
  alarmPeriod: string;
  /** The label of a filing's kind, e.g. 维护. */
  filing: (kind: string) => string;
  /** "N 正常". */
  flag: (code: string) => string;
  reason: (code: string | null) => string;
  time: (iso: string) => string;
}

export interface EvidenceInput {
  window: { from: string; to: string; series: readonly WindowPoint[] };
  pollutant: string | null;
  unit: string | null;
  limit: LimitSnapshot | null;
  startedAt: string;
  endedAt: string;
  filings: readonly AlarmFiling[];
}

export const EVIDENCE_COLORS = {
  avg: '#1677ff',
  zsAvg: '#13c2c2',
  o2: '#8c8c8c',
  invalid: '#f5222d',
  flagged: '#fa8c16',
  limit: '#cf1322',
  alarm: 'rgba(245, 34, 45, 0.12)',
  filing: 'rgba(22, 119, 255, 0.10)',
} as const;

/** Values of one pollutant, in time order. */
export const pointsOf = (series: readonly WindowPoint[], code: string | null): WindowPoint[] =>
  code === null
    ? []
    : series.filter((p) => p.pollutant === code).sort((a, b) => Date.parse(a.at) - Date.parse(b.at));

/** A point the chart marks: invalid, or sent with a flag other than N (normal). */
export const isFlagged = (p: WindowPoint): boolean => p.flag !== null && p.flag !== '' && p.flag !== 'N';

/** The lines the limit draws: one for a maximum, two for a range (pH). */
export function limitLines(
  limit: LimitSnapshot | null,
  labels: Pick<EvidenceChartLabels, 'limit' | 'limitLo' | 'limitHi'>,
) {
  if (!limit) return [];
  const v = limit.value;
  if (v.kind === 'max') return [{ yAxis: v.max, name: `${labels.limit} ${v.max}` }];
  return [
    { yAxis: v.lo, name: `${labels.limitLo} ${v.lo}` },
    { yAxis: v.hi, name: `${labels.limitHi} ${v.hi}` },
  ];
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

type Datum = [number, number | null];

export function evidenceChartOption(input: EvidenceInput, labels: EvidenceChartLabels): ChartOption {
  const points = pointsOf(input.window.series, input.pollutant);
  const o2 = input.pollutant === O2_CODE ? [] : pointsOf(input.window.series, O2_CODE);
  const hasZs = points.some((p) => p.zsAvg !== null);
  const at = (p: WindowPoint) => shanghaiAxisMs(p.at);
  const judged = (p: WindowPoint) => p.zsAvg ?? p.avg;
  const lines = limitLines(input.limit, labels);
  const unit = input.unit ?? input.limit?.unit ?? '';
  const markLine =
    lines.length > 0
      ? {
          silent: true,
          symbol: 'none',
          lineStyle: { type: 'dashed' as const, color: EVIDENCE_COLORS.limit, width: 1.5 },
          label: { position: 'insideEndTop' as const, formatter: (p: { name?: string }) => p.name ?? '' },
          data: lines,
        }
      : undefined;
  const areas = [
    ...input.filings.map((f) => [
      {
        name: labels.filing(f.kind),
        xAxis: shanghaiAxisMs(f.startsAt),
        itemStyle: { color: EVIDENCE_COLORS.filing },
        label: { color: '#1677ff' },
      },
      { xAxis: shanghaiAxisMs(f.endsAt) },
    ]),
    [
      {
        name: labels.alarmPeriod,
        xAxis: shanghaiAxisMs(input.startedAt),
        itemStyle: { color: EVIDENCE_COLORS.alarm },
        label: { color: EVIDENCE_COLORS.limit },
      },
      { xAxis: shanghaiAxisMs(input.endedAt) },
    ],
  ];
  const markArea = { silent: true, label: { position: 'insideTop' as const, fontSize: 11 }, data: areas };
  const line = (name: string, color: string, data: Datum[], extra: object = {}) => ({
    type: 'line' as const,
    name,
    data,
    showSymbol: data.length <= 72,
    symbolSize: 4,
    connectNulls: false,
    itemStyle: { color },
    lineStyle: { width: 1.6 },
    ...extra,
  });
  const byMs = new Map<number, { main?: WindowPoint; o2?: WindowPoint }>();
  for (const p of points) byMs.set(at(p), { ...byMs.get(at(p)), main: p });
  for (const p of o2) byMs.set(at(p), { ...byMs.get(at(p)), o2: p });

  const tooltip = (ms: number): string => {
    const hit = byMs.get(ms);
    if (!hit) return '';
    const rows: string[] = [];
    const anyIso = hit.main?.at ?? hit.o2?.at;
    if (anyIso)
      rows.push(`<div style="font-weight:600;margin-bottom:4px">${escapeHtml(labels.time(anyIso))}</div>`);
    const u = unit ? ` ${unit}` : '';
    if (hit.main) {
      const p = hit.main;
      rows.push(
        `<div>${escapeHtml(labels.avg)}：<b>${escapeHtml(formatValue(p.avg))}${p.avg === null ? '' : escapeHtml(u)}</b></div>`,
      );
      if (p.zsAvg !== null)
        rows.push(
          `<div>${escapeHtml(labels.zsAvg)}：<b>${escapeHtml(formatValue(p.zsAvg))}${escapeHtml(u)}</b></div>`,
        );
      if (!p.valid)
        rows.push(
          `<div style="color:${EVIDENCE_COLORS.invalid}">${escapeHtml(`${labels.invalid}：${labels.reason(p.invalidReason)}`)}</div>`,
        );
      if (isFlagged(p) && p.flag)
        rows.push(`<div style="color:${EVIDENCE_COLORS.flagged}">${escapeHtml(labels.flag(p.flag))}</div>`);
    }
    if (hit.o2)
      rows.push(`<div>${escapeHtml(labels.o2)}：<b>${escapeHtml(formatValue(hit.o2.avg))} %</b></div>`);
    return rows.join('');
  };

  const mainName = hasZs ? labels.zsAvg : labels.avg;
  const invalid: Datum[] = points.filter((p) => !p.valid).map((p) => [at(p), judged(p) ?? 0]);
  const flagged: Datum[] = points.filter((p) => p.valid && isFlagged(p)).map((p) => [at(p), judged(p) ?? 0]);
  const limitMax = lines.reduce((m, l) => Math.max(m, l.yAxis), Number.NEGATIVE_INFINITY);
  const dataMax = points.reduce(
    (m, p) => Math.max(m, p.avg ?? -Infinity, p.zsAvg ?? -Infinity),
    Number.NEGATIVE_INFINITY,
  );
  const daily = points.length > 1 && Date.parse(points[1]!.at) - Date.parse(points[0]!.at) >= 86_400_000;

  return {
    useUTC: true,
    animation: false,
    grid: { left: 12, right: o2.length ? 48 : 28, top: 44, bottom: 64, containLabel: true },
    legend: { top: 0 },
    tooltip: {
      trigger: 'axis',
      confine: true,
      formatter: (params: unknown) => {
        return tooltip(axisTimeOf(params));
      },
    },
    xAxis: {
      type: 'time',
      min: shanghaiAxisMs(input.window.from),
      max: shanghaiAxisMs(input.window.to),
      axisLabel: {
        hideOverlap: true,
        formatter: {
          year: '{yyyy}',
          month: '{yyyy}-{MM}',
          day: '{MM}-{dd}',
          hour: daily ? '{MM}-{dd}' : '{HH}:{mm}',
          minute: '{HH}:{mm}',
          second: '{HH}:{mm}:{ss}',
          millisecond: '{HH}:{mm}',
        },
      },
    },
    yAxis: [
      {
        type: 'value',
        name: unit,
        // Keep the limit line in view when every value is under it.
        ...(Number.isFinite(limitMax) && limitMax >= dataMax ? { max: Math.ceil(limitMax * 1.15) } : {}),
      },
      ...(o2.length
        ? [{ type: 'value' as const, name: `${labels.o2} %`, min: 0, max: 25, splitLine: { show: false } }]
        : []),
    ],
    dataZoom: [
      { type: 'inside', filterMode: 'none' },
      { type: 'slider', height: 18, bottom: 8, filterMode: 'none' },
    ],
    series: [
      ...(hasZs
        ? [
            line(
              labels.avg,
              EVIDENCE_COLORS.avg,
              points.map((p) => [at(p), p.avg]),
            ),
          ]
        : []),
      line(
        mainName,
        hasZs ? EVIDENCE_COLORS.zsAvg : EVIDENCE_COLORS.avg,
        points.map((p) => [at(p), judged(p)]),
        {
          ...(markLine ? { markLine } : {}),
          markArea,
        },
      ),
      ...(o2.length
        ? [
            line(
              labels.o2,
              EVIDENCE_COLORS.o2,
              o2.map((p) => [at(p), p.avg]),
              {
                yAxisIndex: 1,
                lineStyle: { width: 1, type: 'dashed' as const },
                showSymbol: false,
              },
            ),
          ]
        : []),
      {
        type: 'scatter' as const,
        name: labels.invalid,
        data: invalid,
        symbol: 'triangle',
        symbolSize: 10,
        itemStyle: { color: EVIDENCE_COLORS.invalid },
        z: 5,
      },
      {
        type: 'scatter' as const,
        name: labels.flagged,
        data: flagged,
        symbol: 'diamond',
        symbolSize: 10,
        itemStyle: { color: EVIDENCE_COLORS.flagged },
        z: 4,
      },
    ],
  };
}
