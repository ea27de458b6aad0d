/**
 * The time (ms) an axis tooltip of a time-axis chart points at: ECharts hands the formatter one
 * param or a list, with the time as `axisValue` or as the first item of `value`.
 */
export function axisTimeOf(params: unknown): number {
  const list = (Array.isArray(params) ? params : [params]) as { axisValue?: number; value?: unknown }[];
  const first = list[0];
  if (typeof first?.axisValue === 'number') return first.axisValue;
  return Array.isArray(first?.value) ? Number(first.value[0]) : Number.NaN;
}
