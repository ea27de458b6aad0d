import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/test-app';
import { DB_KIND } from '../support/test-database';
import { buildScenario, type Scenario } from './monitoring-scenario';

type Api = Awaited<ReturnType<TestApp['as']>>;

/** Who sees which monitoring data: through the outlet's enterprise, exactly as in the registry. */
describe(`monitoring reads by role (${DB_KIND})`, () => {
  let t: TestApp;
  let s: Scenario;
  let admin: Api;
  let heshan: Api;
  let ent1: Api;
  let ent2: Api;
  let activeTotal: number;
  let activeHeshan: number;

  const countActive = async (prefix: string) =>
    Number(
      (
        await t.database.db
          .selectFrom('monitor')
          .innerJoin('outlet', 'outlet.id', 'monitor.outlet_id')
          .innerJoin('enterprise', 'enterprise.id', 'outlet.enterprise_id')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('monitor.active', '=', true)
          .where('outlet.active', '=', true)
          .where('enterprise.active', '=', true)
          .where('enterprise.region_code', 'like', `${prefix}%`)
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    t = await buildTestApp();
    s = await buildScenario(t);
    admin = await t.as('admin');
    heshan = await t.as('heshan');
    ent1 = await t.as('ent-1');
    ent2 = await t.as('ent-2');
    activeTotal = await countActive('4309');
    activeHeshan = await countActive('430903');
  });
  afterAll(() => t.close());

  it('overview for the city: online units, today’s pooled rate, latest invalid hours, districts', async () => {
    for (const api of [admin, await t.as('city')]) {
      const res = await api('GET', '/monitoring/overview');
      expect(res.statusCode).toBe(200);
      const o = res.json();
      expect(o).toMatchObject({
        asOf: '2026-11-23T10:00:00+08:00',
        regionCode: null,
        onlineWindowMinutes: 30,
        monitors: activeTotal,
        online: 2, // a (09:31) and c (09:51); b and w last sent more than 30 min ago
        offline: activeTotal - 2,
        neverSeen: activeTotal - 4,
      });
      // a 10/10/9, b 10/5/5, w 10/10/10, c 10/10/10 → pooled 34/40
      expect(o.today).toMatchObject({ day: '2026-11-23', expected: 40, received: 35, valid: 34 });
      expect(o.today.transmissionValidityRate).toBeCloseTo(0.85, 12);
      expect(o.today.meetsTarget).toBe(false);
      expect(
        o.latestInvalidHours.map((h: { pollutant: string; hour: string; monitorId: number }) => h),
      ).toEqual([
        expect.objectContaining({
          monitorId: s.a.monitorId,
          pollutant: 'a19001',
          pollutantName: '氧气含量',
          hour: '2026-11-23T09:00:00+08:00',
          reason: 'TOO_FEW_VALID',
        }),
        expect.objectContaining({ monitorId: s.a.monitorId, pollutant: 'a21026', reason: 'TOO_FEW_VALID' }),
      ]);
      expect(o.districts.length).toBe(8);
      const hs = o.districts.find((d: { code: string }) => d.code === '430903');
      expect(hs).toMatchObject({ name: '赫山区', monitors: activeHeshan, online: 1 });
      expect(hs.today).toMatchObject({ expected: 30, received: 25, valid: 24 });
    }
  });

  it('district 赫山区 sees only its district', async () => {
    const o = (await heshan('GET', '/monitoring/overview')).json();
    expect(o.monitors).toBe(activeHeshan);
    expect(o.online).toBe(1);
    expect(o.districts.map((d: { code: string }) => d.code)).toEqual(['430903']);
    expect(o.today).toMatchObject({ expected: 30, received: 25, valid: 24 });
    const list = (await heshan('GET', '/monitoring/monitors?pageSize=500')).json();
    expect(list.total).toBe(activeHeshan);
    expect(list.items.every((m: { regionCode: string }) => m.regionCode === '430903')).toBe(true);
    // a region filter cannot widen the scope
    const other = (await heshan('GET', `/monitoring/monitors?regionCode=${s.c.regionCode}`)).json();
    expect(other.total).toBe(0);
  });

  it('lists monitors with their state and today’s rate, filtered', async () => {
    const online = (await admin('GET', '/monitoring/monitors?online=true')).json();
    expect(online.items.map((m: { id: number }) => m.id).sort()).toEqual(
      [s.a.monitorId, s.c.monitorId].sort(),
    );
    const byMn = (await admin('GET', `/monitoring/monitors?q=${s.a.mn.slice(-10)}`)).json();
    expect(byMn.total).toBe(1);
    expect(byMn.items[0]).toMatchObject({
      id: s.a.monitorId,
      mn: s.a.mn,
      outletId: s.a.outletId,
      enterpriseId: s.a.enterpriseId,
      outletKind: 'air',
      regionCode: '430903',
      regionName: '赫山区',
      online: true,
      lastSeenAt: '2026-11-23T09:31:00+08:00',
      firstDataAt: '2026-11-23T00:00:00+08:00',
      lastDataAt: '2026-11-23T09:30:00+08:00',
      today: { expected: 10, received: 10, valid: 9, transmissionValidityRate: 0.9, meetsTarget: true },
    });
    const water = (
      await admin('GET', '/monitoring/monitors?outletKind=water&online=false&pageSize=500')
    ).json();
    expect(
      water.items.every(
        (m: { outletKind: string; online: boolean }) => m.outletKind === 'water' && !m.online,
      ),
    ).toBe(true);
    expect(water.items.some((m: { id: number }) => m.id === s.w.monitorId)).toBe(true);
    const page = (await admin('GET', '/monitoring/monitors?pageSize=7&page=2&sort=-lastSeenAt')).json();
    expect(page).toMatchObject({ total: activeTotal, page: 2, pageSize: 7 });
    expect(page.items).toHaveLength(7);
    const first = (await admin('GET', '/monitoring/monitors?pageSize=4&sort=-lastSeenAt')).json();
    expect(first.items.map((m: { id: number }) => m.id)).toEqual([
      s.c.monitorId,
      s.a.monitorId,
      s.w.monitorId,
      s.b.monitorId,
    ]);
  });

  it('an enterprise user sees only its own monitors', async () => {
    const one = (await ent1('GET', '/monitoring/monitors')).json();
    expect(one.items.map((m: { id: number }) => m.id)).toEqual([s.a.monitorId]);
    const two = (await ent2('GET', '/monitoring/monitors')).json();
    expect(two.items.map((m: { id: number }) => m.id).sort()).toEqual([s.b.monitorId, s.w.monitorId].sort());
    const o = (await ent1('GET', '/monitoring/overview')).json();
    expect(o).toMatchObject({ monitors: 1, online: 1 });
    expect(o.today).toMatchObject({ expected: 10, received: 10, valid: 9 });
  });

  it('series of an outlet: hourly points with validity and the O2-corrected value', async () => {
    const res = await ent1(
      'GET',
      `/monitoring/outlets/${s.a.outletId}/series?pollutant=a21026&from=2026-11-23&to=2026-11-23`,
    );
    expect(res.statusCode).toBe(200);
    const v = res.json();
    expect(v).toMatchObject({
      outletId: s.a.outletId,
      enterpriseId: s.a.enterpriseId,
      referenceO2: 9,
      pollutant: { code: 'a21026', name: '二氧化硫', unit: 'mg/m³', amountUnit: 'kg' },
      period: 'hour',
      from: '2026-11-23T00:00:00+08:00',
      to: '2026-11-24T00:00:00+08:00',
    });
    expect(v.points).toHaveLength(10);
    expect(v.points[0]).toMatchObject({
      time: '2026-11-23T00:00:00+08:00',
      avg: 52.5, // 50…55
      zsAvg: 63, // 52.5 × (21 − 9) / (21 − 11)
      valid: true,
      reason: null,
      flag: 'N',
      source: 'minutes',
      disagrees: false,
      complete: true,
    });
    expect(v.points[9]).toMatchObject({
      time: '2026-11-23T09:00:00+08:00',
      valid: false,
      reason: 'TOO_FEW_VALID',
      avg: 61.5,
    });
    const day = (
      await ent1(
        'GET',
        `/monitoring/outlets/${s.a.outletId}/series?pollutant=a21026&period=day&from=2026-11-20`,
      )
    ).json();
    expect(day.points).toEqual([
      expect.objectContaining({
        time: '2026-11-23T00:00:00+08:00',
        valid: false, // 9 valid hours so far, 20 needed
        reason: 'TOO_FEW_VALID',
        source: 'hours',
        complete: false,
      }),
    ]);
  });

  it('a foreign outlet, monitor or frame answers 403 as in the registry; a missing one 404', async () => {
    const series = (id: number) => `/monitoring/outlets/${id}/series?pollutant=a21026`;
    expect((await ent1('GET', series(s.b.outletId))).statusCode).toBe(403); // same district, other enterprise
    expect((await heshan('GET', series(s.c.outletId))).statusCode).toBe(403); // other district
    expect((await heshan('GET', series(999_999))).statusCode).toBe(404);
    expect((await admin('GET', series(s.c.outletId))).statusCode).toBe(200);
    const foreign = await heshan('GET', `/monitoring/outlets/${s.c.outletId}/records`);
    expect(foreign.statusCode).toBe(403);
    expect(foreign.headers['content-type']).toContain('application/problem+json');
    expect(foreign.json().code).toBe('OUT_OF_SCOPE');
    expect((await heshan('GET', `/monitoring/monitors/${s.c.monitorId}/raw-frames`)).statusCode).toBe(403);
    expect((await heshan('GET', '/monitoring/monitors/999999/raw-frames')).statusCode).toBe(404);
    const cFrame = (await admin('GET', `/monitoring/outlets/${s.c.outletId}/records?from=2026-11-23`)).json()
      .items[0];
    expect((await heshan('GET', `/monitoring/raw-frames/${cFrame.rawFrameId}`)).statusCode).toBe(403);
    expect((await heshan('GET', '/monitoring/raw-frames/999999999')).statusCode).toBe(404);
    expect((await admin('GET', `/monitoring/raw-frames/${cFrame.rawFrameId}`)).statusCode).toBe(200);
  });

  it('records as received, each with its flags and the raw frame it came in', async () => {
    const res = await ent1(
      'GET',
      `/monitoring/outlets/${s.a.outletId}/records?kind=min&from=2026-11-23&to=2026-11-23&pageSize=5`,
    );
    expect(res.statusCode).toBe(200);
    const list = res.json();
    expect(list).toMatchObject({ total: 58, page: 1, pageSize: 5 }); // 9 × 6 + 4
    expect(list.items).toHaveLength(5);
    const r = list.items[0];
    expect(r).toMatchObject({
      monitorId: s.a.monitorId,
      mn: s.a.mn,
      kind: 'min',
      dataTime: '2026-11-23T09:30:00+08:00',
      receivedAt: '2026-11-23T09:31:00+08:00',
      flags: { a21026: 'N', a19001: 'N' },
      values: { a21026: { Avg: 63, Min: 62, Max: 64, Flag: 'N' }, a19001: { Avg: 11, Flag: 'N' } },
    });
    const frame = (await ent1('GET', `/monitoring/raw-frames/${r.rawFrameId}`)).json();
    expect(frame).toMatchObject({
      id: r.rawFrameId,
      receivedAt: '2026-11-23T09:31:00+08:00',
      mn: s.a.mn,
      cn: '2051',
      verdict: 'stored',
      monitor: { monitorId: s.a.monitorId, outletId: s.a.outletId, enterpriseId: s.a.enterpriseId },
    });
    expect(frame.text).toMatch(/^##\d{4}QN=.*CN=2051;.*DataTime=20261123093000.*\r\n$/);
    expect(Buffer.from(frame.base64, 'base64').toString('utf8')).toBe(frame.text);
    // The unit's access password is for those who may change the registry: masked for the enterprise.
    const full = (await admin('GET', `/monitoring/raw-frames/${r.rawFrameId}`)).json();
    const pw = /;PW=([^;]+);/.exec(full.text)![1]!;
    expect(full.passwordMasked).toBe(false);
    expect(frame.passwordMasked).toBe(true);
    expect(frame.text).toContain(`;PW=${'*'.repeat(pw.length)};`);
    expect(frame.text).not.toContain(`PW=${pw};`);
    expect(frame.text.length).toBe(full.text.length);
    const archive = await ent1('GET', `/monitoring/monitors/${s.a.monitorId}/raw-frames?from=2026-11-23`);
    expect(archive.body).toContain(`;PW=${'*'.repeat(pw.length)};`);
    expect(archive.body).not.toContain(`PW=${pw};`);
    const asc = (
      await ent1(
        'GET',
        `/monitoring/outlets/${s.a.outletId}/records?from=2026-11-23&sort=dataTime&pageSize=1`,
      )
    ).json();
    expect(asc.items[0].dataTime).toBe('2026-11-23T00:00:00+08:00');
    const other = (await ent2('GET', `/monitoring/raw-frames/${r.rawFrameId}`)).statusCode;
    expect(other).toBe(403);
  });

  it('downloads the raw-frame archive of a period as evidence (txt and json)', async () => {
    const url = `/monitoring/monitors/${s.a.monitorId}/raw-frames?from=2026-11-23&to=2026-11-23`;
    const txt = await ent1('GET', url);
    expect(txt.statusCode).toBe(200);
    expect(txt.headers['content-type']).toContain('text/plain');
    expect(txt.headers['content-disposition']).toContain('attachment');
    expect(decodeURIComponent(String(txt.headers['content-disposition']))).toContain(s.a.mn);
    const lines = txt.body.trimEnd().split('\n');
    expect(lines.filter((l) => l.startsWith('#'))).toHaveLength(3);
    const frames = lines.filter((l) => !l.startsWith('#'));
    expect(frames).toHaveLength(58);
    expect(frames[0]!.split('\t')).toEqual([
      '2026-11-23T00:01:00+08:00',
      '10.0.0.7:50312',
      'stored',
      expect.stringMatching(/^##.*DataTime=20261123000000.*[0-9A-F]{4}$/),
    ]);
    const json = await ent1('GET', `${url}&format=json`);
    expect(json.headers['content-type']).toContain('application/json');
    const doc = json.json();
    expect(doc).toMatchObject({ monitorId: s.a.monitorId, mn: s.a.mn, from: '2026-11-23T00:00:00+08:00' });
    expect(doc.frames).toHaveLength(58);
    expect(doc.frames[57].text.startsWith('##')).toBe(true);
  });

  it('a year of hourly values comes back whole and in order', async () => {
    // 2025-11-22 00:00 to 2026-11-21 23:00 Shanghai, one row an hour
    await sql`
      insert into hourly_value (monitor_id, pollutant, hour, avg, valid, received_count, valid_count,
                                expected_count, source, computed_at)
      select ${s.a.monitorId}::int, 'a21005', h, 1.5, true, 6, 6, 6, 'minutes', now()
      from generate_series('2025-11-22T00:00:00+08:00'::timestamptz, '2026-11-21T23:00:00+08:00'::timestamptz,
                           interval '1 hour') as h`.execute(t.database.db);
    const started = performance.now();
    const res = await admin(
      'GET',
      `/monitoring/outlets/${s.a.outletId}/series?pollutant=a21005&from=2025-11-22&to=2026-11-21`,
    );
    const ms = performance.now() - started;
    expect(res.statusCode).toBe(200);
    const points = res.json().points as { time: string }[];
    expect(points).toHaveLength(365 * 24);
    expect(points[0]!.time).toBe('2025-11-22T00:00:00+08:00');
    expect(points.at(-1)!.time).toBe('2026-11-21T23:00:00+08:00');
    console.log(
      `series: a year of hourly values (${points.length} points) in ${ms.toFixed(0)} ms on ${DB_KIND}`,
    );
  });
});
