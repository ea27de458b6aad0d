import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AlarmPass, startAlarmEngine } from '../../src/alarms/engine/alarm-engine';
import type { InboxEvent } from '../../src/alarms/inbox/inbox-bus';
import { LogChannel } from '../../src/alarms/inbox/outbound';
import { runAggregation } from '../../src/monitoring/aggregation/run-aggregation';
import { buildTestApp, type TestApp } from '../support/test-app';
import { DB_KIND } from '../support/test-database';
import { alarmFixtures, at, sendHour } from './alarm-fixtures';

describe(`the alarm engine as a background loop (${DB_KIND})`, () => {
  let t: TestApp;
  let fx: Awaited<ReturnType<typeof alarmFixtures>>;
  beforeAll(async () => {
    t = await buildTestApp();
    fx = await alarmFixtures(t);
  });
  afterAll(() => t.close());

  it('on a kick judges the new hours, pushes the inbox events after commit and logs an SMS per recipient with a phone', async () => {
    const lines: string[] = [];
    const outbound = new LogChannel((l) => lines.push(l));
    const passes: AlarmPass[] = [];
    const pushed: InboxEvent[] = [];
    const districtUser = await t.database.db
      .selectFrom('app_user')
      .select('id')
      .where('username', '=', fx.ownDistrict)
      .executeTakeFirstOrThrow();
    // SMS go to recipients with a phone number on record.
    await t.database.db
      .updateTable('app_user')
      .set({ phone: '13800000001' })
      .where('id', '=', districtUser.id)
      .execute();
    const unsubscribe = t.inbox.subscribe(districtUser.id, (e) => pushed.push(e));
    const engine = startAlarmEngine(t.database.db, {
      intervalMs: 60_000,
      firstSweepAfterMs: 60 * 60_000,
      clock: t.clock,
      inbox: t.inbox,
      outbound,
      onPass: (p) => passes.push(p),
    });
    try {
      await new Promise((r) => setTimeout(r, 300)); // the first (empty) pass
      await sendHour(t, fx.station, at(10), 900);
      await runAggregation(t.database.db, { now: t.clock.now() });
      engine.kick();
      const deadline = Date.now() + 10_000;
      while (!passes.some((p) => p.effects.dispatched.length) && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 50));
      const pass = passes.find((p) => p.effects.dispatched.length)!;
      expect(pass.effects.dispatched).toHaveLength(1);
      expect(pushed.map((e) => e.kind)).toEqual(['sheet_dispatched']);
      const phones = pass.effects.outbound.map((m) => m.to);
      expect(phones).toContain('13800000001');
      expect(outbound.sent.map((m) => m.to)).toEqual(phones);
      expect(lines.every((l) => l.startsWith('outbound sms to='))).toBe(true);
    } finally {
      unsubscribe();
      await engine.stop();
    }
  });
});
