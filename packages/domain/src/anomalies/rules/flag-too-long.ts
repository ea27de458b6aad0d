import { DATA_FLAG_CODES, DATA_FLAG_RULES, type DataFlagCode } from '../../monitoring/data-flags';
import { filedHours, iso, makeFinding, PARAMETER, type RuleEvaluator } from '../context';
import { ANOMALY_RULE_LABELS } from '../labels';
import { forEachRun, HOUR_MS } from '../runs';
import { periodZh, pollutantZh, thresholdZh } from '../text';

/**
 * Flags too long: the hour's dominant flag is a fault/maintenance/calibration flag (params
 * `flag.<letter>` = 1; default D, M, C — the invalid periods of HJ 75-2017 §12, see
 * ../monitoring/data-flags.ts) `minHours` hours in a row, outside every approved filing. An hour
 * any filing overlaps does not count (it breaks the run). Mixed letters (D then M) form one run.
 * Judged on concentrations, the flow and O2.
 */
export const flagTooLong: RuleEvaluator = (ctx, rule, out) => {
  // Bit (c − 64) set for each judged flag letter c (the HJ 212 letters are all in 65…90).
  let judged = 0;
  const letters: string[] = [];
  for (const f of DATA_FLAG_CODES) {
    const on = rule.params[`flag.${f}`];
    if (f !== 'N' && on !== undefined && on !== 0) {
      judged |= 1 << (f.charCodeAt(0) - 64);
      letters.push(f);
    }
  }
  if (letters.length === 0) return;
  const { times, flag, codes, offsets, kinds } = ctx;
  const filed = filedHours(ctx);
  for (let j = 0; j < codes.length; j++) {
    if (kinds[j] === PARAMETER) continue;
    const code = codes[j] as string;
    const o = offsets[j] as number;
    forEachRun(
      times,
      (i) => {
        const c = (flag[o + i] as number) - 64;
        return c > 0 && c < 32 && (judged & (1 << c)) !== 0 && (filed === null || filed[i] === 0);
      },
      rule.minHours,
      (first, last) => {
        const counts: Record<string, number> = {};
        const values: { hour: string; flag: string }[] = [];
        for (let i = first; i <= last; i++) {
          const f = String.fromCharCode(flag[o + i] as number);
          counts[f] = (counts[f] ?? 0) + 1;
          values.push({ hour: iso(times[i] as number), flag: f });
        }
        const start = times[first] as number;
        const end = (times[last] as number) + HOUR_MS;
        const k = last - first + 1;
        const which = Object.keys(counts)
          .map((f) => `${DATA_FLAG_RULES[f as DataFlagCode]?.zh ?? f}（${f}）${counts[f]} 小时`)
          .join('、');
        out.push(
          makeFinding(
            ctx,
            'flag-too-long',
            code,
            start,
            end,
            {
              flags: counts,
              flagsJudged: letters,
              hours: k,
              thresholdHours: rule.minHours,
              filingsConsidered: ctx.filings.length,
              values,
            },
            `${ANOMALY_RULE_LABELS['flag-too-long'].zh}：${pollutantZh(code)}在 ${periodZh(start, end)}连续 ${k} 小时` +
              `标记为${which}，期间无已批准的报备${thresholdZh(rule.minHours)}。`,
          ),
        );
      },
    );
  }
};
