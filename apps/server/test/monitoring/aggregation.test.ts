import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAggregator } from '../../src/monitoring/aggregation/aggregator';
import { runAggregation } from '../../src/monitoring/aggregation/run-aggregation';
import type { Db } from '../../src/platform/db/database';
import { buildTestApp, type TestApp } from '../support/test-app';
import { DB_KIND } from '../support/test-database';
import { at, ingest, minutesOf, type Packet, prepareStation, type Station, so2 } from './monitoring-fixtures';

const NOW = new Date('2026-11-23T02:00:00Z'); // 10:00 Shanghai, days after the data
const AIR = { kind: 'air' as const, pollutants: ['a21026', 'a19001'], referenceO2: 9 };

const hourly = (db: Db, monitorId: number, pollutant: string, hour: Date) =>
  db
    .selectFrom('hourly_value')
    .selectAll()
    .where('monitor_id', '=', monitorId)
    .where('pollutant', '=', pollutant)
    .where('hour', '=', hour)
    .executeTakeFirstOrThrow();
const daily = (db: Db, monitorId: number, pollutant: string, day: string) =>
  db
    .selectFrom('daily_value')
    .selectAll()
    .where('monitor_id', '=', monitorId)
    .where('pollutant', '=', pollutant)
    .where('day', '=', day)
    .executeTakeFirstOrThrow();

