import { DEFAULT_AMBIENT_O2 } from '../monitoring/o2-correction';
import { ANOMALY_RULE_CODES } from './labels';
import type { AnomalyRuleCode, AnomalyRuleConfig } from './types';

const rule = (code: AnomalyRuleCode, minHours: number, params: Record<string, number> = {}) =>
  Object.freeze({ code, enabled: true, minHours, params: Object.freeze(params) }) as AnomalyRuleConfig;

/**
 * Defaults (platform policy, not values from a standard; the README gives the reason for each).
 * Cities change them through `anomalyRules(overrides)`.
 */
export const DEFAULT_ANOMALY_RULES: readonly AnomalyRuleConfig[] = Object.freeze([
  rule('offline', 2),
  rule('constant', 6, { tolerance: 0 }),
  rule('zero-negative', 6, { atMost: 0 }),
  // Range bounds come from `window.ranges`; params `lo`/`hi` (every pollutant) or `lo.<code>` /
  // `hi.<code>` are the fallback. `flagT: 1` also counts hours the unit flagged T (above range).
  rule('out-of-range', 1, { flagT: 1 }),
  // 1 = the flag counts as fault/maintenance/calibration.
  rule('flag-too-long', 6, { 'flag.D': 1, 'flag.M': 1, 'flag.C': 1, 'flag.B': 0, 'flag.F': 0, 'flag.S': 0 }),
  rule('hugging-limit', 6, { share: 0.9, maxCv: 0.02 }),
  rule('zero-flow', 3, { maxFlow: 0, minConcentration: 0 }),
  rule('o2-ambient', 2, { threshold: DEFAULT_AMBIENT_O2, minFlow: 0 }),
  rule('zs-mismatch', 3, { tolerance: 0.05, absolute: 0.5, ambientO2: DEFAULT_AMBIENT_O2 }),
]);

const DEFAULT_BY_CODE = new Map(DEFAULT_ANOMALY_RULES.map((r) => [r.code, r]));

/** The default configuration of one rule. */
export function defaultAnomalyRule(code: AnomalyRuleCode): AnomalyRuleConfig {
  const r = DEFAULT_BY_CODE.get(code);
  if (!r) throw new Error(`unknown anomaly rule ${code}`);
  return r;
}

export type AnomalyRuleOverrides = Partial<
  Record<AnomalyRuleCode, Partial<Pick<AnomalyRuleConfig, 'enabled' | 'minHours' | 'params'>>>
>;

/**
 * The full rule list with a city's overrides applied (params are merged key by key), in the
 * canonical order — what `evaluateAnomalies` expects when only some rules are changed.
 */
export function anomalyRules(overrides: AnomalyRuleOverrides = {}): AnomalyRuleConfig[] {
  return ANOMALY_RULE_CODES.map((code) => {
    const d = defaultAnomalyRule(code);
    const o = overrides[code];
    return {
      code,
      enabled: o?.enabled ?? d.enabled,
      minHours: o?.minHours ?? d.minHours,
      params: { ...d.params, ...o?.params },
    };
  });
}
