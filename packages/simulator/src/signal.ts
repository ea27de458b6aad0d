// The value of every quantity of one unit at one instant: profile level × load cycle × slow
// wander × noise, then the scenario. A pure function of (seed, unit, scenario, instant).

import { cycleAt } from './load-cycles.js';
import { defaultModel, isRegulated, type PollutantModel } from './pollutant-models.js';
import { hashInts, hashString, normalAt, smoothNoise, uniformAt } from './prng.js';
import { type Profile, resolveProfile, unitModels } from './profiles.js';
import { dayWindows, type Window } from './scenario-windows.js';
import type { ScenarioName } from './scenarios.js';
import { DAY, HOUR, localDayIndex, localHourOfDay, MINUTE } from './time.js';
import type { SimUnit } from './types.js';

/** One instant: the reported values and flags (in `models` order) and the flue/water conditions. */
export interface Sample {
  t: number;
  values: number[];
  flags: string[];
  /** O2 % used for the O2 correction (the flue's actual O2, also when not reported). */
  o2: number;
  /** Flow (m³/s air, L/s water) used for amounts, also when not reported. */
  flow: number;
}

export interface SignalOptions {
  unit: SimUnit;
  seed: number;
  scenario?: ScenarioName;
}

/** Roles whose analysers are calibrated and maintained (flags C and M). */
const ANALYSED = new Set(['pollutant', 'o2', 'ph']);
/** O2 at or above this is ambient air: no correction (packages/domain o2-correction). */
const AMBIENT_O2 = 19.5;

export class UnitSignal {
  readonly profile: Profile;
  readonly scenario: ScenarioName;
  /** What the unit reports, in order. */
  readonly models: readonly PollutantModel[];
  /** Whether ZsAvg/ZsRtd are reported: an air profile with a reference O2. */
  readonly corrected: boolean;
  readonly referenceO2: number;
  private readonly streams: number[];
  private readonly o2Model: PollutantModel;
  private readonly flowModel: PollutantModel;
  private readonly o2Stream: number;
  private readonly flowStream: number;
  private readonly loadStream: number;
  private readonly unitStream: number;
  private readonly limited: string[];
  private readonly windowCache = new Map<number, Window[]>();

  constructor(opts: SignalOptions) {
    const { unit, seed } = opts;
    this.profile = resolveProfile(unit.profile, unit.st);
    this.scenario = opts.scenario ?? 'normal';
    this.models = unitModels(unit, this.profile);
    this.unitStream = hashInts(seed, hashString(unit.mn));
    this.streams = this.models.map((m) => hashInts(this.unitStream, hashString(m.code)));
    const air = this.profile.medium === 'air';
    const fromProfile = (code: string) => this.profile.pollutants.find((m) => m.code === code);
    this.o2Model = fromProfile('a19001') ?? defaultModel('a19001');
    this.flowModel = fromProfile(air ? 'a00000' : 'w00000') ?? defaultModel(air ? 'a00000' : 'w00000');
    this.o2Stream = hashInts(this.unitStream, hashString('a19001'));
    this.flowStream = hashInts(this.unitStream, hashString(this.flowModel.code));
    this.loadStream = hashInts(this.unitStream, 0x10ad);
    this.referenceO2 = this.profile.referenceO2 ?? 0;
    this.corrected = air && this.profile.referenceO2 !== undefined;
    this.limited = this.models.filter(isRegulated).map((m) => m.code);
  }

  /** The scenario's windows of the local day holding `t` (cached for a few days). */
  windowsOfDay(dayIndex: number): Window[] {
    let w = this.windowCache.get(dayIndex);
    if (!w) {
      w = dayWindows(this.scenario, this.unitStream, dayIndex, this.limited);
      if (this.windowCache.size > 8) this.windowCache.clear();
      this.windowCache.set(dayIndex, w);
    }
    return w;
  }

  /** Windows overlapping [from, to). */
  windows(from: number, to: number): Window[] {
    const out: Window[] = [];
    for (let d = localDayIndex(from); d <= localDayIndex(to - 1); d++)
      for (const w of this.windowsOfDay(d)) if (w.start < to && w.end > from) out.push(w);
    return out;
  }

  private windowAt(t: number, kind: Window['kind']): Window | undefined {
    return this.windowsOfDay(localDayIndex(t)).find((w) => w.kind === kind && w.start <= t && t < w.end);
  }

  /** Whether the unit's link is down at `t` (disconnect scenario). */
  disconnected(t: number): boolean {
    return this.scenario === 'disconnect' && this.windowAt(t, 'disconnect') !== undefined;
  }

