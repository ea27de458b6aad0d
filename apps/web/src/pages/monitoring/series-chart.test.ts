import { describe, expect, it } from 'vitest';
import type { Series, SeriesPoint } from '../../api/monitoring';
import {
  axisMaxFor,
  isMarkedInvalid,
  niceCeil,
  pointTooltip,
  type SeriesChartLabels,
  seriesChartOption,
} from './series-chart';
import { shanghaiAxisMs } from './time-range';

const labels: SeriesChartLabels = {
  avg: '均值',
  zsAvg: '折算均值',
  invalid: '无效数据',
  disagree: '与数采仪上报值不一致',
  unitValue: '数采仪上报值',
  limit: '参考线',
  valid: '有效',
  incomplete: '时段未结束',
  flagTitle: '数据标记',
  reason: (code) => (code === 'TOO_FEW_VALID' ? '有效数据不足' : (code ?? '—')),
  flag: (code) => (code === 'D' ? 'D 故障' : (code ?? '—')),
  time: (iso) => iso.slice(0, 16).replace('T', ' '),
};

const point = (hour: number, patch: Partial<SeriesPoint> = {}): SeriesPoint => ({
  time: `2026-11-23T${String(hour).padStart(2, '0')}:00:00+08:00`,
  avg: 20,
  zsAvg: 21,
  min: 18,
  max: 22,
  cou: 1,
  unitAvg: 20,
  unitZsAvg: 21,
  valid: true,
  reason: null,
  flag: 'N',
  source: 'minutes',
  disagrees: false,
  complete: true,
  ...patch,
});

const series = (points: SeriesPoint[], period: 'hour' | 'day' = 'hour'): Series => ({
  outletId: 1,
  outletCode: 'DA001',
  outletName: '1#机组排气筒',
  outletKind: 'air',
  enterpriseId: 1,
  enterpriseName: '湖南宇通热电股份有限公司',
  referenceO2: 6,
  pollutant: { code: 'a21026', name: '二氧化硫', unit: 'mg/m³', amountUnit: 'kg' },
  period,
  from: '2026-11-23T00:00:00+08:00',
  to: '2026-11-24T00:00:00+08:00',
  points,
});

type AnySeries = { type: string; name: string; data: [number, number | null][]; markLine?: unknown };
const seriesOf = (option: ReturnType<typeof seriesChartOption>) => option.series as AnySeries[];

describe('seriesChartOption', () => {
  const points = [
    point(1),
    point(2, { valid: false, reason: 'TOO_FEW_VALID', flag: 'D', zsAvg: 55 }),
    point(3, { disagrees: true, unitAvg: 30, unitZsAvg: 31.5 }),
    point(4, { valid: false, reason: 'NO_DATA', avg: null, zsAvg: null, unitAvg: null, unitZsAvg: null }),
    point(5, { valid: false, complete: false }),
  ];

  it('draws the average and the corrected average on a Shanghai time axis', () => {
    const option = seriesChartOption(series(points), labels);
    expect(option.useUTC).toBe(true);
    expect(option.xAxis).toMatchObject({
      type: 'time',
      min: shanghaiAxisMs('2026-11-23T00:00:00+08:00'),
      max: shanghaiAxisMs('2026-11-24T00:00:00+08:00'),
    });
    const [avg, zs] = seriesOf(option);
    expect(avg?.name).toBe('均值');
    expect(zs?.name).toBe('折算均值');
    expect(avg?.data[0]).toEqual([shanghaiAxisMs('2026-11-23T01:00:00+08:00'), 20]);
    // A missing value is a gap, not a zero.
    expect(avg?.data[3]?.[1]).toBeNull();
  });

  it('marks finished invalid periods (not the running one) at their judged value, or 0', () => {
    const invalid = seriesOf(seriesChartOption(series(points), labels)).find((s) => s.name === '无效数据');
    expect(invalid?.data).toEqual([
      [shanghaiAxisMs(points[1]!.time), 55],
      [shanghaiAxisMs(points[3]!.time), 0],
    ]);
    expect(isMarkedInvalid(points[4]!)).toBe(false);
  });

  it("marks disagreement with the unit at the unit's corrected value", () => {
    const disagree = seriesOf(seriesChartOption(series(points), labels)).find(
      (s) => s.name === '与数采仪上报值不一致',
    );
    expect(disagree?.data).toEqual([[shanghaiAxisMs(points[2]!.time), 31.5]]);
  });

  it('has no corrected line for a pollutant without one (water), and puts the reference line on the average', () => {
    const water = points.map((p) => ({ ...p, zsAvg: null, unitZsAvg: null }));
    const list = seriesOf(seriesChartOption(series(water), labels, 50));
    expect(list.map((s) => s.name)).toEqual(['均值', '无效数据', '与数采仪上报值不一致']);
    expect(JSON.stringify(list[0]?.markLine)).toContain('"yAxis":50');
  });

  it('ticks daily charts by whole days', () => {
    expect(seriesChartOption(series(points, 'day'), labels).xAxis).toMatchObject({ minInterval: 86_400_000 });
    expect(seriesChartOption(series(points, 'hour'), labels).xAxis).not.toHaveProperty('minInterval');
  });

  it('draws the typed reference line on the corrected average and makes room for it', () => {
    const option = seriesChartOption(series(points), labels, 100);
    const [avg, zs] = seriesOf(option);
    expect(avg?.markLine).toBeUndefined();
    expect(zs?.markLine).toMatchObject({ data: [{ yAxis: 100 }], label: { formatter: '参考线 100' } });
    expect((option.yAxis as { max?: number }).max).toBe(200);
    expect(seriesOf(seriesChartOption(series(points), labels, null))[1]?.markLine).toBeUndefined();
  });
});

describe('axis helpers', () => {
  it('rounds up to 1, 2, 2.5 or 5 × 10^n', () => {
    expect(niceCeil(110)).toBe(200);
    expect(niceCeil(22)).toBe(25);
    expect(niceCeil(0.33)).toBe(0.5);
    expect(niceCeil(0)).toBe(1);
  });

  it('leaves the axis alone when the data already reach the line', () => {
    expect(axisMaxFor([point(1, { avg: 80, zsAvg: 90 })], 50)).toBeUndefined();
    expect(axisMaxFor([point(1)], null)).toBeUndefined();
    expect(axisMaxFor([point(1)], 35)).toBe(50);
  });
});

describe('pointTooltip', () => {
  it('gives values with unit, the reason and flag of an invalid hour, and the disagreement', () => {
    const html = pointTooltip(
      series([]),
      point(2, {
        valid: false,
        reason: 'TOO_FEW_VALID',
        flag: 'D',
        disagrees: true,
        unitAvg: 30,
        unitZsAvg: 31.5,
      }),
      labels,
    );
    expect(html).toContain('2026-11-23 02:00');
    expect(html).toContain('均值：<b>20 mg/m³</b>');
    expect(html).toContain('无效数据：有效数据不足');
    expect(html).toContain('数据标记：<b>D 故障</b>');
    expect(html).toContain('数采仪上报值：<b>30 / 31.5 mg/m³</b>');
    expect(html).toContain('与数采仪上报值不一致');
  });

  it('says a running period is not over rather than invalid, and escapes text', () => {
    const html = pointTooltip(series([]), point(5, { valid: false, complete: false, flag: '<b>' }), labels);
    expect(html).toContain('时段未结束');
    expect(html).not.toContain('无效数据');
    expect(html).toContain('&lt;b&gt;');
  });
});
