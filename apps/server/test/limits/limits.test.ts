import { STANDARD_LIMITS } from '@dabiao/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/test-app';
import { DB_KIND } from '../support/test-database';

/** The standards library (R5): seeded, versioned, written by the city only, resolved per outlet. */
describe(`standards library and limit resolution (${DB_KIND})`, () => {
  let t: TestApp;
  let kiln: { id: number; region_code: string };
  let department: string;
  let kilnSo2Id: number;

  const resolve = async (user: string, pollutant: string, at: string) =>
    (await t.as(user))('GET', `/limits/resolve?outletId=${kiln.id}&pollutant=${pollutant}&at=${at}`);

  beforeAll(async () => {
    t = await buildTestApp();
    const db = t.database.db;
    // A cement kiln outside 赫山区 (430903), so the district user `heshan` may not read it.
    kiln = await db
      .selectFrom('outlet')
      .innerJoin('enterprise', 'enterprise.id', 'outlet.enterprise_id')
      .select(['outlet.id', 'enterprise.region_code'])
      .where('outlet.profile', '=', 'cement_kiln')
      .where('enterprise.programme_industry', '=', 'cement')
      .where('enterprise.region_code', '!=', '430903')
      .orderBy('outlet.id')
      .executeTakeFirstOrThrow();
    department = (
      await db
        .selectFrom('app_user')
        .select('username')
        .where('role', '=', 'department')
        .orderBy('id')
        .executeTakeFirstOrThrow()
    ).username;
  });
  afterAll(() => t.close());

  it('seeds every national row once, readable by every role', async () => {
    const res = await (await t.as('heshan'))('GET', '/limits/standards');
    expect(res.statusCode).toBe(200);
    expect(res.json().total).toBe(STANDARD_LIMITS.length);
    const kilnRows = await (await t.as(department))('GET', '/limits/standards?pollutant=a21026&q=GB%204915');
    const items = kilnRows.json().items as { id: number; special: string | null; value: unknown }[];
    expect(items).toHaveLength(2);
    const base = items.find((i) => i.special === null);
    expect(base?.value).toEqual({ kind: 'max', max: 200 });
    kilnSo2Id = base!.id;
  });

  it('resolves a limit and its chain for an outlet in scope, 403 outside it', async () => {
    const res = await resolve('admin', 'a21026', '2026-11-23T02:00:00Z');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.limit).toMatchObject({ sourceCode: 'GB 4915-2013', value: { kind: 'max', max: 200 } });
    expect(body.limit.referenceO2).toBe(10);
    const special = body.chain.find((c: { reason: string }) => c.reason === 'SPECIAL_NOT_DESIGNATED');
    expect(special).toBeDefined();
    expect(body.chain.some((c: { taken: boolean }) => c.taken)).toBe(true);
    const outside = await resolve('heshan', 'a21026', '2026-11-23');
    expect(outside.statusCode).toBe(403);
    expect(outside.json().code).toBe('OUT_OF_SCOPE');
    const badAt = await resolve('admin', 'a21026', '2026-13-45Tx');
    expect(badAt.statusCode).toBe(400);
    expect(badAt.json().errors[0].path).toBe('/query/at');
  });

  it('refuses writes to every role but admin and city', async () => {
    const version = { value: { kind: 'max', max: 150 }, unit: 'mg/m³', referenceO2: 10, clause: null };
    const body = { ...version, effectiveFrom: '2027-01-01', confirmed: false, source: 'test' };
    for (const user of ['heshan', department, 'ent-1']) {
      const api = await t.as(user);
      expect((await api('POST', `/limits/standards/${kilnSo2Id}/versions`, body)).statusCode).toBe(403);
      const local = await api('POST', '/limits/designations', {
        kind: 'special',
        standards: ['GB 4915-2013'],
        regionCodes: ['430900'],
        effectiveFrom: '2026-01-01',
        document: '测试文件',
      });
      expect(local.statusCode).toBe(403);
    }
  });

  it('adds a version that closes the current one; both stay readable and earlier moments keep the old limit', async () => {
    const api = await t.as('admin');
    const body = {
      value: { kind: 'max', max: 150 },
      unit: 'mg/m³',
      referenceO2: 10,
      clause: '表1',
      effectiveFrom: '2027-01-01',
      confirmed: true,
      source: '测试：修订版本',
    };
    const res = await api('POST', `/limits/standards/${kilnSo2Id}/versions`, body);
    expect(res.statusCode).toBe(201);
    const created = res.json();
    expect(created.versions).toHaveLength(2);
    expect(created.limit).toMatchObject({ effectiveFrom: '2027-01-01', revision: 2, value: { max: 150 } });

    const old = (await api('GET', `/limits/standards/${kilnSo2Id}`)).json();
    expect(old.limit).toMatchObject({ effectiveTo: '2027-01-01', value: { max: 200 } });
    expect(old.versions.map((v: { id: number }) => v.id)).toEqual([kilnSo2Id, created.limit.id]);

    const before = (await resolve('admin', 'a21026', '2026-12-15')).json();
    expect(before.limit.value).toEqual({ kind: 'max', max: 200 });
    const after = (await resolve('admin', 'a21026', '2027-02-01T00:00:00%2B08:00')).json();
    expect(after.limit.value).toEqual({ kind: 'max', max: 150 });

    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity', '=', 'standard_limit')
      .where('entity_id', '=', String(created.limit.id))
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['version']);

    const stale = await api('POST', `/limits/standards/${kilnSo2Id}/versions`, {
      ...body,
      effectiveFrom: '2026-06-01',
    });
    expect(stale.statusCode).toBe(422);
    expect(stale.headers['content-type']).toContain('application/problem+json');
    expect(stale.json().errors[0].path).toBe('/effectiveFrom');
  });

  it('takes a stricter local standard and a special-limit designation entered by the city', async () => {
    const city = await t.as('city');
    const localBody = {
      standard: { code: 'DB43/ 9999-2026', title: '测试地方水泥标准', regionCodes: [kiln.region_code] },
      outletKind: 'air',
      industries: ['cement'],
      category: 'cement-kiln',
      special: null,
      pollutant: 'a21002',
      averaging: 'hour',
      value: { kind: 'max', max: 300 },
      unit: 'mg/m³',
      referenceO2: 10,
      clause: null,
      effectiveFrom: '2026-01-01',
      confirmed: false,
      source: '测试',
    };
    const local = await city('POST', '/limits/standards', localBody);
    expect(local.statusCode).toBe(201);
    const nox = (await resolve('admin', 'a21002', '2026-11-23')).json();
    expect(nox.limit).toMatchObject({ origin: 'local', value: { max: 300 } });
    const dup = await city('POST', '/limits/standards', localBody);
    expect(dup.statusCode).toBe(409);

    const unknown = await city('POST', '/limits/designations', {
      kind: 'special',
      standards: ['GB 0000-1900'],
      regionCodes: ['430900'],
      effectiveFrom: '2026-01-01',
      document: '测试文件',
    });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().errors[0].path).toBe('/standards/0');
    const designation = await city('POST', '/limits/designations', {
      kind: 'special',
      standards: ['GB 4915-2013'],
      regionCodes: ['430900'],
      effectiveFrom: '2026-01-01',
      document: '测试：特别排放限值公告',
    });
    expect(designation.statusCode).toBe(201);
    expect((await city('GET', '/limits/designations')).json().total).toBe(1);
    const pm = (await resolve('admin', 'a34013', '2026-11-23')).json();
    expect(pm.limit).toMatchObject({ special: 'special', value: { max: 20 } });
    expect(pm.limit.designation.document).toBe('测试：特别排放限值公告');
    const earlier = (await resolve('admin', 'a34013', '2025-06-01')).json();
    expect(earlier.limit.value).toEqual({ kind: 'max', max: 30 });
  });
});

describe(`standards library in production mode (${DB_KIND})`, () => {
  it('is seeded without the demo city', async () => {
    const t = await buildTestApp({ demo: false });
    try {
      const res = await (await t.as('admin'))('GET', '/limits/standards?pollutant=a21026');
      expect(res.statusCode).toBe(200);
      expect(res.json().total).toBe(STANDARD_LIMITS.filter((l) => l.pollutant === 'a21026').length);
    } finally {
      await t.close();
    }
  });
});
