// A unit's uploads for any period: real-time (2011), minute (2051), hourly (2061), daily (2031).
// Pure and deterministic: the same seed, unit and scenario give the same records, in any order.
import { addSamples, emptyStats, mergeStats, type PeriodStats, periodFields, round } from './period-stats.js';
import type { ScenarioName } from './scenarios.js';
import { type Sample, UnitSignal } from './signal.js';
import { DAY, HOUR, MINUTE, SECOND } from './time.js';
import { CN_DAY, CN_HOUR, CN_MINUTE, CN_REALTIME, type DataRecord, type SimUnit } from './types.js';

export interface GeneratorOptions {
  unit: SimUnit;
  seed: number;
  scenario?: ScenarioName;
}

export interface RecordsOptions {
  /** Minute-data interval in minutes (MinInterval); default 10. */
  minInterval?: number;
  /** Include hourly records (default true) and daily records (default true). */
  hourly?: boolean;
  daily?: boolean;
}

const toMs = (t: Date | number) => (typeof t === 'number' ? t : t.getTime());

export class UnitGenerator {
  readonly signal: UnitSignal;
  private readonly hourCache = new Map<number, PeriodStats>();

  constructor(readonly options: GeneratorOptions) {
    this.signal = new UnitSignal(options);
  }

  get unit(): SimUnit {
    return this.options.unit;
  }

  /** Samples every minute in [from, to), gaps left out. */
  private samples(from: number, to: number): Sample[] {
    const out: Sample[] = [];
    for (let t = from; t < to; t += MINUTE) {
      const s = this.signal.sample(t);
      if (s) out.push(s);
    }
    return out;
  }

  private record(cn: DataRecord['cn'], start: number, stats: PeriodStats): DataRecord | null {
    const pollutants = periodFields(this.signal, stats);
    return pollutants && { cn, dataTime: new Date(start), pollutants };
  }

  private hourStats(start: number): PeriodStats {
    let s = this.hourCache.get(start);
    if (!s) {
      s = addSamples(emptyStats(this.signal.models.length), this.samples(start, start + HOUR), 60);
      if (this.hourCache.size >= 30) this.hourCache.delete(this.hourCache.keys().next().value!);
      this.hourCache.set(start, s);
    }
    return s;
  }

  /** CN 2011 at an instant: Rtd (and ZsRtd where O2 correction applies) and Flag; null in a gap. */
  realtime(at: Date | number): DataRecord | null {
    const t = toMs(at);
    const s = this.signal.sample(t);
    if (!s) return null;
    const pollutants: DataRecord['pollutants'] = {};
    const k = this.signal.correction(s.o2);
    this.signal.models.forEach((m, i) => {
      const v = s.values[i]!;
      pollutants[m.code] = {
        Rtd: round(v, m.decimals),
        ...(k !== undefined && m.role === 'pollutant' ? { ZsRtd: round(v * k, m.decimals) } : {}),
        Flag: s.flags[i]!,
      };
    });
    return { cn: CN_REALTIME, dataTime: new Date(Math.floor(t / SECOND) * SECOND), pollutants };
  }

  /** CN 2051 for the `minutes`-long period starting at `start`; null when a gap covers it entirely. */
  minute(start: Date | number, minutes = 10): DataRecord | null {
    const t = toMs(start);
    const stats = addSamples(
      emptyStats(this.signal.models.length),
      this.samples(t, t + minutes * MINUTE),
      60,
    );
    return this.record(CN_MINUTE, t, stats);
  }

  /** CN 2061 for the hour starting at `start`. */
  hour(start: Date | number): DataRecord | null {
    const t = toMs(start);
    return this.record(CN_HOUR, t, this.hourStats(t));
  }

  /** CN 2031 for the local day starting at `start` (00:00 Asia/Shanghai). */
  day(start: Date | number): DataRecord | null {
    const t = toMs(start);
    const stats = emptyStats(this.signal.models.length);
    for (let h = t; h < t + DAY; h += HOUR) mergeStats(stats, this.hourStats(h));
    return this.record(CN_DAY, t, stats);
  }

