// The anomaly-rule table's edits.
import type { AnomalyRule } from '../../api/alarms';

/** A rule with one parameter changed; the others kept as they are. */
export const setRuleParam = (rule: AnomalyRule, key: string, value: number): Pick<AnomalyRule, 'params'> => ({
  params: { ...rule.params, [key]: value },
});
