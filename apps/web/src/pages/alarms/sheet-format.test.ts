import { describe, expect, it } from 'vitest';
import type { AlarmSheet, SheetStep } from '../../api/alarms';
import {
  deadlineView,
  formatMultiple,
  rowState,
  rowStateColor,
  sheetStepItems,
  statePath,
} from './sheet-format';

const sheet = (patch: Partial<AlarmSheet> = {}): AlarmSheet => ({
  id: 1,
  number: 'BJ-430902-20260501-0001',
  state: 'dispatched',
  conclusion: null,
  deviceSuspected: false,
  dispatchedAt: '2026-05-01T00:00:00.000Z',
  deadlineAt: '2026-05-02T00:00:00.000Z',
  respondedAt: null,
  escalatedAt: null,
  supervisionNumber: null,
  version: 1,
  overdue: false,
  outcome: 'pending',
  ...patch,
});
const step = (action: SheetStep['action'], at: string): SheetStep => ({
  id: at.length,
  action,
  actorName: null,
  actorRole: null,
  at,
  detail: null,
});

describe('row state', () => {
  it('is the sheet state, 报备期内 for a filed alarm, else 未派发', () => {
    expect(rowState({ sheet: sheet({ state: 'signed' }), filingId: null })).toBe('signed');
    expect(rowState({ sheet: null, filingId: 4 })).toBe('filed');
    expect(rowState({ sheet: null, filingId: null })).toBe('none');
    expect(rowStateColor('dispatched')).toBe('red');
    expect(rowStateColor('filed')).toBe('cyan');
    expect(rowStateColor('none')).toBe('default');
  });
});

describe('deadlineView', () => {
  const at = (iso: string) => new Date(iso);
  it('counts hours and minutes left, urgent under 4 hours', () => {
    expect(deadlineView(sheet(), at('2026-05-01T05:48:30Z'))).toEqual({
      kind: 'left',
      hours: 18,
      minutes: 11,
      urgent: false,
    });
    expect(deadlineView(sheet(), at('2026-05-01T21:00:00Z'))).toMatchObject({
      kind: 'left',
      hours: 3,
      urgent: true,
    });
  });

  it('is overdue exactly at the deadline and counts the time past it', () => {
    expect(deadlineView(sheet(), at('2026-05-02T00:00:00Z'))).toEqual({
      kind: 'overdue',
      hours: 0,
      minutes: 0,
    });
    expect(deadlineView(sheet(), at('2026-05-03T02:05:00Z'))).toEqual({
      kind: 'overdue',
      hours: 26,
      minutes: 5,
    });
  });

  it('says whether an answered sheet answered in time', () => {
    const answered = (respondedAt: string) =>
      deadlineView(sheet({ state: 'concluded', respondedAt }), at('2026-05-09T00:00:00Z'));
    expect(answered('2026-05-01T20:00:00Z')).toEqual({ kind: 'answered', onTime: true });
    expect(answered('2026-05-02T00:00:00Z')).toEqual({ kind: 'answered', onTime: false });
    expect(deadlineView(null, new Date())).toEqual({ kind: 'none' });
  });
});

describe('sheet steps', () => {
  it('adds 运维核查 only when a device fault is suspected', () => {
    expect(statePath(sheet())).toEqual(['dispatched', 'signed', 'explained', 'concluded', 'closed']);
    expect(statePath(sheet({ deviceSuspected: true }))).toContain('operator_verified');
  });

  it('marks done, current and waiting steps with the time of each', () => {
    const items = sheetStepItems({
      sheet: sheet({ state: 'signed' }),
      steps: [step('dispatch', '2026-05-01T00:00:00Z'), step('sign', '2026-05-01T01:00:00Z')],
    });
    expect(items.map((i) => [i.state, i.status, i.at])).toEqual([
      ['dispatched', 'finish', '2026-05-01T00:00:00Z'],
      ['signed', 'process', '2026-05-01T01:00:00Z'],
      ['explained', 'wait', null],
      ['concluded', 'wait', null],
      ['closed', 'wait', null],
    ]);
  });

  it('shows a step passed over and a closed sheet as finished', () => {
    const items = sheetStepItems({
      sheet: sheet({ state: 'closed' }),
      steps: [
        step('dispatch', '2026-05-01T00:00:00Z'),
        step('sign', '2026-05-01T01:00:00Z'),
        step('conclude', '2026-05-01T02:00:00Z'),
        step('close', '2026-05-01T03:00:00Z'),
      ],
    });
    expect(items.every((i) => i.status === 'finish')).toBe(true);
    expect(items.find((i) => i.state === 'explained')?.skipped).toBe(true);
    expect(sheetStepItems({ sheet: null, steps: [] })).toEqual([]);
  });

  it('formats multiples', () => {
    expect(formatMultiple(1.23456)).toBe('1.23');
    expect(formatMultiple(2)).toBe('2');
    expect(formatMultiple(null)).toBeNull();
  });
});
