import { describe, expect, it } from 'vitest';
import type { AlarmFiling, LimitSnapshot, WindowPoint } from '../../api/alarms';
import {
  type EvidenceChartLabels,
  evidenceChartOption,
  isFlagged,
  limitLines,
  pointsOf,
} from './evidence-chart';

const labels: EvidenceChartLabels = {
  avg: '均值',
  zsAvg: '折算均值',
  o2: '氧含量',
  invalid: '无效数据',
  flagged: '带标记数据',
  limit: '限值',
  limitLo: '下限',
  limitHi: '上限',
  alarmPeriod: '报警时段',
  filing: (k) => `报备:${k}`,
  flag: (c) => `${c} 标记`,
  reason: (c) => c ?? '',
  time: (iso) => iso,
};

const point = (
  pollutant: string,
  hour: number,
  avg: number | null,
  patch: Partial<WindowPoint> = {},
): WindowPoint => ({
  pollutant,
  at: new Date(Date.UTC(2026, 4, 1, hour)).toISOString(),
  avg,
  zsAvg: null,
  flag: 'N',
  valid: true,
  invalidReason: null,
  ...patch,
});

const limit: LimitSnapshot = {
  sourceCode: 'GB 13271-2014',
  sourceTitle: '锅炉大气污染物排放标准',
  clause: '表2',
  value: { kind: 'max', max: 300 },
  unit: 'mg/m³',
  averaging: 'hour',
  referenceO2: 9,
  origin: 'national',
};

const filing: AlarmFiling = {
  id: 3,
  kind: 'maintenance',
  status: 'approved',
  startsAt: '2026-05-01T00:00:00.000Z',
  endsAt: '2026-05-01T02:00:00.000Z',
  reason: '检修',
};

const series = [
  point('a21026', 3, 280, { zsAvg: 290 }),
  point('a21026', 1, 100, { zsAvg: 110, valid: false, invalidReason: 'INVALID_FLAG', flag: 'D' }),
  point('a21026', 2, 120, { zsAvg: 130, flag: 'M' }),
  point('a21026', 4, 500, { zsAvg: 520 }),
  point('a19001', 1, 8.5),
  point('a19001', 2, 9.1),
  point('a00000', 1, 55),
];

const input = {
  window: { from: '2026-04-30T12:00:00.000Z', to: '2026-05-01T18:00:00.000Z', series },
  pollutant: 'a21026',
  unit: 'mg/m³',
  limit,
  startedAt: '2026-05-01T04:00:00.000Z',
  endedAt: '2026-05-01T05:00:00.000Z',
  filings: [filing],
};

type AnySeries = {
  name: string;
  type: string;
  data: [number, number | null][];
  yAxisIndex?: number;
  markLine?: { data: { yAxis: number; name: string }[] };
  markArea?: { data: [{ name: string; xAxis: number }, { xAxis: number }][] };
};
const seriesOf = (o: ReturnType<typeof evidenceChartOption>) => o.series as unknown as AnySeries[];
const ms = (iso: string) => Date.parse(iso) + 8 * 3_600_000;

describe('evidence chart', () => {
  it('picks the pollutant in time order and knows flagged points', () => {
    expect(pointsOf(series, 'a21026').map((p) => p.avg)).toEqual([100, 120, 280, 500]);
    expect(pointsOf(series, null)).toEqual([]);
    expect(isFlagged(point('x', 0, 1, { flag: 'M' }))).toBe(true);
    expect(isFlagged(point('x', 0, 1, { flag: 'N' }))).toBe(false);
    expect(isFlagged(point('x', 0, 1, { flag: null }))).toBe(false);
  });

  it('draws the limit as a dashed line on the judged (O2-corrected) values', () => {
    const all = seriesOf(evidenceChartOption(input, labels));
    const judged = all.find((s) => s.name === '折算均值');
    expect(judged?.markLine?.data).toEqual([{ yAxis: 300, name: '限值 300' }]);
    expect(judged?.data.map((d) => d[1])).toEqual([110, 130, 290, 520]);
    expect(all.find((s) => s.name === '均值')?.markLine).toBeUndefined();
  });

  it('draws both ends of a range limit (pH)', () => {
    expect(limitLines({ ...limit, value: { kind: 'range', lo: 6, hi: 9 }, unit: '' }, labels)).toEqual([
      { yAxis: 6, name: '下限 6' },
      { yAxis: 9, name: '上限 9' },
    ]);
    expect(limitLines(null, labels)).toEqual([]);
  });

  it('shades the filings and the alarm period as areas', () => {
    const judged = seriesOf(evidenceChartOption(input, labels)).find((s) => s.name === '折算均值');
    const areas = judged?.markArea?.data ?? [];
    expect(areas.map(([a, b]) => [a.name, a.xAxis, b.xAxis])).toEqual([
      ['报备:maintenance', ms(filing.startsAt), ms(filing.endsAt)],
      ['报警时段', ms(input.startedAt), ms(input.endedAt)],
    ]);
  });

  it('marks invalid values and flagged valid ones apart', () => {
    const all = seriesOf(evidenceChartOption(input, labels));
    expect(all.find((s) => s.name === '无效数据')?.data).toEqual([[ms(series[1]!.at), 110]]);
    expect(all.find((s) => s.name === '带标记数据')?.data).toEqual([[ms(series[2]!.at), 130]]);
  });

  it('puts O2 on a second axis, and leaves it out when absent', () => {
    const option = evidenceChartOption(input, labels);
    const o2 = seriesOf(option).find((s) => s.name === '氧含量');
    expect(o2?.yAxisIndex).toBe(1);
    expect(o2?.data.map((d) => d[1])).toEqual([8.5, 9.1]);
    expect(option.yAxis).toHaveLength(2);
    const without = evidenceChartOption(
      { ...input, window: { ...input.window, series: series.slice(0, 4) } },
      labels,
    );
    expect(without.yAxis).toHaveLength(1);
    expect(seriesOf(without).some((s) => s.name === '氧含量')).toBe(false);
  });

  it('spans the evidence window and keeps the limit in view when values stay under it', () => {
    const option = evidenceChartOption(input, labels) as { xAxis: { min: number; max: number } };
    expect(option.xAxis.min).toBe(ms(input.window.from));
    expect(option.xAxis.max).toBe(ms(input.window.to));
    const low = evidenceChartOption(
      { ...input, window: { ...input.window, series: [point('a21026', 1, 50)] } },
      labels,
    ) as unknown as { yAxis: { max?: number }[] };
    expect(low.yAxis[0]?.max).toBe(345);
    const high = evidenceChartOption(input, labels) as unknown as { yAxis: { max?: number }[] };
    expect(high.yAxis[0]?.max).toBeUndefined();
  });

  it('uses the plain average when there is no corrected value', () => {
    const plain = evidenceChartOption(
      { ...input, window: { ...input.window, series: [point('a21026', 1, 50), point('a21026', 2, 60)] } },
      labels,
    );
    const names = seriesOf(plain).map((s) => s.name);
    expect(names).toContain('均值');
    expect(names).not.toContain('折算均值');
    expect(seriesOf(plain).find((s) => s.name === '均值')?.markLine?.data[0]?.yAxis).toBe(300);
  });
});
