import { describe, expect, it } from 'vitest';
import {
  availableActions,
  SHEET_ACTIONS,
  SHEET_STATES,
  type SheetAction,
  type SheetFacts,
  type SheetState,
  transition,
} from '../../src/alarms/index';
import type { Role } from '../../src/registry/enums';
import { actor, INPUT, ROLE_KEYS, sheet } from './helpers';

type Outcome = 'ok' | 'NOT_ALLOWED_ROLE' | 'WRONG_STATE';
const N: Outcome = 'NOT_ALLOWED_ROLE';

/** The state each action is taken from in the role table (a state where it is allowed). */
const READY: Record<SheetAction, Partial<SheetFacts>> = {
  sign: { state: 'dispatched' },
  explain: { state: 'signed' },
  verify_device: { state: 'explained', deviceSuspected: true },
  conclude: { state: 'operator_verified', deviceSuspected: true },
  close: { state: 'concluded' },
};

//                                     sign  explain verify conclude close
const ROLE_TABLE: Record<Role, [Outcome, Outcome, Outcome, Outcome, Outcome]> = {
  admin: ['ok', N, N, 'ok', 'ok'],
  city: [N, N, N, 'ok', 'ok'],
  district: ['ok', N, N, 'ok', 'ok'],
  grid: [N, N, N, N, N],
  enterprise: [N, 'ok', N, N, N],
  operator: [N, N, 'ok', N, N],
  expert: [N, N, N, N, N],
  department: [N, N, N, N, N],
};
const ACTIONS = SHEET_ACTIONS.map((a) => a.key);

describe('every role × action (sheet in the state the action needs, actor in scope)', () => {
  const rows = ROLE_KEYS.flatMap((role) =>
    ACTIONS.map((action, i) => [role, action, ROLE_TABLE[role][i]!] as const),
  );
  it.each(rows)('%s %s → %s', (role, action, expected) => {
    const r = transition(sheet(READY[action]), actor(role), INPUT[action]);
    expect(r.ok ? 'ok' : r.code).toBe(expected);
    if (!r.ok) expect(r.message).toMatch(/[\u4e00-\u9fff]/);
  });
});

/** The actor that may take each action. */
const ACTOR_OF: Record<SheetAction, Role> = {
  sign: 'district',
  explain: 'enterprise',
  verify_device: 'operator',
  conclude: 'district',
  close: 'city',
};
const STATES = SHEET_STATES.map((s) => s.key);
const W: Outcome = 'WRONG_STATE';

//                 dispatched signed explained op_verified concluded closed
const STATE_TABLE: Record<'plain' | 'suspected', Record<SheetAction, Outcome[]>> = {
  plain: {
    sign: ['ok', W, W, W, W, W],
    explain: ['ok', 'ok', W, W, W, W],
    verify_device: [W, W, W, W, W, W],
    conclude: [W, 'ok', 'ok', 'ok', W, W],
    close: [W, W, W, W, 'ok', W],
  },
  suspected: {
    sign: ['ok', W, W, W, W, W],
    explain: ['ok', 'ok', W, W, W, W],
    verify_device: [W, W, 'ok', W, W, W],
    conclude: [W, W, W, 'ok', W, W],
    close: [W, W, W, W, 'ok', W],
  },
};

describe('every action × state, deviceSuspected false and true', () => {
  const rows = (['plain', 'suspected'] as const).flatMap((kind) =>
    ACTIONS.flatMap((action) =>
      STATES.map((state, i) => [kind, action, state, STATE_TABLE[kind][action][i]!] as const),
    ),
  );
  it.each(rows)('%s: %s from %s → %s', (kind, action, state, expected) => {
    const s = sheet({ state, deviceSuspected: kind === 'suspected' });
    const r = transition(s, actor(ACTOR_OF[action]), INPUT[action]);
    expect(r.ok ? 'ok' : r.code).toBe(expected);
  });
});

describe('availableActions agrees with transition', () => {
  const rows = ROLE_KEYS.flatMap((role) =>
    STATES.flatMap((state) =>
      [false, true].map((deviceSuspected) => [role, state, deviceSuspected] as const),
    ),
  );
  it.each(rows)('%s in %s (suspected %s)', (role, state, deviceSuspected) => {
    const s = sheet({ state, deviceSuspected });
    const a = actor(role);
    const expected = ACTIONS.filter((action) => transition(s, a, INPUT[action]).ok);
    expect(availableActions(s, a)).toEqual(expected);
  });

  it.each([
    ['district', 'dispatched', false, ['sign']],
    ['enterprise', 'dispatched', false, ['explain']],
    ['district', 'explained', false, ['conclude']],
    ['district', 'signed', false, ['conclude']],
    ['district', 'explained', true, []],
    ['operator', 'explained', true, ['verify_device']],
    ['city', 'concluded', false, ['close']],
    ['admin', 'dispatched', false, ['sign']],
    ['grid', 'dispatched', false, []],
  ] as [Role, SheetState, boolean, SheetAction[]][])(
    '%s in %s (suspected %s) → %j',
    (role, state, d, expected) => {
      expect(availableActions(sheet({ state, deviceSuspected: d }), actor(role))).toEqual(expected);
    },
  );

  it('nothing for anyone once closed', () => {
    for (const role of ROLE_KEYS)
      expect(availableActions(sheet({ state: 'closed' }), actor(role))).toEqual([]);
  });
});
