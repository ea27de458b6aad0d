import type { EnterpriseUpdate } from '../platform/db/schema';
import type { EnterprisePatch } from './enterprise.schemas';

/** API field → column. One table so create, update, import and audit agree. */
export const ENTERPRISE_COLUMNS = {
  creditCode: 'credit_code',
  name: 'name',
  legalRepresentative: 'legal_representative',
  address: 'address',
  lng: 'lng',
  lat: 'lat',
  regionCode: 'region_code',
  townshipCode: 'township_code',
  gridId: 'grid_id',
  industryCode: 'industry_code',
  programmeIndustry: 'programme_industry',
  batch: 'batch',
  controlLevel: 'control_level',
  keyKinds: 'key_kinds',
  status: 'status',
  productsAndScale: 'products_and_scale',
  startedOn: 'started_on',
  envContact: 'env_contact',
  envContactPhone: 'env_contact_phone',
} as const satisfies Record<string, keyof EnterpriseUpdate>;

export type EnterpriseField = keyof typeof ENTERPRISE_COLUMNS;

export function toColumns(input: Partial<Omit<EnterprisePatch, 'version'>>): EnterpriseUpdate {
  const out: Record<string, unknown> = {};
  for (const [field, column] of Object.entries(ENTERPRISE_COLUMNS)) {
    const value = (input as Record<string, unknown>)[field];
    if (value !== undefined) out[column] = value;
  }
  return out as EnterpriseUpdate;
}