/** Valid hourly averages, daily values and day rates from the records the gateway stored. */
describe(`monitoring aggregation (${DB_KIND})`, () => {
  let t: TestApp;
  let db: Db;
  let nth = 0;
  const station = (rules: Parameters<typeof prepareStation>[1] = AIR) =>
    prepareStation(db, { ...rules, nth: nth++ });
  const aggregate = () => runAggregation(db, { now: NOW });

  beforeAll(async () => {
    t = await buildTestApp();
    db = t.database.db;
  });
  afterAll(() => t.close());

  it('six 10-minute records make a valid hour: mean, extremes, O2-corrected value', async () => {
    const s = await station();
    await ingest(
      db,
      s,
      minutesOf(at(10), 6, (i) => so2(10 * (i + 1), 12)),
    );
    const run = await aggregate();
    expect(run).toMatchObject({ tasks: 1, hours: 1, days: 1 });
    const h = await hourly(db, s.monitorId, 'a21026', at(10));
    expect(h).toMatchObject({
      avg: 35, // (10+20+…+60)/6
      min: 9, // the minutes' own Min
      max: 61,
      valid: true,
      invalid_reason: null,
      received_count: 6,
      valid_count: 6,
      expected_count: 6,
      source: 'minutes',
      flag: 'N',
      disagrees: false,
    });
    expect(h.zs_avg).toBeCloseTo((35 * (21 - 9)) / (21 - 12), 9);
    expect((await hourly(db, s.monitorId, 'a19001', at(10))).zs_avg).toBeNull(); // O2 is not corrected
    const tasks = await db.selectFrom('aggregation_task').selectAll().execute();
    expect(tasks).toEqual([]);
  });

  it('four 10-minute records (40 min < 45) leave the hour invalid: TOO_FEW_VALID', async () => {
    const s = await station();
    await ingest(
      db,
      s,
      minutesOf(at(10), 4, (i) => so2(10 * (i + 1), 12)),
    );
    await aggregate();
    expect(await hourly(db, s.monitorId, 'a21026', at(10))).toMatchObject({
      valid: false,
      invalid_reason: 'TOO_FEW_VALID',
      received_count: 4,
      valid_count: 4,
      expected_count: 6,
      avg: 25, // shown, not valid
    });
  });

  it('records flagged M, C and D do not count and do not enter the mean', async () => {
    const s = await station();
    const flags = ['N', 'M', 'C', 'D', 'N', 'N'];
    await ingest(db, s, [
      ...minutesOf(at(10), 6, (i) => so2(flags[i] === 'N' ? 10 * (i + 1) : 1000, 12, flags[i])),
      ...minutesOf(at(11), 6, (i) => so2(i < 5 ? 10 * (i + 1) : 1000, 12, i < 5 ? 'N' : 'M')),
    ]);
    await aggregate();
    expect(await hourly(db, s.monitorId, 'a21026', at(10))).toMatchObject({
      valid: false,
      invalid_reason: 'TOO_FEW_VALID',
      received_count: 6,
      valid_count: 3,
      avg: (10 + 50 + 60) / 3,
    });
    expect(await hourly(db, s.monitorId, 'a21026', at(11))).toMatchObject({
      valid: true,
      valid_count: 5,
      avg: 30, // (10+20+30+40+50)/5, the M record's 1000 left out
    });
  });

  it('corrects SO2 to the reference O2: 100 mg/m³ at 12 % → 100×(21−9)/(21−12) = 133.3', async () => {
    const s = await station();
    await ingest(
      db,
      s,
      minutesOf(at(10), 6, () => so2(100, 12)),
    );
    await aggregate();
    const h = await hourly(db, s.monitorId, 'a21026', at(10));
    expect(h.avg).toBe(100);
    expect(h.zs_avg).toBeCloseTo(133.333, 3);
  });

  it('a day is valid with 20 valid hours and invalid with 19; the day rate counts hours', async () => {
    const s = await station();
    const hours = (day: number, n: number) =>
      Array.from({ length: n }, (_, h) => minutesOf(at(h, 0, day), 6, () => so2(h + 1, 12))).flat();
    await ingest(db, s, [...hours(18, 20), ...hours(19, 19)]);
    const run = await aggregate();
    expect(run).toMatchObject({ tasks: 39, hours: 39, days: 2 });
    expect(await daily(db, s.monitorId, 'a21026', '2026-11-18')).toMatchObject({
      valid: true,
      valid_hours: 20,
      received_hours: 20,
      avg: 10.5, // mean of 1…20
      min: 1,
      max: 20,
      invalid_reason: null,
    });
    expect(await daily(db, s.monitorId, 'a21026', '2026-11-19')).toMatchObject({
      valid: false,
      valid_hours: 19,
      invalid_reason: 'TOO_FEW_VALID',
    });
    const rates = await db
      .selectFrom('monitor_day_rate')
      .selectAll()
      .where('monitor_id', '=', s.monitorId)
      .orderBy('day')
      .execute();
    expect(rates.map((r) => [r.day, r.expected, r.received, r.valid, r.online_hours])).toEqual([
      ['2026-11-18', 24, 20, 20, 20], // first data at 00:00, a past day: 24 expected
      ['2026-11-19', 24, 19, 19, 19],
    ]);
    expect(rates[0]!.received_mask).toBe(2 ** 20 - 1);
    const span = await db
      .selectFrom('monitor_data_span')
      .selectAll()
      .where('monitor_id', '=', s.monitorId)
      .executeTakeFirstOrThrow();
    expect(new Date(span.first_data_at)).toEqual(at(0, 0, 18));
    expect(new Date(span.last_data_at)).toEqual(at(18, 50, 19));
  });

  it('gives the same values whatever order the records arrive in', async () => {
    const a = await station();
    const b = await station();
    const unitHour = (h: number, avg: number): Packet => ({
      kind: 'hour',
      time: at(h, 0, 21),
      values: { a21026: { Avg: avg, Flag: 'N' }, a19001: { Avg: 12, Flag: 'N' } },
    });
    const h8 = minutesOf(at(8, 0, 21), 6, (i) => so2(20 + i, 11));
    // 09:00, 09:20, 09:40: 30 minutes of a 10-minute unit. Alone they look like a 20-minute unit.
    const h9 = minutesOf(at(9, 0, 21), 6, (i) => so2(30 + i, 11)).filter((_, i) => i % 2 === 0);
    const h10 = minutesOf(at(10, 0, 21), 6, (i) => so2(40 + i, 11, i === 3 ? 'D' : 'N'));
    const h12 = minutesOf(at(12, 0, 21), 6, (i) => so2(50 + i, 11));
    const all = [...h8, ...h9, ...h10, unitHour(11, 42), ...h12, unitHour(12, 70)];

    await ingest(db, a, all);
    await aggregate();

    for (const batch of [h9, [unitHour(12, 70)], [...h12].reverse(), [unitHour(11, 42), ...h10], h8]) {
      await ingest(db, b, batch);
      await aggregate();
    }
    await ingest(db, b, h8.slice(0, 2)); // re-sent: duplicates change nothing
    await aggregate();

    const snapshot = async (monitorId: number) => ({
      hourly: (
        await db
          .selectFrom('hourly_value')
          .selectAll()
          .where('monitor_id', '=', monitorId)
          .orderBy('hour')
          .orderBy('pollutant')
          .execute()
      ).map(({ monitor_id: _m, computed_at: _c, ...r }) => r),
      daily: (
        await db.selectFrom('daily_value').selectAll().where('monitor_id', '=', monitorId).execute()
      ).map(({ monitor_id: _m, computed_at: _c, ...r }) => r),
      rate: (
        await db.selectFrom('monitor_day_rate').selectAll().where('monitor_id', '=', monitorId).execute()
      ).map(({ monitor_id: _m, computed_at: _c, ...r }) => r),
    });
    const sa = await snapshot(a.monitorId);
    expect(await snapshot(b.monitorId)).toEqual(sa);
    const h9so2 = sa.hourly.find(
      (r) => r.pollutant === 'a21026' && r.hour.getTime() === at(9, 0, 21).getTime(),
    );
    expect(h9so2).toMatchObject({ valid: false, expected_count: 6, received_count: 3 });
    const h11so2 = sa.hourly.find(
      (r) => r.pollutant === 'a21026' && r.hour.getTime() === at(11, 0, 21).getTime(),
    );
    expect(h11so2).toMatchObject({ source: 'unit', avg: 42, valid: true });
    expect(sa.rate[0]).toMatchObject({ received: 5, valid: 4 }); // 8, 10 (5 of 6 valid), 11 (unit), 12 valid; 9 not
  });

  it('keeps the unit’s hourly value and ZsAvg and flags a disagreement', async () => {
    const s = await station();
    const unit = (h: number, avg: number, zs: number): Packet => ({
      kind: 'hour',
      time: at(h),
      values: { a21026: { Avg: avg, ZsAvg: zs, Flag: 'N' }, a19001: { Avg: 12, Flag: 'N' } },
    });
    const ours = (35 * 12) / 9; // 46.667
    await ingest(db, s, [
      ...[14, 15, 16].flatMap((h) => minutesOf(at(h), 6, (i) => so2(10 * (i + 1), 12))),
      unit(14, 50, ours), // Avg 50 against our 35: beyond max(0.5, 5 %)
      unit(15, 35.2, 46.7), // within rounding
      unit(16, 35, 80), // Avg agrees, ZsAvg does not
    ]);
    await aggregate();
    expect(await hourly(db, s.monitorId, 'a21026', at(14))).toMatchObject({
      unit_avg: 50,
      avg: 35,
      disagrees: true,
      source: 'minutes',
    });
    expect(await hourly(db, s.monitorId, 'a21026', at(15))).toMatchObject({
      unit_avg: 35.2,
      unit_zs_avg: 46.7,
      disagrees: false,
    });
    expect(await hourly(db, s.monitorId, 'a21026', at(16))).toMatchObject({
      unit_zs_avg: 80,
      disagrees: true,
    });
  });

  it('uses the unit’s CN 2061 value when it sent no minutes, with flag validity', async () => {
    const s = await station();
    const unit = (h: number, flag: string): Packet => ({
      kind: 'hour',
      time: at(h),
      values: { a21026: { Avg: 40, Min: 30, Max: 50, Flag: flag }, a19001: { Avg: 12, Flag: 'N' } },
    });
    await ingest(db, s, [unit(18, 'N'), unit(19, 'D')]);
    await aggregate();
    const good = await hourly(db, s.monitorId, 'a21026', at(18));
    expect(good).toMatchObject({ source: 'unit', valid: true, avg: 40, min: 30, max: 50, expected_count: 1 });
    expect(good.zs_avg).toBeCloseTo(53.333, 3);
    expect(await hourly(db, s.monitorId, 'a21026', at(19))).toMatchObject({
      source: 'unit',
      valid: false,
      invalid_reason: 'INVALID_FLAG',
      flag: 'D',
    });
  });

  it('emission amounts: the unit’s Cou when sent, else concentration × flow volume', async () => {
    const s = await station({ kind: 'air', pollutants: ['a21026', 'a00000'], referenceO2: null });
    await ingest(db, s, [
      ...minutesOf(at(10), 6, () => ({ a21026: { Avg: 100, Flag: 'N' }, a00000: { Avg: 10, Flag: 'N' } })),
      ...minutesOf(at(11), 6, () => ({
        a21026: { Avg: 100, Cou: 0.5, Flag: 'N' },
        a00000: { Avg: 10, Flag: 'N' },
      })),
    ]);
    await aggregate();
    // 100 mg/m³ × (10 m³/s × 3600 s) = 3.6e6 mg = 3.6 kg
    expect((await hourly(db, s.monitorId, 'a21026', at(10))).cou).toBeCloseTo(3.6, 9);
    expect((await hourly(db, s.monitorId, 'a00000', at(10))).cou).toBeCloseTo(36_000, 6);
    expect((await hourly(db, s.monitorId, 'a21026', at(11))).cou).toBeCloseTo(3, 9); // 6 × 0.5 kg
    expect((await daily(db, s.monitorId, 'a21026', '2026-11-20')).cou).toBeCloseTo(6.6, 9);
  });

  it('water: the daily concentration is flow-weighted and needs 18 valid hours', async () => {
    const s = await station({ kind: 'water', pollutants: ['w01018', 'w00000'], referenceO2: null });
    const hour = (h: number): Packet => ({
      kind: 'hour',
      time: at(h),
      values: { w01018: { Avg: h < 9 ? 10 : 20, Flag: 'N' }, w00000: { Avg: h < 9 ? 1 : 3, Flag: 'N' } },
    });
    await ingest(
      db,
      s,
      Array.from({ length: 18 }, (_, h) => hour(h)),
    );
    await aggregate();
    const cod = await daily(db, s.monitorId, 'w01018', '2026-11-20');
    // Σ(c·q)/Σq = (10×9×3.6 + 20×9×10.8) / (9×3.6 + 9×10.8) = 17.5 (the arithmetic mean would be 15)
    expect(cod.avg).toBeCloseTo(17.5, 9);
    expect(cod).toMatchObject({ valid: true, valid_hours: 18 });
    expect(await daily(db, s.monitorId, 'w00000', '2026-11-20')).toMatchObject({ avg: 2, valid: true });
    // 10 mg/L × 3.6 m³ = 36 g
    expect((await hourly(db, s.monitorId, 'w01018', at(0))).cou).toBeCloseTo(0.036, 9);
  });

  it('concurrent aggregators share the queue and lose no hour of a day', async () => {
    const s = await station();
    await ingest(
      db,
      s,
      Array.from({ length: 24 }, (_, h) => minutesOf(at(h, 0, 17), 6, () => so2(7, 12))).flat(),
    );
    // one task per transaction, four at once: on PostgreSQL they really interleave
    const runs = await Promise.all(
      Array.from({ length: 4 }, () => runAggregation(db, { now: NOW, chunk: 1 })),
    );
    expect(runs.reduce((n, r) => n + r.tasks, 0)).toBe(24);
    expect(await daily(db, s.monitorId, 'a21026', '2026-11-17')).toMatchObject({
      valid: true,
      valid_hours: 24,
      received_hours: 24,
    });
    const rate = await db
      .selectFrom('monitor_day_rate')
      .selectAll()
      .where('monitor_id', '=', s.monitorId)
      .executeTakeFirstOrThrow();
    expect(rate).toMatchObject({ received: 24, valid: 24, received_mask: 2 ** 24 - 1 });
  });

  it('takes at most `limit` tasks per run and leaves the rest queued', async () => {
    const s = await station();
    await ingest(
      db,
      s,
      [10, 11, 12].flatMap((h) => minutesOf(at(h, 0, 22), 6, () => so2(5, 12))),
    );
    expect(await runAggregation(db, { now: NOW, limit: 2 })).toMatchObject({ tasks: 2 });
    const left = await db.selectFrom('aggregation_task').selectAll().execute();
    expect(left).toHaveLength(1);
    expect(await runAggregation(db, { now: NOW, limit: 2 })).toMatchObject({ tasks: 1 });
  });

  it('runs in the background and stops cleanly', async () => {
    const s: Station = await station();
    const aggregator = startAggregator(db, { intervalMs: 20, clock: { now: () => NOW } });
    await ingest(
      db,
      s,
      minutesOf(at(7, 0, 22), 6, () => so2(8, 12)),
    );
    const deadline = Date.now() + 20_000;
    let row: { valid: boolean } | undefined;
    while (!row && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
      row = await db
        .selectFrom('hourly_value')
        .select('valid')
        .where('monitor_id', '=', s.monitorId)
        .where('pollutant', '=', 'a21026')
        .executeTakeFirst();
    }
    await aggregator.stop();
    expect(row).toEqual({ valid: true });
  });
});
