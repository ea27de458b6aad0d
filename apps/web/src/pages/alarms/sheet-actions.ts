// The sheet action forms' values → the POST bodies (apps/server/src/alarms/alarm.schemas.ts).
import type { ActionBody, SheetAction, SheetConclusion } from '../../api/alarms';

export interface ActionFormValues {
  note?: string;
  deviceSuspected?: boolean;
  explanation?: string;
  selfCorrection?: string;
  finding?: string;
  deviceFaulty?: boolean;
  conclusion?: SheetConclusion;
}

const text = (v: string | undefined) => (v ?? '').trim();

/** The body of one action at the sheet's `version`; optional notes left out when empty. */
export function actionBody(action: SheetAction, version: number, v: ActionFormValues): ActionBody {
  switch (action) {
    case 'sign':
      return {
        action,
        version,
        ...(text(v.note) ? { note: text(v.note) } : {}),
        deviceSuspected: v.deviceSuspected ?? false,
      };
    case 'explain':
      return {
        action,
        version,
        explanation: text(v.explanation),
        selfCorrection: text(v.selfCorrection),
        deviceSuspected: v.deviceSuspected ?? false,
      };
    case 'verify_device':
      return { action, version, finding: text(v.finding), deviceFaulty: v.deviceFaulty ?? false };
    case 'conclude':
      return { action, version, conclusion: v.conclusion ?? 'confirmed_exceedance', note: text(v.note) };
    case 'close':
      return { action, version, ...(text(v.note) ? { note: text(v.note) } : {}) };
  }
}

/** The form's field names per action (problem+json paths map to them). */
export const ACTION_FIELDS: Record<SheetAction, readonly (keyof ActionFormValues)[]> = {
  sign: ['note', 'deviceSuspected'],
  explain: ['explanation', 'selfCorrection', 'deviceSuspected'],
  verify_device: ['finding', 'deviceFaulty'],
  conclude: ['conclusion', 'note'],
  close: ['note'],
};

/** Primary buttons for the step that moves the sheet forward; 办结 too. */
export const isPrimaryAction = (action: SheetAction) => action !== 'close';

/** A step's detail as label/value pairs the timeline shows, known keys first, in a fixed order. */
export const STEP_DETAIL_KEYS = [
  'number',
  'title',
  'explanation',
  'selfCorrection',
  'deviceSuspected',
  'finding',
  'deviceFaulty',
  'conclusion',
  'note',
  'supervisionNumber',
  'deadlineAt',
] as const;

export function stepDetailRows(detail: Record<string, unknown> | null): { key: string; value: unknown }[] {
  if (!detail) return [];
  return STEP_DETAIL_KEYS.filter(
    (k) => detail[k] !== undefined && detail[k] !== null && detail[k] !== '',
  ).map((k) => ({ key: k, value: detail[k] }));
}
