import { buildContext, type RuleEvaluator } from './context';
import { DEFAULT_ANOMALY_RULES } from './defaults';
import { prepareRules } from './prepare';
import { constant } from './rules/constant';
import { flagTooLong } from './rules/flag-too-long';
import { huggingLimit } from './rules/hugging-limit';
import { o2Ambient } from './rules/o2-ambient';
import { offline } from './rules/offline';
import { outOfRange } from './rules/out-of-range';
import { zeroFlow } from './rules/zero-flow';
import { zeroNegative } from './rules/zero-negative';
import { zsMismatch } from './rules/zs-mismatch';
import type { AnomalyFinding, AnomalyRuleCode, AnomalyRuleConfig, MonitorWindow } from './types';

const EVALUATORS: Readonly<Record<AnomalyRuleCode, RuleEvaluator>> = {
  offline,
  constant,
  'zero-negative': zeroNegative,
  'out-of-range': outOfRange,
  'flag-too-long': flagTooLong,
  'hugging-limit': huggingLimit,
  'zero-flow': zeroFlow,
  'o2-ambient': o2Ambient,
  'zs-mismatch': zsMismatch,
};

/**
 * Every enabled rule over one monitor's window. `now` is the moment of judgement (offline only).
 * `rules` is the complete configuration: a rule it does not list is not evaluated (use
 * `anomalyRules(overrides)` to change only some); if a code is listed twice the last entry wins;
 * a missing param takes its default. Findings come in the canonical rule order
 * (`ANOMALY_RULE_CODES`), then pollutant code, then start; one finding per maximal run of
 * consecutive hours per rule and pollutant.
 */
export function evaluateAnomalies(
  window: MonitorWindow,
  now: Date,
  rules: readonly AnomalyRuleConfig[] = DEFAULT_ANOMALY_RULES,
): AnomalyFinding[] {
  const prepared = prepareRules(rules);
  const out: AnomalyFinding[] = [];
  if (prepared.length === 0) return out;
  const ctx = buildContext(window, now);
  for (const rule of prepared) EVALUATORS[rule.code](ctx, rule, out);
  return out;
}
