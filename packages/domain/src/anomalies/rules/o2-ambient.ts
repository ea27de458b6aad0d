import { DEFAULT_AMBIENT_O2 } from '../../monitoring/o2-correction';
import { iso, MEASURED, makeFinding, O2_CODE, offsetOf, type RuleEvaluator } from '../context';
import { ANOMALY_RULE_LABELS } from '../labels';
import { forEachRun, HOUR_MS } from '../runs';
import { num, periodZh, pollutantZh, thresholdZh, withUnit } from '../text';

/**
 * O2 near ambient (air): the hourly O2 (a19001) ≥ `threshold` (default 19.5 %, the ambient
 * threshold of ../monitoring/o2-correction.ts) while the flow of the same hour is above `minFlow`
 * (default 0: the fan runs), `minHours` hours in a row — the probe sees air, not flue gas
 * (leak, dilution, probe pulled out), and no corrected concentration exists. Hours where O2 or
 * flow carries F/M/C/D/S/B are not judged (zero/span checks use air). The finding's pollutant is
 * a19001.
 */
export const o2Ambient: RuleEvaluator = (ctx, rule, out) => {
  const { times, avg, state, window } = ctx;
  if (window.outletKind !== 'air') return;
  const xo = offsetOf(ctx, O2_CODE);
  const qo = offsetOf(ctx, window.flowCode);
  if (xo < 0 || qo < 0) return;
  const threshold = rule.params.threshold ?? DEFAULT_AMBIENT_O2;
  const minFlow = rule.params.minFlow ?? 0;
  const measured = MEASURED;
  forEachRun(
    times,
    (i) =>
      ((state[xo + i] as number) & (state[qo + i] as number) & measured) !== 0 &&
      (avg[xo + i] as number) >= threshold &&
      (avg[qo + i] as number) > minFlow,
    rule.minHours,
    (first, last) => {
      const values: { hour: string; o2: number; flow: number }[] = [];
      let maxO2 = Number.NEGATIVE_INFINITY;
      let lowFlow = Number.POSITIVE_INFINITY;
      for (let i = first; i <= last; i++) {
        const v = avg[xo + i] as number;
        const q = avg[qo + i] as number;
        if (v > maxO2) maxO2 = v;
        if (q < lowFlow) lowFlow = q;
        values.push({ hour: iso(times[i] as number), o2: v, flow: q });
      }
      const start = times[first] as number;
      const end = (times[last] as number) + HOUR_MS;
      const k = last - first + 1;
      out.push(
        makeFinding(
          ctx,
          'o2-ambient',
          O2_CODE,
          start,
          end,
          {
            threshold,
            minFlow,
            flowCode: window.flowCode,
            hours: k,
            thresholdHours: rule.minHours,
            maxO2,
            lowestFlow: lowFlow,
            values,
          },
          `${ANOMALY_RULE_LABELS['o2-ambient'].zh}：${periodZh(start, end)}连续 ${k} 小时${pollutantZh(O2_CODE)}` +
            ` ≥ ${num(threshold)}%（最高 ${num(maxO2)}%），接近空气，而${pollutantZh(window.flowCode)}显示正在运行` +
            `（最低 ${withUnit(lowFlow, window.flowCode)}），疑似采样探头吸入空气或烟气被稀释，浓度无法折算${thresholdZh(rule.minHours)}。`,
        ),
      );
    },
  );
};
