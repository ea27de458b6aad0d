import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/test-app';
import { DB_KIND } from '../support/test-database';

type Api = Awaited<ReturnType<TestApp['as']>>;
const paths = (res: { json(): { errors?: { path: string }[] } }) =>
  (res.json().errors ?? []).map((e) => e.path);

interface Target {
  outletId: number;
  outletCode: string;
  enterpriseId: number;
  regionCode: string;
  permitId: number;
  validFrom: string;
}

/**
 * The registry facts of the limit resolver (R5): an outlet's standard category and source age, a
 * permit's concentration limits, and the resolver taking both.
 */
describe(`outlet limit facts and permit limits (${DB_KIND})`, () => {
  let t: TestApp;
  let admin: Api;
  let kiln: Target;

  /** An outlet of `profile` whose enterprise holds an active permit (with limits, or any outside 赫山区 430903). */
  async function target(profile: string, limits: 'with' | 'any'): Promise<Target> {
    const db = t.database.db;
    const rows = await db
      .selectFrom('outlet')
      .innerJoin('enterprise', 'enterprise.id', 'outlet.enterprise_id')
      .innerJoin('permit', 'permit.enterprise_id', 'enterprise.id')
      .select([
        'outlet.id as outletId',
        'outlet.code as outletCode',
        'enterprise.id as enterpriseId',
        'enterprise.region_code as regionCode',
        'permit.id as permitId',
        'permit.valid_from as validFrom',
      ])
      .where('outlet.profile', '=', profile)
      .where('enterprise.region_code', limits === 'any' ? '!=' : 'like', limits === 'any' ? '430903' : '%')
      .where('permit.active', '=', true)
      .where('permit.valid_from', 'is not', null)
      .orderBy('outlet.id')
      .execute();
    for (const r of rows) {
      if (limits === 'any') return r as Target;
      const n = await db
        .selectFrom('permit_limit')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('permit_id', '=', r.permitId)
        .executeTakeFirstOrThrow();
      if (Number(n.n) > 0) return r as Target;
    }
    throw new Error(`no ${profile} outlet with a permit ${limits} limits`);
  }

  const resolve = (outletId: number, pollutant: string, at: string, extra = '') =>
    admin('GET', `/limits/resolve?outletId=${outletId}&pollutant=${pollutant}&at=${at}${extra}`);

  beforeAll(async () => {
    t = await buildTestApp();
    admin = await t.as('admin');
    kiln = await target('cement_kiln', 'any');
  });
  afterAll(() => t.close());

  it('returns the demo outlets with their category and source age', async () => {
    const detail = (await admin('GET', `/enterprises/${kiln.enterpriseId}`)).json();
    const outlet = detail.outlets.find((o: { id: number }) => o.id === kiln.outletId);
    expect(outlet).toMatchObject({ standardCategory: 'cement-kiln', sourceAge: expect.any(String) });
  });

  it('takes a permit limit stricter than the standard, and the outlet facts from the registry', async () => {
    const item = {
      outletCode: kiln.outletCode,
      pollutant: 'a21026',
      averaging: 'hour',
      value: { kind: 'max', max: 150 },
      unit: 'mg/m³',
      referenceO2: 10,
      clause: '表 2',
    };
    const put = await admin('PUT', `/permits/${kiln.permitId}/limits`, { items: [item] });
    expect(put.statusCode).toBe(200);
    expect(put.json()).toMatchObject({ total: 1, items: [item] });
    expect((await admin('GET', `/permits/${kiln.permitId}/limits`)).json().items).toEqual([item]);

    const res = await resolve(kiln.outletId, 'a21026', kiln.validFrom);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.limit).toMatchObject({ origin: 'permit', value: { kind: 'max', max: 150 } });
    expect(body.context).toMatchObject({ category: 'cement-kiln', categoryFrom: 'outlet' });
    const looser = body.chain.filter((c: { reason: string }) => c.reason === 'LOOSER');
    expect(looser.map((c: { candidateId: string }) => c.candidateId).join()).toMatch(/GB4915/);

    // Another pollutant has no permit row: the standard still decides.
    const pm = (await resolve(kiln.outletId, 'a34013', kiln.validFrom)).json();
    expect(pm.limit.origin).toBe('national');

    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'enterprise_id'])
      .where('entity', '=', 'permit')
      .where('entity_id', '=', String(kiln.permitId))
      .execute();
    expect(audit).toEqual([{ action: 'limits', enterprise_id: kiln.enterpriseId }]);
  });

  it('shows the demo permits of thermal power units winning over GB 13223', async () => {
    const unit = await target('thermal_power', 'with');
    const res = await resolve(unit.outletId, 'a21026', unit.validFrom);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.limit).toMatchObject({ origin: 'permit', value: { kind: 'max', max: 35 } });
    expect(body.context.sourceAgeFrom).toBe('outlet');
    expect(['new', 'existing']).toContain(body.context.sourceAge);
  });

  it('refuses a category that is not one, or not of the outlet kind (422)', async () => {
    const current = (await admin('GET', `/enterprises/${kiln.enterpriseId}`)).json();
    const outlet = current.outlets.find((o: { id: number }) => o.id === kiln.outletId);
    const bad = await admin('PATCH', `/outlets/${kiln.outletId}`, {
      standardCategory: 'nuclear-plant',
      version: outlet.version,
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().code).toBe('VALIDATION');
    expect(paths(bad)[0]).toMatch(/^\/standardCategory/);
    const badAge = await admin('PATCH', `/outlets/${kiln.outletId}`, {
      sourceAge: 'old',
      version: outlet.version,
    });
    expect(badAge.statusCode).toBe(422);
    const water = await admin('PATCH', `/outlets/${kiln.outletId}`, {
      standardCategory: 'wwtp-grade-1a',
      version: outlet.version,
    });
    expect(water.statusCode).toBe(422);
    expect(paths(water)).toEqual(['/standardCategory']);

    const ok = await admin('PATCH', `/outlets/${kiln.outletId}`, {
      standardCategory: 'industrial-coal-boiler',
      sourceAge: 'new',
      version: outlet.version,
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ standardCategory: 'industrial-coal-boiler', sourceAge: 'new' });
    const resolved = (await resolve(kiln.outletId, 'a21026', kiln.validFrom)).json();
    expect(resolved.context).toMatchObject({ category: 'industrial-coal-boiler', sourceAge: 'new' });
    const restored = await admin('PATCH', `/outlets/${kiln.outletId}`, {
      standardCategory: 'cement-kiln',
      version: ok.json().version,
    });
    expect(restored.statusCode).toBe(200);

    const created = await admin('POST', `/enterprises/${kiln.enterpriseId}/outlets`, {
      kind: 'water',
      code: 'DW099',
      name: '测试排放口',
      pollutants: ['w01018'],
      standardCategory: 'wwtp-grade-1b',
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ standardCategory: 'wwtp-grade-1b', sourceAge: null });
  });

  it('refuses a bad list as a whole (422) and writes nothing', async () => {
    const before = (await admin('GET', `/permits/${kiln.permitId}/limits`)).json().items;
    const good = {
      outletCode: kiln.outletCode,
      pollutant: 'a21002',
      averaging: 'hour',
      value: { kind: 'max', max: 200 },
      unit: 'mg/m³',
    };
    const res = await admin('PUT', `/permits/${kiln.permitId}/limits`, {
      items: [
        good,
        { ...good, outletCode: 'DA999' },
        { ...good, pollutant: 'a99999' },
        { ...good, pollutant: 'w01018' },
        { ...good, averaging: 'day', value: { kind: 'range', lo: 9, hi: 6 } },
        good,
      ],
    });
    expect(res.statusCode).toBe(422);
    expect(paths(res)).toEqual([
      '/items/1/outletCode',
      '/items/2/pollutant',
      '/items/3/pollutant',
      '/items/4/value/hi',
      '/items/5/pollutant',
    ]);
    const zero = await admin('PUT', `/permits/${kiln.permitId}/limits`, {
      items: [{ ...good, value: { kind: 'max', max: 0 } }],
    });
    expect(zero.statusCode).toBe(422);
    expect((await admin('GET', `/permits/${kiln.permitId}/limits`)).json().items).toEqual(before);
  });

  it('lets only registry writers in scope read and replace the list (403)', async () => {
    const heshan = await t.as('heshan');
    expect((await heshan('GET', `/permits/${kiln.permitId}/limits`)).statusCode).toBe(403);
    const put = await heshan('PUT', `/permits/${kiln.permitId}/limits`, { items: [] });
    expect(put.statusCode).toBe(403);
    expect(put.json().code).toBe('OUT_OF_SCOPE');
    const department = await t.database.db
      .selectFrom('app_user')
      .select('username')
      .where('role', '=', 'department')
      .where('region_code', 'like', `${kiln.regionCode.slice(0, 4)}%`)
      .orderBy('id')
      .executeTakeFirst();
    if (department) {
      const dept = await t.as(department.username);
      expect((await dept('PUT', `/permits/${kiln.permitId}/limits`, { items: [] })).statusCode).toBe(403);
    }
    expect((await admin('GET', `/permits/${kiln.permitId}/limits`)).json().total).toBe(1);
    expect((await admin('GET', '/permits/999999/limits')).statusCode).toBe(404);

    const cleared = await admin('PUT', `/permits/${kiln.permitId}/limits`, { items: [] });
    expect(cleared.json().total).toBe(0);
  });
});
