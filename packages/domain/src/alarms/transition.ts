/**
 * The alarm sheet's workflow (A3): 三方联动 — the enterprise self-checks and reports, the operator
 * verifies a suspected device, the district bureau investigates and concludes (its 24-hour
 * response), and the city or district closes the sheet. Pure: the caller stores the result.
 */
import { SHEET_ACTIONS, type SheetAction, type SheetState } from './labels';
import { actionRefusal } from './permissions';
import type { ActionInput, SheetActor, SheetFacts, TransitionResult } from './types';
import { inputProblem } from './validate';

export function transition(sheet: SheetFacts, actor: SheetActor, input: ActionInput): TransitionResult {
  const problem = inputProblem(input);
  // An unknown action cannot be checked for role or state: refuse it as input first.
  if (problem && !SHEET_ACTIONS.some((a) => a.key === input?.action)) {
    return { ok: false, code: 'INVALID_INPUT', message: problem };
  }
  const refusal = actionRefusal(sheet, actor, input.action);
  if (refusal) return refusal;
  if (problem) return { ok: false, code: 'INVALID_INPUT', message: problem };

  switch (input.action) {
    case 'sign':
      return step('signed', input.deviceSuspected ?? sheet.deviceSuspected);
    case 'explain':
      // A suspicion the district noted when signing stands: either party's suspicion sends it to the operator.
      return step('explained', sheet.deviceSuspected || input.deviceSuspected);
    case 'verify_device':
      // The operator's finding replaces the suspicion.
      return step('operator_verified', input.deviceFaulty);
    case 'conclude':
      if (
        input.conclusion === 'device_fault' &&
        !(sheet.state === 'operator_verified' && sheet.deviceSuspected)
      ) {
        return {
          ok: false,
          code: 'INVALID_INPUT',
          message:
            '结论为“设备故障”须有运维单位核查确认设备故障；未经核查或核查未发现故障的，请选择确认超标或误报',
        };
      }
      return {
        ok: true,
        next: 'concluded',
        deviceSuspected: input.conclusion === 'device_fault',
        responds: true,
      };
    case 'close':
      return step('closed', sheet.deviceSuspected);
  }
}

function step(next: SheetState, deviceSuspected: boolean): TransitionResult {
  return { ok: true, next, deviceSuspected, responds: false };
}

/** Actions this actor may take now (for the UI's buttons), in workflow order. */
export function availableActions(sheet: SheetFacts, actor: SheetActor): SheetAction[] {
  return SHEET_ACTIONS.map((a) => a.key).filter((a) => actionRefusal(sheet, actor, a) === null);
}
