import { runAggregation } from '../../src/monitoring/aggregation/run-aggregation';
import type { TestApp } from '../support/test-app';
import { at, ingest, minutesOf, type Packet, prepareStation, type Station, so2 } from './monitoring-fixtures';

/**
 * Four monitors with data, the test clock at 2026-11-23 10:00 Shanghai ("today" = the 23rd):
 * - `a` ent-1's air unit (赫山区 430903): today 00-08 six valid minutes each, 09 only four
 *   (invalid) → today expected 10, received 10, valid 9; last packet 09:31 → online.
 * - `b` ent-2's air unit (430903): today 00-04 valid → expected 10, received 5, valid 5; offline.
 * - `w` ent-2's water unit (430903): valid CN 2061 hours from 2026-11-19 16:00 to today 09:00,
 *   90 hours → this month expected 90, all valid; today 10/10/10; last packet 09:01 → offline.
 * - `c` an air unit in a 43092x county (not 赫山区): today 00-09 valid; last packet 09:51 → online.
 */
export interface Scenario {
  a: Station;
  b: Station;
  w: Station;
  c: Station;
}

const TODAY = 23;
const AIR = { kind: 'air' as const, pollutants: ['a21026', 'a19001'], referenceO2: 9 };
const hoursToday = (n: number, per = 6) =>
  Array.from({ length: n }, (_, h) => minutesOf(at(h, 0, TODAY), per, (i) => so2(50 + h + i, 11))).flat();

export async function buildScenario(t: TestApp): Promise<Scenario> {
  const db = t.database.db;
  const a = await prepareStation(db, { ...AIR, regionPrefix: '430903', nth: 0 });
  const b = await prepareStation(db, { ...AIR, regionPrefix: '430903', nth: 1 });
  const w = await prepareStation(db, {
    kind: 'water',
    pollutants: ['w01018', 'w00000'],
    referenceO2: null,
    regionPrefix: '430903',
    nth: 0,
  });
  const c = await prepareStation(db, { ...AIR, regionPrefix: '43092', nth: 0 });

  await ingest(db, a, [...hoursToday(9), ...minutesOf(at(9, 0, TODAY), 4, (i) => so2(60 + i, 11))]);
  await ingest(db, b, hoursToday(5));
  const start = at(16, 0, 19).getTime();
  const water: Packet[] = Array.from({ length: 90 }, (_, k) => ({
    kind: 'hour',
    time: new Date(start + k * 3_600_000),
    values: { w01018: { Avg: 30, Flag: 'N' }, w00000: { Avg: 2, Flag: 'N' } },
  }));
  await ingest(db, w, water);
  await ingest(db, c, hoursToday(10));
  await runAggregation(db, { now: t.clock.now(), limit: 10_000 });
  return { a, b, w, c };
}
