import { describe, expect, it } from 'vitest';
import {
  formatDate,
  formatDateTime,
  formatDateTimeSeconds,
  formatRelative,
  fromDateString,
  toDateString,
} from './time';

describe('time', () => {
  it('shows instants in Asia/Shanghai whatever the offset', () => {
    expect(formatDateTime('2026-11-23T01:00:00Z')).toBe('2026-11-23 09:00');
    expect(formatDateTime('2026-11-23T09:00:00+08:00')).toBe('2026-11-23 09:00');
    expect(formatDateTime('2026-11-22T20:30:00-05:00')).toBe('2026-11-23 09:30');
    expect(formatDateTime(null)).toBe('—');
  });

  it('keeps calendar dates as they are', () => {
    expect(formatDate('2025-03-01')).toBe('2025-03-01');
    expect(toDateString(fromDateString('2025-03-01'))).toBe('2025-03-01');
    expect(toDateString(null)).toBeNull();
  });

  it('shows packet times with seconds in Asia/Shanghai', () => {
    expect(formatDateTimeSeconds('2026-11-23T11:42:36.953Z')).toBe('2026-11-23 19:42:36');
    expect(formatDateTimeSeconds(null)).toBe('—');
  });

  it('says how long ago in Chinese or English', () => {
    const now = new Date('2026-11-23T11:45:00Z');
    expect(formatRelative('2026-11-23T19:42:00+08:00', now, 'zh-cn')).toBe('3 分钟前');
    expect(formatRelative('2026-11-23T09:45:00Z', now, 'en')).toBe('2 hours ago');
    expect(formatRelative(null, now)).toBe('—');
  });
});
