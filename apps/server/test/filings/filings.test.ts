import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/test-app';
import { DB_KIND } from '../support/test-database';
import { filingBody, filingFixtures } from './filing-fixtures';

type Fx = Awaited<ReturnType<typeof filingFixtures>>;

describe(`filings API by role (${DB_KIND})`, () => {
  let t: TestApp;
  let fx: Fx;

  beforeAll(async () => {
    t = await buildTestApp();
    fx = await filingFixtures(t);
  });
  afterAll(() => t.close());

  const submit = async (extra: object = {}, startInHours = 24) => {
    const res = await (await t.as('ent-1'))('POST', '/filings', filingBody(t, startInHours, 4, extra));
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: number; version: number; status: string };
  };
  const auditOf = (id: number) =>
    t.database.db
      .selectFrom('audit_log')
      .select(['action', 'actor_name'])
      .where('entity', '=', 'filing')
      .where('entity_id', '=', String(id))
      .orderBy('id')
      .execute();

  it('is documented in OpenAPI', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
    for (const path of ['/api/v1/filings', '/api/v1/filings/{id}/approve', '/api/v1/filings/{id}/withdraw']) {
      expect(doc.paths[path]).toBeDefined();
    }
  });

  it('enterprise files for its own outlet, audited', async () => {
    const f = await submit({
      outletId: fx.outletId,
      kind: 'calibration',
      evidence: '校准计划',
      attachmentName: 'plan.pdf',
    });
    expect(f).toMatchObject({
      status: 'submitted',
      version: 1,
      outletId: fx.outletId,
      enterpriseId: fx.enterpriseId,
    });
    expect(await auditOf(f.id)).toEqual([{ action: 'create', actor_name: 'ent-1' }]);
    const read = await (await t.as('ent-1'))('GET', `/filings/${f.id}`);
    expect(read.json()).toMatchObject({ kind: 'calibration', attachmentName: 'plan.pdf' });
  });

  it('enterprise cannot file for another enterprise (403) nor for another enterprise’s outlet (422)', async () => {
    const api = await t.as('ent-1');
    const other = await api(
      'POST',
      '/filings',
      filingBody(t, 24, 4, { enterpriseId: fx.foreignOutlet.enterprise_id }),
    );
    expect(other.statusCode).toBe(403);
    const outlet = await api('POST', '/filings', filingBody(t, 24, 4, { outletId: fx.foreignOutlet.id }));
    expect(outlet.statusCode).toBe(422);
    expect(outlet.json().errors.map((e: { path: string }) => e.path)).toEqual(['/outletId']);
  });

  it('government users do not file (403)', async () => {
    const res = await (await t.as(fx.ownDistrict))('POST', '/filings', filingBody(t, 24));
    expect(res.statusCode).toBe(403);
  });

  it('a window in the past, too soon, backwards or over 30 days is 422 naming the field', async () => {
    const api = await t.as('ent-1');
    const past = await api('POST', '/filings', filingBody(t, -2));
    expect(past.statusCode).toBe(422);
    expect(past.headers['content-type']).toContain('application/problem+json');
    expect(past.json().errors[0].path).toBe('/startsAt');
    const soon = await api('POST', '/filings', filingBody(t, 0.5));
    expect(soon.json().errors[0].path).toBe('/startsAt');
    const backwards = await api('POST', '/filings', filingBody(t, 24, -1));
    expect(backwards.json().errors[0].path).toBe('/endsAt');
    const long = await api('POST', '/filings', filingBody(t, 24, 31 * 24));
    expect(long.statusCode).toBe(422);
    expect(long.json().errors[0]).toMatchObject({ path: '/endsAt', code: 'TOO_LONG' });
  });

  it('district approves in its scope; another district gets 403; the enterprise cannot approve', async () => {
    const f = await submit();
    const self = await (await t.as('ent-1'))('POST', `/filings/${f.id}/approve`, { version: f.version });
    expect(self.statusCode).toBe(403);
    const foreign = await (await t.as(fx.otherDistrict))('POST', `/filings/${f.id}/approve`, {
      version: f.version,
    });
    expect(foreign.statusCode).toBe(403);
    expect(foreign.json().code).toBe('OUT_OF_SCOPE');
    const ok = await (await t.as(fx.ownDistrict))('POST', `/filings/${f.id}/approve`, {
      version: f.version,
      note: '同意',
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'approved', version: 2, decisionNote: '同意' });
    expect(ok.json().decidedAt).toBe(t.clock.now().toISOString());
    expect((await auditOf(f.id)).map((a) => a.action)).toEqual(['create', 'approve']);
    const again = await (await t.as('city'))('POST', `/filings/${f.id}/reject`, {
      version: 2,
      note: '不同意',
    });
    expect(again.statusCode).toBe(409);
  });

  it('city rejects with a note (a note is required)', async () => {
    const f = await submit();
    const bare = await (await t.as('city'))('POST', `/filings/${f.id}/reject`, { version: f.version });
    expect(bare.statusCode).toBe(422);
    expect(bare.json().errors[0].path).toBe('/note');
    const res = await (await t.as('city'))('POST', `/filings/${f.id}/reject`, {
      version: f.version,
      note: '材料不全',
    });
    expect(res.json()).toMatchObject({ status: 'rejected', decisionNote: '材料不全' });
  });

  it('a stale version is 409', async () => {
    const f = await submit();
    const res = await (await t.as(fx.ownDistrict))('POST', `/filings/${f.id}/approve`, {
      version: f.version + 1,
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('STALE_VERSION');
  });

  it('the enterprise withdraws while submitted, then no one can decide', async () => {
    const f = await submit();
    const other = await (await t.as('ent-2'))('POST', `/filings/${f.id}/withdraw`, { version: f.version });
    expect(other.statusCode).toBe(403);
    const res = await (await t.as('ent-1'))('POST', `/filings/${f.id}/withdraw`, { version: f.version });
    expect(res.json()).toMatchObject({ status: 'withdrawn', version: 2 });
    expect((await auditOf(f.id)).map((a) => a.action)).toEqual(['create', 'withdraw']);
    const late = await (await t.as('admin'))('POST', `/filings/${f.id}/approve`, { version: 2 });
    expect(late.statusCode).toBe(409);
  });

  it('lists filings scoped like the registry, with filters', async () => {
    const f = await submit({}, 24 * 20);
    const mine = (await (await t.as('ent-1'))('GET', '/filings?pageSize=500')).json();
    expect(mine.total).toBeGreaterThan(0);
    expect(mine.items.every((i: { enterpriseId: number }) => i.enterpriseId === fx.enterpriseId)).toBe(true);
    expect((await (await t.as(fx.otherDistrict))('GET', '/filings')).json().total).toBe(0);
    const district = (await (await t.as(fx.ownDistrict))('GET', '/filings?status=submitted')).json();
    expect(district.items.map((i: { id: number }) => i.id)).toContain(f.id);
    expect(district.items.every((i: { status: string }) => i.status === 'submitted')).toBe(true);
    const from = new Date(t.clock.now().getTime() + 24 * 19 * 3_600_000).toISOString();
    const late = (await (await t.as('city'))('GET', `/filings?from=${from}`)).json();
    expect(late.items.map((i: { id: number }) => i.id)).toEqual([f.id]);
    const none = (await (await t.as('city'))('GET', `/filings?to=${t.clock.now().toISOString()}`)).json();
    expect(none.total).toBe(0);
  });
});
