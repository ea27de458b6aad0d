import { describe, expect, it } from 'vitest';
import type { Alarm, AlarmStats, DistrictResponse } from '../../api/alarms';
import {
  alarmMapPoints,
  districtBarsOption,
  formatPercent,
  onTimeRate,
  responseChartOption,
  responseRows,
  stateCards,
} from './alarm-stats';

const district = (code: string, name: string, patch: Partial<DistrictResponse> = {}): DistrictResponse => ({
  districtCode: code,
  districtName: name,
  alarms: 0,
  sheets: 0,
  onTime: 0,
  late: 0,
  pending: 0,
  overdue: 0,
  escalated: 0,
  ...patch,
});

const stats: AlarmStats = {
  from: '2026-04-01T00:00:00.000Z',
  to: '2026-05-01T00:00:00.000Z',
  byState: [
    { state: 'dispatched', count: 4 },
    { state: 'signed', count: 2 },
    { state: 'explained', count: 1 },
    { state: 'operator_verified', count: 1 },
    { state: 'concluded', count: 3 },
    { state: 'closed', count: 5 },
    { state: 'filed', count: 2 },
    { state: 'none', count: 1 },
  ],
  byDistrict: [
    district('430902', '资阳区', {
      alarms: 10,
      sheets: 9,
      onTime: 6,
      late: 1,
      pending: 1,
      overdue: 1,
      escalated: 1,
    }),
    district('430903', '赫山区', {
      alarms: 9,
      sheets: 7,
      onTime: 2,
      late: 2,
      pending: 3,
      overdue: 0,
      escalated: 2,
    }),
  ],
};

describe('stateCards', () => {
  it('counts every alarm, groups the open states and sums overdue and escalated over districts', () => {
    expect(stateCards(stats).map((c) => [c.key, c.count, c.filter])).toEqual([
      ['all', 19, undefined],
      ['dispatched', 4, 'dispatched'],
      ['inProgress', 4, undefined],
      ['concluded', 3, 'concluded'],
      ['closed', 5, 'closed'],
      ['overdue', 1, 'overdue'],
      ['escalated', 3, 'escalated'],
      ['filed', 2, 'filed'],
    ]);
  });

  it('counts zero for states the server did not list', () => {
    expect(stateCards({ ...stats, byState: [], byDistrict: [] }).every((c) => c.count === 0)).toBe(true);
  });
});

describe('on-time rate', () => {
  it('is on time over decided sheets; pending ones do not count', () => {
    expect(onTimeRate({ onTime: 6, late: 1, overdue: 1 })).toBe(0.75);
    expect(onTimeRate({ onTime: 0, late: 0, overdue: 0 })).toBeNull();
    expect(formatPercent(0.75)).toBe('75.0%');
    expect(formatPercent(2 / 3)).toBe('66.7%');
    expect(formatPercent(null)).toBe('—');
  });

  it('gives each district its rate and a total', () => {
    const { rows, total } = responseRows(stats);
    expect(rows.map((r) => r.rate)).toEqual([0.75, 0.5]);
    expect(total).toMatchObject({
      alarms: 19,
      sheets: 16,
      onTime: 8,
      late: 3,
      pending: 4,
      overdue: 1,
      escalated: 3,
    });
    expect(total.rate).toBeCloseTo(8 / 12);
  });
});

describe('charts', () => {
  it('bars alarms and sheets by district', () => {
    const option = districtBarsOption(stats.byDistrict, {
      alarms: '报警数',
      sheets: '报警单数',
    }) as unknown as {
      xAxis: { data: string[] };
      series: { name: string; data: number[] }[];
    };
    expect(option.xAxis.data).toEqual(['资阳区', '赫山区']);
    expect(option.series.map((s) => [s.name, s.data])).toEqual([
      ['报警数', [10, 9]],
      ['报警单数', [9, 7]],
    ]);
  });

  it('stacks outcomes and lines the rate in percent on the right axis', () => {
    const { rows } = responseRows(stats);
    const option = responseChartOption(rows, {
      onTime: '按时',
      late: '超时响应',
      pending: '待响应',
      overdue: '已超时',
      rate: '按时响应率',
    }) as unknown as {
      series: { name: string; stack?: string; yAxisIndex?: number; data: (number | null)[] }[];
    };
    expect(option.series.filter((s) => s.stack === 'sheets').map((s) => s.data)).toEqual([
      [6, 2],
      [1, 2],
      [1, 3],
      [1, 0],
    ]);
    const rate = option.series.find((s) => s.name === '按时响应率');
    expect(rate).toMatchObject({ yAxisIndex: 1, data: [75, 50] });
  });
});

describe('alarmMapPoints', () => {
  const alarm = (id: number, enterpriseId: number, lng: number | null): Alarm =>
    ({
      id,
      districtCode: '430902',
      enterprise: { id: enterpriseId, name: `企业${enterpriseId}`, lng, lat: lng === null ? null : 28.5 },
    }) as Alarm;

  it('places each enterprise once with its alarm count, skipping those without coordinates', () => {
    expect(
      alarmMapPoints([alarm(1, 7, 112.3), alarm(2, 7, 112.3), alarm(3, 8, null), alarm(4, 9, 112.4)]),
    ).toEqual([
      { id: 7, name: '企业7', lng: 112.3, lat: 28.5, regionCode: '430902', controlLevel: 'none', alarms: 2 },
      { id: 9, name: '企业9', lng: 112.4, lat: 28.5, regionCode: '430902', controlLevel: 'none', alarms: 1 },
    ]);
  });
});
