import { isNum, iso, MEASURED, makeFinding, type RuleEvaluator, type WindowContext } from '../context';
import { ANOMALY_RULE_LABELS } from '../labels';
import type { PreparedRule } from '../prepare';
import { forEachRun, HOUR_MS } from '../runs';
import { num, periodZh, pollutantZh, thresholdZh, unitOf, withUnit } from '../text';

interface Range {
  lo: number;
  hi: number;
  source: 'window' | 'params';
}

/** The instrument range: `window.ranges`, else params `lo.<code>`/`hi.<code>`, else `lo`/`hi`. */
function rangeOf(ctx: WindowContext, rule: PreparedRule, code: string): Range | null {
  const r = ctx.window.ranges?.[code];
  if (r && (isNum(r.lo) || isNum(r.hi))) {
    return {
      lo: isNum(r.lo) ? r.lo : Number.NEGATIVE_INFINITY,
      hi: isNum(r.hi) ? r.hi : Number.POSITIVE_INFINITY,
      source: 'window',
    };
  }
  const p = rule.params;
  const lo = p[`lo.${code}`] ?? p.lo;
  const hi = p[`hi.${code}`] ?? p.hi;
  if (lo === undefined && hi === undefined) return null;
  return { lo: lo ?? Number.NEGATIVE_INFINITY, hi: hi ?? Number.POSITIVE_INFINITY, source: 'params' };
}

const bound = (v: number): number | null => (Number.isFinite(v) ? v : null);
const FLAG_T = 84; // 'T'

/**
 * Out of range: the hourly average below the instrument range's lower bound or above its upper
 * bound (the bounds themselves are inside), `minHours` hours in a row; with `flagT` (default 1) an
 * hour the unit flagged T (above the upper limit) counts too, even where the range is unknown.
 * Any code (parameters included). Hours flagged F/M/C/D/S/B are not judged (calibration gases
 * may drive a reading off scale).
 */
export const outOfRange: RuleEvaluator = (ctx, rule, out) => {
  const flagT = (rule.params.flagT ?? 1) !== 0;
  const { times, avg, state, flag, codes, offsets } = ctx;
  const measured = MEASURED;
  for (let j = 0; j < codes.length; j++) {
    const code = codes[j] as string;
    const range = rangeOf(ctx, rule, code);
    if (!range && !flagT) continue;
    const lo = range ? range.lo : Number.NEGATIVE_INFINITY;
    const hi = range ? range.hi : Number.POSITIVE_INFINITY;
    const o = offsets[j] as number;
    forEachRun(
      times,
      (i) => {
        if (((state[o + i] as number) & measured) === 0) return false;
        if (flagT && flag[o + i] === FLAG_T) return true;
        const v = avg[o + i] as number;
        return v < lo || v > hi;
      },
      rule.minHours,
      (first, last) => {
        const values: { hour: string; avg: number | null; flag: string | null }[] = [];
        let min = Number.POSITIVE_INFINITY;
        let max = Number.NEGATIVE_INFINITY;
        let flaggedT = 0;
        for (let i = first; i <= last; i++) {
          const v = avg[o + i] as number;
          const f = flag[o + i] as number;
          if (v < min) min = v;
          if (v > max) max = v;
          if (f === FLAG_T) flaggedT++;
          values.push({
            hour: iso(times[i] as number),
            avg: Number.isNaN(v) ? null : v,
            flag: f === 0 ? null : String.fromCharCode(f),
          });
        }
        const start = times[first] as number;
        const end = (times[last] as number) + HOUR_MS;
        const k = last - first + 1;
        const u = unitOf(code);
        const rangeText = range
          ? `仪器量程 ${Number.isFinite(range.lo) ? num(range.lo) : '-∞'}～${Number.isFinite(range.hi) ? num(range.hi) : '+∞'}${u}`
          : '仪器量程（量程未登记）';
        const hasValues = Number.isFinite(min);
        const extremes = hasValues ? `（最低 ${withUnit(min, code)}，最高 ${withUnit(max, code)}）` : '';
        const tText = flaggedT > 0 ? `，其中 ${flaggedT} 小时数采仪标记为 T（超测上限）` : '';
        out.push(
          makeFinding(
            ctx,
            'out-of-range',
            code,
            start,
            end,
            {
              range: range ? { lo: bound(range.lo), hi: bound(range.hi), source: range.source } : null,
              hours: k,
              thresholdHours: rule.minHours,
              min: hasValues ? min : null,
              max: hasValues ? max : null,
              hoursFlaggedT: flaggedT,
              values,
            },
            `${ANOMALY_RULE_LABELS['out-of-range'].zh}：${pollutantZh(code)}小时均值 ${periodZh(start, end)}连续 ${k} 小时` +
              `超出${rangeText}${extremes}${tText}，测值不可信${thresholdZh(rule.minHours)}。`,
          ),
        );
      },
    );
  }
};
