import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/test-app';
import { DB_KIND } from '../support/test-database';
import { alarmFixtures, at, processAlarms, sendHour } from './alarm-fixtures';

describe(`quarterly list of seriously exceeding enterprises (${DB_KIND})`, () => {
  let t: TestApp;
  let fx: Awaited<ReturnType<typeof alarmFixtures>>;

  beforeAll(async () => {
    t = await buildTestApp();
    fx = await alarmFixtures(t);
    // Three separate episodes on three days, the district confirms two of them.
    for (const day of [18, 19, 20]) await sendHour(t, fx.station, at(10, 0, day), 700);
    await processAlarms(t);
    const district = await t.as(fx.ownDistrict);
    const list = (await district('GET', '/alarms?kind=exceedance')).json();
    expect(list.total).toBe(3);
    for (const a of list.items.slice(0, 2)) {
      const s = (await district('POST', `/alarms/${a.id}/sheet/sign`, { version: a.sheet.version })).json();
      const c = await district('POST', `/alarms/${a.id}/sheet/conclude`, {
        version: s.sheet.version,
        conclusion: 'confirmed_exceedance',
        note: '现场核实确认超标',
      });
      expect(c.statusCode).toBe(200);
    }
  });
  afterAll(() => t.close());

  it('only the city sets the rule and generates the list', async () => {
    const district = await t.as(fx.ownDistrict);
    expect(
      (
        await district('PUT', '/alarm-settings/serious-rule', {
          minConfirmedSheets: 2,
          minExceedanceDays: 9,
          minMultiple: 9,
        })
      ).statusCode,
    ).toBe(403);
    expect((await district('POST', '/serious-lists', { year: 2026, quarter: 4 })).statusCode).toBe(403);
    const city = await t.as('city');
    const bad = await city('PUT', '/alarm-settings/serious-rule', {
      minConfirmedSheets: 0,
      minExceedanceDays: 9,
      minMultiple: 9,
    });
    expect(bad.statusCode).toBe(422);
    const ok = await city('PUT', '/alarm-settings/serious-rule', {
      minConfirmedSheets: 2,
      minExceedanceDays: 30,
      minMultiple: 9,
    });
    expect(ok.json()).toEqual({ minConfirmedSheets: 2, minExceedanceDays: 30, minMultiple: 9 });
  });

  it('lists the enterprise with two confirmed sheets, then review and publication make it public', async () => {
    const city = await t.as('city');
    const list = (await city('POST', '/serious-lists', { year: 2026, quarter: 4 })).json();
    expect(list.status).toBe('draft');
    expect(list.entries).toHaveLength(1);
    expect(list.entries[0]).toMatchObject({
      enterpriseId: fx.enterpriseId,
      confirmedSheets: 2,
      exceedanceDays: 2,
    });
    expect(list.entries[0].reasons.join('')).toContain('2');

    const ent = await t.as('ent-1');
    expect((await ent('GET', '/serious-lists')).json().items).toEqual([]);
    expect((await ent('GET', `/serious-lists/${list.id}`)).statusCode).toBe(404);

    const noNote = await city('POST', `/serious-lists/${list.id}/review`, {
      version: list.version,
      entries: [{ enterpriseId: fx.enterpriseId, included: false }],
    });
    expect(noNote.statusCode).toBe(422);
    const early = await city('POST', `/serious-lists/${list.id}/publish`, { version: list.version });
    expect(early.statusCode).toBe(409);
    const reviewed = (
      await city('POST', `/serious-lists/${list.id}/review`, {
        version: list.version,
        entries: [{ enterpriseId: fx.enterpriseId, included: true, note: '核实无误' }],
      })
    ).json();
    expect(reviewed.status).toBe('reviewed');
    const again = await city('POST', '/serious-lists', { year: 2026, quarter: 4 });
    expect(again.statusCode).toBe(409);
    const published = (
      await city('POST', `/serious-lists/${list.id}/publish`, { version: reviewed.version })
    ).json();
    expect(published.status).toBe('published');
    const seen = (await ent('GET', `/serious-lists/${list.id}`)).json();
    expect(seen.entries.map((e: { enterpriseId: number }) => e.enterpriseId)).toEqual([fx.enterpriseId]);
  });
});
