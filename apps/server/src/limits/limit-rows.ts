import type { LimitValue, SourceCategory, SpecialLimitDesignation, StandardLimit } from '@dabiao/domain';
import type { Insertable, Selectable } from 'kysely';
import type { SpecialLimitDesignationTable, StandardLimitTable } from '../platform/db/schema';

/** Rows ↔ the domain's `StandardLimit` / `SpecialLimitDesignation` (packages/domain/src/limits). */
export type StandardLimitRow = Selectable<StandardLimitTable>;
export type DesignationRow = Selectable<SpecialLimitDesignationTable>;

/** Candidate id in resolver chains and verdicts: the line and the stored version. */
export const candidateId = (r: Pick<StandardLimitRow, 'line_id' | 'id'>) => `${r.line_id}#${r.id}`;

export function limitValueOf(r: StandardLimitRow): LimitValue {
  return r.value_kind === 'range'
    ? { kind: 'range', lo: r.value_lo ?? 0, hi: r.value_hi ?? 0 }
    : { kind: 'max', max: r.value_max ?? 0 };
}

export function toStandardLimit(r: StandardLimitRow): StandardLimit {
  const out: StandardLimit = {
    kind: 'standard',
    id: candidateId(r),
    standard: {
      code: r.standard_code,
      series: r.standard_series,
      title: r.standard_title,
      level: r.level,
      regionCodes: r.region_codes,
    },
    outletKind: r.outlet_kind,
    industries: r.industries,
    category: r.category as SourceCategory,
    special: r.special,
    pollutant: r.pollutant,
    value: limitValueOf(r),
    unit: r.unit,
    averaging: r.averaging,
    referenceO2: r.reference_o2,
    clause: r.clause,
    effectiveFrom: r.effective_from,
    revision: r.revision,
    confirmed: r.confirmed,
    source: r.source,
  };
  if (r.effective_to) out.effectiveTo = r.effective_to;
  if (r.source_age) out.sourceAge = r.source_age;
  if (r.water_above !== null) out.waterTemperature = { above: r.water_above };
  else if (r.water_at_most !== null) out.waterTemperature = { atMost: r.water_at_most };
  if (r.reading) out.reading = r.reading;
  return out;
}

/** The columns of a domain row; `lineId` defaults to the domain id (the seed's stable ids). */
export function fromStandardLimit(
  l: StandardLimit,
  extra: { lineId?: string; createdBy?: number | null } = {},
): Insertable<StandardLimitTable> {
  const t = l.waterTemperature;
  return {
    line_id: extra.lineId ?? l.id,
    standard_code: l.standard.code,
    standard_series: l.standard.series,
    standard_title: l.standard.title,
    level: l.standard.level,
    region_codes: l.standard.regionCodes ? [...l.standard.regionCodes] : null,
    outlet_kind: l.outletKind,
    industries: l.industries ? [...l.industries] : null,
    category: l.category,
    source_age: l.sourceAge ?? null,
    water_above: t && 'above' in t ? t.above : null,
    water_at_most: t && 'atMost' in t ? t.atMost : null,
    special: l.special,
    pollutant: l.pollutant,
    value_kind: l.value.kind,
    value_max: l.value.kind === 'max' ? l.value.max : null,
    value_lo: l.value.kind === 'range' ? l.value.lo : null,
    value_hi: l.value.kind === 'range' ? l.value.hi : null,
    unit: l.unit,
    averaging: l.averaging,
    reference_o2: l.referenceO2,
    clause: l.clause,
    effective_from: l.effectiveFrom,
    effective_to: l.effectiveTo ?? null,
    revision: l.revision,
    confirmed: l.confirmed,
    source: l.source,
    reading: l.reading ?? null,
    created_by: extra.createdBy ?? null,
  };
}

export function toDesignation(r: DesignationRow): SpecialLimitDesignation {
  return {
    id: `designation:${r.id}`,
    kind: r.kind,
    standards: r.standard_codes,
    regionCodes: r.region_codes,
    ...(r.categories ? { categories: r.categories as SourceCategory[] } : {}),
    ...(r.source_age ? { sourceAge: r.source_age } : {}),
    effectiveFrom: r.effective_from,
    ...(r.effective_to ? { effectiveTo: r.effective_to } : {}),
    document: r.document,
  };
}
