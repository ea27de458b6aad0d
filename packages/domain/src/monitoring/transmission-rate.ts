/**
 * 数据传输有效率 (transmission validity rate), per monitor (outlet × pollutant) per day or month,
 * in the usual definition of the national key-source assessment rules:
 *   传输率 transmissionRate = received / expected
 *   有效率 validityRate     = valid / received
 *   传输有效率              = 传输率 × 有效率 = valid / expected
 * Target ≥ 90 % (seeds 002 28, 004 四(一)4). Counts are of data periods (e.g. hourly or 10-minute
 * records), deduplicated by DataTime before they reach here: a re-sent record is not a second one.
 */
export const TRANSMISSION_VALIDITY_TARGET = 0.9;

export interface RecordCounts {
  expected: number;
  received: number;
  valid: number;
}

export interface TransmissionValidity {
  transmissionRate: number | null;
  validityRate: number | null;
  transmissionValidityRate: number | null;
  meetsTarget: boolean;
  /** The formula with the numbers, for the screen. */
  formula: string;
}

const pct = (x: number) => `${(x * 100).toFixed(2)}%`;

export function transmissionValidityRate(
  c: RecordCounts,
  target: number = TRANSMISSION_VALIDITY_TARGET,
): TransmissionValidity {
  const ok = [c.expected, c.received, c.valid].every((n) => Number.isInteger(n) && n >= 0);
  if (!ok || c.valid > c.received) throw new RangeError(`inconsistent counts: ${JSON.stringify(c)}`);
  if (c.expected === 0) {
    return {
      transmissionRate: null,
      validityRate: null,
      transmissionValidityRate: null,
      meetsTarget: false,
      formula: '应传输数据为0，不计算',
    };
  }
  // More received than expected means duplicates or off-grid stamps slipped through: cap at 100 %.
  const received = Math.min(c.received, c.expected);
  const valid = Math.min(c.valid, received);
  const transmissionRate = received / c.expected;
  const validityRate = received === 0 ? 0 : valid / received;
  const tvr = valid / c.expected;
  return {
    transmissionRate,
    validityRate,
    transmissionValidityRate: tvr,
    meetsTarget: tvr >= target,
    formula: `传输率 ${received}/${c.expected} = ${pct(transmissionRate)}；有效率 ${valid}/${received} = ${pct(validityRate)}；传输有效率 = ${pct(tvr)}`,
  };
}

/** Number of data periods of `intervalMinutes` in [periodStart, periodEnd). */
export function expectedRecords(periodStart: Date, periodEnd: Date, intervalMinutes: number): number {
  if (!(intervalMinutes > 0)) throw new RangeError(`interval must be positive: ${intervalMinutes}`);
  const ms = periodEnd.getTime() - periodStart.getTime();
  return ms <= 0 ? 0 : Math.floor(ms / (intervalMinutes * 60_000));
}

/** 联网率/在线率: share of the period during which the unit was connected. */
export function onlineRate(onlineMinutes: number, totalMinutes: number): number | null {
  if (!(totalMinutes > 0) || !Number.isFinite(onlineMinutes) || onlineMinutes < 0) return null;
  return Math.min(onlineMinutes, totalMinutes) / totalMinutes;
}

/**
 * Enterprise / region / month figures: sum the counts, then take the rates — not the mean of
 * the monitors' rates. A mean of rates weighs a monitor expecting 24 hourly records the same as
 * one expecting 144 ten-minute records, lets a monitor with nothing expected (rate undefined)
 * distort the result, and gives a number that no pooled count reproduces; summed counts give the
 * share of all expected data that arrived valid, which is what the target is about.
 */
export function sumCounts(parts: readonly RecordCounts[]): RecordCounts {
  // Each part is capped first, so one monitor's duplicates cannot fill another's gap.
  return parts.reduce<RecordCounts>(
    (a, c) => {
      const received = Math.min(c.received, c.expected);
      return {
        expected: a.expected + c.expected,
        received: a.received + received,
        valid: a.valid + Math.min(c.valid, received),
      };
    },
    { expected: 0, received: 0, valid: 0 },
  );
}

export function aggregateTransmissionValidity(
  parts: readonly RecordCounts[],
  target: number = TRANSMISSION_VALIDITY_TARGET,
): TransmissionValidity {
  return transmissionValidityRate(sumCounts(parts), target);
}
