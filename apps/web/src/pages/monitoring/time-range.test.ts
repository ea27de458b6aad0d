import { describe, expect, it } from 'vitest';
import {
  currentMonth,
  defaultRange,
  isMonth,
  lastDays,
  parseRange,
  shanghaiAxisMs,
  shanghaiDate,
} from './time-range';

// 2026-11-23 17:30 UTC is already the 24th in Shanghai.
const lateEvening = new Date('2026-11-23T17:30:00Z');

describe('date ranges', () => {
  it('uses the Shanghai calendar day, whatever the clock zone', () => {
    expect(shanghaiDate(lateEvening)).toBe('2026-11-24');
    expect(shanghaiDate(new Date('2026-11-23T15:59:59Z'))).toBe('2026-11-23');
  });

  it('defaults to a week of hours and 60 days of days, today included', () => {
    expect(defaultRange('hour', lateEvening)).toEqual({ from: '2026-11-18', to: '2026-11-24' });
    expect(defaultRange('day', lateEvening)).toEqual({ from: '2026-09-26', to: '2026-11-24' });
    expect(lastDays(1, lateEvening)).toEqual({ from: '2026-11-24', to: '2026-11-24' });
  });

  it('accepts a range from the URL only when both dates are there and in order', () => {
    expect(parseRange('2026-11-01', '2026-11-05')).toEqual({ from: '2026-11-01', to: '2026-11-05' });
    expect(parseRange('2026-11-05', '2026-11-01')).toBeUndefined();
    expect(parseRange('2026-11-01', null)).toBeUndefined();
    expect(parseRange('yesterday', '2026-11-05')).toBeUndefined();
  });

  it('knows the month and valid month strings', () => {
    expect(currentMonth(lateEvening)).toBe('2026-11');
    expect(currentMonth(new Date('2026-11-30T16:00:00Z'))).toBe('2026-12');
    expect(isMonth('2026-11')).toBe(true);
    expect(isMonth('2026-13')).toBe(false);
    expect(isMonth(null)).toBe(false);
  });
});

describe('shanghaiAxisMs', () => {
  it('shifts an instant so that UTC formatting reads Shanghai wall time', () => {
    const ms = shanghaiAxisMs('2026-11-23T09:00:00+08:00');
    expect(new Date(ms).toISOString()).toBe('2026-11-23T09:00:00.000Z');
    expect(shanghaiAxisMs('2026-11-23T01:00:00Z')).toBe(ms);
  });
});
