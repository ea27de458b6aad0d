import { iso, MEASURED, makeFinding, PARAMETER, type RuleEvaluator } from '../context';
import { ANOMALY_RULE_LABELS } from '../labels';
import { forEachRun, HOUR_MS } from '../runs';
import { num, periodZh, pollutantZh, thresholdZh, withUnit } from '../text';

/**
 * Constant: the same non-zero hourly average `minHours` hours in a row (each within `tolerance`
 * of the run's first hour; default 0 = identical). Judged on concentrations, the flow and O2 —
 * real hourly averages of 60 minute readings practically never repeat. Only measured hours
 * (flag N/T/none) count; zeros are the zero-negative rule's.
 */
export const constant: RuleEvaluator = (ctx, rule, out) => {
  const tol = Math.max(0, rule.params.tolerance ?? 0);
  const { times, avg, state, codes, offsets, kinds } = ctx;
  const measured = MEASURED;
  for (let j = 0; j < codes.length; j++) {
    if (kinds[j] === PARAMETER) continue;
    const code = codes[j] as string;
    const o = offsets[j] as number;
    forEachRun(
      times,
      (i) => {
        const v = avg[o + i] as number;
        return ((state[o + i] as number) & measured) !== 0 && !Number.isNaN(v) && v !== 0;
      },
      rule.minHours,
      (first, last) => {
        const value = avg[o + first] as number;
        const values: { hour: string; avg: number }[] = [];
        for (let i = first; i <= last; i++)
          values.push({ hour: iso(times[i] as number), avg: avg[o + i] as number });
        const start = times[first] as number;
        const end = (times[last] as number) + HOUR_MS;
        const k = last - first + 1;
        const same =
          tol > 0 ? `保持在 ${withUnit(value, code)} ± ${num(tol)}` : `均为 ${withUnit(value, code)}`;
        out.push(
          makeFinding(
            ctx,
            'constant',
            code,
            start,
            end,
            { value, hours: k, thresholdHours: rule.minHours, tolerance: tol, values },
            `${ANOMALY_RULE_LABELS.constant.zh}：${pollutantZh(code)}小时均值 ${periodZh(start, end)}连续 ${k} 小时${same}，` +
              `疑似数据固定不变${thresholdZh(rule.minHours, '连续相同')}。`,
          ),
        );
      },
      (first, i) => Math.abs((avg[o + i] as number) - (avg[o + first] as number)) <= tol,
    );
  }
};
