import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/test-app';
import { DB_KIND } from '../support/test-database';

describe(`emission amounts against the permit (${DB_KIND})`, () => {
  let t: TestApp;
  let enterprise: { id: number; region_code: string };
  let permittedSo2: number;

  beforeAll(async () => {
    t = await buildTestApp();
    const db = t.database.db;
    // An enterprise with a permitted SO2 total and an air monitor.
    const row = await db
      .selectFrom('permit_pollutant')
      .innerJoin('permit', 'permit.id', 'permit_pollutant.permit_id')
      .innerJoin('enterprise', 'enterprise.id', 'permit.enterprise_id')
      .innerJoin('outlet', 'outlet.enterprise_id', 'enterprise.id')
      .innerJoin('monitor', 'monitor.outlet_id', 'outlet.id')
      .select(['enterprise.id', 'enterprise.region_code', 'monitor.id as monitorId'])
      .where('permit_pollutant.pollutant_code', '=', 'a21026')
      .where('permit.active', '=', true)
      .where('outlet.kind', '=', 'air')
      .orderBy('enterprise.id')
      .executeTakeFirstOrThrow();
    enterprise = { id: row.id, region_code: row.region_code };
    const permits = await db
      .selectFrom('permit_pollutant')
      .innerJoin('permit', 'permit.id', 'permit_pollutant.permit_id')
      .select(['permit_pollutant.annual_total_t', 'permit.valid_from', 'permit.valid_to'])
      .where('permit.enterprise_id', '=', row.id)
      .where('permit.active', '=', true)
      .where('permit_pollutant.pollutant_code', '=', 'a21026')
      .execute();
    permittedSo2 = permits
      .filter(
        (p) => (!p.valid_from || p.valid_from <= '2026-11-23') && (!p.valid_to || p.valid_to >= '2026-11-23'),
      )
      .reduce((s, p) => s + Number(p.annual_total_t), 0);
    const day = (d: string, pollutant: string, cou: number) => ({
      monitor_id: row.monitorId,
      pollutant,
      day: d,
      avg: 10,
      min: 5,
      max: 20,
      cou,
      zs_avg: null,
      valid: true,
      invalid_reason: null,
      valid_hours: 24,
      received_hours: 24,
      computed_at: new Date(),
    });
    await db
      .insertInto('daily_value')
      .values([
        day('2026-01-15', 'a21026', 500),
        day('2026-03-02', 'a21026', 1200),
        day('2026-03-03', 'a21026', 300),
        day('2025-12-31', 'a21026', 9999), // another year
        day('2026-03-03', 'a00000', 123456), // flow volume, not an emission
      ])
      .execute();
  });
  afterAll(() => t?.close());

  it('sums the year by month in tonnes and gives the share of the permitted total', async () => {
    const res = await (await t.as('admin'))(
      'GET',
      `/monitoring/enterprises/${enterprise.id}/emissions?year=2026`,
    );
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.asOf).toBe('2026-11-23');
    const so2 = body.pollutants.find((x: { code: string }) => x.code === 'a21026');
    expect(so2.name).toBe('二氧化硫');
    expect(so2.monthsT).toEqual([0.5, null, 1.5, null, null, null, null, null, null, null, null, null]);
    expect(so2.totalT).toBe(2);
    expect(permittedSo2).toBeGreaterThan(0);
    expect(so2.permittedT).toBeCloseTo(permittedSo2, 4);
    expect(so2.share).toBeCloseTo(2 / permittedSo2, 4);
    expect(so2.remainingT).toBeCloseTo(permittedSo2 - 2, 4);
    expect(so2.exceeded).toBe(2 > permittedSo2);
    expect(body.pollutants.map((x: { code: string }) => x.code)).not.toContain('a00000');
  });

  it('refuses a district outside the enterprise and a bad year', async () => {
    const other = enterprise.region_code === '430923' ? 'heshan' : 'nanxian';
    const foreign = await (await t.as(other))('GET', `/monitoring/enterprises/${enterprise.id}/emissions`);
    expect(foreign.statusCode).toBe(403);
    const bad = await (await t.as('admin'))(
      'GET',
      `/monitoring/enterprises/${enterprise.id}/emissions?year=19`,
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toContain('year');
  });
});
