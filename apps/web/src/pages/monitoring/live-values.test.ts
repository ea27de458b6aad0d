import { describe, expect, it } from 'vitest';
import type { LiveRecord } from '../../api/monitoring';
import { applyRecord, applyRecords, EMPTY_LIVE, orderedCodes, readFields } from './live-values';

const rtd = (dataTime: string, receivedAt: string, so2: number, flag = 'N'): LiveRecord => ({
  monitorId: 1,
  kind: 'rtd',
  dataTime,
  receivedAt,
  values: { a21026: { Rtd: so2, ZsRtd: so2 + 1, Flag: flag }, a19001: { Rtd: 6.2, Flag: 'N' } },
});

describe('readFields', () => {
  it('reads Rtd/ZsRtd for real-time data and Avg/ZsAvg otherwise', () => {
    expect(readFields('rtd', { Rtd: 1, ZsRtd: 2, Flag: 'N' })).toEqual({ value: 1, zs: 2, flag: 'N' });
    expect(readFields('min', { Avg: 3, ZsAvg: 4, Min: 1, Max: 5, Flag: 'D' })).toEqual({
      value: 3,
      zs: 4,
      flag: 'D',
    });
    expect(readFields('hour', { Cou: 9 })).toEqual({ value: null, zs: null, flag: null });
  });
});

describe('applyRecord', () => {
  it('shows the newest value of each pollutant with its flag and the last packet time', () => {
    const s = applyRecords(EMPTY_LIVE, [
      rtd('2026-11-23T11:42:00.000Z', '2026-11-23T11:42:06.000Z', 20),
      rtd('2026-11-23T19:42:30+08:00', '2026-11-23T19:42:36+08:00', 25, 'C'),
    ]);
    expect(s.values.a21026).toMatchObject({ value: 25, zs: 26, flag: 'C', kind: 'rtd' });
    expect(s.values.a19001?.value).toBe(6.2);
    expect(s.lastReceivedAt).toBe('2026-11-23T19:42:36+08:00');
    expect(s.count).toBe(2);
  });

  it('does not let an older record (a late minute or a re-send) hide a newer value', () => {
    const live = applyRecord(EMPTY_LIVE, rtd('2026-11-23T19:42:00+08:00', '2026-11-23T19:42:05+08:00', 25));
    const late: LiveRecord = {
      monitorId: 1,
      kind: 'min',
      dataTime: '2026-11-23T19:30:00+08:00',
      receivedAt: '2026-11-23T19:43:00+08:00',
      values: { a21026: { Avg: 99, Flag: 'N' }, a34013: { Avg: 4, Flag: 'N' } },
    };
    const s = applyRecord(live, late);
    expect(s.values.a21026?.value).toBe(25);
    // A pollutant the newer record lacked is still filled in, and the packet time moves on.
    expect(s.values.a34013).toMatchObject({ value: 4, kind: 'min' });
    expect(s.lastReceivedAt).toBe('2026-11-23T19:43:00+08:00');
    expect(s.lastKind).toBe('min');
  });

  it('on the same DataTime lets the later arrival win', () => {
    const a = rtd('2026-11-23T19:42:00+08:00', '2026-11-23T19:42:05+08:00', 25);
    const b = rtd('2026-11-23T19:42:00+08:00', '2026-11-23T19:42:09+08:00', 26);
    expect(applyRecords(EMPTY_LIVE, [a, b]).values.a21026?.value).toBe(26);
    expect(applyRecords(EMPTY_LIVE, [b, a]).values.a21026?.value).toBe(26);
  });

  it('keeps the state it was given (a React reducer)', () => {
    const before = applyRecord(EMPTY_LIVE, rtd('2026-11-23T19:42:00+08:00', '2026-11-23T19:42:05+08:00', 1));
    const copy = structuredClone(before);
    applyRecord(before, rtd('2026-11-23T19:43:00+08:00', '2026-11-23T19:43:05+08:00', 2));
    expect(before).toEqual(copy);
    expect(EMPTY_LIVE.count).toBe(0);
  });
});

describe('orderedCodes', () => {
  it("puts the outlet's pollutants first, in its order, then the rest", () => {
    const s = applyRecord(EMPTY_LIVE, rtd('2026-11-23T19:42:00+08:00', '2026-11-23T19:42:05+08:00', 1));
    expect(orderedCodes(s, ['a19001', 'a34013', 'a21026'])).toEqual(['a19001', 'a21026']);
    expect(orderedCodes(s, [])).toEqual(['a21026', 'a19001']);
  });
});
