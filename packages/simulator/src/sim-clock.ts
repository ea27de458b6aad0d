// Simulated time: starts at `start` and runs `speed` times faster than the wall clock.

export interface SimClock {
  /** Simulated epoch ms now. */
  now(): number;
  /** Wall-clock ms until simulated time `t` (0 if past). */
  wallDelayUntil(t: number): number;
}

export function createSimClock(start: number, speed: number, wallNow: () => number = Date.now): SimClock {
  if (!(speed > 0) || !Number.isFinite(speed))
    throw new RangeError(`speed must be a positive finite number: ${speed}`);
  const wallStart = wallNow();
  return {
    now: () => start + (wallNow() - wallStart) * speed,
    wallDelayUntil: (t) => Math.max(0, (t - start) / speed - (wallNow() - wallStart)),
  };
}
