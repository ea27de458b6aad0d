import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/test-app';
import { DB_KIND } from '../support/test-database';
import { alarmFixtures, at, processAlarms, sendHour } from './alarm-fixtures';

const HOUR = 3_600_000;

describe(`alarm sheets: exceedance to closed sheet, per role (${DB_KIND})`, () => {
  let t: TestApp;
  let fx: Awaited<ReturnType<typeof alarmFixtures>>;
  let alarmId: number;

  beforeAll(async () => {
    t = await buildTestApp();
    fx = await alarmFixtures(t);
    // 10:00 and 11:00 exceed (600 mg/m³ vs 300), 12:00 complies, 14:00 exceeds again.
    await sendHour(t, fx.station, at(10), 600);
    await sendHour(t, fx.station, at(11), 450);
    await sendHour(t, fx.station, at(12), 120);
    await sendHour(t, fx.station, at(14), 330);
    await processAlarms(t);
  });
  afterAll(() => t.close());

  it('merges consecutive exceeding hours into one episode with its verdict and one sheet to the district', async () => {
    const district = await t.as(fx.ownDistrict);
    const list = (await district('GET', '/alarms?kind=exceedance')).json();
    expect(list.total).toBe(2);
    const [later, first] = list.items;
    expect(first.startedAt).toBe(at(10).toISOString());
    expect(first.endedAt).toBe(at(12).toISOString());
    expect(first.peak).toBe(600);
    expect(first.mean).toBe(525);
    expect(first.maxMultiple).toBe(2);
    expect(first.districtCode).toBe(fx.districtCode);
    expect(first.sheet.state).toBe('dispatched');
    expect(first.sheet.number).toMatch(new RegExp(`^BJ-${fx.districtCode}-20261123-000[12]$`));
    expect(new Date(first.sheet.deadlineAt).getTime() - new Date(first.sheet.dispatchedAt).getTime()).toBe(
      24 * HOUR,
    );
    expect(later.startedAt).toBe(at(14).toISOString());
    alarmId = first.id;

    const detail = (await district('GET', `/alarms/${alarmId}`)).json();
    expect(detail.limit).toMatchObject({
      sourceCode: 'GB 13271-2014',
      value: { kind: 'max', max: 300 },
      referenceO2: 9,
    });
    expect(detail.verdict).toContain('GB 13271-2014');
    expect(detail.verdict).toContain('600');
    expect(detail.evidence.periods).toHaveLength(2);
    expect(detail.window.series.some((v: { pollutant: string }) => v.pollutant === 'a21026')).toBe(true);
    expect(detail.steps.map((s: { action: string }) => s.action)).toEqual(['dispatch']);
    expect(detail.actions).toEqual(['sign']);
  });

  it('tells the district and the enterprise in their inboxes', async () => {
    for (const user of [fx.ownDistrict, 'ent-1']) {
      const inbox = (await (await t.as(user))('GET', '/inbox?unread=true')).json();
      expect(inbox.unread).toBeGreaterThanOrEqual(2);
      expect(inbox.items.some((n: { alarmId: number }) => n.alarmId === alarmId)).toBe(true);
    }
    const other = (await (await t.as(fx.otherDistrict))('GET', '/inbox')).json();
    expect(other.items.some((n: { alarmId: number }) => n.alarmId === alarmId)).toBe(false);
  });

  it('refuses the roles and scopes that may not act, and stale versions', async () => {
    // A grid officer of the enterprise's own grid may read the alarm but not act on it.
    const officer = await t.database.db
      .selectFrom('enterprise')
      .innerJoin('grid', 'grid.id', 'enterprise.grid_id')
      .innerJoin('app_user', 'app_user.id', 'grid.officer_user_id')
      .select('app_user.username')
      .where('enterprise.id', '=', fx.enterpriseId)
      .executeTakeFirstOrThrow();
    const grid = await t.as(officer.username);
    expect((await grid('GET', `/alarms/${alarmId}`)).statusCode).toBe(200);
    const r0 = await grid('POST', `/alarms/${alarmId}/sheet/sign`, { version: 1 });
    expect(r0.statusCode).toBe(403);
    expect(r0.json().code).toBe('FORBIDDEN');
    const other = await t.as(fx.otherDistrict);
    const r1 = await other('POST', `/alarms/${alarmId}/sheet/sign`, { version: 1 });
    expect(r1.statusCode).toBe(403);
    expect(r1.json().code).toBe('OUT_OF_SCOPE');
    const ent = await t.as('ent-1');
    const r2 = await ent('POST', `/alarms/${alarmId}/sheet/sign`, { version: 1 });
    expect(r2.statusCode).toBe(403);
    expect(r2.json().code).toBe('FORBIDDEN');
    const expert = await t.as('expert');
    expect((await expert('GET', `/alarms/${alarmId}`)).statusCode).toBe(403);
    const district = await t.as(fx.ownDistrict);
    const r3 = await district('POST', `/alarms/${alarmId}/sheet/conclude`, {
      version: 1,
      conclusion: 'false_alarm',
      note: '未签收先结论',
    });
    expect(r3.statusCode).toBe(409);
    expect(r3.json().errors[0].code).toBe('WRONG_STATE');
    const r4 = await district('POST', `/alarms/${alarmId}/sheet/sign`, { version: 7 });
    expect(r4.statusCode).toBe(409);
    expect(r4.json().code).toBe('STALE_VERSION');
    const r5 = await ent('POST', `/alarms/${alarmId}/sheet/explain`, {
      version: 1,
      explanation: '',
      selfCorrection: 'x',
      deviceSuspected: false,
    });
    expect(r5.statusCode).toBe(422);
  });

  it('runs sign → explain (device suspected) → operator verification → conclusion → closed, each step recorded', async () => {
    t.clock.advance(HOUR);
    const district = await t.as(fx.ownDistrict);
    const ent = await t.as('ent-1');
    const op = await t.as('operator');
    const city = await t.as('city');
    let d = (await district('POST', `/alarms/${alarmId}/sheet/sign`, { version: 1, note: '已签收' })).json();
    expect(d.sheet.state).toBe('signed');
    d = (
      await ent('POST', `/alarms/${alarmId}/sheet/explain`, {
        version: d.sheet.version,
        explanation: '脱硫塔循环泵跳停',
        selfCorrection: '已更换循环泵，排放恢复正常',
        deviceSuspected: true,
      })
    ).json();
    expect(d.sheet.state).toBe('explained');
    expect(d.sheet.deviceSuspected).toBe(true);
    const early = await district('POST', `/alarms/${alarmId}/sheet/conclude`, {
      version: d.sheet.version,
      conclusion: 'device_fault',
      note: '设备故障',
    });
    expect(early.statusCode).toBe(409);
    expect((await (await t.as('operator'))('GET', '/inbox')).json().items.length).toBeGreaterThan(0);
    d = (
      await op('POST', `/alarms/${alarmId}/sheet/verify-device`, {
        version: d.sheet.version,
        finding: '分析仪零点漂移，已校准',
        deviceFaulty: false,
      })
    ).json();
    expect(d.sheet.state).toBe('operator_verified');
    t.clock.advance(HOUR);
    d = (
      await district('POST', `/alarms/${alarmId}/sheet/conclude`, {
        version: d.sheet.version,
        conclusion: 'confirmed_exceedance',
        note: '经现场核实，确认超标排放，移交执法',
      })
    ).json();
    expect(d.sheet.state).toBe('concluded');
    expect(d.sheet.conclusion).toBe('confirmed_exceedance');
    expect(d.sheet.respondedAt).toBe(t.clock.now().toISOString());
    expect(d.sheet.outcome).toBe('on_time');
    d = (
      await city('POST', `/alarms/${alarmId}/sheet/close`, { version: d.sheet.version, note: '办结' })
    ).json();
    expect(d.sheet.state).toBe('closed');
    expect(d.steps.map((s: { action: string; actorRole: string | null }) => [s.action, s.actorRole])).toEqual(
      [
        ['dispatch', null],
        ['sign', 'district'],
        ['explain', 'enterprise'],
        ['verify_device', 'operator'],
        ['conclude', 'district'],
        ['close', 'city'],
      ],
    );
    expect(d.steps[2].detail.explanation).toBe('脱硫塔循环泵跳停');
    expect(d.actions).toEqual([]);
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity', '=', 'alarm_sheet')
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'sheet.sign',
      'sheet.explain',
      'sheet.verify_device',
      'sheet.conclude',
      'sheet.close',
    ]);
  });

  it('counts the sheets by state and district with the response outcome', async () => {
    const city = await t.as('city');
    const stats = (await city('GET', '/alarms/stats')).json();
    const row = stats.byDistrict.find((r: { districtCode: string }) => r.districtCode === fx.districtCode);
    expect(row).toMatchObject({ sheets: 2, onTime: 1, pending: 1, overdue: 0 });
    expect(stats.byState).toEqual(
      expect.arrayContaining([
        { state: 'closed', count: 1 },
        { state: 'dispatched', count: 1 },
      ]),
    );
  });

  it('judges each value once: a second pass adds nothing', async () => {
    const pass = await processAlarms(t);
    expect(pass.effects.alarmsCreated).toBe(0);
    const n = await t.database.db
      .selectFrom('alarm_sheet')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(2);
  });
});
