import type { Role } from '../registry/enums';
import type { SheetConclusion, SheetState } from './labels';

/** What the workflow needs to know about a sheet. */
export interface SheetFacts {
  state: SheetState;
  /** GB/T 2260 6-digit code of the district the sheet is addressed to. */
  districtCode: string;
  enterpriseId: number;
  /** Operator companies of the monitors involved. */
  operatorIds: readonly number[];
  /** Set by the enterprise's explanation (or by the district when signing/concluding). */
  deviceSuspected: boolean;
  dispatchedAt: Date;
  /** dispatchedAt + 24 h: the first instant that is late (see deadline.ts). */
  deadlineAt: Date;
  escalatedAt: Date | null;
}

/** Who acts. regionCode is the user's scope (a 6-digit district code, the city code 430900, or longer township codes). */
export interface SheetActor {
  role: Role;
  regionCode: string;
  enterpriseId: number | null;
  operatorId: number | null;
}

export type ActionInput =
  /** `deviceSuspected` (optional): the district suspects the device when signing for the sheet. */
  | { action: 'sign'; note?: string; deviceSuspected?: boolean }
  | { action: 'explain'; explanation: string; selfCorrection: string; deviceSuspected: boolean }
  | { action: 'verify_device'; finding: string; deviceFaulty: boolean }
  | { action: 'conclude'; conclusion: SheetConclusion; note: string }
  | { action: 'close'; note?: string };

export type RefusalCode = 'NOT_ALLOWED_ROLE' | 'OUT_OF_SCOPE' | 'WRONG_STATE' | 'INVALID_INPUT';

export interface Refusal {
  ok: false;
  code: RefusalCode;
  /** zh */
  message: string;
}

export type TransitionResult =
  | {
      ok: true;
      next: SheetState;
      deviceSuspected: boolean;
      /** true when this step answers the sheet (the 24-hour response: the district's conclusion) */
      responds: boolean;
    }
  | Refusal;
