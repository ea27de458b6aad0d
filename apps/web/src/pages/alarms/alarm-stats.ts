// Counts of the alarm centre and the response dashboard, from GET /alarms/stats.
import type { Alarm, AlarmStateFilter, AlarmStats, DistrictResponse } from '../../api/alarms';
import type { ChartOption } from '../../components/charts/Chart';

/** One statistic card: its key (an i18n leaf and, when it has one, the state filter it opens). */
export interface StateCard {
  key: 'all' | 'dispatched' | 'inProgress' | 'concluded' | 'closed' | 'overdue' | 'escalated' | 'filed';
  count: number;
  /** The list filter the card opens; none for 全部 and 处理中 (three states). */
  filter?: AlarmStateFilter;
}

const countOf = (stats: AlarmStats, state: string) =>
  stats.byState.find((s) => s.state === state)?.count ?? 0;
const sum = (rows: readonly DistrictResponse[], key: keyof DistrictResponse) =>
  rows.reduce((n, r) => n + (Number(r[key]) || 0), 0);

/** 全部 · 待签收 · 处理中 · 已核实 · 已办结 · 超时 · 已督办 · 报备期内. */
export function stateCards(stats: AlarmStats): StateCard[] {
  return [
    { key: 'all', count: stats.byState.reduce((n, s) => n + s.count, 0) },
    { key: 'dispatched', count: countOf(stats, 'dispatched'), filter: 'dispatched' },
    {
      key: 'inProgress',
      count: countOf(stats, 'signed') + countOf(stats, 'explained') + countOf(stats, 'operator_verified'),
    },
    { key: 'concluded', count: countOf(stats, 'concluded'), filter: 'concluded' },
    { key: 'closed', count: countOf(stats, 'closed'), filter: 'closed' },
    { key: 'overdue', count: sum(stats.byDistrict, 'overdue'), filter: 'overdue' },
    { key: 'escalated', count: sum(stats.byDistrict, 'escalated'), filter: 'escalated' },
    { key: 'filed', count: countOf(stats, 'filed'), filter: 'filed' },
  ];
}

/**
 * 按时响应率: sheets answered before the deadline over sheets whose answer is decided (on time,
 * late, or unanswered past the deadline); sheets still within their 24 hours do not count yet.
 * null when no sheet is decided.
 */
export function onTimeRate(r: Pick<DistrictResponse, 'onTime' | 'late' | 'overdue'>): number | null {
  const decided = r.onTime + r.late + r.overdue;
  return decided > 0 ? r.onTime / decided : null;
}

export interface ResponseRow extends DistrictResponse {
  rate: number | null;
}

/** One row per district and a total (districtCode ''), for the response table. */
export function responseRows(stats: Pick<AlarmStats, 'byDistrict'>): {
  rows: ResponseRow[];
  total: ResponseRow;
} {
  const rows = stats.byDistrict.map((d) => ({ ...d, rate: onTimeRate(d) }));
  const total: DistrictResponse = {
    districtCode: '',
    districtName: '',
    alarms: sum(stats.byDistrict, 'alarms'),
    sheets: sum(stats.byDistrict, 'sheets'),
    onTime: sum(stats.byDistrict, 'onTime'),
    late: sum(stats.byDistrict, 'late'),
    pending: sum(stats.byDistrict, 'pending'),
    overdue: sum(stats.byDistrict, 'overdue'),
    escalated: sum(stats.byDistrict, 'escalated'),
  };
  return { rows, total: { ...total, rate: onTimeRate(total) } };
}

/** 0.8333 → "83.3%"; null → "—". */
export const formatPercent = (rate: number | null): string =>
  rate === null || !Number.isFinite(rate) ? '—' : `${(Math.round(rate * 1000) / 10).toFixed(1)}%`;

export interface DistrictBarsLabels {
  alarms: string;
  sheets: string;
}

/** 各区县报警数: alarms and dispatched sheets side by side; a click names the district. */
export function districtBarsOption(
  rows: readonly DistrictResponse[],
  labels: DistrictBarsLabels,
): ChartOption {
  return {
    animation: false,
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    legend: { top: 0 },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: {
      type: 'category',
      data: rows.map((r) => r.districtName),
      axisLabel: { interval: 0, width: 60, overflow: 'breakAll', lineHeight: 14 },
    },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      {
        type: 'bar',
        name: labels.alarms,
        barMaxWidth: 28,
        data: rows.map((r) => r.alarms),
        cursor: 'pointer',
      },
      {
        type: 'bar',
        name: labels.sheets,
        barMaxWidth: 28,
        data: rows.map((r) => r.sheets),
        cursor: 'pointer',
      },
    ],
  };
}

export interface ResponseChartLabels {
  onTime: string;
  late: string;
  pending: string;
  overdue: string;
  rate: string;
}

export const RESPONSE_COLORS = {
  onTime: '#52c41a',
  late: '#faad14',
  pending: '#1677ff',
  overdue: '#f5222d',
  rate: '#722ed1',
} as const;

/** 响应考核: sheets of each district stacked by outcome, the on-time rate as a line on the right axis. */
export function responseChartOption(rows: readonly ResponseRow[], labels: ResponseChartLabels): ChartOption {
  const bar = (key: 'onTime' | 'late' | 'pending' | 'overdue') => ({
    type: 'bar' as const,
    name: labels[key],
    stack: 'sheets',
    barMaxWidth: 36,
    itemStyle: { color: RESPONSE_COLORS[key] },
    data: rows.map((r) => r[key]),
  });
  return {
    animation: false,
    grid: { left: 8, right: 8, top: 40, bottom: 8, containLabel: true },
    legend: { top: 0 },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: {
      type: 'category',
      data: rows.map((r) => r.districtName),
      axisLabel: { interval: 0, width: 60, overflow: 'breakAll', lineHeight: 14 },
    },
    yAxis: [
      { type: 'value', minInterval: 1 },
      { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' }, splitLine: { show: false } },
    ],
    series: [
      bar('onTime'),
      bar('late'),
      bar('pending'),
      bar('overdue'),
      {
        type: 'line',
        name: labels.rate,
        yAxisIndex: 1,
        itemStyle: { color: RESPONSE_COLORS.rate },
        data: rows.map((r) => (r.rate === null ? null : Math.round(r.rate * 1000) / 10)),
        label: {
          show: true,
          formatter: (p: { value?: unknown }) => (p.value == null ? '' : `${p.value}%`),
        },
      },
    ],
  };
}

/** The enterprises of a page of alarms, once each with their alarm count, for the map. */
export function alarmMapPoints(alarms: readonly Alarm[]) {
  const byId = new Map<
    number,
    {
      id: number;
      name: string;
      lng: number;
      lat: number;
      regionCode: string;
      controlLevel: string;
      alarms: number;
    }
  >();
  for (const a of alarms) {
    const e = a.enterprise;
    if (e.lng === null || e.lat === null || !Number.isFinite(e.lng) || !Number.isFinite(e.lat)) continue;
    const hit = byId.get(e.id);
    if (hit) hit.alarms += 1;
    else
      byId.set(e.id, {
        id: e.id,
        name: e.name,
        lng: e.lng,
        lat: e.lat,
        regionCode: a.districtCode,
        controlLevel: 'none',
        alarms: 1,
      });
  }
  return [...byId.values()];
}
