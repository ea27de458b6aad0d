import { describe, expect, it } from 'vitest';
import type { MonitoringRecord } from '../../api/monitoring';
import { recordCell, recordCodes } from './records';

const record = (
  kind: MonitoringRecord['kind'],
  values: MonitoringRecord['values'],
  flags = {},
): MonitoringRecord => ({
  monitorId: 1,
  mn: '430903XH202000001A001000',
  kind,
  dataTime: '2026-11-23T19:30:00+08:00',
  receivedAt: '2026-11-23T19:41:35.113+08:00',
  rawFrameId: 227028,
  resendCount: 0,
  values,
  flags,
});

describe('recordCodes', () => {
  it("orders the page's pollutants by the outlet's list, unknown ones after", () => {
    const items = [
      record('min', { a00000: { Avg: 293.9 }, a21026: { Avg: 23.86 } }),
      record('min', { a99999: { Avg: 1 }, a34013: { Avg: 3.95 } }),
    ];
    expect(recordCodes(items, ['a34013', 'a21026', 'a21002', 'a00000'])).toEqual([
      'a34013',
      'a21026',
      'a00000',
      'a99999',
    ]);
    expect(recordCodes([], ['a34013'])).toEqual([]);
  });
});

describe('recordCell', () => {
  it('reads Avg and ZsAvg of minute data and Rtd and ZsRtd of real-time data', () => {
    expect(recordCell(record('min', { a21026: { Avg: 23.86, ZsAvg: 24.32, Flag: 'N' } }), 'a21026')).toEqual({
      value: 23.86,
      zs: 24.32,
      flag: 'N',
    });
    expect(recordCell(record('rtd', { a21026: { Rtd: 23.79, ZsRtd: 24.14, Flag: 'C' } }), 'a21026')).toEqual({
      value: 23.79,
      zs: 24.14,
      flag: 'C',
    });
  });

  it('takes the flag from `flags` when the values lack it, and is empty for a missing pollutant', () => {
    expect(recordCell(record('hour', { w01018: { Avg: 30 } }, { w01018: 'M' }), 'w01018')?.flag).toBe('M');
    expect(recordCell(record('hour', {}), 'w01018')).toBeNull();
  });
});
