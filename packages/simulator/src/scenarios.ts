// What can go on at a site. Each scenario has a signature the platform's rules should see.

export const SCENARIOS = {
  normal: '正常: typical levels with daily cycle and noise, all flags N',
  exceedance: '超标: one episode a day of 1-4 hours with one limited pollutant 5-45 % above its limit',
  constant: '恒值: limited pollutants stuck at one value (Avg = Min = Max, repeated)',
  zeros: '零值: limited pollutants report 0',
  drift:
    '漂移: limited pollutants drift 5-15 % a day up or down, reset by a weekly calibration (7-day sawtooth)',
  gaps: '缺数: 1-2 periods a day of 1-6 hours with no data at all (not stored, never sent)',
  disconnect:
    '断线: 1-3 times a day the unit drops TCP for 10 minutes to 2 hours and re-sends after reconnecting',
  calibration:
    '校准/维护: daily 30-minute zero/span calibration (flag C); weekly 2-4 hours of maintenance (flag M)',
  clipped: '削峰: limited pollutants sit at 95-99 % of the limit with collapsed variability',
} as const;

export type ScenarioName = keyof typeof SCENARIOS;

export const SCENARIO_NAMES = Object.keys(SCENARIOS) as ScenarioName[];

export function isScenario(name: string): name is ScenarioName {
  return Object.hasOwn(SCENARIOS, name);
}
