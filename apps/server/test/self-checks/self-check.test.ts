import {
  SELF_CHECK_REVIEW_SECTION,
  SELF_CHECK_SECTIONS,
  SELF_CHECK_TABLES,
  type SelfCheckField,
  selfCheckColumnGroups,
  selfCheckValueAt,
  validateSelfCheckSubmission,
} from '@dabiao/domain';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_DISTRICTS } from '../../src/demo/demo-districts';
import { REVIEW_2026 } from '../../src/demo/seed-campaigns';
import { seedSelfCheckHistory } from '../../src/demo/seed-self-checks';
import { buildTestApp, type TestApp } from '../support/test-app';
import { DB_KIND } from '../support/test-database';
import seedHeadings from './seed-004-annex2-headings.json' with { type: 'json' };

// biome-ignore lint/suspicious/noExplicitAny: the form's content is free-form JSON.
type Json = Record<string, any>;
type Api = Awaited<ReturnType<TestApp['as']>>;

/** The text of a .docx: paragraphs outside tables, and each table as rows of cell texts. */
async function readDocx(bytes: Buffer) {
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file('word/document.xml')!.async('string');
  const unxml = (s: string) =>
    s
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, '&');
  const textOf = (fragment: string) =>
    [...fragment.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)]
      .map((p) => [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => unxml(m[1]!)).join(''))
      .join('\n');
  const tables = [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((t) =>
    [...t[0].matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((r) =>
      [...r[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((c) => textOf(c[0])),
    ),
  );
  const paragraphs = textOf(xml.replace(/<w:tbl>[\s\S]*?<\/w:tbl>/g, '')).split('\n');
  return { tables, paragraphs };
}

const squash = (s: string) => s.replace(/\s+/g, '');

/** Fills every field and cell the enterprise has to fill (keeping what was prefilled). */
function fillForm(prefilled: Json): Json {
  const c: Json = structuredClone(prefilled);
  const fill = (obj: Json, f: SelfCheckField, tag: string) => {
    const cur = obj[f.key];
    if (f.kind === 'yesNo') {
      if (cur !== true && cur !== false) obj[f.key] = true;
      if (f.explain && obj[f.key] === (f.explain.when === 'yes')) obj[f.explain.key] ??= `${tag}说明`;
    } else if (cur === undefined || cur === null || cur === '') {
      obj[f.key] = f.kind === 'number' ? 112.5 : f.kind === 'date' ? '2012-06-30' : `${tag}-${f.key}`;
    }
  };
  for (const s of SELF_CHECK_SECTIONS) {
    for (const b of s.blocks) {
      const parts = b.path.split('/').filter(Boolean);
      let target = c;
      for (const p of parts.slice(0, b.kind === 'table' ? -1 : undefined)) {
        target[p] ??= {};
        target = target[p];
      }
      if (b.kind === 'table') {
        const key = parts.at(-1)!;
        target[key] ??= [];
        const rows: Json[] = target[key];
        if (!rows.length) rows.push({});
        rows.forEach((row, i) => {
          for (const col of b.columns) fill(row, col, `${key}${i + 1}`);
        });
      } else {
        for (const f of b.fields) fill(target, f, parts.join('.'));
      }
    }
  }
  return c;
}

describe(`self-check forms 自查表 (${DB_KIND})`, () => {
  let t: TestApp;
  let campaignId: number;
  let ent1: { id: number; region_code: string; grid_id: number | null; name: string };
  let districtLogin: string;
  let otherDistrictLogin: string;
  let gridLogin: string | null;
  let otherEnterpriseLogin: string;
  let enterprise: Api;
  let district: Api;
  let formId: number;
  let submittedV1: Json;

  beforeAll(async () => {
    t = await buildTestApp();
    const { db } = t.database;
    campaignId = (
      await db.selectFrom('campaign').select('id').where('name', '=', REVIEW_2026).executeTakeFirstOrThrow()
    ).id;
    const u = await db
      .selectFrom('app_user')
      .select('enterprise_id')
      .where('username', '=', 'ent-1')
      .executeTakeFirstOrThrow();
    ent1 = await db
      .selectFrom('enterprise')
      .select(['id', 'region_code', 'grid_id', 'name'])
      .where('id', '=', u.enterprise_id!)
      .executeTakeFirstOrThrow();
    districtLogin = DEMO_DISTRICTS.find((d) => d.code === ent1.region_code)!.login;
    otherDistrictLogin = DEMO_DISTRICTS.find((d) => d.code !== ent1.region_code)!.login;
    const grid = ent1.grid_id
      ? await db
          .selectFrom('grid')
          .innerJoin('app_user', 'app_user.id', 'grid.officer_user_id')
          .select('app_user.username')
          .where('grid.id', '=', ent1.grid_id)
          .executeTakeFirst()
      : undefined;
    gridLogin = grid?.username ?? null;
    const other = await db
      .selectFrom('app_user')
      .select('username')
      .where('role', '=', 'enterprise')
      .where('enterprise_id', '!=', ent1.id)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    otherEnterpriseLogin = other.username;

    // The last year's online record of ent-1: one exceedance alarm confirmed by its sheet.
    const outlet = await db
      .selectFrom('outlet')
      .innerJoin('monitor', 'monitor.outlet_id', 'outlet.id')
      .select(['outlet.id', 'outlet.code', 'outlet.pollutants', 'monitor.id as monitor_id'])
      .where('outlet.enterprise_id', '=', ent1.id)
      .orderBy('outlet.id')
      .executeTakeFirst();
    expect(outlet, 'ent-1 has a monitored outlet').toBeDefined();
    if (outlet) {
      const now = t.clock.now().getTime();
      const { id: alarmId } = await db
        .insertInto('alarm')
        .values({
          kind: 'exceedance',
          rule: 'exceedance',
          monitor_id: outlet.monitor_id,
          outlet_id: outlet.id,
          enterprise_id: ent1.id,
          district_code: ent1.region_code,
          pollutant: outlet.pollutants[0]!,
          averaging: 'hour',
          started_at: new Date(now - 40 * 86400_000),
          ended_at: new Date(now - 40 * 86400_000 + 3 * 3600_000),
          evidence: '{}',
          verdict: 'exceeded',
          detected_at: new Date(now - 40 * 86400_000),
          updated_at: new Date(now - 40 * 86400_000),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await db
        .insertInto('alarm_sheet')
        .values({
          number: 'SC-TEST-0001',
          alarm_id: alarmId,
          enterprise_id: ent1.id,
          district_code: ent1.region_code,
          state: 'closed',
          conclusion: 'confirmed_exceedance',
          dispatched_at: new Date(now - 40 * 86400_000),
          deadline_at: new Date(now - 39 * 86400_000),
        })
        .execute();
    }
    enterprise = await t.as('ent-1');
    district = await t.as(districtLogin);
  });
  afterAll(() => t.close());

  const auditOf = (id: number) =>
    t.database.db
      .selectFrom('audit_log')
      .select(['action', 'actor_name'])
      .where('entity', '=', 'self_check')
      .where('entity_id', '=', String(id))
      .orderBy('id')
      .execute();

  it('demo history: forms in every state for REVIEW_2026, none for ent-1, idempotent', async () => {
    const { db } = t.database;
    await seedSelfCheckHistory(db, t.clock.now());
    const rows = await db
      .selectFrom('self_check')
      .selectAll()
      .where('campaign_id', '=', campaignId)
      .orderBy('enterprise_id')
      .orderBy('version_no')
      .execute();
    expect(new Set(rows.map((r) => r.status))).toEqual(
      new Set(['draft', 'submitted', 'approved', 'returned']),
    );
    expect(rows.some((r) => r.enterprise_id === ent1.id)).toBe(false);
    const v2 = rows.find((r) => r.version_no === 2)!;
    expect(v2.status).toBe('submitted');
    const v1 = rows.find((r) => r.enterprise_id === v2.enterprise_id && r.version_no === 1)!;
    expect(v1.status).toBe('returned');
    expect((v1.review as Json).reason).toBeTruthy();
    for (const r of rows.filter((x) => x.status !== 'draft')) {
      const a = (r.prefill as Json).applicability;
      expect(validateSelfCheckSubmission(r.content, a, r.filled_by_name), `form ${r.id}`).toEqual([]);
      expect(r.submitted_at!.getTime()).toBeLessThan(t.clock.now().getTime());
    }
    // The district of ent-1 has something to review.
    const listed = (await district('GET', `/self-checks?campaignId=${campaignId}&status=submitted`)).json();
    expect(listed.total).toBeGreaterThan(0);
    await seedSelfCheckHistory(db, t.clock.now());
    const again = await db
      .selectFrom('self_check')
      .select('id')
      .where('campaign_id', '=', campaignId)
      .execute();
    expect(again.length).toBe(rows.length);
  });

  it('is documented in OpenAPI and serves the form definition', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
    for (const p of [
      '/api/v1/self-checks',
      '/api/v1/self-checks/{id}/submit',
      '/api/v1/self-checks/{id}/export.docx',
    ]) {
      expect(doc.paths[p], p).toBeDefined();
    }
    const form = (await enterprise('GET', '/self-checks/form')).json();
    expect(form.sections.map((s: Json) => s.heading)).toContain('一、企业基本信息');
    expect(form.review.heading).toBe('五、现场监管环境保护部门排查监测情况及审核意见');
  });

  it('only an enterprise starts a form; it is prefilled from the registry, permit and online record', async () => {
    expect((await district('POST', '/self-checks', { campaignId })).statusCode).toBe(403);
    expect((await enterprise('POST', '/self-checks', { campaignId: 999_999 })).statusCode).toBe(404);
    const res = await enterprise('POST', '/self-checks', { campaignId });
    expect(res.statusCode, res.body).toBe(201);
    const f = res.json();
    formId = f.id;
    expect(f).toMatchObject({
      status: 'draft',
      versionNo: 1,
      version: 1,
      enterpriseId: ent1.id,
      campaignYear: 2026,
    });
    expect(f.content.basic.enterpriseName).toBe(ent1.name);
    const { db } = t.database;
    const e = await db
      .selectFrom('enterprise')
      .selectAll()
      .where('id', '=', ent1.id)
      .executeTakeFirstOrThrow();
    expect(f.content.basic.creditCode).toBe(e.credit_code);
    const permit = await db
      .selectFrom('permit')
      .selectAll()
      .where('enterprise_id', '=', ent1.id)
      .where('active', '=', true)
      .orderBy('valid_to', 'desc')
      .executeTakeFirst();
    expect(permit, 'ent-1 has a permit').toBeDefined();
    if (permit) {
      expect(f.content.permits.permitNumber).toBe(permit.number);
      expect(f.content.permits.permitValidTo).toBe(permit.valid_to ?? '');
    }
    const outlets = await db
      .selectFrom('outlet')
      .selectAll()
      .where('enterprise_id', '=', ent1.id)
      .where('active', '=', true)
      .execute();
    const water = outlets.filter((o) => o.kind === 'water');
    const air = outlets.filter((o) => o.kind === 'air');
    expect(f.applicability).toMatchObject({ water: water.length > 0, air: air.length > 0 });
    for (const o of water) {
      expect(f.content.water.facilities.some((r: Json) => r.outlet === `${o.code} ${o.name}`)).toBe(true);
    }
    for (const o of air) {
      expect(f.content.air.facilities.some((r: Json) => r.stack === `${o.code} ${o.name}`)).toBe(true);
    }
    expect(f.applicability.online).toBe(true);
    expect(f.content.online.monitors).toContain('MN ');
    if (f.applicability.online) {
      expect(f.content.violations.text).toContain('在线监控超标报警1次');
      expect(f.content.violations.text).toContain('SC-TEST-0001');
      const rows = [...f.content.water.emissions, ...f.content.air.emissions];
      expect(rows.some((r: Json) => String(r.onlineExceedRate).includes('超标1次'))).toBe(true);
    }
    expect(await auditOf(formId)).toEqual([{ action: 'create', actor_name: 'ent-1' }]);
    // Starting again returns the same draft.
    const again = await enterprise('POST', '/self-checks', { campaignId });
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(formId);
  });

  it('a form missing required fields cannot be submitted; the 422 names every missing field', async () => {
    const before = (await enterprise('GET', `/self-checks/${formId}`)).json();
    const content = structuredClone(before.content);
    content.basic.legalRepresentative = '';
    content.permits.disclosesInfo = false;
    const saved = await enterprise('PUT', `/self-checks/${formId}`, { content, version: before.version });
    expect(saved.statusCode, saved.body).toBe(200);
    const res = await enterprise('POST', `/self-checks/${formId}/submit`, {
      signerName: ' ',
      version: saved.json().version,
    });
    expect(res.statusCode).toBe(422);
    const errors: Json[] = res.json().errors;
    const paths = errors.map((e) => e.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/content/basic/legalRepresentative',
        '/content/permits/disclosureProblems',
        '/content/supervisoryMonitoring/text',
        '/content/selfMonitoring/planCompliant',
        '/content/conclusion/problems',
        '/signerName',
      ]),
    );
    expect(errors.find((e) => e.path === '/content/basic/legalRepresentative')!.message).toBe(
      '「法定代表」不能为空',
    );
    expect(errors.find((e) => e.path === '/content/permits/disclosureProblems')!.code).toBe(
      'EXPLANATION_REQUIRED',
    );
    const still = (await enterprise('GET', `/self-checks/${formId}`)).json();
    expect(still.status).toBe('draft');
  });

  it('bad content is refused with the field path; a stale version is 409', async () => {
    const f = (await enterprise('GET', `/self-checks/${formId}`)).json();
    const bad = await enterprise('PUT', `/self-checks/${formId}`, {
      content: { basic: '企业' },
      version: f.version,
    });
    expect(bad.statusCode, bad.body).toBe(422);
    expect(JSON.stringify(bad.json().errors)).toContain('/content/basic');
    expect((await enterprise('GET', `/self-checks/${formId}`)).json().version).toBe(f.version);
    const stale = await enterprise('PUT', `/self-checks/${formId}`, {
      content: f.content,
      version: f.version - 1,
    });
    expect(stale.statusCode).toBe(409);
  });

  it('role checks: other enterprise 403, grid reads only, district of another district 403, enterprise cannot review', async () => {
    const other = await t.as(otherEnterpriseLogin);
    expect((await other('GET', `/self-checks/${formId}`)).statusCode).toBe(403);
    expect((await other('GET', '/self-checks')).json().items.some((i: Json) => i.id === formId)).toBe(false);
    const f = (await enterprise('GET', `/self-checks/${formId}`)).json();
    expect(
      (await other('PUT', `/self-checks/${formId}`, { content: f.content, version: f.version })).statusCode,
    ).toBe(403);
    const otherDistrict = await t.as(otherDistrictLogin);
    expect((await otherDistrict('GET', `/self-checks/${formId}`)).statusCode).toBe(403);
    expect(
      (await otherDistrict('GET', `/self-checks?campaignId=${campaignId}`))
        .json()
        .items.some((i: Json) => i.id === formId),
    ).toBe(false);
    // The district may read but not fill the enterprise's form.
    expect(
      (await district('PUT', `/self-checks/${formId}`, { content: f.content, version: f.version }))
        .statusCode,
    ).toBe(403);
    expect(gridLogin, 'ent-1 has a grid officer').not.toBeNull();
    if (gridLogin) {
      const grid = await t.as(gridLogin);
      expect((await grid('GET', `/self-checks/${formId}`)).statusCode).toBe(200);
      expect(
        (await grid('PUT', `/self-checks/${formId}`, { content: f.content, version: f.version })).statusCode,
      ).toBe(403);
    }
    const review = { onsiteProblems: '无', onsiteMonitoring: '无', recentProblems: '无', opinion: '同意' };
    expect(
      (
        await enterprise('POST', `/self-checks/${formId}/review`, {
          decision: 'approve',
          review,
          reviewerName: 'x',
          version: f.version,
        })
      ).statusCode,
    ).toBe(403);
  });

  it('the enterprise fills the whole form and submits; a submitted version is immutable', async () => {
    const f = (await enterprise('GET', `/self-checks/${formId}`)).json();
    const content = fillForm(f.content);
    content.basic.legalRepresentative = '张法人';
    content.permits.disclosesInfo = false;
    content.permits.disclosureProblems = '未按季度公开自行监测数据';
    content.water.facilities[0].recordsComplete = false;
    content.water.facilities[0].recordsProblems = '缺少3月运行台账';
    const saved = await enterprise('PUT', `/self-checks/${formId}`, { content, version: f.version });
    expect(saved.statusCode, saved.body).toBe(200);
    const sub = await enterprise('POST', `/self-checks/${formId}/submit`, {
      signerName: '王填报',
      version: saved.json().version,
    });
    expect(sub.statusCode, sub.body).toBe(200);
    submittedV1 = sub.json();
    expect(submittedV1).toMatchObject({
      status: 'submitted',
      filledByName: '王填报',
      submittedAt: t.clock.now().toISOString(),
    });
    const put = await enterprise('PUT', `/self-checks/${formId}`, { content, version: submittedV1.version });
    expect(put.statusCode).toBe(409);
    const twice = await enterprise('POST', `/self-checks/${formId}/submit`, {
      signerName: '王填报',
      version: submittedV1.version,
    });
    expect(twice.statusCode).toBe(409);
    expect((await auditOf(formId)).map((a) => a.action)).toEqual(['create', 'update', 'update', 'submit']);
    const listed = (await district('GET', `/self-checks?campaignId=${campaignId}&status=submitted`)).json();
    expect(listed.items.map((i: Json) => i.id)).toContain(formId);
  });

  it('the district returns it with a reason; version 2 is revised and resubmitted, version 1 unchanged', async () => {
    const review = {
      onsiteProblems: '排口标识缺失',
      onsiteMonitoring: '现场监测达标',
      recentProblems: '无',
      opinion: '请补充',
    };
    const noReason = await district('POST', `/self-checks/${formId}/review`, {
      decision: 'return',
      review,
      reviewerName: '李审核',
      version: submittedV1.version,
    });
    expect(noReason.statusCode).toBe(422);
    expect(noReason.json().errors.map((e: Json) => e.path)).toEqual(['/reason']);
    const missing = await district('POST', `/self-checks/${formId}/review`, {
      decision: 'approve',
      review: { opinion: '同意' },
      reviewerName: '',
      version: submittedV1.version,
    });
    expect(missing.statusCode).toBe(422);
    expect(missing.json().errors.map((e: Json) => e.path)).toEqual([
      '/review/onsiteProblems',
      '/review/onsiteMonitoring',
      '/review/recentProblems',
      '/reviewerName',
    ]);
    const ret = await district('POST', `/self-checks/${formId}/review`, {
      decision: 'return',
      review,
      reviewerName: '李审核',
      reason: '排口设置说明不全',
      version: submittedV1.version,
    });
    expect(ret.statusCode, ret.body).toBe(200);
    const returned = ret.json();
    expect(returned).toMatchObject({
      status: 'returned',
      decision: 'return',
      returnReason: '排口设置说明不全',
      reviewerName: '李审核',
    });

    const v2res = await enterprise('POST', `/self-checks/${formId}/revise`, { version: returned.version });
    expect(v2res.statusCode, v2res.body).toBe(201);
    const v2 = v2res.json();
    expect(v2).toMatchObject({ status: 'draft', versionNo: 2, latestVersionNo: 2 });
    expect(v2.content).toEqual(submittedV1.content);
    // Only the latest version may be revised again.
    expect(
      (await enterprise('POST', `/self-checks/${formId}/revise`, { version: returned.version })).statusCode,
    ).toBe(409);
    const content = structuredClone(v2.content);
    content.water.facilities[0].outletProblems = '已补设排口标识牌';
    content.conclusion.conclusion = '整改后达标（第2版）';
    const saved = await enterprise('PUT', `/self-checks/${v2.id}`, { content, version: v2.version });
    expect(saved.statusCode).toBe(200);
    const sub2 = await enterprise('POST', `/self-checks/${v2.id}/submit`, {
      signerName: '王填报',
      version: saved.json().version,
    });
    expect(sub2.statusCode, sub2.body).toBe(200);

    const v1 = (await enterprise('GET', `/self-checks/${formId}`)).json();
    expect(v1.content).toEqual(submittedV1.content);
    expect(v1).toMatchObject({ status: 'returned', versionNo: 1, latestVersionNo: 2 });
    const versions = (await district('GET', `/self-checks/${v2.id}/versions`)).json();
    expect(versions.items.map((v: Json) => [v.versionNo, v.status])).toEqual([
      [2, 'submitted'],
      [1, 'returned'],
    ]);
    const latest = (
      await district('GET', `/self-checks?campaignId=${campaignId}&enterpriseId=${ent1.id}`)
    ).json();
    expect(latest.items.map((i: Json) => i.versionNo)).toEqual([2]);
    const all = (
      await district('GET', `/self-checks?campaignId=${campaignId}&enterpriseId=${ent1.id}&allVersions=true`)
    ).json();
    expect(all.items.map((i: Json) => i.versionNo).sort()).toEqual([1, 2]);

    const approved = await district('POST', `/self-checks/${v2.id}/review`, {
      decision: 'approve',
      review: { ...review, opinion: '同意，自查情况属实' },
      reviewerName: '李审核',
      version: sub2.json().version,
    });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'approved', decision: 'approve' });
    expect((await auditOf(v2.id)).map((a) => [a.action, a.actor_name])).toEqual([
      ['revise', 'ent-1'],
      ['update', 'ent-1'],
      ['submit', 'ent-1'],
      ['approve', districtLogin],
    ]);
    formId = v2.id;
  });

  it('exports the form as Word: every heading in its table cell, the values beside them', async () => {
    const res = await district('GET', `/self-checks/${formId}/export.docx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    expect(decodeURIComponent(String(res.headers['content-disposition']))).toContain('自查表（第2版）.docx');
    const { tables, paragraphs } = await readDocx(res.rawPayload);
    const view = (await district('GET', `/self-checks/${formId}`)).json();
    const content = view.content;
    expect(paragraphs).toContain('2026 年工业污染源达标计划自查表');
    expect(paragraphs).toContain('填报人(签字, 盖公章): 王填报');
    expect(paragraphs).toContain('填报日期: 2026 年 11 月 23 日');
    expect(paragraphs).toContain('审核人(签字, 盖公章): 李审核');
    const allCells = tables.flat(2).map(squash);

    // The seed's headings (fixture copy): titles and section headings as paragraphs, the rest in cells.
    expect(squash(seedHeadings.title).replace('2017', '2026')).toBe(squash(paragraphs[0]!));
    for (const line of seedHeadings.lines) expect(paragraphs.some((p) => p.startsWith(line))).toBe(true);
    for (const s of seedHeadings.sections) expect(paragraphs, s).toContain(s);
    for (const h of seedHeadings.cells) {
      expect(
        allCells.some((c) => c.includes(squash(h))),
        h,
      ).toBe(true);
    }

    // Field blocks: the label cell, then the value cell in the same row.
    const rowWith = (label: string) => tables.flat().find((r) => r.some((c) => c === label));
    const valueBeside = (label: string) => {
      const row = rowWith(label)!;
      expect(row, label).toBeDefined();
      return row[row.indexOf(label) + 1];
    };
    for (const s of SELF_CHECK_SECTIONS) {
      for (const b of s.blocks) {
        if (b.kind !== 'fields') continue;
        const obj = selfCheckValueAt(content, b.path) as Json;
        if (b.fields.length === 1 && b.fields[0]!.label === b.heading) {
          const i = tables.findIndex((tb) => squash(tb[0]![0]!).startsWith(squash(b.heading!)));
          expect(i, b.heading).toBeGreaterThanOrEqual(0);
          expect(tables[i]![1]![0]).toBe(String(obj[b.fields[0]!.key]));
          continue;
        }
        if (b.heading)
          expect(
            tables.some((tb) => squash(tb[0]![0]!).startsWith(squash(b.heading!))),
            b.heading,
          ).toBe(true);
        for (const f of b.fields) {
          const v = obj[f.key];
          if (f.kind === 'yesNo') {
            expect(valueBeside(f.label), f.label).toContain(v === true ? '☑ 是 ☐ 否' : '☐ 是 ☑ 否');
          } else {
            expect(valueBeside(f.label), f.label).toBe(String(v ?? ''));
          }
          if (f.explain) expect(valueBeside(f.explain.label)).toBe(String(obj[f.explain.key] ?? ''));
        }
      }
    }
    expect(valueBeside('是否按要求公开环境信息')).toContain('☐ 是 ☑ 否');
    expect(valueBeside('若选“否”, 说明环境信息公开存在哪些问题')).toBe('未按季度公开自行监测数据');
    expect(valueBeside('法定代表')).toBe('张法人');
    expect(valueBeside('对企业自查自测自纠情况审核意见')).toBe('同意，自查情况属实');
    expect(valueBeside('现场排查发现的问题')).toBe('排口标识缺失');
    for (const f of SELF_CHECK_REVIEW_SECTION.fields) expect(rowWith(f.label), f.label).toBeDefined();

    // Data tables: heading row, 序号 + group headings, the column headings, then the rows cell by cell.
    for (const tb of SELF_CHECK_TABLES) {
      const table = tables.find((x) => x[0]![0] === tb.heading)!;
      expect(table, tb.heading).toBeDefined();
      const groups = selfCheckColumnGroups(tb);
      const two = groups.some((g) => g.group);
      const top = table[1]!;
      expect(top[0]).toBe('序号');
      expect(top.filter(Boolean)).toEqual([
        '序号',
        ...groups.flatMap((g) => (g.group ? [g.group] : g.columns.map((c) => c.label))),
      ]);
      if (two) {
        expect(table[2]!.filter(Boolean)).toEqual(
          groups.flatMap((g) => (g.group ? g.columns.map((c) => c.label) : [])),
        );
      }
      const rows = (selfCheckValueAt(content, tb.path) as Json[]) ?? [];
      const first = two ? 3 : 2;
      rows.forEach((row, i) => {
        const cells = table[first + i]!;
        expect(cells[0]).toBe(String(i + 1));
        tb.columns.forEach((c, j) => {
          const cell = cells[j + 1]!;
          if (c.kind === 'yesNo') {
            expect(cell).toContain(row[c.key] ? '☑ 是 ☐ 否' : '☐ 是 ☑ 否');
            if (c.explain) expect(cell).toContain(`${c.explain.label}：${row[c.explain.key] ?? ''}`);
          } else {
            expect(cell, `${tb.heading} ${c.label}`).toBe(String(row[c.key] ?? ''));
          }
        });
      });
    }
    const water = tables.find((x) => x[0]![0] === '(二) 水污染物产排污环节及污染治理设施')!;
    expect(water[3]!.join('|')).toContain('☐ 是 ☑ 否\n若选“否”, 说明不全处：缺少3月运行台账');
  });

  it('export and versions are scoped like the form', async () => {
    const other = await t.as(otherEnterpriseLogin);
    expect((await other('GET', `/self-checks/${formId}/export.docx`)).statusCode).toBe(403);
    expect((await other('GET', `/self-checks/${formId}/versions`)).statusCode).toBe(403);
    expect((await enterprise('GET', '/self-checks/424242')).statusCode).toBe(404);
  });
});