  /**
   * Every record whose period ends in (from, to], in the order a unit sends them: at each period
   * end the minute record, then the hour's, then the day's. Gaps yield nothing.
   */
  *records(from: Date | number, to: Date | number, opts: RecordsOptions = {}): Generator<DataRecord> {
    const { minInterval = 10, hourly = true, daily = true } = opts;
    const schedule = new Schedule(toMs(from), minInterval);
    for (;;) {
      const due = schedule.next();
      if (due.end > toMs(to)) return;
      if (due.cn === CN_MINUTE || (due.cn === CN_HOUR && hourly) || (due.cn === CN_DAY && daily)) {
        const r = this.periodRecord(due.cn, due.start, due.end - due.start);
        if (r) yield r;
      }
    }
  }

  /** The record of a period by CN (2051 with its length, 2061, 2031). */
  periodRecord(cn: string, start: number, lengthMs: number): DataRecord | null {
    if (cn === CN_MINUTE) return this.minute(start, lengthMs / MINUTE);
    if (cn === CN_HOUR) return this.hour(start);
    if (cn === CN_DAY) return this.day(start);
    return null;
  }

  /**
   * Stored records of one kind (2011, 2051, 2061, 2031) with DataTime in [begin, end], up to
   * `until` (what a unit holds for a history re-send request: the periods already over), at most
   * 10,000.
   */
  stored(
    cn: string,
    begin: number,
    end: number,
    until: number,
    minInterval = 10,
    rtdInterval = 30,
  ): DataRecord[] {
    const steps: Record<string, number> = {
      [CN_REALTIME]: rtdInterval * SECOND,
      [CN_MINUTE]: minInterval * MINUTE,
      [CN_HOUR]: HOUR,
      [CN_DAY]: DAY,
    };
    const step = steps[cn];
    if (step === undefined) return [];
    const out: DataRecord[] = [];
    const first = Math.ceil((begin + 8 * HOUR) / step) * step - 8 * HOUR;
    // A real-time value exists once sampled; a period once it is over.
    const length = cn === CN_REALTIME ? 0 : step;
    for (let t = first; t <= end && t + length <= until && out.length < 10_000; t += step) {
      const r = cn === CN_REALTIME ? this.realtime(t) : this.periodRecord(cn, t, step);
      if (r) out.push(r);
    }
    return out;
  }
}

export function createUnitGenerator(options: GeneratorOptions): UnitGenerator {
  return new UnitGenerator(options);
}

/** What is due next: the next period end among minute, hour and day, in send order. */
export interface Due {
  cn: DataRecord['cn'];
  start: number;
  end: number;
}

/**
 * Period ends after `from`, in order. The minute interval can change between calls (1064); hours
 * and days keep their own boundaries so an interval that does not divide 60 misses none.
 */
export class Schedule {
  private nextMinute: number;
  private nextHour: number;
  private nextDay: number;

  constructor(
    from: number,
    private minInterval = 10,
  ) {
    this.nextMinute = ceilAfter(from, minInterval * MINUTE);
    this.nextHour = ceilAfter(from, HOUR);
    this.nextDay = ceilAfter(from, DAY);
  }

  setMinInterval(minutes: number): void {
    if (minutes === this.minInterval) return;
    const last = this.nextMinute - this.minInterval * MINUTE;
    this.minInterval = minutes;
    this.nextMinute = ceilAfter(last, minutes * MINUTE);
  }

  /** The end of the earliest pending period, without consuming it. */
  peek(): number {
    return Math.min(this.nextMinute, this.nextHour, this.nextDay);
  }

  next(): Due {
    const step = this.minInterval * MINUTE;
    if (this.nextMinute <= this.nextHour && this.nextMinute <= this.nextDay) {
      const end = this.nextMinute;
      this.nextMinute += step;
      return { cn: CN_MINUTE, start: end - step, end };
    }
    if (this.nextHour <= this.nextDay) {
      const end = this.nextHour;
      this.nextHour += HOUR;
      return { cn: CN_HOUR, start: end - HOUR, end };
    }
    const end = this.nextDay;
    this.nextDay += DAY;
    return { cn: CN_DAY, start: end - DAY, end };
  }
}

/** The first period end strictly after `t` for periods of `step` aligned in local time. */
function ceilAfter(t: number, step: number): number {
  const offset = 8 * HOUR;
  return Math.floor((t + offset) / step) * step + step - offset;
}
