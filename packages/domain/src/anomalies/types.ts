/**
 * Public shapes of the anomaly rules (A2). The server stores `AnomalyFinding`s as they are; keep
 * names and shapes stable (fields may be added, optional).
 */
export type AnomalyRuleCode =
  | 'offline' // no data for N hours (monitor-level)
  | 'constant' // the same non-zero hourly value N hours in a row
  | 'zero-negative' // values <= 0 for N hours in a row (pollutants, and flow)
  | 'out-of-range' // value outside the instrument range [lo, hi]
  | 'flag-too-long' // fault/maintenance/calibration flags for more than N hours without an approved filing
  | 'hugging-limit' // N hours between share × limit and the limit, coefficient of variation below a threshold
  | 'zero-flow' // concentration > 0 while flow is 0 (or absent) for N hours
  | 'o2-ambient' // air: O2 >= threshold while flow shows the plant running, N hours
  | 'zs-mismatch'; // air: the unit's ZsAvg differs from correctForO2(avg, o2, refO2) beyond tolerance, N hours

export interface AnomalyRuleConfig {
  code: AnomalyRuleCode;
  enabled: boolean;
  /** Hours the condition must last (offline: hours since the last data). */
  minHours: number;
  /** Rule-specific numbers; a missing key takes the default of `DEFAULT_ANOMALY_RULES`. */
  params: Record<string, number>;
}

/** Hourly figures of one pollutant in one hour (one `hourly_value` row). */
export interface HourValue {
  avg: number | null;
  /** O2-corrected average the unit reported (ZsAvg), air only. */
  zsAvg?: number | null;
  min?: number | null;
  max?: number | null;
  /** Dominant HJ 212 data flag of the hour (N normal; see ../monitoring/data-flags.ts). */
  flag?: string | null;
  /** The hour met the validity rules (../monitoring/hourly-average.ts). */
  valid: boolean;
}

/** One hour of one monitor, as stored by the aggregator (hourly_value rows pivoted). */
export interface HourSample {
  /** Start of the hour. */
  hour: Date;
  /** Pollutant code → hourly figures. */
  values: Record<string, HourValue>;
}

export interface AnomalyFiling {
  id: number;
  startsAt: Date;
  endsAt: Date;
}

export interface MonitorWindow {
  monitorId: number;
  outletKind: 'air' | 'water';
  referenceO2: number | null;
  /** 'a00000' air, 'w00000' water. */
  flowCode: string;
  /** Last time any data arrived (null = never). */
  lastDataAt: Date | null;
  /** Hours, ascending, the window to judge (typically the last 24 h). Missing hours are simply absent. */
  hours: readonly HourSample[];
  /** Limit value (ceiling) in force per pollutant, when known (for hugging-limit). */
  limits?: Record<string, number>;
  /** Instrument range per pollutant, when known (for out-of-range); rules may fall back to params. */
  ranges?: Record<string, { lo: number; hi: number }>;
  /**
   * Approved filing windows covering the monitor: flag-too-long is not raised for hours they
   * cover; any other finding overlapping one gets its `filingId`.
   */
  filings?: readonly AnomalyFiling[];
}

export interface AnomalyFinding {
  rule: AnomalyRuleCode;
  monitorId: number;
  /** Null for monitor-level rules (offline). */
  pollutant: string | null;
  /** First hour of the run (or lastDataAt for offline). */
  start: Date;
  /** Exclusive end (offline: `now`). */
  end: Date;
  /** The numbers behind it: hours and values used, thresholds, statistics. JSON-serialisable. */
  evidence: Record<string, unknown>;
  /** Chinese sentence naming the rule, pollutant, period (Asia/Shanghai), numbers and threshold. */
  text: string;
  filingId: number | null;
}
