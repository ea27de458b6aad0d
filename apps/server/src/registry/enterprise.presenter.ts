import { industryName } from '@dabiao/domain';
import type { EnterpriseRecord } from './enterprise.repository';
import type { EnterpriseView } from './enterprise.schemas';

export function presentEnterprise(row: EnterpriseRecord): EnterpriseView {
  return {
    id: row.id,
    creditCode: row.credit_code,
    name: row.name,
    legalRepresentative: row.legal_representative,
    address: row.address,
    lng: row.lng,
    lat: row.lat,
    regionCode: row.region_code,
    regionName: row.region_name,
    townshipCode: row.township_code,
    townshipName: row.township_name,
    gridId: row.grid_id,
    gridName: row.grid_name,
    industryCode: row.industry_code,
    industryName: row.industry_code ? (industryName(row.industry_code) ?? null) : null,
    programmeIndustry: row.programme_industry,
    batch: row.batch,
    controlLevel: row.control_level as EnterpriseView['controlLevel'],
    keyKinds: row.key_kinds as EnterpriseView['keyKinds'],
    status: row.status as EnterpriseView['status'],
    productsAndScale: row.products_and_scale,
    startedOn: row.started_on,
    envContact: row.env_contact,
    envContactPhone: row.env_contact_phone,
    active: row.active,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}
