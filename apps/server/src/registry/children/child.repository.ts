import { isSourceCategory } from '@dabiao/domain';
import type { DbOrTrx } from '../../platform/db/database';
import type { FacilityView, MonitorView, OutletView, PermitView } from './child.schemas';

/** Reads of the enterprise's children, shaped for the API. `showSecrets` reveals monitor passwords. */
export async function loadPermits(
  db: DbOrTrx,
  where: { enterpriseId?: number; id?: number },
): Promise<PermitView[]> {
  let q = db.selectFrom('permit').selectAll().orderBy('id');
  if (where.enterpriseId !== undefined) q = q.where('enterprise_id', '=', where.enterpriseId);
  if (where.id !== undefined) q = q.where('id', '=', where.id);
  const rows = await q.execute();
  if (!rows.length) return [];
  const pollutants = await db
    .selectFrom('permit_pollutant')
    .selectAll()
    .where(
      'permit_id',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('pollutant_code')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    enterpriseId: r.enterprise_id,
    number: r.number,
    managementClass: r.management_class as PermitView['managementClass'],
    validFrom: r.valid_from,
    validTo: r.valid_to,
    executionReportDuty: r.execution_report_duty,
    pollutants: pollutants
      .filter((x) => x.permit_id === r.id)
      .map((x) => ({ pollutantCode: x.pollutant_code, annualTotalT: x.annual_total_t })),
    active: r.active,
    version: r.version,
  }));
}

export async function loadOutlets(
  db: DbOrTrx,
  where: { enterpriseId?: number; id?: number },
): Promise<OutletView[]> {
  let q = db.selectFrom('outlet').selectAll().orderBy('code');
  if (where.enterpriseId !== undefined) q = q.where('enterprise_id', '=', where.enterpriseId);
  if (where.id !== undefined) q = q.where('id', '=', where.id);
  return (await q.execute()).map((r) => ({
    id: r.id,
    enterpriseId: r.enterprise_id,
    kind: r.kind as OutletView['kind'],
    code: r.code,
    name: r.name,
    stackHeightM: r.stack_height_m,
    stackDiameterM: r.stack_diameter_m,
    flueTemperatureC: r.flue_temperature_c,
    referenceO2: r.reference_o2,
    lng: r.lng,
    lat: r.lat,
    pollutants: r.pollutants,
    profile: r.profile,
    standardCategory: isSourceCategory(r.standard_category) ? r.standard_category : null,
    sourceAge: r.source_age,
    active: r.active,
    version: r.version,
  }));
}

export async function loadMonitors(
  db: DbOrTrx,
  where: { outletIds?: number[]; id?: number },
  showSecrets: boolean,
): Promise<MonitorView[]> {
  if (where.outletIds && where.outletIds.length === 0) return [];
  let q = db
    .selectFrom('monitor')
    .leftJoin('operator_company as o', 'o.id', 'monitor.operator_id')
    .selectAll('monitor')
    .select('o.name as operator_name')
    .orderBy('monitor.id');
  if (where.outletIds) q = q.where('monitor.outlet_id', 'in', where.outletIds);
  if (where.id !== undefined) q = q.where('monitor.id', '=', where.id);
  return (await q.execute()).map((r) => ({
    id: r.id,
    outletId: r.outlet_id,
    mn: r.mn,
    password: showSecrets ? r.password : null,
    manufacturer: r.manufacturer,
    model: r.model,
    installedOn: r.installed_on,
    operatorId: r.operator_id,
    operatorName: r.operator_name,
    active: r.active,
    version: r.version,
  }));
}

export async function loadFacilities(
  db: DbOrTrx,
  where: { enterpriseId?: number; id?: number },
): Promise<FacilityView[]> {
  let q = db.selectFrom('facility').selectAll().orderBy('id');
  if (where.enterpriseId !== undefined) q = q.where('enterprise_id', '=', where.enterpriseId);
  if (where.id !== undefined) q = q.where('id', '=', where.id);
  return (await q.execute()).map((r) => ({
    id: r.id,
    enterpriseId: r.enterprise_id,
    outletId: r.outlet_id,
    name: r.name,
    process: r.process,
    capacity: r.capacity,
    feasibleTechnology: r.feasible_technology,
    active: r.active,
    version: r.version,
  }));
}
