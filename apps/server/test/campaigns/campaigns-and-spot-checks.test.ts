import { batchOfIndustry, drawSpotCheck } from '@dabiao/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROGRAMME_2017, REVIEW_2026 } from '../../src/demo/seed-campaigns';
import { seedSpotCheckHistory } from '../../src/demo/seed-spot-checks';
import { buildTestApp, type TestApp } from '../support/test-app';
import { DB_KIND } from '../support/test-database';

const HESHAN = '430903';
const ZIYANG = '430902';

type Summary = {
  id: number;
  name: string;
  version: number;
  enterpriseCount: number;
  batches: {
    ordinal: number;
    name: string;
    enterpriseCount: number;
    industries: { key: string; zh: string }[];
  }[];
  phases: {
    kind: string;
    name: string;
    status: string;
    source: string | null;
    batchOrdinal: number | null;
  }[];
};

const paths = (body: { errors?: { path: string }[] }) => (body.errors ?? []).map((e) => e.path);

const definition = (extra: object = {}) => ({
  name: '测试达标计划',
  startsOn: '2027-01-01',
  endsOn: '2027-12-31',
  description: '测试',
  coveredRegions: [HESHAN, ZIYANG],
  batches: [
    { name: '第一批', industries: ['steel', 'paper'], includesRest: false },
    { name: '其他行业', industries: [], includesRest: true },
  ],
  phases: [
    {
      batch: null,
      kind: 'deployment',
      name: '部署',
      startsOn: '2027-01-01',
      endsOn: '2027-01-31',
      source: '测试',
    },
    { batch: 1, kind: 'screening', name: '第一批排查', startsOn: '2027-02-01', endsOn: '2027-05-31' },
  ],
  ...extra,
});

