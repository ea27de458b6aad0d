import { isNum, iso, MEASURED, makeFinding, type RuleEvaluator, VALID } from '../context';
import { ANOMALY_RULE_LABELS } from '../labels';
import { forEachRun, HOUR_MS } from '../runs';
import { num, pct, periodZh, pollutantZh, thresholdZh, withUnit } from '../text';

/**
 * Hugging the limit: `minHours` or more valid hours in a row whose value lies in
 * [share × limit, limit] (default share 0.9; at the limit still meets it), and over that run the
 * coefficient of variation (population standard deviation / mean) is below `maxCv` (default 0.02):
 * emissions held just under the limit with collapsed variance. Only pollutants with a limit in
 * `window.limits`. The value compared is the one limits apply to: the unit's O2-corrected ZsAvg
 * for air with a reference O2 (hours without it do not count), else the average. One statistic per
 * maximal run: a long run whose CV is too high gives nothing even if a part of it would not.
 */
export const huggingLimit: RuleEvaluator = (ctx, rule, out) => {
  const limits = ctx.window.limits;
  if (!limits) return;
  const share = rule.params.share ?? 0.9;
  const maxCv = rule.params.maxCv ?? 0.02;
  const useZs = ctx.window.outletKind === 'air' && ctx.window.referenceO2 !== null;
  const { times, state, codes, offsets } = ctx;
  const series = useZs ? ctx.zs : ctx.avg;
  const need = MEASURED | VALID;
  for (let j = 0; j < codes.length; j++) {
    const code = codes[j] as string;
    const limit = limits[code];
    if (!isNum(limit) || limit <= 0) continue;
    const lower = share * limit;
    const o = offsets[j] as number;
    forEachRun(
      times,
      (i) => {
        const v = series[o + i] as number;
        return ((state[o + i] as number) & need) === need && v >= lower && v <= limit;
      },
      rule.minHours,
      (first, last) => {
        const k = last - first + 1;
        let sum = 0;
        for (let i = first; i <= last; i++) sum += series[o + i] as number;
        const mean = sum / k;
        let sq = 0;
        let min = Number.POSITIVE_INFINITY;
        let max = Number.NEGATIVE_INFINITY;
        for (let i = first; i <= last; i++) {
          const v = series[o + i] as number;
          sq += (v - mean) * (v - mean);
          if (v < min) min = v;
          if (v > max) max = v;
        }
        const std = Math.sqrt(sq / k);
        const cv = std / mean;
        if (!(cv < maxCv)) return;
        const values: { hour: string; value: number }[] = [];
        for (let i = first; i <= last; i++)
          values.push({ hour: iso(times[i] as number), value: series[o + i] as number });
        const start = times[first] as number;
        const end = (times[last] as number) + HOUR_MS;
        const what = useZs ? '折算浓度' : '小时均值';
        out.push(
          makeFinding(
            ctx,
            'hugging-limit',
            code,
            start,
            end,
            {
              limit,
              share,
              band: [lower, limit],
              valueKind: useZs ? 'zsAvg' : 'avg',
              hours: k,
              thresholdHours: rule.minHours,
              mean,
              std,
              cv,
              maxCv,
              min,
              max,
              values,
            },
            `${ANOMALY_RULE_LABELS['hugging-limit'].zh}：${pollutantZh(code)}${what} ${periodZh(start, end)}连续 ${k} 小时` +
              `处于限值 ${withUnit(limit, code)} 的 ${pct(share)}～100%（${num(lower)}～${withUnit(limit, code)}）之间，` +
              `均值 ${withUnit(mean, code)}，最低 ${num(min)}，最高 ${num(max)}，变异系数 ${pct(cv)}（阈值 < ${pct(maxCv)}），` +
              `排放疑似被控制在限值以下${thresholdZh(rule.minHours)}。`,
          ),
        );
      },
    );
  }
};
