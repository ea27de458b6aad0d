import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/test-app';
import { DB_KIND } from '../support/test-database';

describe(`API conventions (${DB_KIND})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(() => t.close());

  it('reports health with the database kind', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok', database: DB_KIND });
  });

  it('publishes OpenAPI 3.1 generated from the validating schemas', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
    expect(doc.openapi).toBe('3.1.0');
    for (const path of [
      '/api/v1/enterprises',
      '/api/v1/enterprises/{id}',
      '/api/v1/auth/token',
      '/api/v1/outlets/{id}/monitors',
    ]) {
      expect(doc.paths[path]).toBeDefined();
    }
    const create = doc.paths['/api/v1/enterprises'].post.requestBody.content['application/json'].schema;
    expect(create.required).toEqual(expect.arrayContaining(['creditCode', 'name', 'regionCode']));
    const docs = await t.app.inject({ method: 'GET', url: '/api/v1/docs/' });
    expect(docs.statusCode).toBe(200);
  });

  it('answers unknown API routes and bad JSON with problem+json', async () => {
    const missing = await t.app.inject({ method: 'GET', url: '/api/v1/nothing-here' });
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toContain('application/problem+json');
    const token = await t.token('admin');
    const broken = await t.app.inject({
      method: 'POST',
      url: '/api/v1/enterprises',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      payload: '{"name": ',
    });
    expect(broken.statusCode).toBe(400);
    expect(broken.json()).toMatchObject({ status: 400, code: 'BAD_REQUEST' });
    // A bad query parameter is a bad request (400) naming the parameter; a bad body is 422.
    const query = await t.app.inject({
      method: 'GET',
      url: '/api/v1/enterprises?pageSize=lots',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(query.statusCode).toBe(400);
    expect(query.json().code).toBe('BAD_REQUEST');
    expect(query.json().errors[0].path).toContain('pageSize');
  });

  it('lists regions of the scope with GB/T 2260 codes and the grids with officers', async () => {
    const api = await t.as('heshan');
    const districts = (await api('GET', '/regions?level=district')).json().items;
    expect(districts).toEqual([{ code: '430903', name: '赫山区', level: 'district', parentCode: '430900' }]);
    const townships = (await api('GET', '/regions?parent=430903')).json().items;
    expect(townships.length).toBeGreaterThan(5);
    const grids = (await api('GET', '/grids')).json().items;
    expect(grids.length).toBeGreaterThan(0);
    for (const g of grids) expect(g.townshipCode.startsWith('430903')).toBe(true);
    expect(grids.some((g: { officerUserId: number | null }) => g.officerUserId !== null)).toBe(true);
  });

  it('summarises the dashboard for the user’s scope', async () => {
    const city = (await (await t.as('admin'))('GET', '/dashboard/summary')).json();
    const district = (await (await t.as('heshan'))('GET', '/dashboard/summary')).json();
    expect(city.enterprises).toBeGreaterThanOrEqual(300);
    expect(city.outlets).toBeGreaterThanOrEqual(600);
    expect(city.byDistrict.length).toBe(8);
    expect(district.byDistrict).toHaveLength(1);
    expect(district.enterprises).toBe(
      city.byDistrict.find((d: { code: string }) => d.code === '430903').count,
    );
    expect(city.points.length).toBe(city.enterprises);
  });
});
