import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/test-app';
import { DB_KIND } from '../support/test-database';
import { prepareStation, type Station } from './monitoring-fixtures';

/** Bad queries are 400 problem+json naming the field; the routes are in OpenAPI; the simulator feed. */
describe(`monitoring queries and demo feed (${DB_KIND})`, () => {
  let t: TestApp;
  let s: Station;

  beforeAll(async () => {
    t = await buildTestApp();
    s = await prepareStation(t.database.db, {
      kind: 'air',
      pollutants: ['a21026', 'a19001'],
      referenceO2: 9,
    });
  });
  afterAll(() => t.close());

  it.each([
    [
      'series from after to',
      (o: number) => `/monitoring/outlets/${o}/series?pollutant=a21026&from=2026-11-23&to=2026-11-22`,
      '/query/from',
    ],
    [
      'series pollutant of the wrong form',
      (o: number) => `/monitoring/outlets/${o}/series?pollutant=SO2`,
      '/query/pollutant',
    ],
    ['series without pollutant', (o: number) => `/monitoring/outlets/${o}/series`, '/query/pollutant'],
    [
      'series over 400 days',
      (o: number) => `/monitoring/outlets/${o}/series?pollutant=a21026&from=2025-01-01&to=2026-11-23`,
      '/query/to',
    ],
    [
      'series unknown period',
      (o: number) => `/monitoring/outlets/${o}/series?pollutant=a21026&period=week`,
      '/query/period',
    ],
    [
      'series impossible date',
      (o: number) => `/monitoring/outlets/${o}/series?pollutant=a21026&from=2026-02-30`,
      '/query/from',
    ],
    ['records unknown kind', (o: number) => `/monitoring/outlets/${o}/records?kind=sec`, '/query/kind'],
    ['rates bad month', () => '/monitoring/rates?month=2026-13', '/query/month'],
    ['rates bad grouping', () => '/monitoring/rates?groupBy=grid', '/query/groupBy'],
    ['monitors page too large', () => '/monitoring/monitors?pageSize=1000', '/query/pageSize'],
    ['overview bad region', () => '/monitoring/overview?regionCode=43', '/query/regionCode'],
  ])('%s → 400 naming the field', async (_name, url, path) => {
    const api = await t.as('admin');
    const res = await api('GET', url(s.outletId));
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ status: 400, code: 'BAD_REQUEST' });
    expect(res.json().errors.map((e: { path: string }) => e.path)).toContain(path);
  });

  it('needs a signed-in user', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/monitoring/overview' });
    expect(res.statusCode).toBe(401);
  });

  it('publishes the monitoring routes with their schemas in OpenAPI', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
    for (const path of [
      '/api/v1/monitoring/overview',
      '/api/v1/monitoring/monitors',
      '/api/v1/monitoring/outlets/{id}/series',
      '/api/v1/monitoring/outlets/{id}/records',
      '/api/v1/monitoring/raw-frames/{id}',
      '/api/v1/monitoring/monitors/{id}/raw-frames',
      '/api/v1/monitoring/rates',
      '/api/v1/monitoring/rates/export.xlsx',
      '/api/v1/monitoring/simulator-units',
    ])
      expect(doc.paths[path], path).toBeDefined();
    const series = doc.paths['/api/v1/monitoring/outlets/{id}/series'].get;
    expect(series.parameters.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['pollutant', 'period', 'from', 'to', 'id']),
    );
    const point = series.responses['200'].content['application/json'].schema.properties.points.items;
    expect(Object.keys(point.properties)).toEqual(
      expect.arrayContaining(['time', 'avg', 'zsAvg', 'min', 'max', 'valid', 'flag', 'source', 'disagrees']),
    );
  });

  it('gives the simulator the demo’s active units (administrator only)', async () => {
    const res = await (await t.as('admin'))('GET', '/monitoring/simulator-units');
    expect(res.statusCode).toBe(200);
    const { items } = res.json();
    const active = await t.database.db
      .selectFrom('monitor')
      .innerJoin('outlet', 'outlet.id', 'monitor.outlet_id')
      .innerJoin('enterprise', 'enterprise.id', 'outlet.enterprise_id')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('monitor.active', '=', true)
      .where('outlet.active', '=', true)
      .where('enterprise.active', '=', true)
      .executeTakeFirstOrThrow();
    expect(items).toHaveLength(Number(active.n));
    expect(items.find((u: { mn: string }) => u.mn === s.mn)).toEqual({
      mn: s.mn,
      pw: s.pw,
      st: '31',
      profile: expect.any(String),
      pollutants: ['a21026', 'a19001'],
    });
    expect(new Set(items.map((u: { st: string }) => u.st))).toEqual(new Set(['31', '32']));
    expect((await (await t.as('heshan'))('GET', '/monitoring/simulator-units')).statusCode).toBe(403);
  });

  it('has no simulator feed outside demo mode', async () => {
    const production = await buildTestApp({ demo: false });
    try {
      const res = await (await production.as('admin'))('GET', '/monitoring/simulator-units');
      expect(res.statusCode).toBe(404);
      expect(res.json().code).toBe('NOT_FOUND');
    } finally {
      await production.close();
    }
  });
});
