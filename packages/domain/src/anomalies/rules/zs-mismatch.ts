import { correctForO2, DEFAULT_AMBIENT_O2 } from '../../monitoring/o2-correction';
import { formatShanghai } from '../../monitoring/shanghai-time';
import {
  CONCENTRATION,
  isNum,
  iso,
  MEASURED,
  makeFinding,
  O2_CODE,
  offsetOf,
  type RuleEvaluator,
} from '../context';
import { ANOMALY_RULE_LABELS } from '../labels';
import { forEachRun, HOUR_MS } from '../runs';
import { num, pct, periodZh, pollutantZh, thresholdZh, unitOf, withUnit } from '../text';

const AIR_O2 = 21;

/**
 * The corrected value of `correctForO2` (../monitoring/o2-correction.ts) — same expression, same
 * guards, hence the same float — or NaN where it refuses (O2 invalid or ≥ ambient). It screens
 * every hour without building correctForO2's formula text; the hours of a finding then go through
 * correctForO2 itself, whose value and formula are the evidence.
 */
export function correctedOrNaN(measured: number, o2: number, ref: number, ambient: number): number {
  if (!(o2 >= 0 && o2 <= AIR_O2 && ref >= 0 && ref < AIR_O2) || o2 >= ambient) return Number.NaN;
  return (measured * (AIR_O2 - ref)) / (AIR_O2 - o2);
}

/**
 * ZsAvg mismatch (air with a reference O2): the unit's O2-corrected average (ZsAvg) differs from
 * `correctForO2(avg, o2, referenceO2)` by more than max(`tolerance` × |computed|, `absolute`)
 * (defaults 5 % and 0.5 mg/m³ — the agreement tolerance of ../monitoring, `differsBeyond`; set
 * `absolute` 0 for a purely relative test), `minHours` hours in a row. Hours without ZsAvg, avg or
 * O2, with O2 at or above `ambientO2` (the o2-ambient rule's case) or with a flag other than N/T
 * on the pollutant or on O2 are not judged.
 */
export const zsMismatch: RuleEvaluator = (ctx, rule, out) => {
  const { times, avg, zs, state, codes, offsets, kinds, window } = ctx;
  const ref = window.referenceO2;
  if (window.outletKind !== 'air' || ref === null || !isNum(ref)) return;
  const xo = offsetOf(ctx, O2_CODE);
  if (xo < 0) return;
  const relative = rule.params.tolerance ?? 0.05;
  const absolute = Math.max(0, rule.params.absolute ?? 0);
  const ambient = rule.params.ambientO2 ?? DEFAULT_AMBIENT_O2;
  const measured = MEASURED;
  for (let j = 0; j < codes.length; j++) {
    if (kinds[j] !== CONCENTRATION) continue;
    const code = codes[j] as string;
    const o = offsets[j] as number;
    forEachRun(
      times,
      (i) => {
        if (((state[o + i] as number) & (state[xo + i] as number) & measured) === 0) return false;
        const reported = zs[o + i] as number;
        const computed = correctedOrNaN(avg[o + i] as number, avg[xo + i] as number, ref, ambient);
        // NaN anywhere (no ZsAvg, no avg, refused O2) makes the comparison false.
        return Math.abs(reported - computed) > Math.max(absolute, relative * Math.abs(computed));
      },
      rule.minHours,
      (first, last) => {
        const values: {
          hour: string;
          avg: number;
          o2: number;
          zsAvg: number;
          computed: number;
          relativeDiff: number;
        }[] = [];
        let worst = -1;
        let worstAt = 0;
        for (let i = first; i <= last; i++) {
          const a = avg[o + i] as number;
          const x = avg[xo + i] as number;
          const reported = zs[o + i] as number;
          const computed = correctedOrNaN(a, x, ref, ambient);
          const rel = computed === 0 ? 0 : Math.abs(reported - computed) / Math.abs(computed);
          if (rel > worst) {
            worst = rel;
            worstAt = values.length;
          }
          values.push({
            hour: iso(times[i] as number),
            avg: a,
            o2: x,
            zsAvg: reported,
            computed,
            relativeDiff: rel,
          });
        }
        const w = values[worstAt] as (typeof values)[number];
        // The hour quoted in the text, through correctForO2 itself: its formula is the evidence.
        const check = correctForO2(w.avg, w.o2, ref, { ambientThreshold: ambient });
        const formula = check.formula;
        const start = times[first] as number;
        const end = (times[last] as number) + HOUR_MS;
        const k = last - first + 1;
        const u = unitOf(code);
        const tolText = absolute > 0 ? `${pct(relative)}（且超过 ${num(absolute)}${u}）` : pct(relative);
        out.push(
          makeFinding(
            ctx,
            'zs-mismatch',
            code,
            start,
            end,
            {
              referenceO2: ref,
              tolerance: relative,
              absolute,
              ambientO2: ambient,
              hours: k,
              thresholdHours: rule.minHours,
              maxRelativeDiff: worst,
              worst: { ...w, formula },
              values,
            },
            `${ANOMALY_RULE_LABELS['zs-mismatch'].zh}：${pollutantZh(code)}在 ${periodZh(start, end)}连续 ${k} 小时` +
              `数采仪上报的折算浓度与按实测浓度、氧含量折算（基准氧含量 ${num(ref)}%）的结果相差超过 ${tolText}，` +
              `相差最大的是 ${formatShanghai(new Date(times[first + worstAt] as number))}：上报 ${withUnit(w.zsAvg, code)}，` +
              `按 ${formula}${u} 折算，相差 ${pct(worst)}${thresholdZh(rule.minHours)}。`,
          ),
        );
      },
    );
  }
};
