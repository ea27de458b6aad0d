import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { canFile, filingActions, filingBody, parseFilingStatus } from './filing-rules';

describe('filing actions', () => {
  const submitted = { status: 'submitted' as const, enterpriseId: 7 };
  it('lets the bureaus decide and the filing enterprise withdraw a submitted filing', () => {
    expect(filingActions(submitted, { role: 'district', enterpriseId: null })).toEqual(['approve', 'reject']);
    expect(filingActions(submitted, { role: 'city', enterpriseId: null })).toEqual(['approve', 'reject']);
    expect(filingActions(submitted, { role: 'enterprise', enterpriseId: 7 })).toEqual(['withdraw']);
    expect(filingActions(submitted, { role: 'enterprise', enterpriseId: 8 })).toEqual([]);
    expect(filingActions(submitted, { role: 'grid', enterpriseId: null })).toEqual([]);
  });

  it('offers nothing once a filing is decided or withdrawn', () => {
    for (const status of ['approved', 'rejected', 'withdrawn'] as const)
      expect(filingActions({ status, enterpriseId: 7 }, { role: 'district', enterpriseId: null })).toEqual(
        [],
      );
  });

  it('lets only enterprise users file', () => {
    expect(canFile({ role: 'enterprise', enterpriseId: 7 })).toBe(true);
    expect(canFile({ role: 'enterprise', enterpriseId: null })).toBe(false);
    expect(canFile({ role: 'district', enterpriseId: null })).toBe(false);
  });
});

describe('filingBody', () => {
  it('sends instants, no outlet as null (every outlet), and leaves empty evidence out', () => {
    const start = dayjs('2026-05-08T08:00:00+08:00');
    const end = dayjs('2026-05-08T12:00:00+08:00');
    expect(
      filingBody({ kind: 'calibration', period: [start, end], reason: ' 季度校准 ', evidence: ' ' }),
    ).toEqual({
      outletId: null,
      kind: 'calibration',
      startsAt: '2026-05-08T00:00:00.000Z',
      endsAt: '2026-05-08T04:00:00.000Z',
      reason: '季度校准',
    });
    expect(
      filingBody({ outletId: 5, kind: 'shutdown', period: [start, end], reason: '停炉', evidence: '通知' }),
    ).toMatchObject({
      outletId: 5,
      evidence: '通知',
    });
  });

  it('reads the status filter', () => {
    expect(parseFilingStatus('approved')).toBe('approved');
    expect(parseFilingStatus('lost')).toBeUndefined();
    expect(parseFilingStatus(null)).toBeUndefined();
  });
});
