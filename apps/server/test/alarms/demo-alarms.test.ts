import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedAlarmHistory } from '../../src/demo/seed-alarm-history';
import type { Db } from '../../src/platform/db/database';
import { buildTestApp, type TestApp } from '../support/test-app';
import { DB_KIND } from '../support/test-database';

const HOUR = 3_600_000;

/** (monitor, started_at, state, escalated) of every exceedance sheet, in a stable order. */
async function sheets(db: Db) {
  const rows = await db
    .selectFrom('alarm')
    .innerJoin('alarm_sheet', 'alarm_sheet.alarm_id', 'alarm.id')
    .select([
      'alarm.monitor_id',
      'alarm.started_at',
      'alarm.pollutant',
      'alarm_sheet.state',
      'alarm_sheet.dispatched_at',
      'alarm_sheet.supervision_number',
      'alarm_sheet.conclusion',
      'alarm_sheet.device_suspected',
    ])
    .where('alarm.kind', '=', 'exceedance')
    .orderBy('alarm.monitor_id')
    .orderBy('alarm.started_at')
    .execute();
  return rows.map((r) => ({
    ...r,
    started_at: new Date(r.started_at).toISOString(),
    dispatched_at: new Date(r.dispatched_at).toISOString(),
  }));
}

describe(`demo alarm history: exceedance sheets in every state (${DB_KIND})`, () => {
  let a: TestApp;
  let b: TestApp;
  let seconds = 0;

  beforeAll(async () => {
    a = await buildTestApp();
    b = await buildTestApp();
    const started = Date.now();
    await seedAlarmHistory(a.database.db, a.clock.now());
    seconds = (Date.now() - started) / 1000;
    await seedAlarmHistory(b.database.db, b.clock.now());
  }, 120_000);
  afterAll(async () => {
    await a.close();
    await b.close();
  });

  it('leaves sheets in every state, dispatched in the past, one escalated to a supervision notice', async () => {
    const rows = await sheets(a.database.db);
    expect(rows.length).toBe(8);
    expect(new Set(rows.map((r) => r.state))).toEqual(
      new Set(['dispatched', 'signed', 'explained', 'operator_verified', 'concluded', 'closed']),
    );
    const count = (state: string) => rows.filter((r) => r.state === state).length;
    expect([count('dispatched'), count('concluded'), count('closed')]).toEqual([2, 2, 1]);
    expect(
      rows
        .filter((r) => r.state === 'concluded')
        .map((r) => r.conclusion)
        .sort(),
    ).toEqual(['confirmed_exceedance', 'false_alarm']);
    expect(rows.find((r) => r.state === 'operator_verified')?.device_suspected).toBe(true);
    const escalated = rows.filter((r) => r.supervision_number !== null);
    expect(escalated.length).toBe(1);
    expect(escalated[0]!.state).toBe('dispatched');
    expect(escalated[0]!.supervision_number).toMatch(/^DB-\d{6}-\d{8}-\d{4}$/);
    const now = a.clock.now().getTime();
    for (const r of rows) {
      expect(new Date(r.dispatched_at).getTime()).toBeLessThan(now);
      // Backfilled data stay clear of the simulator's last 6 hours, within the last 3 days.
      expect(new Date(r.started_at).getTime()).toBeLessThan(now - 8 * HOUR);
      expect(new Date(r.started_at).getTime()).toBeGreaterThan(now - 72 * HOUR);
    }
    // Eight monitors in several districts; ent-1's enterprise is left to the other alarm tests.
    expect(new Set(rows.map((r) => r.monitor_id)).size).toBe(8);
    const ent1 = await a.database.db
      .selectFrom('app_user')
      .innerJoin('outlet', 'outlet.enterprise_id', 'app_user.enterprise_id')
      .innerJoin('monitor', 'monitor.outlet_id', 'outlet.id')
      .select('monitor.id')
      .where('app_user.username', '=', 'ent-1')
      .execute();
    expect(rows.some((r) => ent1.some((m) => m.id === r.monitor_id))).toBe(false);
    const steps = await a.database.db.selectFrom('alarm_sheet_step').select(['action', 'at']).execute();
    expect(new Set(steps.map((s) => s.action))).toEqual(
      new Set(['dispatch', 'sign', 'explain', 'verify_device', 'conclude', 'close', 'escalate']),
    );
    for (const s of steps) expect(new Date(s.at).getTime()).toBeLessThan(now);
  });

  it('shows the sheets to the city through the API', async () => {
    const city = await a.as('city');
    const list = (await city('GET', '/alarms?kind=exceedance')).json();
    expect(list.total).toBe(8);
    const escalated = (await city('GET', '/alarms?state=escalated')).json();
    expect(escalated.total).toBe(1);
  });

  it('is deterministic: two fresh databases get the same history', async () => {
    expect(await sheets(b.database.db)).toEqual(await sheets(a.database.db));
    console.log(`seedAlarmHistory on ${DB_KIND}: ${seconds.toFixed(2)} s`);
  });
});
