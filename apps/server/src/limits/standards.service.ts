import type { Actor } from '../platform/audit/audit.repository';
import { recordAudit } from '../platform/audit/audit.repository';
import type { Principal } from '../platform/auth/principal';
import type { Db } from '../platform/db/database';
import { conflict, invalid, notFound } from '../platform/errors/app-error';
import { fromStandardLimit } from './limit-rows';
import { assertCanWriteLimits } from './limits.policy';
import { presentDesignation, presentStandardLimit } from './limits.presenter';
import type {
  DesignationCreate,
  DesignationView,
  LocalStandardCreate,
  StandardLimitView,
  VersionCreate,
} from './limits.schemas';
import {
  closeVersion,
  findStandardLimit,
  insertDesignation,
  insertStandardLimit,
  lineExists,
  lineVersions,
} from './standard.repository';

export interface StandardDetail {
  limit: StandardLimitView;
  versions: StandardLimitView[];
}

const actorOf = (p: Principal, ip?: string): Actor => ({ id: p.id, name: p.username, ip: ip ?? null });

/** Checks shared by a local row and a version: the range and the dates. */
function checkValueAndDates(b: VersionCreate): void {
  if (b.value.kind === 'range' && b.value.lo > b.value.hi)
    throw invalid([{ path: '/value/hi', message: '上限不能小于下限', code: 'RANGE' }]);
  if (b.effectiveTo && b.effectiveTo <= b.effectiveFrom)
    throw invalid([{ path: '/effectiveTo', message: '失效日期须晚于生效日期', code: 'DATE_ORDER' }]);
}

const versionColumns = (b: VersionCreate) => ({
  value_kind: b.value.kind,
  value_max: b.value.kind === 'max' ? b.value.max : null,
  value_lo: b.value.kind === 'range' ? b.value.lo : null,
  value_hi: b.value.kind === 'range' ? b.value.hi : null,
  unit: b.unit,
  reference_o2: b.referenceO2,
  clause: b.clause,
  effective_from: b.effectiveFrom,
  effective_to: b.effectiveTo ?? null,
  confirmed: b.confirmed,
  source: b.source,
  reading: b.reading ?? null,
});

export async function getStandardDetail(db: Db, id: number): Promise<StandardDetail> {
  const row = await findStandardLimit(db, id);
  if (!row) throw notFound('标准限值');
  const versions = await lineVersions(db, row.line_id);
  return { limit: presentStandardLimit(row), versions: versions.map(presentStandardLimit) };
}

/** A local standard's row (its first version); a line that exists already takes versions instead. */
export async function createLocalStandard(
  db: Db,
  p: Principal,
  b: LocalStandardCreate,
  ip?: string,
): Promise<StandardDetail> {
  assertCanWriteLimits(p);
  checkValueAndDates(b);
  if (b.waterTemperature && b.outletKind !== 'water')
    throw invalid([{ path: '/waterTemperature', message: '水温条件只适用于废水排放口', code: 'SCOPE' }]);
  const code = b.standard.code.trim();
  const temp = b.waterTemperature
    ? 'above' in b.waterTemperature
      ? `gt${b.waterTemperature.above}C`
      : `le${b.waterTemperature.atMost}C`
    : null;
  const lineId = [
    code.replace(/\s+/g, ''),
    b.category,
    b.pollutant,
    b.averaging,
    b.sourceAge,
    b.special,
    temp,
  ]
    .filter(Boolean)
    .join(':');
  const row = await db.transaction().execute(async (trx) => {
    if (await lineExists(trx, lineId))
      throw conflict('/standard/code', '该标准已有此类别、因子和平均时段的限值，请新增版本');
    const base = fromStandardLimit(
      {
        kind: 'standard',
        id: lineId,
        standard: {
          code,
          series: b.standard.series ?? code.replace(/-\d{4}$/, ''),
          title: b.standard.title,
          level: 'local',
          regionCodes: b.standard.regionCodes,
        },
        outletKind: b.outletKind,
        industries: b.industries,
        category: b.category,
        ...(b.sourceAge ? { sourceAge: b.sourceAge } : {}),
        ...(b.waterTemperature ? { waterTemperature: b.waterTemperature } : {}),
        special: b.special,
        pollutant: b.pollutant,
        value: b.value,
        unit: b.unit,
        averaging: b.averaging,
        referenceO2: b.referenceO2,
        clause: b.clause,
        effectiveFrom: b.effectiveFrom,
        revision: 1,
        confirmed: b.confirmed,
        source: b.source,
      },
      { createdBy: p.id },
    );
    const inserted = await insertStandardLimit(trx, { ...base, ...versionColumns(b) });
    const after = presentStandardLimit(inserted);
    await recordAudit(trx, actorOf(p, ip), {
      action: 'create',
      entity: 'standard_limit',
      entityId: inserted.id,
      after,
    });
    return inserted;
  });
  return { limit: presentStandardLimit(row), versions: [presentStandardLimit(row)] };
}

