import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approvedWindowsCovering } from '../../src/filings/filing-windows';
import { buildTestApp, type TestApp } from '../support/test-app';
import { DB_KIND } from '../support/test-database';
import { filingBody, filingFixtures, HOUR } from './filing-fixtures';

describe(`approvedWindowsCovering (${DB_KIND})`, () => {
  let t: TestApp;
  let fx: Awaited<ReturnType<typeof filingFixtures>>;
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    t = await buildTestApp();
    fx = await filingFixtures(t);
    const ent = await t.as('ent-1');
    const district = await t.as(fx.ownDistrict);
    const file = async (name: string, startInHours: number, extra: object, decide?: 'approve' | 'reject') => {
      const f = (await ent('POST', '/filings', filingBody(t, startInHours, 4, extra))).json();
      ids[name] = f.id;
      if (decide) await district('POST', `/filings/${f.id}/${decide}`, { version: f.version, note: '审核' });
    };
    await file('outlet', 10, { outletId: fx.outletId, kind: 'calibration' }, 'approve'); // 10h-14h
    await file('all', 12, { outletId: null, kind: 'shutdown' }, 'approve'); // 12h-16h, every outlet
    await file('submitted', 10, { outletId: fx.outletId }); // never decided
    await file('rejected', 10, { outletId: fx.outletId }, 'reject');
    await file('later', 40, { outletId: fx.outletId }, 'approve'); // 40h-44h
  });
  afterAll(() => t.close());

  const at = (h: number) => new Date(t.clock.now().getTime() + h * HOUR);

  it('returns the approved filings overlapping the period, for the outlet and for all outlets', async () => {
    const db = t.database.db;
    const byMonitor = await approvedWindowsCovering(db, {
      monitorId: fx.monitorId,
      from: at(13),
      to: at(14),
    });
    expect(byMonitor.map((w) => w.id)).toEqual([ids.outlet, ids.all]);
    expect(byMonitor[0]).toMatchObject({
      kind: 'calibration',
      outletId: fx.outletId,
      startsAt: at(10),
      endsAt: at(14),
    });
    expect(byMonitor[1]).toMatchObject({ kind: 'shutdown', outletId: null });
    const byOutlet = await approvedWindowsCovering(db, { outletId: fx.outletId, from: at(15), to: at(41) });
    expect(byOutlet.map((w) => w.id)).toEqual([ids.all, ids.later]);
  });

  it('touching edges, other enterprises and unknown monitors match nothing', async () => {
    const db = t.database.db;
    expect(await approvedWindowsCovering(db, { outletId: fx.outletId, from: at(16), to: at(40) })).toEqual(
      [],
    );
    expect(await approvedWindowsCovering(db, { outletId: fx.outletId, from: at(0), to: at(10) })).toEqual([]);
    expect(
      await approvedWindowsCovering(db, { outletId: fx.foreignOutlet.id, from: at(0), to: at(48) }),
    ).toEqual([]);
    expect(await approvedWindowsCovering(db, { monitorId: 999_999, from: at(0), to: at(48) })).toEqual([]);
  });
});
