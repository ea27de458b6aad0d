import type { ComparedLimit, ResolvedLimit, SelectionRule } from './resolution';
import type { LimitCandidate, SpecialLimitDesignation } from './types';

/**
 * A frozen copy of the winning candidate with its provenance. Nothing in it points back into the
 * data, so correcting or adding rows later never changes a verdict that stored it.
 */
export function limitSnapshot(
  c: LimitCandidate,
  designation: SpecialLimitDesignation | null,
  rule: SelectionRule,
  comparedWith: readonly LimitCandidate[],
): ResolvedLimit {
  const std = c.kind === 'standard';
  const snapshot: ResolvedLimit = {
    candidateId: c.id,
    origin: std ? c.standard.level : 'permit',
    sourceCode: std ? c.standard.code : c.permitNumber,
    sourceTitle: std ? c.standard.title : '排污许可证',
    clause: c.clause,
    pollutant: c.pollutant,
    value: Object.freeze({ ...c.value }),
    unit: c.unit,
    averaging: c.averaging,
    referenceO2: c.referenceO2,
    special: std ? c.special : null,
    designation: designation ? Object.freeze({ id: designation.id, document: designation.document }) : null,
    effectiveFrom: c.effectiveFrom,
    effectiveTo: c.effectiveTo ?? null,
    revision: c.revision,
    confirmed: c.confirmed,
    source: c.source,
    rule,
    comparedWith: Object.freeze(comparedWith.map(compared)),
  };
  return Object.freeze(snapshot);
}

function compared(c: LimitCandidate): ComparedLimit {
  return Object.freeze({
    candidateId: c.id,
    origin: c.kind === 'standard' ? c.standard.level : 'permit',
    sourceCode: c.kind === 'standard' ? c.standard.code : c.permitNumber,
    value: Object.freeze({ ...c.value }),
    unit: c.unit,
    referenceO2: c.referenceO2,
    special: c.kind === 'standard' ? c.special : null,
  });
}
