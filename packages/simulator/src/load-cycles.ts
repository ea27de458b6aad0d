// Daily operating cycles: the plant's load (or wastewater inflow) by local hour, 1 = full load.
// Values between hours are interpolated linearly.

export type LoadCycle = readonly number[];

/** Kilns, furnaces, sinter strands, continuous process plants: full load around the clock. */
export const CONTINUOUS: LoadCycle = Array.from({ length: 24 }, () => 1);

/** A grid-dispatched power unit: night valley, morning ramp, evening peak. */
export const POWER_DEMAND: LoadCycle = [
  0.68, 0.65, 0.63, 0.62, 0.63, 0.67, 0.75, 0.85, 0.93, 0.97, 1, 0.98, 0.92, 0.93, 0.96, 0.97, 0.97, 0.99, 1,
  1, 0.97, 0.9, 0.8, 0.72,
];

/** An industrial boiler feeding a day shift: banked at night. */
export const DAY_SHIFT: LoadCycle = [
  0.55, 0.55, 0.55, 0.55, 0.55, 0.6, 0.72, 0.9, 1, 1, 1, 1, 0.95, 1, 1, 1, 1, 0.95, 0.88, 0.8, 0.72, 0.65,
  0.6, 0.57,
];

/** Two production shifts (dyeing): quiet from midnight to early morning. */
export const TWO_SHIFTS: LoadCycle = [
  0.5, 0.45, 0.42, 0.42, 0.42, 0.45, 0.6, 0.85, 1, 1, 1, 1, 0.95, 1, 1, 1, 1, 1, 1, 1, 0.95, 0.9, 0.75, 0.58,
];

/** Municipal sewage inflow: night minimum, morning and evening peaks. */
export const SEWAGE_INFLOW: LoadCycle = [
  0.78, 0.7, 0.64, 0.6, 0.6, 0.65, 0.78, 0.95, 1.08, 1.12, 1.1, 1.05, 1, 0.97, 0.95, 0.95, 0.98, 1.02, 1.08,
  1.12, 1.1, 1.02, 0.93, 0.85,
];

/** The cycle's value at a local hour of day (0 ≤ h < 24). */
export function cycleAt(cycle: LoadCycle, hourOfDay: number): number {
  const i = Math.floor(hourOfDay) % 24;
  const a = cycle[i] ?? 1;
  const b = cycle[(i + 1) % 24] ?? 1;
  return a + (b - a) * (hourOfDay - Math.floor(hourOfDay));
}
