import { describe, expect, it } from 'vitest';
import {
  isOverdue,
  RESPONSE_HOURS,
  responseDeadline,
  responseOutcome,
  type SheetState,
  shouldEscalate,
} from '../../src/alarms/index';

const dispatched = new Date('2026-11-23T02:00:00.000Z');
const deadline = responseDeadline(dispatched);
const ms = (iso: string) => new Date(iso);

describe('responseDeadline', () => {
  it('is dispatch + 24 clock hours exactly', () => {
    expect(RESPONSE_HOURS).toBe(24);
    expect(deadline.toISOString()).toBe('2026-11-24T02:00:00.000Z');
  });

  it('runs through weekends and holidays (2026-10-01 National Day)', () => {
    expect(responseDeadline(ms('2026-09-30T10:15:30.123Z')).toISOString()).toBe('2026-10-01T10:15:30.123Z');
  });

  it('rejects an invalid date', () => {
    expect(() => responseDeadline(new Date(Number.NaN))).toThrow(RangeError);
  });
});

describe('isOverdue / shouldEscalate', () => {
  const open = { state: 'signed' as SheetState, deadlineAt: deadline };

  it('not overdue at 23:59:59.999, overdue at exactly 24:00:00', () => {
    expect(isOverdue(open, ms('2026-11-24T01:59:59.999Z'))).toBe(false);
    expect(isOverdue(open, ms('2026-11-24T02:00:00.000Z'))).toBe(true);
    expect(isOverdue(open, ms('2026-11-25T00:00:00.000Z'))).toBe(true);
  });

  it.each([
    ['dispatched', true],
    ['signed', true],
    ['explained', true],
    ['operator_verified', true],
    ['concluded', false],
    ['closed', false],
  ] as [SheetState, boolean][])('%s past the deadline → overdue %s', (state, expected) => {
    expect(isOverdue({ state, deadlineAt: deadline }, ms('2026-11-24T03:00:00Z'))).toBe(expected);
  });

  it('escalates an overdue sheet once', () => {
    const late = ms('2026-11-24T02:00:00.000Z');
    expect(shouldEscalate({ ...open, escalatedAt: null }, ms('2026-11-24T01:59:59.999Z'))).toBe(false);
    expect(shouldEscalate({ ...open, escalatedAt: null }, late)).toBe(true);
    expect(shouldEscalate({ ...open, escalatedAt: late }, ms('2026-11-25T02:00:00Z'))).toBe(false);
    expect(shouldEscalate({ state: 'concluded', deadlineAt: deadline, escalatedAt: null }, late)).toBe(false);
  });
});

describe('responseOutcome', () => {
  it.each([
    ['2026-11-24T01:59:59.999Z', null, 'on_time'],
    ['2026-11-24T02:00:00.000Z', null, 'late'],
    ['2026-11-25T08:00:00.000Z', null, 'late'],
    [null, '2026-11-24T01:59:59.999Z', 'pending'],
    [null, '2026-11-24T02:00:00.000Z', 'overdue'],
  ])('responded %s, now %s → %s', (responded, now, expected) => {
    const nowAt = ms(now ?? '2026-11-30T00:00:00Z');
    expect(responseOutcome(deadline, responded === null ? null : ms(responded), nowAt)).toBe(expected);
  });
});