  /** The sample at `t`, or null inside a gap (nothing measured, nothing stored). */
  sample(t: number): Sample | null {
    if (this.scenario === 'gaps' && this.windowAt(t, 'gap')) return null;
    const load =
      cycleAt(this.profile.cycle, localHourOfDay(t)) * (1 + 0.03 * smoothNoise(this.loadStream, t, 2 * HOUR));
    const o2 = Math.min(
      20.5,
      Math.max(1, this.natural(this.o2Model, this.o2Stream, t, load) + (1 - load) * 4),
    );
    const flow = Math.max(0, this.natural(this.flowModel, this.flowStream, t, load));
    const cal =
      this.scenario === 'calibration'
        ? (this.windowAt(t, 'calibration') ?? this.windowAt(t, 'maintenance'))
        : undefined;
    const exceed = this.scenario === 'exceedance' ? this.windowAt(t, 'exceedance') : undefined;
    const values: number[] = [];
    const flags: string[] = [];
    this.models.forEach((m, i) => {
      const s = this.streams[i]!;
      let v: number;
      if (m.code === this.o2Model.code) v = o2;
      else if (m.code === this.flowModel.code) v = flow;
      else v = this.natural(m, s, t, load);
      let flag = 'N';
      if (isRegulated(m)) v = this.applyScenario(m, s, t, v, o2, exceed);
      if (cal && ANALYSED.has(m.role)) {
        flag = cal.kind === 'calibration' ? 'C' : 'M';
        v = this.calibrationValue(m, s, t, cal);
      }
      if (m.role === 'ph') v = Math.min(14, v);
      values.push(Math.max(0, v));
      flags.push(flag);
    });
    return { t, values, flags, o2, flow };
  }

  /** O2-correction factor (21 − ref) / (21 − O2); undefined for ambient O2 or uncorrected profiles. */
  correction(o2: number): number | undefined {
    if (!this.corrected || o2 >= AMBIENT_O2) return undefined;
    return (21 - this.referenceO2) / (21 - o2);
  }

  /** Level × load × (1 + wander + noise), on the basis the model's level is given in. */
  private natural(m: PollutantModel, stream: number, t: number, load: number): number {
    const wander =
      0.7 * smoothNoise(stream, t, 3 * HOUR) + 0.3 * smoothNoise(stream ^ 0x5a5a, t, 40 * MINUTE);
    const noise = normalAt(stream, Math.floor(t / 1000));
    const base = m.level * (1 + m.loadFollow * (load - 1));
    return base * (1 + m.wander * wander + m.jitter * noise);
  }

  /** A limited pollutant under the scenario; returns the measured (reported) value. */
  private applyScenario(
    m: PollutantModel,
    s: number,
    t: number,
    natural: number,
    o2: number,
    exceed?: Window,
  ) {
    const limit = m.limit!;
    // Scenario targets are on the basis the limit is judged on (O2-corrected for combustion stacks).
    const k = m.role === 'pollutant' ? (this.correction(o2) ?? 1) : 1;
    const measured = (target: number) => target / k;
    const small = normalAt(s ^ 0x77, Math.floor(t / 1000));
    switch (this.scenario) {
      case 'exceedance':
        if (exceed?.code !== m.code) return natural;
        if (m.role === 'ph') return limit + 0.5 + 0.3 * smoothNoise(s, t, 30 * MINUTE);
        return measured(limit * (1.25 + 0.18 * smoothNoise(s, t, 30 * MINUTE) + 0.01 * small));
      case 'clipped':
        return measured(limit * (0.97 + 0.008 * smoothNoise(s, t, 2 * HOUR) + 0.0015 * small));
      case 'constant': {
        const f = 10 ** m.decimals;
        return Math.round(m.level * (0.8 + 0.3 * uniformAt(s, 7)) * f) / f;
      }
      case 'zeros':
        return 0;
      case 'drift': {
        // The analyser drifts between its weekly calibrations (at local midnight on the unit's own
        // weekday) and is reset by each: a 7-day sawtooth, no start date needed.
        const rate = (uniformAt(s, 11) < 0.5 ? -1 : 1) * (0.05 + 0.1 * uniformAt(s, 12));
        return natural * Math.max(0, 1 + rate * this.daysSinceReset(t));
      }
      default:
        return natural;
    }
  }

  /** Days (fractional) since the unit's last weekly analyser calibration. */
  daysSinceReset(t: number): number {
    const days = (t + 8 * HOUR) / DAY - (this.unitStream % 7);
    return ((days % 7) + 7) % 7;
  }

  /** Zero gas for the first half of a calibration, span gas for the second; low readings in maintenance. */
  private calibrationValue(m: PollutantModel, s: number, t: number, w: Window): number {
    const noise = Math.abs(normalAt(s ^ 0xca1, Math.floor(t / 1000)));
    if (w.kind === 'maintenance') return m.level * 0.3 * (1 + 0.3 * noise);
    if (m.role === 'ph') return t < (w.start + w.end) / 2 ? 4 + 0.01 * noise : 9.18 + 0.01 * noise;
    const span = m.role === 'o2' ? 20.9 : (m.limit ?? m.level) * 2;
    return t < (w.start + w.end) / 2 ? span * 0.005 * noise : span * (1 - 0.005 * noise);
  }
}