/**
 * A new version of the line row `id` belongs to, in force from `effectiveFrom`: the current
 * version (latest effectiveFrom, then revision) is closed on that date; no limit changes in place.
 */
export async function addVersion(
  db: Db,
  p: Principal,
  id: number,
  b: VersionCreate,
  ip?: string,
): Promise<StandardDetail> {
  assertCanWriteLimits(p);
  checkValueAndDates(b);
  const lineId = await db.transaction().execute(async (trx) => {
    const row = await findStandardLimit(trx, id);
    if (!row) throw notFound('标准限值');
    const versions = await lineVersions(trx, row.line_id, true);
    const current = versions.filter((v) => v.active).at(-1) ?? versions.at(-1) ?? row;
    if (current.effective_from && b.effectiveFrom <= current.effective_from)
      throw invalid([
        {
          path: '/effectiveFrom',
          message: `新版本的生效日期须晚于现行版本的生效日期（${current.effective_from}）`,
          code: 'NOT_AFTER_CURRENT',
        },
      ]);
    if (!current.effective_to || current.effective_to > b.effectiveFrom)
      await closeVersion(trx, current.id, b.effectiveFrom);
    const { id: _id, created_at: _at, active: _active, ...scope } = current;
    const revision = Math.max(...versions.map((v) => v.revision)) + 1;
    const inserted = await insertStandardLimit(trx, {
      ...scope,
      ...versionColumns(b),
      revision,
      created_by: p.id,
    });
    await recordAudit(trx, actorOf(p, ip), {
      action: 'version',
      entity: 'standard_limit',
      entityId: inserted.id,
      before: presentStandardLimit(current),
      after: presentStandardLimit(inserted),
    });
    return inserted.line_id;
  });
  const versions = (await lineVersions(db, lineId)).map(presentStandardLimit);
  const limit = versions.at(-1);
  if (!limit) throw notFound('标准限值');
  return { limit, versions };
}

export async function createDesignation(
  db: Db,
  p: Principal,
  b: DesignationCreate,
  ip?: string,
): Promise<DesignationView> {
  assertCanWriteLimits(p);
  if (b.effectiveTo && b.effectiveTo <= b.effectiveFrom)
    throw invalid([{ path: '/effectiveTo', message: '失效日期须晚于生效日期', code: 'DATE_ORDER' }]);
  return db.transaction().execute(async (trx) => {
    const known = new Set(
      (
        await trx
          .selectFrom('standard_limit')
          .select('standard_code')
          .distinct()
          .where('standard_code', 'in', b.standards)
          .execute()
      ).map((r) => r.standard_code),
    );
    const unknown = b.standards.findIndex((s) => !known.has(s));
    if (unknown >= 0)
      throw invalid([
        { path: `/standards/${unknown}`, message: '标准库中没有该标准', code: 'UNKNOWN_STANDARD' },
      ]);
    const row = await insertDesignation(trx, {
      kind: b.kind,
      standard_codes: b.standards,
      region_codes: b.regionCodes,
      categories: b.categories ?? null,
      source_age: b.sourceAge ?? null,
      effective_from: b.effectiveFrom,
      effective_to: b.effectiveTo ?? null,
      document: b.document,
      created_by: p.id,
    });
    const view = presentDesignation(row);
    await recordAudit(trx, actorOf(p, ip), {
      action: 'create',
      entity: 'special_limit_designation',
      entityId: row.id,
      after: view,
    });
    return view;
  });
}
