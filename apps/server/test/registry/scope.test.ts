import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/test-app';
import { DB_KIND } from '../support/test-database';

/** Per-role authorisation: what each role may and may not read and write in the registry. */
describe(`registry scope by role (${DB_KIND})`, () => {
  let t: TestApp;
  let other: { id: number; version: number }; // an enterprise outside 赫山区
  let heshanEnterprise: { id: number; version: number };
  const users: Record<string, string> = {};

  beforeAll(async () => {
    t = await buildTestApp();
    const db = t.database.db;
    const pick = async (role: string) =>
      (
        await db
          .selectFrom('app_user')
          .select('username')
          .where('role', '=', role)
          .orderBy('id')
          .executeTakeFirstOrThrow()
      ).username;
    for (const role of ['grid', 'enterprise', 'operator', 'expert', 'department'])
      users[role] = await pick(role);
    other = await db
      .selectFrom('enterprise')
      .select(['id', 'version'])
      .where('region_code', '=', '430923')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    heshanEnterprise = await db
      .selectFrom('enterprise')
      .select(['id', 'version'])
      .where('region_code', '=', '430903')
      .orderBy('id')
      .executeTakeFirstOrThrow();
  });
  afterAll(() => t.close());

  it('city administrator lists every enterprise of the city (≥ 300)', async () => {
    const api = await t.as('admin');
    const res = await api('GET', '/enterprises?pageSize=1');
    expect(res.statusCode).toBe(200);
    expect(res.json().total).toBeGreaterThanOrEqual(300);
  });

  it('district lists only its own district', async () => {
    const api = await t.as('heshan');
    const res = await api('GET', '/enterprises?pageSize=500');
    const body = res.json();
    expect(body.total).toBeGreaterThan(0);
    expect(body.items.every((e: { regionCode: string }) => e.regionCode === '430903')).toBe(true);
    const all = await t.database.db
      .selectFrom('enterprise')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('region_code', '=', '430903')
      .where('active', '=', true)
      .executeTakeFirstOrThrow();
    expect(body.total).toBe(Number(all.n));
  });

  it('district may read and change its own enterprise but not another district’s', async () => {
    const api = await t.as('heshan');
    expect((await api('GET', `/enterprises/${heshanEnterprise.id}`)).statusCode).toBe(200);
    const read = await api('GET', `/enterprises/${other.id}`);
    expect(read.statusCode).toBe(403);
    expect(read.json().code).toBe('OUT_OF_SCOPE');
    const write = await api('PATCH', `/enterprises/${other.id}`, {
      name: '越权修改有限公司',
      version: other.version,
    });
    expect(write.statusCode).toBe(403);
    const history = await api('GET', `/enterprises/${other.id}/history`);
    expect(history.statusCode).toBe(403);
    const unchanged = await t.database.db
      .selectFrom('enterprise')
      .select('name')
      .where('id', '=', other.id)
      .executeTakeFirstOrThrow();
    expect(unchanged.name).not.toBe('越权修改有限公司');
  });

  it('district cannot create an enterprise in another district', async () => {
    const api = await t.as('heshan');
    const res = await api('POST', '/enterprises', {
      creditCode: '91430923MA4L00000X',
      name: '越界企业',
      regionCode: '430923',
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors.map((e: { path: string }) => e.path)).toContain('/regionCode');
  });

  it('grid officer reads only the enterprises of its grids and cannot write', async () => {
    const api = await t.as(users.grid!);
    const me = (await api('GET', '/auth/me')).json();
    const res = (await api('GET', '/enterprises?pageSize=500')).json();
    for (const e of res.items) expect(e.gridId).toBe(me.user.gridId);
    const outside = await t.database.db
      .selectFrom('enterprise')
      .select(['id', 'version'])
      .where('grid_id', '!=', me.user.gridId)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    expect((await api('GET', `/enterprises/${outside.id}`)).statusCode).toBe(403);
    if (res.items[0]) {
      const own = res.items[0];
      expect(
        (await api('PATCH', `/enterprises/${own.id}`, { name: '网格员改名', version: own.version }))
          .statusCode,
      ).toBe(403);
    }
  });

  it('enterprise user reads only itself and may change only its contacts', async () => {
    const api = await t.as(users.enterprise!);
    const me = (await api('GET', '/auth/me')).json().user;
    const list = (await api('GET', '/enterprises')).json();
    expect(list.total).toBe(1);
    expect(list.items[0].id).toBe(me.enterpriseId);
    expect(
      (await api('GET', `/enterprises/${other.id === me.enterpriseId ? heshanEnterprise.id : other.id}`))
        .statusCode,
    ).toBe(403);
    const own = list.items[0];
    const rename = await api('PATCH', `/enterprises/${own.id}`, {
      name: '自行改名有限公司',
      version: own.version,
    });
    expect(rename.statusCode).toBe(403);
    expect(rename.json().errors[0].path).toBe('/name');
    const contact = await api('PATCH', `/enterprises/${own.id}`, {
      envContactPhone: '13800000000',
      version: own.version,
    });
    expect(contact.statusCode).toBe(200);
    expect(contact.json().envContactPhone).toBe('13800000000');
    const detail = (await api('GET', `/enterprises/${own.id}`)).json();
    for (const o of detail.outlets) for (const m of o.monitors) expect(m.password).toBeNull();
  });

  it('operator reads only the enterprises whose monitors it maintains', async () => {
    const api = await t.as(users.operator!);
    const res = (await api('GET', '/enterprises?pageSize=500')).json();
    expect(res.total).toBeGreaterThan(0);
    const me = (await api('GET', '/auth/me')).json().user;
    const maintained = await t.database.db
      .selectFrom('monitor')
      .innerJoin('outlet', 'outlet.id', 'monitor.outlet_id')
      .innerJoin('enterprise', 'enterprise.id', 'outlet.enterprise_id')
      .select('outlet.enterprise_id')
      .distinct()
      .where('monitor.operator_id', '=', me.operatorId)
      .where('enterprise.active', '=', true)
      .execute();
    expect(res.total).toBe(maintained.length);
    expect(
      (
        await api('POST', '/enterprises', {
          creditCode: '91430903MA4L00000X',
          name: '运维新建',
          regionCode: '430903',
        })
      ).statusCode,
    ).toBe(403);
  });

  it('expert sees nothing in the registry without an assignment', async () => {
    const api = await t.as(users.expert!);
    expect((await api('GET', '/enterprises')).json().total).toBe(0);
    expect((await api('GET', `/enterprises/${heshanEnterprise.id}`)).statusCode).toBe(403);
  });

  it('department reads its region but cannot write', async () => {
    const api = await t.as(users.department!);
    expect((await api('GET', '/enterprises?pageSize=1')).json().total).toBeGreaterThan(0);
    const e = (await api('GET', `/enterprises/${heshanEnterprise.id}`)).json();
    expect(
      (await api('PATCH', `/enterprises/${e.id}`, { name: '部门改名', version: e.version })).statusCode,
    ).toBe(403);
  });

  it('only the administrator manages users', async () => {
    for (const username of ['city', 'heshan', users.enterprise!]) {
      const api = await t.as(username);
      expect((await api('GET', '/users')).statusCode).toBe(403);
    }
    const admin = await t.as('admin');
    expect((await admin('GET', '/users')).json().total).toBeGreaterThan(10);
  });
});
