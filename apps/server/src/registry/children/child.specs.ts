import { categoryOutletKind, type SourceCategory } from '@dabiao/domain';
import type { Db, Trx } from '../../platform/db/database';
import { type FieldError, notFound } from '../../platform/errors/app-error';
import { loadFacilities, loadMonitors, loadOutlets, loadPermits } from './child.repository';
import {
  FacilityView,
  facilityFields,
  MonitorView,
  monitorFields,
  OutletView,
  outletFields,
  PermitView,
  permitFields,
} from './child.schemas';
import type { ChildSpec } from './child-resource';

const byEnterprise = {
  column: 'enterprise_id',
  enterpriseOf: async (db: Db, id: number) =>
    (await db.selectFrom('enterprise').select('id').where('id', '=', id).executeTakeFirst())?.id,
};
const first = async <T>(rows: Promise<T[]>, what: string) => {
  const row = (await rows)[0];
  if (!row) throw notFound(what);
  return row as Record<string, unknown>;
};

export const permitSpec: ChildSpec = {
  entity: 'permit',
  zhName: '排污许可证',
  parent: { path: '/enterprises/:id/permits', ...byEnterprise },
  fields: permitFields,
  columns: {
    number: 'number',
    managementClass: 'management_class',
    validFrom: 'valid_from',
    validTo: 'valid_to',
    executionReportDuty: 'execution_report_duty',
  },
  view: PermitView,
  load: (db, id) => first(loadPermits(db, { id }), '排污许可证'),
  async check(trx, v, ctx) {
    const errors: FieldError[] = [];
    const dup = await trx
      .selectFrom('permit')
      .select('id')
      .where('number', '=', String(v.number))
      .executeTakeFirst();
    if (dup && dup.id !== ctx.id)
      errors.push({ path: '/number', message: '许可证编号已存在', code: 'DUPLICATE' });
    if (v.validFrom && v.validTo && String(v.validTo) < String(v.validFrom)) {
      errors.push({ path: '/validTo', message: '有效期截止日期不能早于起始日期', code: 'DATE_ORDER' });
    }
    const codes = ((v.pollutants ?? []) as { pollutantCode: string }[]).map((x) => x.pollutantCode);
    codes.forEach((code, i) => {
      if (codes.indexOf(code) !== i)
        errors.push({ path: `/pollutants/${i}/pollutantCode`, message: '污染物重复', code: 'DUPLICATE' });
    });
    return errors;
  },
  async afterWrite(trx, id, v) {
    if (!v.pollutants) return;
    await trx.deleteFrom('permit_pollutant').where('permit_id', '=', id).execute();
    const rows = (v.pollutants as { pollutantCode: string; annualTotalT: number | null }[]).map((x) => ({
      permit_id: id,
      pollutant_code: x.pollutantCode,
      annual_total_t: x.annualTotalT,
    }));
    if (rows.length) await trx.insertInto('permit_pollutant').values(rows).execute();
  },
};

export const outletSpec: ChildSpec = {
  entity: 'outlet',
  zhName: '排放口',
  parent: { path: '/enterprises/:id/outlets', ...byEnterprise },
  fields: outletFields,
  columns: {
    kind: 'kind',
    code: 'code',
    name: 'name',
    stackHeightM: 'stack_height_m',
    stackDiameterM: 'stack_diameter_m',
    flueTemperatureC: 'flue_temperature_c',
    referenceO2: 'reference_o2',
    lng: 'lng',
    lat: 'lat',
    pollutants: 'pollutants',
    profile: 'profile',
    standardCategory: 'standard_category',
    sourceAge: 'source_age',
  },
  view: OutletView,
  load: (db, id) => first(loadOutlets(db, { id }), '排放口'),
  async check(trx, v, ctx) {
    const errors: FieldError[] = [];
    const code = String(v.code);
    if ((code[1] === 'W') !== (v.kind === 'water')) {
      errors.push({
        path: '/code',
        message: '废水排放口编号以 DW 开头，废气排放口以 DA 开头',
        code: 'KIND_MISMATCH',
      });
    }
    const dup = await trx
      .selectFrom('outlet')
      .select('id')
      .where('enterprise_id', '=', ctx.enterpriseId)
      .where('code', '=', code)
      .executeTakeFirst();
    if (dup && dup.id !== ctx.id)
      errors.push({ path: '/code', message: `本企业已有排放口 ${code}`, code: 'DUPLICATE' });
    const category = v.standardCategory as SourceCategory | null | undefined;
    if (category && categoryOutletKind(category) !== v.kind) {
      errors.push({
        path: '/standardCategory',
        message: v.kind === 'water' ? '废水排放口应选择废水排放标准类别' : '废气排放口应选择废气排放标准类别',
        code: 'KIND_MISMATCH',
      });
    }
    return errors;
  },
};

export const monitorSpec: ChildSpec = {
  entity: 'monitor',
  zhName: '在线监控设备',
  parent: {
    path: '/outlets/:id/monitors',
    column: 'outlet_id',
    enterpriseOf: async (db, id) =>
      (await db.selectFrom('outlet').select('enterprise_id').where('id', '=', id).executeTakeFirst())
        ?.enterprise_id,
  },
  fields: monitorFields,
  columns: {
    mn: 'mn',
    password: 'password',
    manufacturer: 'manufacturer',
    model: 'model',
    installedOn: 'installed_on',
    operatorId: 'operator_id',
  },
  view: MonitorView,
  load: (db, id) => first(loadMonitors(db, { id }, true), '在线监控设备'),
  async check(trx: Trx, v, ctx) {
    const errors: FieldError[] = [];
    const dup = await trx
      .selectFrom('monitor')
      .select('id')
      .where('mn', '=', String(v.mn))
      .executeTakeFirst();
    if (dup && dup.id !== ctx.id)
      errors.push({ path: '/mn', message: `MN 号 ${v.mn} 已被其他数采仪使用`, code: 'DUPLICATE' });
    if (v.operatorId != null) {
      const op = await trx
        .selectFrom('operator_company')
        .select('id')
        .where('id', '=', Number(v.operatorId))
        .executeTakeFirst();
      if (!op) errors.push({ path: '/operatorId', message: '运维单位不存在', code: 'UNKNOWN' });
    }
    return errors;
  },
};

export const facilitySpec: ChildSpec = {
  entity: 'facility',
  zhName: '污染治理设施',
  parent: { path: '/enterprises/:id/facilities', ...byEnterprise },
  fields: facilityFields,
  columns: {
    outletId: 'outlet_id',
    name: 'name',
    process: 'process',
    capacity: 'capacity',
    feasibleTechnology: 'feasible_technology',
  },
  view: FacilityView,
  load: (db, id) => first(loadFacilities(db, { id }), '污染治理设施'),
  async check(trx, v, ctx) {
    if (v.outletId == null) return [];
    const outlet = await trx
      .selectFrom('outlet')
      .select('enterprise_id')
      .where('id', '=', Number(v.outletId))
      .executeTakeFirst();
    return outlet?.enterprise_id === ctx.enterpriseId
      ? []
      : [{ path: '/outletId', message: '排放口不属于本企业', code: 'UNKNOWN' }];
  },
};
