import type { AnomalyRuleCode } from './types';

/** Every rule, in the order findings are listed. */
export const ANOMALY_RULE_CODES: readonly AnomalyRuleCode[] = Object.freeze([
  'offline',
  'constant',
  'zero-negative',
  'out-of-range',
  'flag-too-long',
  'hugging-limit',
  'zero-flow',
  'o2-ambient',
  'zs-mismatch',
] as const);

/** Names the UI and the finding texts use. */
export const ANOMALY_RULE_LABELS: Record<AnomalyRuleCode, { zh: string; en: string }> = {
  offline: { zh: '数采仪离线', en: 'monitor offline' },
  constant: { zh: '数据恒值', en: 'constant values' },
  'zero-negative': { zh: '零值或负值', en: 'zero or negative values' },
  'out-of-range': { zh: '超出仪器量程', en: 'outside the instrument range' },
  'flag-too-long': {
    zh: '故障/维护/校准标记超时且无报备',
    en: 'fault/maintenance/calibration flags too long without a filing',
  },
  'hugging-limit': { zh: '贴线排放（浓度贴近限值、波动异常小）', en: 'values pinned just under the limit' },
  'zero-flow': { zh: '流量为零而浓度不为零', en: 'concentration reported with zero flow' },
  'o2-ambient': { zh: '运行中氧含量接近空气', en: 'O2 near ambient while running' },
  'zs-mismatch': { zh: '折算浓度与氧含量不符', en: 'corrected value inconsistent with O2' },
};
