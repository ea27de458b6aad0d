import { candidateId, type DesignationRow, limitValueOf, type StandardLimitRow } from './limit-rows';
import type { DesignationView, StandardLimitView } from './limits.schemas';

export function presentStandardLimit(r: StandardLimitRow): StandardLimitView {
  return {
    id: r.id,
    lineId: r.line_id,
    candidateId: candidateId(r),
    active: r.active,
    standard: {
      code: r.standard_code,
      series: r.standard_series,
      title: r.standard_title,
      level: r.level,
      regionCodes: r.region_codes,
    },
    outletKind: r.outlet_kind,
    industries: r.industries,
    category: r.category,
    sourceAge: r.source_age,
    waterTemperature:
      r.water_above !== null
        ? { above: r.water_above }
        : r.water_at_most !== null
          ? { atMost: r.water_at_most }
          : null,
    special: r.special,
    pollutant: r.pollutant,
    value: limitValueOf(r),
    unit: r.unit,
    averaging: r.averaging,
    referenceO2: r.reference_o2,
    clause: r.clause,
    effectiveFrom: r.effective_from,
    effectiveTo: r.effective_to,
    revision: r.revision,
    confirmed: r.confirmed,
    source: r.source,
    reading: r.reading,
  };
}

export function presentDesignation(r: DesignationRow): DesignationView {
  return {
    id: r.id,
    candidateId: `designation:${r.id}`,
    kind: r.kind,
    standards: r.standard_codes,
    regionCodes: r.region_codes,
    categories: r.categories,
    sourceAge: r.source_age,
    effectiveFrom: r.effective_from,
    effectiveTo: r.effective_to,
    document: r.document,
    active: r.active,
  };
}
