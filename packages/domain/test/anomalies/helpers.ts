import { defaultAnomalyRule } from '../../src/anomalies/defaults';
import type {
  AnomalyRuleCode,
  AnomalyRuleConfig,
  HourSample,
  HourValue,
  MonitorWindow,
} from '../../src/anomalies/types';

export const HOUR = 3_600_000;
/** 2025-03-01 08:00 Asia/Shanghai = 00:00 UTC. */
export const T0 = Date.UTC(2025, 2, 1, 0);
export const at = (hour: number): Date => new Date(T0 + hour * HOUR);
/** Judgement moment: 24 h after T0. */
export const NOW = at(24);

/** A measured, valid hourly value (flag N). */
export const v = (avg: number | null, extra: Partial<HourValue> = {}): HourValue => ({
  avg,
  flag: 'N',
  valid: true,
  ...extra,
});

/** Hours `from`…`from + count − 1`; `values(i)` null leaves the hour out. */
export function series(
  count: number,
  values: (i: number) => Record<string, HourValue> | null,
  from = 0,
): HourSample[] {
  const out: HourSample[] = [];
  for (let i = from; i < from + count; i++) {
    const vs = values(i);
    if (vs) out.push({ hour: at(i), values: vs });
  }
  return out;
}

/** Varying but ordinary value for hour i (never repeats, never ≤ 0). */
export const wobble = (base: number, i: number): number => base + ((i * 7) % 11) / 10 + 0.01 * i;

export function airWindow(hours: HourSample[], extra: Partial<MonitorWindow> = {}): MonitorWindow {
  return {
    monitorId: 7,
    outletKind: 'air',
    referenceO2: 6,
    flowCode: 'a00000',
    lastDataAt: NOW,
    hours,
    ...extra,
  };
}

export function waterWindow(hours: HourSample[], extra: Partial<MonitorWindow> = {}): MonitorWindow {
  return {
    monitorId: 8,
    outletKind: 'water',
    referenceO2: null,
    flowCode: 'w00000',
    lastDataAt: NOW,
    hours,
    ...extra,
  };
}

/** A configuration with only this rule (defaults, then the overrides). */
export function onlyRule(
  code: AnomalyRuleCode,
  over: Partial<Omit<AnomalyRuleConfig, 'code'>> = {},
): AnomalyRuleConfig[] {
  const d = defaultAnomalyRule(code);
  return [{ ...d, ...over, params: { ...d.params, ...over.params } }];
}
