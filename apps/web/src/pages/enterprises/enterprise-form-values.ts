import type { Dayjs } from 'dayjs';
import type { ControlLevel, Enterprise, EnterpriseStatus, KeyKind } from '../../api/types';
import { fromDateString, toDateString } from '../../utils/time';

/** What the enterprise form holds: the API's fields, with the date as a Dayjs for the DatePicker. */
export interface EnterpriseFormValues {
  creditCode: string;
  name: string;
  legalRepresentative?: string | null;
  address?: string | null;
  lng?: number | null;
  lat?: number | null;
  regionCode: string;
  townshipCode?: string | null;
  gridId?: number | null;
  industryCode?: string | null;
  programmeIndustry?: string | null;
  batch?: number | null;
  controlLevel: ControlLevel;
  keyKinds: KeyKind[];
  status: EnterpriseStatus;
  productsAndScale?: string | null;
  startedOn?: Dayjs | null;
  envContact?: string | null;
  envContactPhone?: string | null;
}

export const ENTERPRISE_FIELDS = [
  'creditCode',
  'name',
  'legalRepresentative',
  'address',
  'lng',
  'lat',
  'regionCode',
  'townshipCode',
  'gridId',
  'industryCode',
  'programmeIndustry',
  'batch',
  'controlLevel',
  'keyKinds',
  'status',
  'productsAndScale',
  'startedOn',
  'envContact',
  'envContactPhone',
] as const satisfies readonly (keyof EnterpriseFormValues)[];

export type EnterpriseBody = Record<(typeof ENTERPRISE_FIELDS)[number], unknown>;

export function toFormValues(e: Enterprise): EnterpriseFormValues {
  return { ...e, startedOn: fromDateString(e.startedOn) ?? null };
}

export const NEW_ENTERPRISE: Partial<EnterpriseFormValues> = {
  controlLevel: 'none',
  status: 'operating',
  keyKinds: [],
};

/** Form values → request body: empty text becomes null, the date YYYY-MM-DD. */
export function toBody(values: EnterpriseFormValues): EnterpriseBody {
  const body = {} as EnterpriseBody;
  for (const key of ENTERPRISE_FIELDS) {
    const value = values[key];
    if (key === 'startedOn') body[key] = toDateString(values.startedOn);
    else if (typeof value === 'string') body[key] = value.trim() === '' ? null : value.trim();
    else body[key] = value ?? null;
  }
  return body;
}

/** Only what the user changed goes into the PATCH, so the audit log records just that. */
export function changedFields(original: Enterprise, body: EnterpriseBody): Partial<EnterpriseBody> {
  const changed: Partial<EnterpriseBody> = {};
  for (const key of ENTERPRISE_FIELDS) {
    const before = original[key] ?? null;
    const after = body[key] ?? null;
    const same =
      key === 'startedOn'
        ? (typeof before === 'string' ? before.slice(0, 10) : before) === after
        : JSON.stringify(before) === JSON.stringify(after);
    if (!same) changed[key] = after;
  }
  return changed;
}
