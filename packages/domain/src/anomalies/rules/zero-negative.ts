import { CONCENTRATION, FLOW, iso, MEASURED, makeFinding, type RuleEvaluator } from '../context';
import { ANOMALY_RULE_LABELS } from '../labels';
import { forEachRun, HOUR_MS } from '../runs';
import { num, periodZh, pollutantZh, thresholdZh, withUnit } from '../text';

/**
 * Zero or negative: the hourly average ≤ `atMost` (default 0) `minHours` hours in a row, for
 * concentrations and the flow. Hours flagged F (stopped), M, C, D, S or B are not judged: a
 * declared stop or maintenance explains a zero; an undeclared one is exactly what this shows.
 */
export const zeroNegative: RuleEvaluator = (ctx, rule, out) => {
  const atMost = rule.params.atMost ?? 0;
  const { times, avg, state, codes, offsets, kinds } = ctx;
  const measured = MEASURED;
  for (let j = 0; j < codes.length; j++) {
    const kind = kinds[j];
    if (kind !== CONCENTRATION && kind !== FLOW) continue;
    const code = codes[j] as string;
    const o = offsets[j] as number;
    forEachRun(
      times,
      (i) => ((state[o + i] as number) & measured) !== 0 && (avg[o + i] as number) <= atMost,
      rule.minHours,
      (first, last) => {
        const values: { hour: string; avg: number }[] = [];
        let lo = Number.POSITIVE_INFINITY;
        let hi = Number.NEGATIVE_INFINITY;
        for (let i = first; i <= last; i++) {
          const v = avg[o + i] as number;
          if (v < lo) lo = v;
          if (v > hi) hi = v;
          values.push({ hour: iso(times[i] as number), avg: v });
        }
        const start = times[first] as number;
        const end = (times[last] as number) + HOUR_MS;
        const k = last - first + 1;
        const what = kind === FLOW ? '流量' : '浓度';
        out.push(
          makeFinding(
            ctx,
            'zero-negative',
            code,
            start,
            end,
            { atMost, hours: k, thresholdHours: rule.minHours, min: lo, max: hi, values },
            `${ANOMALY_RULE_LABELS['zero-negative'].zh}：${pollutantZh(code)}小时均值 ${periodZh(start, end)}连续 ${k} 小时` +
              ` ≤ ${num(atMost)}（最低 ${withUnit(lo, code)}，最高 ${withUnit(hi, code)}），` +
              `数据未标记停运或维护，${what}疑似失真${thresholdZh(rule.minHours)}。`,
          ),
        );
      },
    );
  }
};