describe(`campaigns and spot checks by role (${DB_KIND})`, () => {
  let t: TestApp;
  let programme: Summary;
  let review: Summary;

  beforeAll(async () => {
    t = await buildTestApp();
    const list = (await (await t.as('city'))('GET', '/campaigns')).json().items as Summary[];
    programme = list.find((c) => c.name === PROGRAMME_2017)!;
    review = list.find((c) => c.name === REVIEW_2026)!;
  });
  afterAll(() => t.close());

  /** The enterprises of a district that belong to a campaign: active, not closed. */
  const activeIn = async (region: string) =>
    (
      await t.database.db
        .selectFrom('enterprise')
        .select(['id', 'programme_industry'])
        .where('region_code', '=', region)
        .where('active', '=', true)
        .where('status', '<>', 'closed')
        .orderBy('id')
        .execute()
    ).map((r) => r.id);
  const auditOf = (entity: string, id: number) =>
    t.database.db
      .selectFrom('audit_log')
      .select(['action', 'actor_name'])
      .where('entity', '=', entity)
      .where('entity_id', '=', String(id))
      .orderBy('id')
      .execute();
  const userId = async (username: string) =>
    (
      await t.database.db
        .selectFrom('app_user')
        .select('id')
        .where('username', '=', username)
        .executeTakeFirstOrThrow()
    ).id;

  it('is documented in OpenAPI', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
    for (const path of [
      '/api/v1/campaigns',
      '/api/v1/campaigns/{id}',
      '/api/v1/campaigns/{id}/enterprises',
      '/api/v1/spot-checks/draws',
      '/api/v1/spot-checks/draws/{id}',
      '/api/v1/spot-checks/draws/{id}/verify',
      '/api/v1/review-assignments',
      '/api/v1/review-assignments/{id}/opinion',
    ]) {
      expect(doc.paths[path], path).toBeDefined();
    }
    expect(doc.paths['/api/v1/campaigns'].post).toBeDefined();
    expect(doc.paths['/api/v1/campaigns/{id}'].put).toBeDefined();
  });

  describe('campaigns', () => {
    it('lists the demo campaigns with batch counts of the whole city for the city', async () => {
      expect(programme.batches.map((b) => b.name)).toEqual([
        '第一批9个行业',
        '第二批18个行业',
        '第三批及其他行业',
      ]);
      expect(programme.batches[0]!.industries.map((i) => i.zh)).toContain('钢铁');
      const rows = await t.database.db
        .selectFrom('enterprise')
        .select(['programme_industry'])
        .where('active', '=', true)
        .where('status', '<>', 'closed')
        .execute();
      const defs = [
        { industries: programme.batches[0]!.industries.map((i) => i.key), includesRest: false },
        { industries: programme.batches[1]!.industries.map((i) => i.key), includesRest: false },
        { industries: programme.batches[2]!.industries.map((i) => i.key), includesRest: true },
      ];
      const expected = [1, 2, 3].map(
        (o) => rows.filter((r) => batchOfIndustry(defs, r.programme_industry) === o).length,
      );
      expect(programme.batches.map((b) => b.enterpriseCount)).toEqual(expected);
      expect(programme.enterpriseCount).toBe(rows.length);
      expect(expected[0]).toBeGreaterThan(0);
      expect(review.batches).toHaveLength(1);
      expect(review.batches[0]!.enterpriseCount).toBe(rows.length);
    });

    it('a district sees the same campaigns with the counts of its own district only', async () => {
      const list = (await (await t.as('heshan'))('GET', '/campaigns')).json().items as Summary[];
      const mine = list.find((c) => c.name === REVIEW_2026)!;
      expect(mine.enterpriseCount).toBe((await activeIn(HESHAN)).length);
      expect(mine.enterpriseCount).toBeLessThan(review.enterpriseCount);
      const expert = (await (await t.as('expert'))('GET', '/campaigns')).json().items as Summary[];
      expect(expert.find((c) => c.name === REVIEW_2026)!.enterpriseCount).toBe(0);
    });

    it('phase status on clock.now(): 2026 screening current, the 2017 programme finished', async () => {
      const screening = review.phases.find((p) => p.kind === 'screening')!;
      expect(screening.status).toBe('current');
      expect(review.phases.find((p) => p.kind === 'deployment')!.status).toBe('finished');
      expect(review.phases.find((p) => p.kind === 'summary')!.status).toBe('upcoming');
      expect(programme.phases.every((p) => p.status === 'finished')).toBe(true);
      t.clock.advance(23 * 86_400_000); // 2026-12-16 10:00 Shanghai: screening has ended
      // (a user not signed in yet: the sessions of the others would have expired by then)
      const later = (await (await t.as('taojiang'))('GET', `/campaigns/${review.id}`)).json() as Summary;
      t.clock.advance(-23 * 86_400_000);
      expect(later.phases.find((p) => p.kind === 'screening')!.status).toBe('finished');
      expect(later.phases.find((p) => p.kind === 'assessment')!.status).toBe('current');
    });

    it('detail: industries in Chinese, phases with 004 sources, covered regions with names, 附件5', async () => {
      const res = await (await t.as('heshan'))('GET', `/campaigns/${programme.id}`);
      expect(res.statusCode, res.body).toBe(200);
      const d = res.json();
      expect(d.batches[1].industries.map((i: { zh: string }) => i.zh)).toContain('医药制造');
      expect(d.batches[2].includesRest).toBe(true);
      expect(
        d.phases.find(
          (p: { kind: string; batchOrdinal: number }) => p.kind === 'rectification' && p.batchOrdinal === 1,
        ).source,
      ).toBe('004 四(一)3：12月7日前完成所有整治任务');
      const heshan = d.coveredRegions.find((r: { code: string }) => r.code === HESHAN);
      expect(heshan).toEqual({
        code: HESHAN,
        name: '赫山区',
        enterpriseCount: (await activeIn(HESHAN)).length,
      });
      expect(d.coveredRegions.find((r: { code: string }) => r.code === ZIYANG).enterpriseCount).toBe(0);
      expect(d.taskBreakdown.rows).toHaveLength(20);
      expect(d.taskBreakdown.rows[1]).toMatchObject({ no: 2, responsible: '排污单位' });
      expect((await (await t.as('city'))('GET', '/campaigns/999999')).statusCode).toBe(404);
    });

    it('enterprises of a batch, paged and scoped', async () => {
      const city = await t.as('city');
      const all = (await city('GET', `/campaigns/${programme.id}/enterprises?batch=1&pageSize=500`)).json();
      expect(all.total).toBe(programme.batches[0]!.enterpriseCount);
      const keys = new Set(programme.batches[0]!.industries.map((i) => i.key));
      expect(
        all.items.every(
          (e: { programmeIndustry: string; batchOrdinal: number }) =>
            keys.has(e.programmeIndustry) && e.batchOrdinal === 1,
        ),
      ).toBe(true);
      const page2 = (
        await city('GET', `/campaigns/${programme.id}/enterprises?batch=1&pageSize=2&page=2`)
      ).json();
      expect(page2.items.map((e: { id: number }) => e.id)).toEqual(
        all.items.slice(2, 4).map((e: { id: number }) => e.id),
      );
      const rest = (await city('GET', `/campaigns/${programme.id}/enterprises?batch=3&pageSize=1`)).json();
      expect(rest.total).toBe(programme.batches[2]!.enterpriseCount);
      const heshan = (
        await (
          await t.as('heshan')
        )('GET', `/campaigns/${programme.id}/enterprises?batch=1&pageSize=500`)
      ).json();
      expect(heshan.items.every((e: { regionCode: string }) => e.regionCode === HESHAN)).toBe(true);
      expect(heshan.total).toBe(
        all.items.filter((e: { regionCode: string }) => e.regionCode === HESHAN).length,
      );
      const bad = await city('GET', `/campaigns/${programme.id}/enterprises?batch=9`);
      expect(bad.statusCode).toBe(400);
      expect(paths(bad.json())).toEqual(['/query/batch']);
    });

    it('the city creates a campaign (audited); district, expert and enterprise cannot (403)', async () => {
      for (const who of ['heshan', 'expert', 'ent-1', 'dept']) {
        expect((await (await t.as(who))('POST', '/campaigns', definition())).statusCode, who).toBe(403);
      }
      const res = await (await t.as('city'))('POST', '/campaigns', definition());
      expect(res.statusCode, res.body).toBe(201);
      const c = res.json();
      expect(c).toMatchObject({ name: '测试达标计划', version: 1, status: 'upcoming' });
      expect(c.batches.map((b: { industries: { zh: string }[] }) => b.industries.map((i) => i.zh))).toEqual([
        ['钢铁', '造纸'],
        [],
      ]);
      expect(c.phases.map((p: { batchOrdinal: number | null }) => p.batchOrdinal)).toEqual([null, 1]);
      expect(c.coveredRegions.map((r: { name: string }) => r.name)).toEqual(['赫山区', '资阳区']);
      expect(await auditOf('campaign', c.id)).toEqual([{ action: 'create', actor_name: 'city' }]);
    });

    it('an invalid definition is 422 with the paths of every problem, nothing written', async () => {
      const before = await t.database.db
        .selectFrom('campaign')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      const res = await (await t.as('city'))(
        'POST',
        '/campaigns',
        definition({
          coveredRegions: [HESHAN, '110101'],
          batches: [
            { name: 'a', industries: ['steel'], includesRest: true },
            { name: 'b', industries: ['steel', 'no_such'], includesRest: true },
          ],
          phases: [
            { batch: 1, kind: 'screening', name: 'x', startsOn: '2026-12-01', endsOn: '2027-01-31' },
            { batch: 3, kind: 'summary', name: 'y', startsOn: '2027-06-01', endsOn: '2027-05-01' },
          ],
        }),
      );
      expect(res.statusCode).toBe(422);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(paths(res.json())).toEqual([
        '/coveredRegions/1',
        '/batches/1/includesRest',
        '/batches/1/industries/0',
        '/batches/1/industries/1',
        '/phases/0/startsOn',
        '/phases/1/batch',
        '/phases/1/endsOn',
      ]);
      const schema = await (await t.as('city'))('POST', '/campaigns', definition({ startsOn: 'soon' }));
      expect(schema.statusCode).toBe(422);
      expect(paths(schema.json())).toContain('/startsOn');
      const after = await t.database.db
        .selectFrom('campaign')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      expect(Number(after.n)).toBe(Number(before.n));
    });

    it('the city updates with the current version; stale 409; a district 403', async () => {
      const city = await t.as('city');
      const created = (await city('POST', '/campaigns', definition({ name: '待修改的计划' }))).json();
      const body = definition({
        name: '已修改的计划',
        version: created.version,
        batches: [{ name: '全部行业', industries: [], includesRest: true }],
        phases: [{ batch: 1, kind: 'screening', name: '排查', startsOn: '2027-03-01', endsOn: '2027-04-30' }],
      });
      expect((await (await t.as('heshan'))('PUT', `/campaigns/${created.id}`, body)).statusCode).toBe(403);
      const res = await city('PUT', `/campaigns/${created.id}`, body);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ name: '已修改的计划', version: 2 });
      expect(res.json().batches.map((b: { name: string }) => b.name)).toEqual(['全部行业']);
      expect(
        res.json().phases.map((p: { name: string; batchOrdinal: number }) => [p.name, p.batchOrdinal]),
      ).toEqual([['排查', 1]]);
      const stale = await city('PUT', `/campaigns/${created.id}`, body);
      expect(stale.statusCode).toBe(409);
      const invalidUpdate = await city('PUT', `/campaigns/${created.id}`, {
        ...body,
        version: 2,
        endsOn: '2026-12-31',
      });
      expect(invalidUpdate.statusCode).toBe(422);
      expect(paths(invalidUpdate.json())).toEqual(['/endsOn', '/phases/0/endsOn']);
      expect((await auditOf('campaign', created.id)).map((a) => a.action)).toEqual(['create', 'update']);
    });
  });

  describe('spot-check draws', () => {
    it('a district draws ≥ 50% of its own active enterprises, seed stored, audited', async () => {
      const res = await (await t.as('heshan'))('POST', '/spot-checks/draws', {
        campaignId: review.id,
        regionCode: HESHAN,
        note: '2026年现场抽查',
      });
      expect(res.statusCode, res.body).toBe(201);
      const d = res.json();
      const population = await activeIn(HESHAN);
      expect(d.population).toEqual(population);
      expect(d.share).toBe(0.5);
      expect(d.seed).toMatch(/^\d{8}-[A-Z0-9]{10}$/);
      expect(d.selectedCount).toBe(Math.ceil(population.length / 2));
      expect(d.selected.length / population.length).toBeGreaterThanOrEqual(0.5);
      expect(d.selected.every((e: { id: number }) => population.includes(e.id))).toBe(true);
      expect(d.selected[0].name).toBeTruthy();
      expect(d.regionName).toBe('赫山区');
      // The stored seed reproduces the selection (anyone can recompute it).
      expect(drawSpotCheck(d.population, d.seed, d.share)).toEqual(
        d.selected.map((e: { id: number }) => e.id),
      );
      expect(await auditOf('spot_check_draw', d.id)).toEqual([{ action: 'create', actor_name: 'heshan' }]);
    });

    it('a given seed reproduces the same selection; verify recomputes and catches tampering', async () => {
      const heshan = await t.as('heshan');
      const draw = async () =>
        (
          await heshan('POST', '/spot-checks/draws', {
            campaignId: review.id,
            regionCode: HESHAN,
            seed: 'ABC-2026',
            share: 0.6,
          })
        ).json();
      const a = await draw();
      const b = await draw();
      expect(a.seed).toBe('ABC-2026');
      expect(b.selected).toEqual(a.selected);
      expect(a.selectedCount).toBe(Math.ceil(a.populationSize * 0.6 - 1e-9));
      const ok = (await heshan('GET', `/spot-checks/draws/${a.id}/verify`)).json();
      expect(ok).toMatchObject({ matches: true, seed: 'ABC-2026' });
      expect(ok.recomputed).toEqual(ok.stored);
      const tampered = [...a.population].slice(0, a.selectedCount);
      await t.database.db
        .updateTable('spot_check_draw')
        .set({ selected: JSON.stringify(tampered) })
        .where('id', '=', b.id)
        .execute();
      const bad = (await heshan('GET', `/spot-checks/draws/${b.id}/verify`)).json();
      expect(bad.matches).toBe(tampered.join() === ok.recomputed.join());
      expect(bad.matches).toBe(false);
    });

    it('a district cannot draw for another district (403); the city can', async () => {
      const res = await (await t.as('heshan'))('POST', '/spot-checks/draws', {
        campaignId: review.id,
        regionCode: ZIYANG,
      });
      expect(res.statusCode).toBe(403);
      const city = await (await t.as('city'))('POST', '/spot-checks/draws', {
        campaignId: review.id,
        regionCode: ZIYANG,
      });
      expect(city.statusCode, city.body).toBe(201);
      expect(city.json().population).toEqual(await activeIn(ZIYANG));
      for (const who of ['expert', 'ent-1', 'dept']) {
        const r = await (await t.as(who))('POST', '/spot-checks/draws', {
          campaignId: review.id,
          regionCode: ZIYANG,
        });
        expect(r.statusCode, who).toBe(403);
      }
    });

    it('share below 50% is 422; not a district, not covered, unknown campaign are 422 with paths', async () => {
      const heshan = await t.as('heshan');
      const low = await heshan('POST', '/spot-checks/draws', {
        campaignId: review.id,
        regionCode: HESHAN,
        share: 0.3,
      });
      expect(low.statusCode).toBe(422);
      expect(paths(low.json())).toEqual(['/share']);
      const over = await heshan('POST', '/spot-checks/draws', {
        campaignId: review.id,
        regionCode: HESHAN,
        share: 1.5,
      });
      expect(over.statusCode).toBe(422);
      expect(paths(over.json())).toContain('/share');
      const city = await t.as('city');
      const notDistrict = await city('POST', '/spot-checks/draws', {
        campaignId: review.id,
        regionCode: '430900',
      });
      expect(notDistrict.statusCode).toBe(422);
      expect(paths(notDistrict.json())).toEqual(['/regionCode']);
      const unknown = await city('POST', '/spot-checks/draws', { campaignId: 999999, regionCode: HESHAN });
      expect(paths(unknown.json())).toEqual(['/campaignId']);
      const narrow = (
        await city('POST', '/campaigns', definition({ name: '只覆盖资阳', coveredRegions: [ZIYANG] }))
      ).json();
      const uncovered = await city('POST', '/spot-checks/draws', {
        campaignId: narrow.id,
        regionCode: HESHAN,
      });
      expect(uncovered.statusCode).toBe(422);
      expect(uncovered.json().errors[0]).toMatchObject({ path: '/regionCode', code: 'NOT_COVERED' });
      const badSeed = await city('POST', '/spot-checks/draws', {
        campaignId: review.id,
        regionCode: HESHAN,
        seed: 'a b',
      });
      expect(badSeed.statusCode).toBe(422);
      expect(paths(badSeed.json())).toEqual(['/seed']);
    });

    it('draws are read within the region: ziyang does not see heshan’s, the expert reads none', async () => {
      const heshanDraws = (await (await t.as('heshan'))('GET', '/spot-checks/draws')).json();
      expect(heshanDraws.total).toBeGreaterThan(0);
      expect(heshanDraws.items.every((d: { regionCode: string }) => d.regionCode === HESHAN)).toBe(true);
      const ziyang = await t.as('ziyang');
      const mine = (await ziyang('GET', '/spot-checks/draws')).json();
      expect(mine.items.every((d: { regionCode: string }) => d.regionCode === ZIYANG)).toBe(true);
      expect((await ziyang('GET', `/spot-checks/draws/${heshanDraws.items[0].id}`)).statusCode).toBe(403);
      expect((await ziyang('GET', `/spot-checks/draws/${heshanDraws.items[0].id}/verify`)).statusCode).toBe(
        403,
      );
      const cityAll = (await (await t.as('city'))('GET', '/spot-checks/draws')).json();
      expect(cityAll.total).toBe(heshanDraws.total + mine.total);
      expect((await (await t.as('expert'))('GET', '/spot-checks/draws')).statusCode).toBe(403);
      expect((await (await t.as('heshan'))('GET', '/spot-checks/draws/999999')).statusCode).toBe(404);
    });
  });

  describe('review assignments', () => {
    let drawId: number;
    let selected: number[];
    let assignmentId: number;
    let expertId: number;
    let expert2Id: number;

    beforeAll(async () => {
      const d = (
        await (
          await t.as('heshan')
        )('POST', '/spot-checks/draws', { campaignId: review.id, regionCode: HESHAN, seed: 'REVIEW-1' })
      ).json();
      drawId = d.id;
      selected = d.selected.map((e: { id: number }) => e.id);
      expertId = await userId('expert');
      const hash = await t.database.db
        .selectFrom('app_user')
        .select('password_hash')
        .where('id', '=', expertId)
        .executeTakeFirstOrThrow();
      const row = await t.database.db
        .insertInto('app_user')
        .values({
          username: 'expert-2',
          display_name: '第三方评估机构',
          password_hash: hash.password_hash,
          role: 'expert',
          region_code: '430900',
          enterprise_id: null,
          operator_id: null,
          phone: null,
          created_at: new Date(),
          updated_at: new Date(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      expert2Id = row.id;
    });

    it('a district assigns an expert to a selected enterprise (audited); the campaign comes from the draw', async () => {
      const res = await (await t.as('heshan'))('POST', '/review-assignments', {
        enterpriseId: selected[0],
        reviewerId: expertId,
        kind: 'onsite',
        dueOn: '2026-12-10',
        drawId,
      });
      expect(res.statusCode, res.body).toBe(201);
      const a = res.json();
      expect(a).toMatchObject({
        status: 'assigned',
        campaignId: review.id,
        regionName: '赫山区',
        reviewerName: '评估专家',
        version: 1,
      });
      assignmentId = a.id;
      expect(await auditOf('review_assignment', a.id)).toEqual([{ action: 'create', actor_name: 'heshan' }]);
      const again = await (await t.as('heshan'))('POST', '/review-assignments', {
        enterpriseId: selected[0],
        reviewerId: expertId,
        kind: 'onsite',
      });
      expect(again.statusCode).toBe(409);
    });

    it('bad assignments: not an expert, not selected, past due date 422; another district’s enterprise 403; roles 403', async () => {
      const heshan = await t.as('heshan');
      const notExpert = await heshan('POST', '/review-assignments', {
        enterpriseId: selected[0],
        reviewerId: await userId('city'),
        kind: 'expert',
      });
      expect(notExpert.statusCode).toBe(422);
      expect(paths(notExpert.json())).toEqual(['/reviewerId']);
      const population = await activeIn(HESHAN);
      const notSelected = population.find((id) => !selected.includes(id))!;
      const ns = await heshan('POST', '/review-assignments', {
        enterpriseId: notSelected,
        reviewerId: expertId,
        kind: 'expert',
        drawId,
      });
      expect(paths(ns.json())).toEqual(['/enterpriseId']);
      const past = await heshan('POST', '/review-assignments', {
        enterpriseId: selected[1],
        reviewerId: expertId,
        kind: 'expert',
        dueOn: '2026-11-01',
      });
      expect(paths(past.json())).toEqual(['/dueOn']);
      const ziyangEnterprise = (await activeIn(ZIYANG))[0]!;
      expect(
        (
          await heshan('POST', '/review-assignments', {
            enterpriseId: ziyangEnterprise,
            reviewerId: expertId,
            kind: 'expert',
          })
        ).statusCode,
      ).toBe(403);
      for (const who of ['expert', 'ent-1', 'dept', 'operator']) {
        const r = await (await t.as(who))('POST', '/review-assignments', {
          enterpriseId: selected[1],
          reviewerId: expertId,
          kind: 'expert',
        });
        expect(r.statusCode, who).toBe(403);
      }
    });

    it('an expert sees only its own assignments; government by scope; enterprises none', async () => {
      const city = await t.as('city');
      const other = await city('POST', '/review-assignments', {
        enterpriseId: selected[1],
        reviewerId: expert2Id,
        kind: 'third_party',
      });
      expect(other.statusCode, other.body).toBe(201);
      const mine = (await (await t.as('expert'))('GET', '/review-assignments')).json();
      expect(mine.items.map((a: { id: number }) => a.id)).toEqual([assignmentId]);
      expect(mine.items[0]).toMatchObject({ enterpriseId: selected[0], regionName: '赫山区' });
      expect(mine.items[0].enterpriseName).toBeTruthy();
      const theirs = (await (await t.as('expert-2'))('GET', '/review-assignments')).json();
      expect(theirs.items.map((a: { id: number }) => a.id)).toEqual([other.json().id]);
      expect((await (await t.as('expert'))('GET', `/review-assignments/${other.json().id}`)).statusCode).toBe(
        403,
      );
      expect((await (await t.as('heshan'))('GET', '/review-assignments')).json().total).toBe(2);
      expect((await (await t.as('ziyang'))('GET', '/review-assignments')).json().total).toBe(0);
      expect((await (await t.as('ent-1'))('GET', '/review-assignments')).statusCode).toBe(403);
      // The expert still has no access to the registry: only the assignment view.
      expect((await (await t.as('expert'))('GET', `/enterprises/${selected[0]}`)).statusCode).toBe(403);
    });

    it('only the assigned expert writes the opinion, once; empty opinion 422; stale 409', async () => {
      const body = {
        opinion: '现场核查：治理设施正常运行，排放口规范。',
        conclusion: 'compliant',
        version: 1,
      };
      expect(
        (await (await t.as('expert-2'))('POST', `/review-assignments/${assignmentId}/opinion`, body))
          .statusCode,
      ).toBe(403);
      expect(
        (await (await t.as('heshan'))('POST', `/review-assignments/${assignmentId}/opinion`, body))
          .statusCode,
      ).toBe(403);
      const expert = await t.as('expert');
      const blank = await expert('POST', `/review-assignments/${assignmentId}/opinion`, {
        ...body,
        opinion: '   ',
      });
      expect(blank.statusCode).toBe(422);
      expect(paths(blank.json())).toEqual(['/opinion']);
      const missing = await expert('POST', `/review-assignments/${assignmentId}/opinion`, {
        version: 1,
        conclusion: 'compliant',
      });
      expect(paths(missing.json())).toContain('/opinion');
      expect(
        (await expert('POST', `/review-assignments/${assignmentId}/opinion`, { ...body, version: 5 }))
          .statusCode,
      ).toBe(409);
      const ok = await expert('POST', `/review-assignments/${assignmentId}/opinion`, body);
      expect(ok.statusCode, ok.body).toBe(200);
      expect(ok.json()).toMatchObject({ status: 'submitted', conclusion: 'compliant', version: 2 });
      const twice = await expert('POST', `/review-assignments/${assignmentId}/opinion`, {
        ...body,
        version: 2,
        opinion: '改',
      });
      expect(twice.statusCode).toBe(409);
      expect(twice.json().errors[0].code).toBe('ALREADY_SUBMITTED');
      const stored = (await expert('GET', `/review-assignments/${assignmentId}`)).json();
      expect(stored.opinion).toBe(body.opinion);
      expect((await auditOf('review_assignment', assignmentId)).map((a) => a.action)).toEqual([
        'create',
        'submit_opinion',
      ]);
    });
  });

  describe('demo history', () => {
    it('seeds a verifiable heshan draw with three expert assignments (submitted, open, overdue), once', async () => {
      const before = (await (await t.as('expert'))('GET', '/review-assignments')).json().total as number;
      await seedSpotCheckHistory(t.database.db, t.clock.now());
      await seedSpotCheckHistory(t.database.db, t.clock.now());
      const mine = (await (await t.as('expert'))('GET', '/review-assignments?pageSize=200')).json();
      expect(mine.total).toBe(before + 3);
      const demo = mine.items.filter(
        (a: { drawId: number | null }) => a.drawId !== null && a.drawId !== undefined,
      );
      const draws = (await (await t.as('heshan'))('GET', '/spot-checks/draws?pageSize=200')).json();
      const draw = draws.items.find((d: { seed: string }) => d.seed.startsWith('DEMO-'));
      expect(draw).toMatchObject({ regionCode: HESHAN, share: 0.5 });
      const seeded = demo.filter((a: { drawId: number }) => a.drawId === draw.id);
      expect(seeded.map((a: { status: string; overdue: boolean }) => [a.status, a.overdue]).sort()).toEqual(
        [
          ['assigned', false],
          ['assigned', true],
          ['submitted', false],
        ].sort(),
      );
      expect(
        (await (await t.as('heshan'))('GET', `/spot-checks/draws/${draw.id}/verify`)).json().matches,
      ).toBe(true);
    });
  });
});
