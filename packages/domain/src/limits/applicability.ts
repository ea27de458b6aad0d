import type { ChainReason } from './chain-reasons';
import { regionCovers } from './region-cover';
import type { LimitContext } from './resolution';
import type { LimitCandidate, SpecialLimitDesignation, StandardLimit } from './types';
import { windowPosition } from './window';

export type Applicability =
  | { ok: true; designation: SpecialLimitDesignation | null }
  | { ok: false; reason: ChainReason; detail: string };

const no = (reason: ChainReason, detail: string): Applicability => ({ ok: false, reason, detail });

/**
 * Does a candidate (same pollutant) apply to the outlet at the moment? Checks run in a fixed
 * order (scope, then time, then designation) and the first failing one is the reason given.
 */
export function applicability(c: LimitCandidate, ctx: LimitContext): Applicability {
  const scope = c.kind === 'standard' ? standardScope(c, ctx) : permitScope(c, ctx);
  if (scope) return scope;
  if (c.averaging !== ctx.averaging) {
    return no('OTHER_AVERAGING', `stated for ${c.averaging} values; the value is a ${ctx.averaging} value`);
  }
  const where = windowPosition(ctx.at, c.effectiveFrom, c.effectiveTo);
  if (where === 'before') return no('NOT_YET_EFFECTIVE', `effective from ${c.effectiveFrom}`);
  if (where === 'after') return no('EXPIRED', `in force until ${c.effectiveTo} (exclusive)`);
  if (c.kind === 'standard' && c.special) return designated(c, ctx);
  return { ok: true, designation: null };
}

function standardScope(c: StandardLimit, ctx: LimitContext): Applicability | null {
  if (c.outletKind !== ctx.outletKind) return no('OTHER_OUTLET_KIND', `${c.outletKind} outlets only`);
  if (c.industries && !(ctx.industry && c.industries.includes(ctx.industry))) {
    return no('OTHER_INDUSTRY', `industries ${c.industries.join(', ')}; outlet's: ${ctx.industry ?? 'none'}`);
  }
  if (c.category !== ctx.category) return no('OTHER_CATEGORY', `${c.category}; outlet's: ${ctx.category}`);
  const areas = c.standard.regionCodes;
  if (c.standard.level === 'local' && !areas?.some((a) => regionCovers(a, ctx.regionCode))) {
    return no('OTHER_AREA', `covers ${areas?.join(', ') ?? 'no area'}; outlet in ${ctx.regionCode}`);
  }
  if (c.sourceAge && !ctx.sourceAge) return no('SOURCE_AGE_UNKNOWN', `${c.sourceAge} sources only`);
  if (c.sourceAge && c.sourceAge !== ctx.sourceAge) {
    return no('OTHER_SOURCE_AGE', `${c.sourceAge} sources only; outlet's source is ${ctx.sourceAge}`);
  }
  const t = c.waterTemperature;
  if (t) {
    const cond = 'above' in t ? `water temperature > ${t.above} °C` : `water temperature ≤ ${t.atMost} °C`;
    const temp = ctx.waterTemperatureC;
    if (temp === undefined || !Number.isFinite(temp)) return no('CONDITION_UNKNOWN', `applies at ${cond}`);
    const met = 'above' in t ? temp > t.above : temp <= t.atMost;
    if (!met) return no('CONDITION_NOT_MET', `applies at ${cond}; measured ${temp} °C`);
  }
  return null;
}

function permitScope(c: LimitCandidate & { kind: 'permit' }, ctx: LimitContext): Applicability | null {
  if (!ctx.permitNumber) return no('NO_PERMIT', `limit of permit ${c.permitNumber}; no permit issued`);
  if (c.permitNumber !== ctx.permitNumber) {
    return no('OTHER_PERMIT', `permit ${c.permitNumber}; enterprise's permit ${ctx.permitNumber}`);
  }
  if (c.outletCode !== ctx.outletCode)
    return no('OTHER_OUTLET', `outlet ${c.outletCode}; this is ${ctx.outletCode}`);
  return null;
}

/** A special / ultra-low row applies only under a designation covering the area at the moment. */
function designated(c: StandardLimit, ctx: LimitContext): Applicability {
  const relevant = (ctx.designations ?? []).filter(
    (d) =>
      d.kind === c.special &&
      d.standards.includes(c.standard.code) &&
      (!d.categories || d.categories.includes(ctx.category)) &&
      (!d.sourceAge || d.sourceAge === ctx.sourceAge) &&
      d.regionCodes.some((a) => regionCovers(a, ctx.regionCode)),
  );
  if (relevant.length === 0) {
    return no(
      'SPECIAL_NOT_DESIGNATED',
      `no ${c.special} designation for ${c.standard.code} covers ${ctx.regionCode}`,
    );
  }
  const inForce = relevant.find((d) => windowPosition(ctx.at, d.effectiveFrom, d.effectiveTo) === 'inside');
  if (inForce) return { ok: true, designation: inForce };
  const spans = relevant.map(
    (d) => `${d.id}: from ${d.effectiveFrom}${d.effectiveTo ? ` to ${d.effectiveTo}` : ''}`,
  );
  return no('SPECIAL_NOT_IN_FORCE', spans.join('; '));
}
