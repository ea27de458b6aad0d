import { DEFAULT_ANOMALY_RULES, defaultAnomalyRule } from './defaults';
import { ANOMALY_RULE_CODES } from './labels';
import type { AnomalyRuleCode, AnomalyRuleConfig } from './types';

/** A rule ready to run: enabled, with the defaults' params under the configured ones. */
export interface PreparedRule {
  readonly code: AnomalyRuleCode;
  readonly minHours: number;
  /** Default params overlaid with the configured finite numbers. */
  readonly params: Readonly<Record<string, number>>;
}

/**
 * The enabled rules of a configuration in canonical order (`ANOMALY_RULE_CODES`); the last entry
 * of a code wins; unknown codes are ignored; a non-finite `minHours` or param falls back to the
 * default. Recomputed on every call (cheap), except for the frozen defaults.
 */
export function prepareRules(rules: readonly AnomalyRuleConfig[]): readonly PreparedRule[] {
  if (rules === DEFAULT_ANOMALY_RULES) return PREPARED_DEFAULTS;
  return prepare(rules);
}

function prepare(rules: readonly AnomalyRuleConfig[]): PreparedRule[] {
  const last = new Map<AnomalyRuleCode, AnomalyRuleConfig>();
  for (const r of rules) if ((ANOMALY_RULE_CODES as readonly string[]).includes(r.code)) last.set(r.code, r);
  const out: PreparedRule[] = [];
  for (const code of ANOMALY_RULE_CODES) {
    const r = last.get(code);
    if (!r?.enabled) continue;
    const d = defaultAnomalyRule(code);
    const params: Record<string, number> = { ...d.params };
    for (const k in r.params) {
      const v = r.params[k];
      if (typeof v === 'number' && Number.isFinite(v)) params[k] = v;
    }
    out.push({ code, minHours: Number.isFinite(r.minHours) ? r.minHours : d.minHours, params });
  }
  return out;
}

const PREPARED_DEFAULTS: readonly PreparedRule[] = Object.freeze(prepare(DEFAULT_ANOMALY_RULES));
