import { formatLimitValue, formatNumber as n, unitSuffix } from '../limits/describe';
import type { ComparedLimit } from '../limits/resolution';
import type { Judged } from './types';
import { periodLabel, type VerdictPhrases } from './verdict-facts';

const AVG = { hour: 'hourly mean', day: 'daily mean', instant: 'single value' } as const;
const SPECIAL = { special: 'a special emission limit', 'ultra-low': 'an ultra-low emission limit' } as const;

const refO2 = (r: number | null) => (r === null ? '' : ` at ${n(r)}% O2`);
const compared = (c: ComparedLimit) => {
  const source = c.origin === 'permit' ? `permit ${c.sourceCode}` : c.sourceCode;
  const kind = c.special ? `${c.special} ` : '';
  return `${source} ${kind}${formatLimitValue(c.value, c.unit)}${refO2(c.referenceO2)}`;
};
/** "3 consecutive hourly means" / "1 hourly mean". */
const count = (k: number, what: string) => (k === 1 ? `1 ${what}` : `${k} consecutive ${what}s`);

function multipleText(p: Judged): string {
  if (p.multiple === null || p.excess === null) return '';
  return `, ${n(p.multiple)} times the limit (${n(p.excess)} above it)`;
}

function rangeText(p: Judged): string {
  const v = p.limit.value;
  if (v.kind !== 'range' || !p.outside) return '';
  return p.outside.side === 'below'
    ? `, below the lower bound ${n(v.lo)} by ${n(p.outside.distance)}`
    : `, above the upper bound ${n(v.hi)} by ${n(p.outside.distance)}`;
}

export const EN_PHRASES: VerdictPhrases = {
  heading({ ctx, pollutant, limit }) {
    const ids = [ctx.outletCode && `outlet ${ctx.outletCode}`, ctx.monitor && `DAU MN ${ctx.monitor}`];
    const idText = ids.filter(Boolean).join(', ');
    const who = [ctx.enterprise, ctx.outlet].filter(Boolean).join(', ');
    return `${who}${idText ? ` (${idText})` : ''}: ${pollutant} (${limit.pollutant}) exceeded its limit.`;
  },
  period({ episode, first, last }) {
    const zone = episode.averaging === 'day' ? 'Beijing time, calendar days' : 'Beijing time';
    const k = episode.periods.length;
    const beyond = episode.limit.value.kind === 'range' ? 'outside the limit range' : 'above the limit';
    return `Data period: ${first} to ${last} (${zone}); ${count(k, `valid ${AVG[episode.averaging]}`)} ${beyond}.`;
  },
  limit({ limit, pollutant }) {
    const clause = limit.clause ? ` ${limit.clause}` : ' (table/clause not recorded)';
    const source =
      limit.origin === 'permit'
        ? `discharge permit ${limit.sourceCode}${limit.clause ? ` ${limit.clause}` : ''}`
        : `${limit.sourceCode} ${limit.sourceTitle}${clause}`;
    const ref = limit.referenceO2 === null ? '' : `, reference O2 ${n(limit.referenceO2)}%`;
    const since = limit.effectiveFrom ? `, in force from ${limit.effectiveFrom}` : '';
    const special = limit.special
      ? ` This is ${SPECIAL[limit.special]}${limit.designation ? `, applied here under ${limit.designation.document}` : ''}.`
      : '';
    return `Limit: ${source}: ${pollutant} ${formatLimitValue(limit.value, limit.unit)} (${AVG[limit.averaging]}${ref}${since}).${special}`;
  },
  selection({ limit }) {
    const others = limit.comparedWith.map(compared).join('; ');
    if (limit.rule === 'only-applicable') return 'Why this limit: it is the only applicable one.';
    if (limit.rule === 'permit-prevails') {
      return `Why this limit: a permit is issued and its limit prevails${others ? `; no longer applied: ${others}` : ''}.`;
    }
    return `Why this limit: the strictest of the applicable national, local, special and permit limits; looser or equal ones not applied: ${others}.`;
  },
  line(p: Judged, { limit, pollutant }) {
    const u = unitSuffix(limit.unit);
    const head = `${periodLabel(p)}: `;
    if (p.limit.value.kind === 'range') return `${head}${pollutant} ${n(p.compared)}${u}${rangeText(p)}.`;
    const o2 = p.o2;
    if (o2?.formula && o2.measured !== null && o2.o2Measured !== null) {
      return `${head}measured ${n(o2.measured)}${u} at ${n(o2.o2Measured)}% O2, reference O2 ${n(o2.o2Reference)}% → corrected ${o2.formula}${u}${multipleText(p)}.`;
    }
    if (o2) {
      const meas = o2.o2Measured === null ? '' : `, measured O2 ${n(o2.o2Measured)}%`;
      return `${head}corrected ${n(p.compared)}${u} (reported corrected to ${n(o2.o2Reference)}% O2${meas})${multipleText(p)}.`;
    }
    return `${head}${n(p.compared)}${u}${multipleText(p)}.`;
  },
  summary({ episode, limit, corrected }) {
    const u = unitSuffix(limit.unit);
    const which = count(episode.periods.length, AVG[episode.averaging]);
    if (episode.maxMultiple === null) {
      return `Conclusion: ${which} outside ${formatLimitValue(limit.value, limit.unit)}; greatest distance ${n(episode.maxDistanceOutside ?? 0)} (extreme ${n(episode.peak)}), mean ${n(episode.mean)}.`;
    }
    const what = corrected ? 'corrected concentration' : 'concentration';
    return `Conclusion: ${which} above the limit; peak ${what} ${n(episode.peak)}${u}, mean ${n(episode.mean)}${u}, at most ${n(episode.maxMultiple)} times the limit.`;
  },
  unconfirmed:
    "Note: this limit was loaded from working notes and has not yet been checked against the standard's text; check it before acting on this verdict.",
};
