// The timed part of scenarios: per unit and local day, when the episodes happen. Drawn from a
// stream seeded by (seed, unit, day), so any day can be computed on its own.
import { createRandom, hashInts } from './prng.js';
import type { ScenarioName } from './scenarios.js';
import { DAY, HOUR, localDayStart, MINUTE } from './time.js';

export type WindowKind = 'exceedance' | 'gap' | 'calibration' | 'maintenance' | 'disconnect';

export interface Window {
  kind: WindowKind;
  /** Epoch ms, inclusive. */
  start: number;
  /** Epoch ms, exclusive. */
  end: number;
  /** The pollutant an exceedance concerns. */
  code?: string;
}

const TEN_MINUTES = 10 * MINUTE;

/** Windows of one local day for a unit; `stream` is the unit's seed stream, `limited` its limited codes. */
export function dayWindows(
  scenario: ScenarioName,
  stream: number,
  dayIndex: number,
  limited: readonly string[],
): Window[] {
  const rnd = createRandom(hashInts(stream, dayIndex, 0x5ce7a110));
  const day = localDayStart(dayIndex);
  // A window of `minutes` (multiple of 10) starting on a 10-minute boundary inside the day.
  const place = (kind: WindowKind, minutes: number, from = 0, to = DAY): Window => {
    const slots = Math.max(1, Math.floor((to - from - minutes * MINUTE) / TEN_MINUTES) + 1);
    const start = day + from + rnd.int(0, slots - 1) * TEN_MINUTES;
    return { kind, start, end: start + minutes * MINUTE };
  };
  switch (scenario) {
    case 'exceedance': {
      if (limited.length === 0) return [];
      const w = place('exceedance', rnd.int(6, 24) * 10);
      return [{ ...w, code: rnd.pick(limited) }];
    }
    case 'gaps':
      return Array.from({ length: rnd.int(1, 2) }, () => place('gap', rnd.int(6, 36) * 10));
    case 'disconnect':
      return Array.from({ length: rnd.int(1, 3) }, () => place('disconnect', rnd.int(1, 12) * 10));
    case 'calibration': {
      const windows = [place('calibration', 30, 1 * HOUR, 5 * HOUR)];
      // Maintenance on one day of every seven, the unit's own weekday.
      if ((dayIndex + (stream % 7)) % 7 === 0)
        windows.push(place('maintenance', rnd.int(12, 24) * 10, 9 * HOUR, 17 * HOUR));
      return windows;
    }
    default:
      return [];
  }
}
