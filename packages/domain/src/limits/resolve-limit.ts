import { applicability } from './applicability';
import { candidateLabel, formatLimitValue, formatNumber, unitSuffix } from './describe';
import { limitSnapshot } from './limit-snapshot';
import type { ChainEntry, LimitContext, LimitResolution, SelectionRule } from './resolution';
import { compareStrictness, maxAtReference, specificity } from './strictness';
import type { LimitCandidate, SpecialLimitDesignation } from './types';

interface Live {
  c: LimitCandidate;
  designation: SpecialLimitDesignation | null;
}

/**
 * The one limit in force for an outlet, pollutant, averaging and moment, and why (seed 000
 * 一(三); README of this folder). Candidates of other pollutants are ignored; every other one
 * gets one chain entry, in the order given (ids must be unique):
 *  1. scope, averaging, effective dates and special-limit designations (`applicability`);
 *  2. versions: of rows of one line (same series/permit, scope, pollutant, averaging), the one
 *     with the latest `effectiveFrom` (then highest `revision`) supersedes the others;
 *  3. selection: the strictest remaining candidate — national vs local, special vs base,
 *     standard vs permit — or, under `permitPolicy: 'permit-prevails'`, the permit's limit.
 */
export function resolveLimit(ctx: LimitContext, candidates: readonly LimitCandidate[]): LimitResolution {
  const entries = new Map<string, ChainEntry>();
  const set = (c: LimitCandidate, e: Omit<ChainEntry, 'candidateId' | 'label'>) =>
    entries.set(c.id, { candidateId: c.id, label: candidateLabel(c), ...e });
  const same = candidates.filter((c) => c.pollutant === ctx.pollutant);

  const live: Live[] = [];
  for (const c of same) {
    const a = applicability(c, ctx);
    if (a.ok) live.push({ c, designation: a.designation });
    else set(c, { taken: false, reason: a.reason, detail: a.detail });
  }

  const current: Live[] = [];
  for (const group of groupBy(live, (l) => lineKey(l.c)).values()) {
    const [newest, ...older] = [...group].sort((x, y) => newer(y.c, x.c));
    if (!newest) continue;
    current.push(newest);
    for (const o of older) {
      const detail = `version from ${newest.c.effectiveFrom ?? '(date not recorded)'}, revision ${newest.c.revision}, is in force`;
      set(o.c, { taken: false, reason: 'SUPERSEDED_VERSION', detail, against: newest.c.id });
    }
  }

  const permits = current.filter((l) => l.c.kind === 'permit');
  const prevails = (ctx.permitPolicy ?? 'strictest') === 'permit-prevails' && permits.length > 0;
  const pool = prevails ? permits : current;
  const ranked = [...pool].sort((x, y) => compareStrictness(x.c, y.c) || specificity(y.c) - specificity(x.c));
  const [winner, ...losers] = ranked;
  const chainOf = () => same.map((c) => entries.get(c.id)).filter((e) => e !== undefined);
  if (!winner) return { limit: null, chain: chainOf() };

  const rule: SelectionRule = prevails
    ? 'permit-prevails'
    : current.length === 1
      ? 'only-applicable'
      : 'strictest';
  const w = winner.c;
  for (const l of losers) {
    const equal = compareStrictness(l.c, w) === 0;
    set(l.c, {
      taken: false,
      reason: equal ? 'EQUAL_LESS_SPECIFIC' : 'LOOSER',
      detail: comparison(l.c, w),
      against: w.id,
    });
  }
  if (prevails) {
    for (const l of current) {
      if (l.c.kind === 'permit') continue;
      set(l.c, { taken: false, reason: 'SUPERSEDED_BY_PERMIT', detail: comparison(l.c, w), against: w.id });
    }
  }
  const reason =
    rule === 'permit-prevails' ? 'PERMIT_PREVAILS' : rule === 'strictest' ? 'STRICTEST' : 'ONLY_APPLICABLE';
  const dateNote = w.effectiveFrom === null ? '; effective date not recorded, treated as in force' : '';
  const via = winner.designation ? `designated by ${winner.designation.id}` : '';
  set(w, {
    taken: true,
    reason,
    detail: [formatLimitValue(w.value, w.unit), via].filter(Boolean).join(', ') + dateNote,
  });

  const comparedWith = current.filter((l) => l !== winner).map((l) => l.c);
  return { limit: limitSnapshot(w, winner.designation, rule, comparedWith), chain: chainOf() };
}

/** Rows that are versions of each other. */
function lineKey(c: LimitCandidate): string {
  if (c.kind === 'permit')
    return ['permit', c.permitNumber, c.outletCode, c.pollutant, c.averaging].join('|');
  const t = c.waterTemperature;
  const temp = t ? ('above' in t ? `>${t.above}` : `<=${t.atMost}`) : '';
  return [
    c.standard.series,
    c.standard.level,
    c.category,
    c.pollutant,
    c.averaging,
    c.sourceAge,
    temp,
    c.special,
  ].join('|');
}

/** Positive when `a` is the newer version: later effectiveFrom (null = earliest), then revision. */
function newer(a: LimitCandidate, b: LimitCandidate): number {
  const fa = a.effectiveFrom ?? '';
  const fb = b.effectiveFrom ?? '';
  return fa === fb ? a.revision - b.revision : fa > fb ? 1 : -1;
}

/** "≤ 50 mg/m³ at 9% O2 (= 62.5 at 6% O2) vs ≤ 55 mg/m³ at 6% O2" — the numbers compared. */
function comparison(loser: LimitCandidate, winner: LimitCandidate): string {
  const at = (c: LimitCandidate) => (c.referenceO2 === null ? '' : ` at ${formatNumber(c.referenceO2)}% O2`);
  let restated = '';
  if (
    loser.value.kind === 'max' &&
    loser.referenceO2 !== null &&
    winner.referenceO2 !== null &&
    loser.referenceO2 !== winner.referenceO2
  ) {
    const eq = maxAtReference(loser.value.max, loser.referenceO2, winner.referenceO2);
    restated = ` (= ${formatNumber(eq)}${unitSuffix(loser.unit)}${at(winner)})`;
  }
  return `${formatLimitValue(loser.value, loser.unit)}${at(loser)}${restated} vs ${formatLimitValue(winner.value, winner.unit)}${at(winner)}`;
}

function groupBy<T>(xs: readonly T[], key: (x: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const x of xs) {
    const k = key(x);
    const g = m.get(k);
    if (g) g.push(x);
    else m.set(k, [x]);
  }
  return m;
}
