// Units and times shared by the tests.
import type { SimUnit } from '../src/index.js';

export const AIR_UNIT: SimUnit = {
  mn: '010000A8900016F000169DC0',
  pw: '123456',
  st: '31',
  profile: 'coal-boiler',
};
export const WATER_UNIT: SimUnit = {
  mn: '010000A8900016F000169DC1',
  pw: '123456',
  st: '32',
  profile: 'wastewater-plant',
};

/** 2025-06-02 00:00 Asia/Shanghai, a Monday. */
export const DAY0 = Date.parse('2025-06-02T00:00:00+08:00');
export const MIN = 60_000;
export const HOUR = 3_600_000;
export const DAY = 86_400_000;

export function unitFor(profile: string, i = 0): SimUnit {
  const water = ['wastewater-plant', 'paper-mill', 'dyeing-plant', 'chemical', 'water'].includes(profile);
  return {
    mn: `MN${profile.replace(/-/g, '').padEnd(16, '0')}${String(i).padStart(6, '0')}`,
    pw: '123456',
    st: water ? '32' : '31',
    profile,
  };
}
