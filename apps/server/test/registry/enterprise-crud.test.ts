import { makeCreditCode, validateCreditCode } from '@dabiao/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/test-app';
import { DB_KIND } from '../support/test-database';

type Api = Awaited<ReturnType<TestApp['as']>>;
const paths = (res: { json(): { errors?: { path: string }[] } }) =>
  (res.json().errors ?? []).map((e) => e.path);

/** A valid credit code for 赫山区 (430903) that the demo city does not use. */
function freshCreditCode(n: number): string {
  const code = makeCreditCode({
    authority: '9',
    orgType: '1',
    division: '430903',
    orgBody: `MA4T${String(n).padStart(4, '0')}`,
  });
  expect(validateCreditCode(code).ok).toBe(true);
  return code;
}

describe(`enterprises, permits, outlets, monitors (${DB_KIND})`, () => {
  let t: TestApp;
  let api: Api;
  let created: { id: number; version: number; creditCode: string };

  beforeAll(async () => {
    t = await buildTestApp();
    api = await t.as('heshan');
  });
  afterAll(() => t.close());

  it('creates an enterprise, deriving programme industry and batch from the GB/T 4754 class', async () => {
    const creditCode = freshCreditCode(1);
    const res = await api('POST', '/enterprises', {
      creditCode,
      name: '益阳市测试纸业有限公司',
      regionCode: '430903',
      townshipCode: '430903002',
      industryCode: '2221',
      lng: 112.37,
      lat: 28.57,
      keyKinds: ['water'],
      controlLevel: 'city',
      legalRepresentative: null,
    });
    expect(res.statusCode).toBe(201);
    created = res.json();
    expect(created).toMatchObject({
      legalRepresentative: null,
      creditCode,
      regionName: '赫山区',
      townshipName: '桃花仑街道',
      programmeIndustry: 'paper',
      batch: 1,
      version: 1,
    });
  });

  it('refuses a wrong check digit, naming the field', async () => {
    const good = freshCreditCode(2);
    const last = good.at(-1) === '0' ? '1' : '0';
    const res = await api('POST', '/enterprises', {
      creditCode: good.slice(0, 17) + last,
      name: '校验位错误公司',
      regionCode: '430903',
    });
    expect(res.statusCode).toBe(422);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(paths(res)).toEqual(['/creditCode']);
  });

  it('refuses a duplicate credit code with 409 at the field', async () => {
    const res = await api('POST', '/enterprises', {
      creditCode: created.creditCode,
      name: '重复代码公司',
      regionCode: '430903',
    });
    expect(res.statusCode).toBe(409);
    expect(paths(res)).toEqual(['/creditCode']);
  });

  it('refuses an unknown region and malformed coordinates, each at its field', async () => {
    const unknown = await api('POST', '/enterprises', {
      creditCode: freshCreditCode(3),
      name: '未知区县公司',
      regionCode: '430999',
    });
    expect(unknown.statusCode).toBe(422);
    expect(paths(unknown)).toContain('/regionCode');
    const coords = await api('POST', '/enterprises', {
      creditCode: freshCreditCode(4),
      name: '坐标错误公司',
      regionCode: '430903',
      lng: 'east',
      lat: 95,
    });
    expect(coords.statusCode).toBe(422);
    expect(paths(coords)).toEqual(expect.arrayContaining(['/lng', '/lat']));
    const missing = await api('POST', '/enterprises', { regionCode: '430903' });
    expect(paths(missing)).toEqual(expect.arrayContaining(['/creditCode', '/name']));
  });

  it('updates with optimistic locking and keeps the change in the history', async () => {
    const ok = await api('PATCH', `/enterprises/${created.id}`, {
      envContactPhone: '13912345678',
      version: created.version,
    });
    expect(ok.statusCode).toBe(200);
    const stale = await api('PATCH', `/enterprises/${created.id}`, {
      envContactPhone: '13900000000',
      version: created.version,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('STALE_VERSION');
    const history = (await api('GET', `/enterprises/${created.id}/history`)).json().items;
    expect(history[0]).toMatchObject({
      action: 'update',
      actorName: 'heshan',
      changes: [{ field: 'envContactPhone', before: null, after: '13912345678' }],
    });
    expect(history.at(-1).action).toBe('create');
  });

  it('adds a permit with pollutants, outlets and a monitor; refuses duplicate outlet codes and MNs', async () => {
    const permit = await api('POST', `/enterprises/${created.id}/permits`, {
      number: `${created.creditCode}001P`,
      managementClass: 'key',
      validFrom: '2024-01-01',
      validTo: '2028-12-31',
      executionReportDuty: '年报、季报',
      pollutants: [
        { pollutantCode: 'w01018', annualTotalT: 120.5 },
        { pollutantCode: 'w21003', annualTotalT: 12 },
      ],
    });
    expect(permit.statusCode).toBe(201);
    expect(permit.json().pollutants).toHaveLength(2);

    const outlet = {
      kind: 'water',
      code: 'DW001',
      name: '废水总排口',
      pollutants: ['w01018', 'w21003', 'w01001', 'w00000'],
      stackHeightM: null,
      stackDiameterM: null,
      flueTemperatureC: null,
      referenceO2: null,
      lng: null,
      lat: null,
      profile: 'paper_mill',
    };
    const first = await api('POST', `/enterprises/${created.id}/outlets`, outlet);
    expect(first.statusCode).toBe(201);
    const again = await api('POST', `/enterprises/${created.id}/outlets`, outlet);
    expect(again.statusCode).toBe(422);
    expect(paths(again)).toEqual(['/code']);
    const wrongKind = await api('POST', `/enterprises/${created.id}/outlets`, { ...outlet, code: 'DA001' });
    expect(paths(wrongKind)).toEqual(['/code']);

    const existingMn = (await t.database.db.selectFrom('monitor').select('mn').executeTakeFirstOrThrow()).mn;
    const monitor = {
      mn: existingMn,
      password: '123456',
      manufacturer: null,
      model: null,
      installedOn: null,
      operatorId: null,
    };
    const dup = await api('POST', `/outlets/${first.json().id}/monitors`, monitor);
    expect(dup.statusCode).toBe(422);
    expect(paths(dup)).toEqual(['/mn']);
    const ok = await api('POST', `/outlets/${first.json().id}/monitors`, {
      ...monitor,
      mn: '43090300TEST0000000000001'.slice(0, 24),
    });
    expect(ok.statusCode).toBe(201);

    const detail = (await api('GET', `/enterprises/${created.id}`)).json();
    expect(detail.permits[0].pollutants.map((p: { pollutantCode: string }) => p.pollutantCode)).toEqual([
      'w01018',
      'w21003',
    ]);
    expect(detail.outlets[0].monitors[0].mn).toBe('43090300TEST000000000000');
    const entities = (await api('GET', `/enterprises/${created.id}/history`))
      .json()
      .items.map((h: { entity: string }) => h.entity);
    expect(entities).toEqual(expect.arrayContaining(['permit', 'outlet', 'monitor', 'enterprise']));
  });

  it('deactivates an enterprise: it leaves the default list and the change is audited', async () => {
    const current = (await api('GET', `/enterprises/${created.id}`)).json();
    expect((await api('POST', `/enterprises/${created.id}/deactivate`)).json().active).toBe(false);
    const active = (await api('GET', `/enterprises?q=${encodeURIComponent('测试纸业')}`)).json();
    expect(active.total).toBe(0);
    const inactive = (
      await api('GET', `/enterprises?active=false&q=${encodeURIComponent('测试纸业')}`)
    ).json();
    expect(inactive.items[0].id).toBe(current.id);
    const history = (await api('GET', `/enterprises/${created.id}/history`)).json().items;
    expect(history[0].action).toBe('deactivate');
  });

  it('filters, searches, sorts and pages the list', async () => {
    const admin = await t.as('admin');
    const page1 = (await admin('GET', '/enterprises?regionCode=430981&sort=-name&pageSize=5&page=1')).json();
    const page2 = (await admin('GET', '/enterprises?regionCode=430981&sort=-name&pageSize=5&page=2')).json();
    expect(page1.items).toHaveLength(5);
    expect(page1.total).toBe(page2.total);
    const names = [...page1.items, ...page2.items].map((e: { name: string }) => e.name);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? 1 : a > b ? -1 : 0)));
    const batch1 = (await admin('GET', '/enterprises?batch=1&controlLevel=national&pageSize=500')).json();
    for (const e of batch1.items) expect(e).toMatchObject({ batch: 1, controlLevel: 'national' });
    const name = page1.items[0].name as string;
    const found = (await admin('GET', `/enterprises?q=${encodeURIComponent(name.slice(2, 6))}`)).json();
    expect(found.items.map((e: { name: string }) => e.name)).toContain(name);
    const bad = await admin('GET', '/enterprises?sort=password&pageSize=9999');
    expect(bad.statusCode).toBe(400);
    expect(paths(bad)).toEqual(expect.arrayContaining(['/query/sort', '/query/pageSize']));
  });
});
