// How a sheet's state and its 24-hour deadline read on the screens.
import type { Alarm, AlarmDetail, AlarmSheet, SheetState, SheetStep } from '../../api/alarms';

export const STATE_COLORS: Record<SheetState, string> = {
  dispatched: 'red',
  signed: 'orange',
  explained: 'gold',
  operator_verified: 'purple',
  concluded: 'blue',
  closed: 'green',
};

/** The tag a list row shows: the sheet state, or why there is no sheet (in a filing, not dispatched). */
export type RowState = SheetState | 'filed' | 'none';

export function rowState(alarm: Pick<Alarm, 'sheet' | 'filingId'>): RowState {
  if (alarm.sheet) return alarm.sheet.state;
  return alarm.filingId !== null ? 'filed' : 'none';
}

export const rowStateColor = (state: RowState): string =>
  state === 'filed' ? 'cyan' : state === 'none' ? 'default' : STATE_COLORS[state];

const ANSWERED: readonly SheetState[] = ['concluded', 'closed'];

/**
 * The deadline cell: hours and minutes left, or how long it is overdue; an answered sheet says
 * whether the answer came in time. `remaining` and `over` are whole minutes.
 */
export type DeadlineView =
  | { kind: 'none' }
  | { kind: 'left'; hours: number; minutes: number; urgent: boolean }
  | { kind: 'overdue'; hours: number; minutes: number }
  | { kind: 'answered'; onTime: boolean };

/** Under 4 hours left is shown in orange. */
export const URGENT_MS = 4 * 3_600_000;

export function deadlineView(
  sheet: Pick<AlarmSheet, 'state' | 'deadlineAt' | 'respondedAt' | 'outcome'> | null,
  now: Date,
): DeadlineView {
  if (!sheet?.deadlineAt) return { kind: 'none' };
  const deadline = Date.parse(sheet.deadlineAt);
  if (ANSWERED.includes(sheet.state) || sheet.respondedAt) {
    const responded = sheet.respondedAt ? Date.parse(sheet.respondedAt) : Number.NaN;
    const onTime = Number.isFinite(responded) ? responded < deadline : sheet.outcome === 'on_time';
    return { kind: 'answered', onTime };
  }
  const diff = deadline - now.getTime();
  const split = (ms: number) => {
    const total = Math.max(0, Math.floor(ms / 60_000));
    return { hours: Math.floor(total / 60), minutes: total % 60 };
  };
  // Exactly at the deadline is overdue (the domain's isOverdue).
  if (diff <= 0) return { kind: 'overdue', ...split(0 - diff) };
  return { kind: 'left', ...split(diff), urgent: diff < URGENT_MS };
}

/** The path a sheet takes; 运维核查 only when a device fault is suspected (or it happened). */
export function statePath(
  sheet: Pick<AlarmSheet, 'state' | 'deviceSuspected'>,
  steps: readonly Pick<SheetStep, 'action'>[] = [],
): SheetState[] {
  const verified =
    sheet.deviceSuspected ||
    sheet.state === 'operator_verified' ||
    steps.some((s) => s.action === 'verify_device');
  return [
    'dispatched',
    'signed',
    'explained',
    ...(verified ? (['operator_verified'] as const) : []),
    'concluded',
    'closed',
  ];
}

const ACTION_STATE: Record<string, SheetState> = {
  dispatch: 'dispatched',
  sign: 'signed',
  explain: 'explained',
  verify_device: 'operator_verified',
  conclude: 'concluded',
  close: 'closed',
};

export interface StepItem {
  state: SheetState;
  status: 'finish' | 'process' | 'wait';
  /** When the step that reached this state was taken. */
  at: string | null;
  /** Passed over (a district concluding a signed sheet the enterprise did not explain). */
  skipped: boolean;
}

/** antd Steps items for the detail's header. */
export function sheetStepItems(detail: Pick<AlarmDetail, 'sheet' | 'steps'>): StepItem[] {
  const sheet = detail.sheet;
  if (!sheet) return [];
  const path = statePath(sheet, detail.steps);
  const current = path.indexOf(sheet.state);
  return path.map((state, i) => {
    const step = [...detail.steps].reverse().find((s) => ACTION_STATE[s.action] === state);
    const at = step?.at ?? (state === 'dispatched' ? sheet.dispatchedAt : null);
    const status =
      i < current || (i === current && state === 'closed') ? 'finish' : i === current ? 'process' : 'wait';
    return { state, status, at, skipped: i < current && !at };
  });
}

/** 1.5 → "1.5"; the multiple of the limit a peak reached (compared / limit). */
export function formatMultiple(multiple: number | null | undefined): string | null {
  if (multiple === null || multiple === undefined || !Number.isFinite(multiple)) return null;
  return String(Math.round(multiple * 100) / 100);
}
