import type { ActionInput, SheetAction, SheetActor, SheetFacts } from '../../src/alarms/index';
import type { Role } from '../../src/registry/enums';

export const DISPATCHED = new Date('2026-11-23T02:00:00Z'); // 10:00 Shanghai

export function sheet(over: Partial<SheetFacts> = {}): SheetFacts {
  return {
    state: 'dispatched',
    districtCode: '430903',
    enterpriseId: 7,
    operatorIds: [31, 32],
    deviceSuspected: false,
    dispatchedAt: DISPATCHED,
    deadlineAt: new Date(DISPATCHED.getTime() + 24 * 3_600_000),
    escalatedAt: null,
    ...over,
  };
}

/** A user of each role, in scope of the default sheet. */
export function actor(role: Role, over: Partial<SheetActor> = {}): SheetActor {
  const base: Record<Role, SheetActor> = {
    admin: { role: 'admin', regionCode: '430900', enterpriseId: null, operatorId: null },
    city: { role: 'city', regionCode: '430900', enterpriseId: null, operatorId: null },
    district: { role: 'district', regionCode: '430903', enterpriseId: null, operatorId: null },
    grid: { role: 'grid', regionCode: '430903001', enterpriseId: null, operatorId: null },
    enterprise: { role: 'enterprise', regionCode: '430903', enterpriseId: 7, operatorId: null },
    operator: { role: 'operator', regionCode: '430900', enterpriseId: null, operatorId: 31 },
    expert: { role: 'expert', regionCode: '430900', enterpriseId: null, operatorId: null },
    department: { role: 'department', regionCode: '430900', enterpriseId: null, operatorId: null },
  };
  return { ...base[role], ...over };
}

/** A valid input for each action. */
export const INPUT: Record<SheetAction, ActionInput> = {
  sign: { action: 'sign' },
  explain: {
    action: 'explain',
    explanation: '脱硫塔循环泵跳停 40 分钟',
    selfCorrection: '已重启循环泵并加密巡检',
    deviceSuspected: false,
  },
  verify_device: { action: 'verify_device', finding: '采样探头堵塞，已清理', deviceFaulty: true },
  conclude: { action: 'conclude', conclusion: 'confirmed_exceedance', note: '现场核实超标属实' },
  close: { action: 'close' },
};

export const ROLE_KEYS: readonly Role[] = [
  'admin',
  'city',
  'district',
  'grid',
  'enterprise',
  'operator',
  'expert',
  'department',
];
