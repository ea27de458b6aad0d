import {
  CATEGORY_OF_PROFILE,
  isSourceCategory,
  type LimitValue,
  type PermitLimit,
  type SourceAge,
  type SourceCategory,
} from '@dabiao/domain';
import type { Insertable, Selectable } from 'kysely';
import type { DbOrTrx } from '../platform/db/database';
import type { PermitLimitTable } from '../platform/db/schema';

/** A permit's concentration limits (许可排放浓度, migration 0007) and the outlet facts the resolver needs. */
export type PermitLimitRow = Selectable<PermitLimitTable>;

/** What the API and the domain call a permit limit's particulars (the permit and dates aside). */
export interface PermitLimitFields {
  outletCode: string;
  pollutant: string;
  averaging: PermitLimitRow['averaging'];
  value: LimitValue;
  unit: string;
  referenceO2: number | null;
  clause: string | null;
}

export function toPermitLimitFields(r: PermitLimitRow): PermitLimitFields {
  return {
    outletCode: r.outlet_code,
    pollutant: r.pollutant,
    averaging: r.averaging,
    value:
      r.value_kind === 'range'
        ? { kind: 'range', lo: r.value_lo ?? 0, hi: r.value_hi ?? 0 }
        : { kind: 'max', max: r.value_max ?? 0 },
    unit: r.unit,
    referenceO2: r.reference_o2,
    clause: r.clause,
  };
}

export function fromPermitLimitFields(permitId: number, f: PermitLimitFields): Insertable<PermitLimitTable> {
  return {
    permit_id: permitId,
    outlet_code: f.outletCode,
    pollutant: f.pollutant,
    averaging: f.averaging,
    value_kind: f.value.kind,
    value_max: f.value.kind === 'max' ? f.value.max : null,
    value_lo: f.value.kind === 'range' ? f.value.lo : null,
    value_hi: f.value.kind === 'range' ? f.value.hi : null,
    unit: f.unit,
    reference_o2: f.referenceO2,
    clause: f.clause,
  };
}

/** The permit's rows in a stable order: outlet, pollutant, averaging. */
export async function listPermitLimitRows(db: DbOrTrx, permitId: number): Promise<PermitLimitRow[]> {
  return db
    .selectFrom('permit_limit')
    .selectAll()
    .where('permit_id', '=', permitId)
    .orderBy('outlet_code')
    .orderBy('pollutant')
    .orderBy('averaging')
    .execute();
}

/** Replaces the permit's whole list; call inside a transaction. */
export async function replacePermitLimitRows(
  trx: DbOrTrx,
  permitId: number,
  items: readonly PermitLimitFields[],
): Promise<void> {
  await trx.deleteFrom('permit_limit').where('permit_id', '=', permitId).execute();
  if (items.length)
    await trx
      .insertInto('permit_limit')
      .values(items.map((f) => fromPermitLimitFields(permitId, f)))
      .execute();
}

/** `YYYY-MM-DD` plus one day: a permit valid 至 valid_to no longer applies the day after (exclusive end). */
function dayAfter(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

interface PermitHead {
  id: number;
  number: string;
  valid_from: string | null;
  valid_to: string | null;
}

/** One stored row as the domain's candidate, with the permit's number and validity. */
export function toPermitLimit(permit: PermitHead, r: PermitLimitRow): PermitLimit {
  const f = toPermitLimitFields(r);
  const out: PermitLimit = {
    kind: 'permit',
    id: `permit:${permit.id}:${f.outletCode}:${f.pollutant}:${f.averaging}`,
    permitNumber: permit.number,
    outletCode: f.outletCode,
    pollutant: f.pollutant,
    value: f.value,
    unit: f.unit,
    averaging: f.averaging,
    referenceO2: f.referenceO2,
    clause: f.clause,
    effectiveFrom: permit.valid_from,
    revision: 1,
    confirmed: true,
    source: `排污许可证 ${permit.number}`,
  };
  if (permit.valid_to) out.effectiveTo = dayAfter(permit.valid_to);
  return out;
}

/**
 * The enterprise's permit the resolver takes (active, newest `valid_from`, then newest id) and its
 * limits as domain candidates, of one pollutant when given. No permit: `permitNumber` null, no limits.
 */
export async function permitLimitsOf(
  db: DbOrTrx,
  enterpriseId: number,
  pollutant?: string,
): Promise<{ permitNumber: string | null; limits: PermitLimit[] }> {
  const permit = await db
    .selectFrom('permit')
    .select(['id', 'number', 'valid_from', 'valid_to'])
    .where('enterprise_id', '=', enterpriseId)
    .where('active', '=', true)
    .orderBy('valid_from', (ob) => ob.desc().nullsLast())
    .orderBy('id', 'desc')
    .executeTakeFirst();
  if (!permit) return { permitNumber: null, limits: [] };
  let q = db.selectFrom('permit_limit').selectAll().where('permit_id', '=', permit.id);
  if (pollutant) q = q.where('pollutant', '=', pollutant);
  const rows = await q.orderBy('outlet_code').orderBy('pollutant').orderBy('averaging').execute();
  return { permitNumber: permit.number, limits: rows.map((r) => toPermitLimit(permit, r)) };
}

/** What the registry holds about an outlet for the limit resolver. */
export interface OutletLimitFacts {
  id: number;
  enterpriseId: number;
  kind: 'air' | 'water';
  code: string;
  profile: string | null;
  /** The outlet's entered category, else the one its profile makes unambiguous; null: neither. */
  category: SourceCategory | null;
  categoryFrom: 'outlet' | 'profile' | null;
  sourceAge: SourceAge | null;
}

export async function outletLimitFacts(db: DbOrTrx, outletId: number): Promise<OutletLimitFacts | undefined> {
  const o = await db
    .selectFrom('outlet')
    .select(['id', 'enterprise_id', 'kind', 'code', 'profile', 'standard_category', 'source_age'])
    .where('id', '=', outletId)
    .executeTakeFirst();
  if (!o) return undefined;
  const entered = isSourceCategory(o.standard_category) ? o.standard_category : null;
  const fromProfile = o.profile ? (CATEGORY_OF_PROFILE[o.profile] ?? null) : null;
  return {
    id: o.id,
    enterpriseId: o.enterprise_id,
    kind: o.kind === 'water' ? 'water' : 'air',
    code: o.code,
    profile: o.profile,
    category: entered ?? fromProfile,
    categoryFrom: entered ? 'outlet' : fromProfile ? 'profile' : null,
    sourceAge: o.source_age,
  };
}
