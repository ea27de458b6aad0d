import { CONCENTRATION, iso, MEASURED, makeFinding, offsetOf, PRESENT, type RuleEvaluator } from '../context';
import { ANOMALY_RULE_LABELS } from '../labels';
import { forEachRun, HOUR_MS } from '../runs';
import { num, periodZh, pollutantZh, thresholdZh, unitOf, withUnit } from '../text';

/**
 * Zero flow: a concentration above `minConcentration` (default 0) reported as measured while the
 * flow of the same hour is ≤ `maxFlow` (default 0) or absent (no flow value at all — key
 * dischargers must meter flow), `minHours` hours in a row. Hours where either the concentration or
 * the flow carries F/M/C/D/S/B are not judged (a declared stop or flow-meter maintenance).
 */
export const zeroFlow: RuleEvaluator = (ctx, rule, out) => {
  const maxFlow = rule.params.maxFlow ?? 0;
  const minConc = rule.params.minConcentration ?? 0;
  const { times, avg, state, codes, offsets, kinds, window } = ctx;
  const flowCode = window.flowCode;
  const qo = offsetOf(ctx, flowCode);
  const measured = MEASURED;
  const present = PRESENT;
  for (let j = 0; j < codes.length; j++) {
    if (kinds[j] !== CONCENTRATION) continue;
    const code = codes[j] as string;
    const o = offsets[j] as number;
    forEachRun(
      times,
      (i) => {
        if (((state[o + i] as number) & measured) === 0 || !((avg[o + i] as number) > minConc)) return false;
        if (qo < 0) return true;
        const qs = state[qo + i] as number;
        if ((qs & present) === 0) return true;
        if ((qs & measured) === 0) return false;
        const q = avg[qo + i] as number;
        return Number.isNaN(q) || q <= maxFlow;
      },
      rule.minHours,
      (first, last) => {
        const values: { hour: string; avg: number; flow: number | null }[] = [];
        let max = Number.NEGATIVE_INFINITY;
        let absent = 0;
        for (let i = first; i <= last; i++) {
          const v = avg[o + i] as number;
          const q = qo < 0 ? Number.NaN : (avg[qo + i] as number);
          if (v > max) max = v;
          if (Number.isNaN(q)) absent++;
          values.push({ hour: iso(times[i] as number), avg: v, flow: Number.isNaN(q) ? null : q });
        }
        const start = times[first] as number;
        const end = (times[last] as number) + HOUR_MS;
        const k = last - first + 1;
        const zero = `≤ ${num(maxFlow)}${unitOf(flowCode)}`;
        const flowText = absent === k ? '无数据' : absent > 0 ? `${zero}或无数据` : zero;
        out.push(
          makeFinding(
            ctx,
            'zero-flow',
            code,
            start,
            end,
            {
              flowCode,
              maxFlow,
              minConcentration: minConc,
              hours: k,
              hoursFlowAbsent: absent,
              thresholdHours: rule.minHours,
              maxConcentration: max,
              values,
            },
            `${ANOMALY_RULE_LABELS['zero-flow'].zh}：${pollutantZh(code)}在 ${periodZh(start, end)}连续 ${k} 小时` +
              `上报浓度大于 ${num(minConc)}（最高 ${withUnit(max, code)}），同期${pollutantZh(flowCode)}${flowText}，` +
              `且未标记停运${thresholdZh(rule.minHours)}。`,
          ),
        );
      },
    );
  }
};
