import { describe, expect, it } from 'vitest';
import type { SeriousEntry } from '../../api/alarms';
import { includedCount, initialEdits, previousQuarter, reviewBody } from './serious-list';

const entry = (enterpriseId: number, patch: Partial<SeriousEntry> = {}): SeriousEntry => ({
  enterpriseId,
  enterpriseName: `企业${enterpriseId}`,
  creditCode: '91430900MA4L000000',
  regionCode: '430902',
  regionName: '资阳区',
  confirmedSheets: 3,
  exceedanceDays: 5,
  maxMultiple: 2.1,
  pollutants: ['a21026'],
  reasons: [],
  included: true,
  reviewNote: null,
  ...patch,
});

describe('previousQuarter', () => {
  it('is the quarter before, in Shanghai time', () => {
    expect(previousQuarter(new Date('2026-05-07T00:00:00Z'))).toEqual({ year: 2026, quarter: 1 });
    expect(previousQuarter(new Date('2026-02-01T00:00:00Z'))).toEqual({ year: 2025, quarter: 4 });
    // 2026-03-31 16:30 UTC is already 1 April in Shanghai: Q2, so the list to review is Q1.
    expect(previousQuarter(new Date('2026-03-31T16:30:00Z'))).toEqual({ year: 2026, quarter: 1 });
    expect(previousQuarter(new Date('2026-12-31T12:00:00Z'))).toEqual({ year: 2026, quarter: 3 });
  });
});

describe('review', () => {
  const entries = [entry(1), entry(2), entry(3, { included: false, reviewNote: '已停产' })];

  it('starts from what the list says', () => {
    expect(initialEdits(entries)).toEqual({
      1: { included: true, note: '' },
      2: { included: true, note: '' },
      3: { included: false, note: '已停产' },
    });
    expect(includedCount(entries, initialEdits(entries))).toBe(2);
  });

  it('sends every entry, notes trimmed, and names the exclusions without a reason', () => {
    const edits = {
      ...initialEdits(entries),
      1: { included: false, note: '  ' },
      2: { included: true, note: ' 核实 ' },
    };
    expect(reviewBody(entries, edits)).toEqual({
      entries: [
        { enterpriseId: 1, included: false },
        { enterpriseId: 2, included: true, note: '核实' },
        { enterpriseId: 3, included: false, note: '已停产' },
      ],
      missingNotes: [1],
    });
    expect(includedCount(entries, edits)).toBe(1);
  });
});
