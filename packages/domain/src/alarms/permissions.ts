/**
 * Who may take which action on a sheet, and in which state: role, then scope, then state. Input
 * is checked afterwards (validate.ts), so a refusal here does not depend on what was typed.
 */
import { ROLES, type Role, zhLabel } from '../registry/enums';
import { SHEET_ACTIONS, SHEET_STATES, type SheetAction } from './labels';
import { regionScopeContains } from './scope';
import type { Refusal, SheetActor, SheetFacts } from './types';

/** Roles that may take each action (admin stands in for the district and the city). */
export const SHEET_ACTION_ROLES: Readonly<Record<SheetAction, readonly Role[]>> = {
  sign: ['district', 'admin'],
  explain: ['enterprise'],
  verify_device: ['operator'],
  conclude: ['district', 'city', 'admin'],
  close: ['district', 'city', 'admin'],
};

const refuse = (code: Refusal['code'], message: string): Refusal => ({ ok: false, code, message });
const actionZh = (a: SheetAction) => zhLabel(SHEET_ACTIONS, a) ?? a;
const roleZh = (r: string) => zhLabel(ROLES, r) ?? r;

/** Why `actor` may not take `action` on `sheet` now, or null when it may (input not yet checked). */
export function actionRefusal(sheet: SheetFacts, actor: SheetActor, action: SheetAction): Refusal | null {
  const roles = SHEET_ACTION_ROLES[action];
  if (!roles.includes(actor.role)) {
    const who = roles
      .filter((r) => r !== 'admin')
      .map(roleZh)
      .join('或');
    return refuse(
      'NOT_ALLOWED_ROLE',
      `${roleZh(actor.role)}不能办理「${actionZh(action)}」，该操作由${who}办理`,
    );
  }
  const scope = scopeRefusal(sheet, actor);
  if (scope) return scope;
  return stateRefusal(sheet, action);
}

function scopeRefusal(sheet: SheetFacts, actor: SheetActor): Refusal | null {
  switch (actor.role) {
    case 'enterprise':
      return actor.enterpriseId !== null && actor.enterpriseId === sheet.enterpriseId
        ? null
        : refuse('OUT_OF_SCOPE', '该报警单不是发给本单位的');
    case 'operator':
      return actor.operatorId !== null && sheet.operatorIds.includes(actor.operatorId)
        ? null
        : refuse('OUT_OF_SCOPE', '本单位不是该报警单所涉监测设备的运维单位');
    case 'district':
    case 'city':
      return regionScopeContains(actor.regionCode, sheet.districtCode)
        ? null
        : refuse(
            'OUT_OF_SCOPE',
            `报警单属于 ${sheet.districtCode}，不在您的管辖范围（${actor.regionCode || '未设置'}）内`,
          );
    default:
      // admin: not scope-limited (grid, expert and department were refused by role).
      return null;
  }
}

function stateRefusal(sheet: SheetFacts, action: SheetAction): Refusal | null {
  const { state, deviceSuspected } = sheet;
  const wrong = (detail?: string) =>
    refuse(
      'WRONG_STATE',
      `报警单当前为「${zhLabel(SHEET_STATES, state) ?? state}」，不能${actionZh(action)}${detail ? `：${detail}` : ''}`,
    );
  switch (action) {
    case 'sign':
      return state === 'dispatched' ? null : wrong();
    case 'explain':
      return state === 'dispatched' || state === 'signed' ? null : wrong();
    case 'verify_device':
      if (state !== 'explained') return wrong();
      return deviceSuspected ? null : wrong('未报疑似设备故障，无需运维单位核查');
    case 'conclude':
      // The bureau's own investigation may conclude a signed sheet the enterprise has not answered:
      // its 24 hours do not wait for the enterprise.
      if (state === 'operator_verified') return null;
      if (state !== 'explained' && state !== 'signed') return wrong();
      return deviceSuspected ? wrong('疑似设备故障，须先由运维单位核查') : null;
    case 'close':
      return state === 'concluded' ? null : wrong();
  }
}
