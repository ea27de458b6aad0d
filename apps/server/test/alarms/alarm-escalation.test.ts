import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LimitSource } from '../../src/alarms/engine/limit-source';
import { buildTestApp, type TestApp } from '../support/test-app';
import { DB_KIND } from '../support/test-database';
import { alarmFixtures, at, processAlarms, sendHour } from './alarm-fixtures';

const HOUR = 3_600_000;

describe(`alarm sheets: 24-hour escalation, filings, frozen verdicts (${DB_KIND})`, () => {
  let t: TestApp;
  let fx: Awaited<ReturnType<typeof alarmFixtures>>;
  const limits = new LimitSource(0); // no caching: each pass reads the standards as they are

  beforeAll(async () => {
    t = await buildTestApp();
    fx = await alarmFixtures(t);
  });
  afterAll(() => t.close());

  const sheetOf = async (alarmId: number) =>
    t.database.db.selectFrom('alarm_sheet').selectAll().where('alarm_id', '=', alarmId).executeTakeFirst();
  const alarmAt = async (start: Date) =>
    t.database.db
      .selectFrom('alarm')
      .selectAll()
      .where('monitor_id', '=', fx.station.monitorId)
      .where('started_at', '=', start)
      .executeTakeFirstOrThrow();

  it('escalates an unanswered sheet to a supervision notice at exactly 24 hours, once', async () => {
    await sendHour(t, fx.station, at(10), 600);
    const dispatchedAt = t.clock.now();
    await processAlarms(t, limits);
    const alarm = await alarmAt(at(10));
    expect((await sheetOf(alarm.id))?.state).toBe('dispatched');

    t.clock.advance(24 * HOUR - 1);
    expect((await processAlarms(t, limits)).escalated).toBe(0);
    expect((await sheetOf(alarm.id))?.escalated_at).toBeNull();

    t.clock.advance(1);
    const pass = await processAlarms(t, limits);
    expect(pass.escalated).toBe(1);
    const sheet = (await sheetOf(alarm.id))!;
    expect(new Date(sheet.escalated_at!).getTime()).toBe(dispatchedAt.getTime() + 24 * HOUR);
    expect(sheet.supervision_number).toBe(`DB-${fx.districtCode}-20261124-0001`);
    expect(sheet.state).toBe('dispatched');
    const cityInbox = (await (await t.as('city'))('GET', '/inbox')).json();
    expect(cityInbox.items[0]).toMatchObject({ kind: 'supervision', alarmId: alarm.id });
    expect(cityInbox.items[0].title).toContain(sheet.supervision_number);
    const overdue = (await (await t.as(fx.ownDistrict))('GET', '/alarms?state=escalated')).json();
    expect(overdue.items.map((a: { id: number }) => a.id)).toEqual([alarm.id]);
    expect(overdue.items[0].sheet.outcome).toBe('overdue');

    t.clock.advance(HOUR);
    expect((await processAlarms(t, limits)).escalated).toBe(0);
    const steps = await t.database.db
      .selectFrom('alarm_sheet_step')
      .select('action')
      .where('sheet_id', '=', sheet.id)
      .orderBy('id')
      .execute();
    expect(steps.map((s) => s.action)).toEqual(['dispatch', 'escalate']);
  });

  it('annotates, and does not dispatch, an exceedance inside an approved calibration filing', async () => {
    const db = t.database.db;
    // Filed in advance and approved (the filing workflow itself is tested in ../filings).
    const { id: filingId } = await db
      .insertInto('filing')
      .values({
        enterprise_id: fx.enterpriseId,
        outlet_id: fx.station.outletId,
        kind: 'calibration',
        starts_at: at(15, 0, 21),
        ends_at: at(17, 0, 21),
        reason: '比对校准',
        status: 'approved',
        created_at: at(9, 0, 20),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await sendHour(t, fx.station, at(15, 0, 21), 800);
    await sendHour(t, fx.station, at(18, 0, 21), 800); // after the window: dispatched
    await processAlarms(t, limits);
    const inside = await alarmAt(at(15, 0, 21));
    expect(inside.filing_id).toBe(filingId);
    expect(await sheetOf(inside.id)).toBeUndefined();
    const outside = await alarmAt(at(18, 0, 21));
    expect(outside.filing_id).toBeNull();
    expect((await sheetOf(outside.id))?.state).toBe('dispatched');
    const filed = (await (await t.as(fx.ownDistrict))('GET', '/alarms?state=filed')).json();
    expect(filed.items.map((a: { id: number }) => a.id)).toEqual([inside.id]);
    expect(filed.items[0].sheet).toBeNull();
  });

  it('keeps a stored verdict when the standard changes afterwards; new verdicts use the new value', async () => {
    const db = t.database.db;
    const before = await alarmAt(at(10));
    const row = await db
      .selectFrom('standard_limit')
      .select(['id', 'value_max'])
      .where('standard_code', '=', 'GB 13271-2014')
      .where('pollutant', '=', 'a21026')
      .where('category', '=', 'industrial-coal-boiler')
      .where('special', 'is', null)
      .executeTakeFirstOrThrow();
    expect(row.value_max).toBe(300);
    await db.updateTable('standard_limit').set({ value_max: 250 }).where('id', '=', row.id).execute();
    await sendHour(t, fx.station, at(20, 0, 21), 280); // exceeds 250, not 300
    await processAlarms(t, limits);

    const after = await alarmAt(at(10));
    expect(after.limit_snapshot).toEqual(before.limit_snapshot);
    expect(after.verdict).toBe(before.verdict);
    expect((after.limit_snapshot as { value: { max: number } }).value.max).toBe(300);
    const fresh = await alarmAt(at(20, 0, 21));
    expect((fresh.limit_snapshot as { value: { max: number } }).value.max).toBe(250);
    expect(fresh.verdict).toContain('250');
  });
});
