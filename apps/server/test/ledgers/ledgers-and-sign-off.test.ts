import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REVIEW_2026 } from '../../src/demo/seed-campaigns';
import { seedLedgerHistory } from '../../src/demo/seed-ledgers';
import { openProblemFromAlarm } from '../../src/ledgers/alarm-problem';
import { FOLLOW_UP_KIND, sendFollowUpReminders } from '../../src/ledgers/follow-up';
import { filingFixtures } from '../filings/filing-fixtures';
import { buildTestApp, type TestApp } from '../support/test-app';
import { DB_KIND } from '../support/test-database';
import {
  SEED_RECTIFICATION_HEADER_ROWS,
  SEED_RECTIFICATION_NOTE,
  SEED_SCREENING_HEADER_ROWS,
  SEED_SCREENING_NOTES,
} from './seed-headers.fixture';

type Client = Awaited<ReturnType<TestApp['as']>>;
const noWs = (s: string) => s.replace(/\s+/g, '');
const seedRow = (line: string) => line.split('\t').map(noWs);

/** The header rows of the first sheet as the seed lays them out: a merged cell's text only in its first cell. */
async function sheetOf(bytes: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb.worksheets[0]!;
}
function rowText(ws: ExcelJS.Worksheet, r: number, n: number): string[] {
  const out: string[] = [];
  for (let c = 1; c <= n; c++) {
    const cell = ws.getCell(r, c);
    const own = !cell.isMerged || cell.master.address === cell.address;
    out.push(own ? noWs(String(cell.value ?? '')) : '');
  }
  return out;
}

async function docxCells(bytes: Buffer): Promise<string[]> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file('word/document.xml')!.async('string');
  return [...xml.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((m) =>
    [...m[1]!.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''),
  );
}

describe(`ledgers (附件1/3) and sign-off (附件4) per role (${DB_KIND})`, () => {
  let t: TestApp;
  let fx: Awaited<ReturnType<typeof filingFixtures>> & { districtCode: string };
  let campaignId: number;
  let district: Client;
  let other: Client;
  let city: Client;
  let ent: Client;
  let problemId: number;
  const signOffIds: number[] = [];

  beforeAll(async () => {
    t = await buildTestApp();
    const f = await filingFixtures(t);
    const { region_code } = await t.database.db
      .selectFrom('enterprise')
      .select('region_code')
      .where('id', '=', f.enterpriseId)
      .executeTakeFirstOrThrow();
    fx = { ...f, districtCode: region_code };
    campaignId = (
      await t.database.db
        .selectFrom('campaign')
        .select('id')
        .where('name', '=', REVIEW_2026)
        .executeTakeFirstOrThrow()
    ).id;
    district = await t.as(fx.ownDistrict);
    other = await t.as(fx.otherDistrict);
    city = await t.as('city');
    ent = await t.as('ent-1');
  });
  afterAll(() => t.close());

  const newProblem = (extra: object = {}) => ({
    enterpriseId: fx.enterpriseId,
    campaignId,
    type: 'facility_inadequate',
    description: '脱硫设施处理能力不足，SO2 排放不稳定',
    foundOn: '2026-11-10',
    handling: 'deadline_rectification',
    deadlineOn: '2027-02-28',
    ...extra,
  });

  it('lets the district open a problem in its scope; refuses bad input, the enterprise and other districts', async () => {
    const bad = await district('POST', '/problems', newProblem({ type: 'nonsense', foundOn: 'yesterday' }));
    expect(bad.statusCode).toBe(422);
    const paths = bad.json().errors.map((e: { path: string }) => e.path);
    expect(paths.some((p: string) => p.includes('type') || p.includes('foundOn'))).toBe(true);
    const early = await district('POST', '/problems', newProblem({ deadlineOn: '2026-11-01' }));
    expect(early.statusCode).toBe(422);
    expect(early.json().errors[0].path).toBe('/deadlineOn');
    expect((await ent('POST', '/problems', newProblem())).statusCode).toBe(403);
    const o = await other('POST', '/problems', newProblem());
    expect(o.statusCode).toBe(403);
    expect(o.json().code).toBe('OUT_OF_SCOPE');

    const r = await district('POST', '/problems', newProblem());
    expect(r.statusCode).toBe(201);
    const p = r.json();
    expect(p).toMatchObject({
      status: 'open',
      type: 'facility_inadequate',
      districtCode: fx.districtCode,
      version: 1,
    });
    problemId = p.id;
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity', '=', 'problem')
      .where('entity_id', '=', String(problemId))
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['create']);
  });

  it('updates the ledger columns with a version; stale versions 409, enterprise 403', async () => {
    const body = {
      version: 1,
      caseDocumentNo: '益环罚〔2026〕18号',
      penaltyRequirement: '罚款 10 万元，限期三个月整改',
      planStatus: '已制定整治方案',
      measures: '新增一级喷淋',
      recheckReportNo: 'YYJC-2026-1102',
    };
    expect((await ent('PATCH', `/problems/${problemId}`, body)).statusCode).toBe(403);
    expect((await other('PATCH', `/problems/${problemId}`, body)).statusCode).toBe(403);
    const r = await district('PATCH', `/problems/${problemId}`, body);
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ caseDocumentNo: '益环罚〔2026〕18号', version: 2 });
    const stale = await city('PATCH', `/problems/${problemId}`, { ...body, measures: 'x' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('STALE_VERSION');
  });

  it('screening ledger: one row per campaign enterprise, filled from data and typed fields; 是否整改到位 否 while open', async () => {
    const list = (await district('GET', `/ledgers/screening?campaignId=${campaignId}&pageSize=500`)).json();
    expect(list.total).toBeGreaterThan(0);
    const row = list.items.find((x: { enterpriseId: number }) => x.enterpriseId === fx.enterpriseId);
    expect(row).toBeTruthy();
    expect(row.problemTypes).toBe('设施未满足污染物处理要求');
    expect(row.caseDocuments).toBe('益环罚〔2026〕18号');
    expect(row.rectified).toBe(false);
    expect(row.regionName).toMatch(/^益阳市.+[区县市]$/);
    expect(row.permitSummary).toMatch(/治理设施 \d+ 套/);
    expect(row.onlineMonitoring).toContain('监测因子');
    // A district sees its own district's enterprises only; the enterprise only itself.
    const districtCodes = new Set(list.items.map((x: { regionCode: string }) => x.regionCode));
    expect([...districtCodes].every((c) => (c as string).startsWith(row.regionCode.slice(0, 6)))).toBe(true);
    const own = (await ent('GET', `/ledgers/screening?campaignId=${campaignId}`)).json();
    expect(own.items.map((x: { enterpriseId: number }) => x.enterpriseId)).toEqual([fx.enterpriseId]);

    const put = (c: Client, body: object) =>
      c('PUT', `/ledgers/screening/${campaignId}/${fx.enterpriseId}`, body);
    const typed = {
      monitoringReportNo: 'YYJC-2026-0918',
      exceeded: true,
      exceedReason: '脱硫塔循环泵故障',
      version: 0,
    };
    expect((await put(ent, typed)).statusCode).toBe(403);
    expect((await put(other, typed)).statusCode).toBe(403);
    const r = await put(district, typed);
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ monitoringReportNo: 'YYJC-2026-0918', exceeded: true, version: 1 });
    expect((await put(district, { ...typed, version: 0 })).statusCode).toBe(409);
    const r2 = await put(district, { onlineExceedReason: '启炉阶段', version: 1 });
    expect(r2.json()).toMatchObject({
      onlineExceedReason: '启炉阶段',
      exceedReason: '脱硫塔循环泵故障',
      version: 2,
    });
    const audits = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity', '=', 'screening_entry')
      .execute();
    expect(audits.map((a) => a.action)).toEqual(['create', 'update']);
  });

  it('sign-off: refuses without evidence (422), other roles and districts (403)', async () => {
    const none = await ent('POST', `/problems/${problemId}/sign-offs`, {
      measuresTaken: '新增一级喷淋',
      completion: '已完工',
      evidence: [],
    });
    expect(none.statusCode).toBe(422);
    expect(none.json().detail ?? none.json().message ?? none.json().title).toBeDefined();
    expect(JSON.stringify(none.json())).toContain('销号须附整改证据');
    expect(none.json().errors[0].path).toBe('/evidence');
    const body = {
      measuresTaken: '新增一级喷淋，更换循环泵',
      completion: '已完工并经第三方复测达标',
      evidence: [{ name: '复测报告', note: 'YYJC-2026-1102' }, { name: '现场照片' }],
    };
    expect((await district('POST', `/problems/${problemId}/sign-offs`, body)).statusCode).toBe(403);
    expect((await (await t.as('ent-2'))('POST', `/problems/${problemId}/sign-offs`, body)).statusCode).toBe(
      403,
    );
    const r = await ent('POST', `/problems/${problemId}/sign-offs`, body);
    expect(r.statusCode).toBe(201);
    expect(r.json()).toMatchObject({ round: 1, status: 'applied', applicantName: expect.any(String) });
    signOffIds.push(r.json().id);
    expect((await ent('POST', `/problems/${problemId}/sign-offs`, body)).statusCode).toBe(409);
    expect((await ent('GET', `/problems/${problemId}`)).json().status).toBe('applied');

    const id = signOffIds[0];
    const verify = { decision: 'approve', opinion: '现场核查属实', verifierName: '李四', version: 1 };
    expect((await ent('POST', `/sign-offs/${id}/district-verify`, verify)).statusCode).toBe(403);
    expect((await city('POST', `/sign-offs/${id}/district-verify`, verify)).statusCode).toBe(403);
    const o = await other('POST', `/sign-offs/${id}/district-verify`, verify);
    expect(o.statusCode).toBe(403);
    expect((await district('POST', `/sign-offs/${id}/city-verify`, verify)).statusCode).toBe(403);
    const missing = await district('POST', `/sign-offs/${id}/district-verify`, {
      ...verify,
      opinion: '',
      verifierName: ' ',
    });
    expect(missing.statusCode).toBe(422);
    expect(missing.json().errors.map((e: { path: string }) => e.path)).toEqual(['/opinion', '/verifierName']);
    const stale = await district('POST', `/sign-offs/${id}/district-verify`, { ...verify, version: 5 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('STALE_VERSION');
    // The queues: the district sees the application; the city does not yet.
    const dq = (await district('GET', '/sign-offs')).json();
    expect(dq.items.map((x: { id: number }) => x.id)).toContain(id);
    expect((await other('GET', '/sign-offs')).json().items.map((x: { id: number }) => x.id)).not.toContain(
      id,
    );
    expect((await city('GET', '/sign-offs')).json().items.map((x: { id: number }) => x.id)).not.toContain(id);
  });

  it('a district refusal sends the problem back to open; a new round; a city refusal likewise; then closed', async () => {
    const body = {
      measuresTaken: '新增一级喷淋',
      completion: '已完工',
      evidence: [{ name: '验收报告' }],
    };
    let r = await district('POST', `/sign-offs/${signOffIds[0]}/district-verify`, {
      decision: 'refuse',
      opinion: '喷淋未投运',
      verifierName: '李四',
      version: 1,
    });
    expect(r.statusCode).toBe(200);
    expect(r.json().status).toBe('district_refused');
    expect((await district('GET', `/problems/${problemId}`)).json().status).toBe('open');

    r = await ent('POST', `/problems/${problemId}/sign-offs`, body);
    expect(r.json()).toMatchObject({ round: 2, status: 'applied' });
    signOffIds.push(r.json().id);
    r = await district('POST', `/sign-offs/${signOffIds[1]}/district-verify`, {
      decision: 'approve',
      opinion: '现场核查，设施已正常运行',
      verifierName: '李四',
      version: 1,
    });
    expect(r.json().status).toBe('district_verified');
    expect((await city('GET', '/sign-offs')).json().items.map((x: { id: number }) => x.id)).toContain(
      signOffIds[1],
    );
    r = await city('POST', `/sign-offs/${signOffIds[1]}/city-verify`, {
      decision: 'refuse',
      opinion: '缺少连续一个月的在线数据',
      verifierName: '王五',
      version: 2,
    });
    expect(r.json().status).toBe('city_refused');
    expect((await city('GET', `/problems/${problemId}`)).json().status).toBe('open');

    r = await ent('POST', `/problems/${problemId}/sign-offs`, body);
    signOffIds.push(r.json().id);
    expect(r.json().round).toBe(3);
    await district('POST', `/sign-offs/${signOffIds[2]}/district-verify`, {
      decision: 'approve',
      opinion: '同意销号',
      verifierName: '李四',
      version: 1,
    });
    r = await city('POST', `/sign-offs/${signOffIds[2]}/city-verify`, {
      decision: 'approve',
      opinion: '同意销号',
      verifierName: '王五',
      version: 2,
    });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ status: 'closed', cityVerifier: '王五' });
    const detail = (await ent('GET', `/problems/${problemId}`)).json();
    expect(detail.status).toBe('closed');
    expect(detail.closedAt).toBe(t.clock.now().toISOString());
    expect(detail.followUpDueOn).toBeNull();
    expect(detail.signOffs.map((s: { status: string }) => s.status)).toEqual([
      'district_refused',
      'city_refused',
      'closed',
    ]);
    const audits = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity', '=', 'sign_off')
      .orderBy('id')
      .execute();
    expect(audits.map((a) => a.action)).toEqual([
      'sign_off.apply',
      'sign_off.district_verify',
      'sign_off.apply',
      'sign_off.district_verify',
      'sign_off.city_verify',
      'sign_off.apply',
      'sign_off.district_verify',
      'sign_off.city_verify',
    ]);
  });

  it('the ledgers update themselves: 是否整改到位 flips to 是 once closed; enterprises see their own problems only', async () => {
    const s = (
      await district('GET', `/ledgers/screening?campaignId=${campaignId}&enterpriseId=${fx.enterpriseId}`)
    ).json();
    expect(s.items[0].rectified).toBe(true);
    const rect = (await district('GET', `/ledgers/rectification?enterpriseId=${fx.enterpriseId}`)).json();
    const row = rect.items.find((x: { id: number }) => x.id === problemId);
    expect(row).toMatchObject({
      rectified: '是',
      seq: expect.any(Number),
      screening: expect.stringContaining('设施未满足'),
    });
    // Another open problem of a different enterprise, in the other district.
    const otherEnt = await t.database.db
      .selectFrom('app_user')
      .innerJoin('enterprise', 'enterprise.id', 'app_user.enterprise_id')
      .select(['enterprise.id', 'enterprise.region_code'])
      .where('enterprise.region_code', '!=', s.items[0].regionCode)
      .orderBy('enterprise.id')
      .executeTakeFirstOrThrow();
    const made = await city(
      'POST',
      '/problems',
      newProblem({ enterpriseId: otherEnt.id, type: 'covert_discharge' }),
    );
    expect(made.statusCode).toBe(201);
    const mine = (await ent('GET', '/ledgers/rectification')).json();
    expect(mine.items.length).toBeGreaterThan(0);
    expect(mine.items.every((x: { enterpriseId: number }) => x.enterpriseId === fx.enterpriseId)).toBe(true);
    expect((await ent('GET', `/problems/${made.json().id}`)).statusCode).toBe(403);
    const own = (await district('GET', '/ledgers/rectification?type=covert_discharge')).json();
    expect(own.items.some((x: { id: number }) => x.id === made.json().id)).toBe(false);
    const all = (await city('GET', '/ledgers/rectification?type=covert_discharge&status=open')).json();
    expect(all.items.some((x: { id: number }) => x.id === made.json().id)).toBe(true);
    expect((await (await t.as('expert'))('GET', '/ledgers/rectification')).statusCode).toBe(403);
  });

  it('exports 附件1 and 附件3 with the seed header rows exactly, the title, the unit line and the notes', async () => {
    const s = await district('GET', `/ledgers/screening/export.xlsx?campaignId=${campaignId}`);
    expect(s.statusCode).toBe(200);
    expect(s.headers['content-type']).toContain('spreadsheetml');
    let ws = await sheetOf(s.rawPayload);
    expect(ws.getCell(1, 1).value).toBe('工业污染源达标计划排查台账');
    expect(String(ws.getCell(2, 1).value)).toMatch(/^填报单位（盖章）：益阳市.+/);
    expect(String(ws.getCell(3, 1).value)).toBe('填报时间：2026年11月23日');
    expect(rowText(ws, 4, 15)).toEqual(seedRow(SEED_SCREENING_HEADER_ROWS[0]!));
    expect(rowText(ws, 5, 15)).toEqual(seedRow(SEED_SCREENING_HEADER_ROWS[1]!));
    const lastRows = [ws.rowCount - 2, ws.rowCount - 1, ws.rowCount].map((r) =>
      String(ws.getCell(r, 1).value),
    );
    expect(lastRows).toEqual(SEED_SCREENING_NOTES);
    const entRow = ws
      .getRows(6, ws.rowCount - 8)!
      .find((r) => String(r.getCell(2).value) !== '' && r.getCell(8).value === 'YYJC-2026-0918');
    expect(entRow?.getCell(15).value).toBe('是');

    const r = await district('GET', '/ledgers/rectification/export.xlsx');
    expect(r.statusCode).toBe(200);
    ws = await sheetOf(r.rawPayload);
    expect(ws.getCell(1, 1).value).toBe('工业污染源达标计划问题整改台账');
    expect(String(ws.getCell(2, 1).value)).toMatch(/^填报单位（盖章）：益阳市.+/);
    const header = [3, 4, 5].find((n) => noWs(String(ws.getCell(n, 1).value)) === '序号')!;
    expect(rowText(ws, header, 14)).toEqual(seedRow(SEED_RECTIFICATION_HEADER_ROWS[0]!));
    expect(rowText(ws, header + 1, 14)).toEqual(seedRow(SEED_RECTIFICATION_HEADER_ROWS[1]!));
    expect(String(ws.getCell(ws.rowCount, 1).value)).toBe(SEED_RECTIFICATION_NOTE);
    expect(ws.getCell(header + 2, 1).value).toBe(1);
  });

  it('downloads each round as the 附件4 form (Word)', async () => {
    const r = await ent('GET', `/sign-offs/${signOffIds[2]}/export.docx`);
    expect(r.statusCode).toBe(200);
    const cells = await docxCells(r.rawPayload);
    const zip = await JSZip.loadAsync(r.rawPayload);
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toContain('工业污染源达标计划完成整治销号表');
    expect(xml).toContain('填表人 (盖章)：');
    expect(xml).toContain('填表时间：');
    for (const label of [
      '企业名称',
      '统一社会信用代码',
      '自查排查发现的问题',
      '采取的整治措施',
      '整治完成情况',
      '县市区环保部门现场核查意见',
      '市州环保部门核查意见',
      '核查日期',
    ])
      expect(cells).toContain(label);
    expect(cells).toContain('王五');
    expect(cells).toContain('2026年11月23日');
    expect((await other('GET', `/sign-offs/${signOffIds[2]}/export.docx`)).statusCode).toBe(403);
  });

  it('opens a problem when an alarm sheet is concluded confirmed_exceedance, once per sheet', async () => {
    const db = t.database.db;
    const now = t.clock.now();
    const m = await db
      .selectFrom('monitor')
      .select(['id', 'outlet_id'])
      .where('id', '=', fx.monitorId)
      .executeTakeFirstOrThrow();
    const alarm = await db
      .insertInto('alarm')
      .values({
        kind: 'exceedance',
        rule: 'exceedance',
        monitor_id: m.id,
        outlet_id: m.outlet_id,
        enterprise_id: fx.enterpriseId,
        district_code: fx.districtCode,
        pollutant: 'a21026',
        averaging: 'hour',
        started_at: new Date(now.getTime() - 5 * 3_600_000),
        ended_at: new Date(now.getTime() - 3 * 3_600_000),
        peak: 600,
        mean: 525,
        max_multiple: 2,
        evidence: JSON.stringify({ periods: [] }),
        verdict: '二氧化硫小时均值 600 mg/m³，超过 GB 13271-2014 限值 300 mg/m³ 1.0 倍',
        detected_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const sheet = await db
      .insertInto('alarm_sheet')
      .values({
        number: 'BJ-TEST-0001',
        alarm_id: alarm.id,
        enterprise_id: fx.enterpriseId,
        district_code: fx.districtCode,
        state: 'signed',
        dispatched_at: now,
        deadline_at: new Date(now.getTime() + 24 * 3_600_000),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const r = await district('POST', `/alarms/${alarm.id}/sheet/conclude`, {
      version: 1,
      conclusion: 'confirmed_exceedance',
      note: '现场核实超标属实',
    });
    expect(r.statusCode).toBe(200);
    const problems = await db
      .selectFrom('problem')
      .selectAll()
      .where('alarm_sheet_id', '=', sheet.id)
      .execute();
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      source: 'alarm',
      problem_type: 'exceedance',
      district_code: fx.districtCode,
      enterprise_id: fx.enterpriseId,
      campaign_id: campaignId,
      status: 'open',
    });
    expect(problems[0]!.description).toContain('GB 13271-2014');
    expect(problems[0]!.description).toContain('BJ-TEST-0001');
    const again = await openProblemFromAlarm(
      db,
      {
        sheetId: sheet.id,
        sheetNumber: 'BJ-TEST-0001',
        enterpriseId: fx.enterpriseId,
        districtCode: fx.districtCode,
        verdict: 'x',
      },
      { id: null, name: 'test' },
      now,
    );
    expect(again).toBeNull();
    expect(
      await db.selectFrom('problem').select('id').where('alarm_sheet_id', '=', sheet.id).execute(),
    ).toHaveLength(1);
    // A false alarm opens nothing.
    const before = await db
      .selectFrom('problem')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const alarm2 = await db
      .insertInto('alarm')
      .values({
        kind: 'exceedance',
        rule: 'exceedance',
        monitor_id: m.id,
        outlet_id: m.outlet_id,
        enterprise_id: fx.enterpriseId,
        district_code: fx.districtCode,
        started_at: new Date(now.getTime() - 3_600_000),
        ended_at: now,
        evidence: '{}',
        verdict: 'v',
        detected_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('alarm_sheet')
      .values({
        number: 'BJ-TEST-0002',
        alarm_id: alarm2.id,
        enterprise_id: fx.enterpriseId,
        district_code: fx.districtCode,
        state: 'signed',
        dispatched_at: now,
        deadline_at: now,
      })
      .execute();
    const fa = await district('POST', `/alarms/${alarm2.id}/sheet/conclude`, {
      version: 1,
      conclusion: 'false_alarm',
      note: '标气校准',
    });
    expect(fa.statusCode).toBe(200);
    const after = await db
      .selectFrom('problem')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('sends the monthly follow-up reminders once per Shanghai month per open problem', async () => {
    const db = t.database.db;
    const now = t.clock.now();
    const open = await db
      .selectFrom('problem')
      .select(['id', 'enterprise_id', 'district_code'])
      .where('status', '!=', 'closed')
      .execute();
    expect(open.length).toBeGreaterThanOrEqual(2);
    const n = await sendFollowUpReminders(db, now);
    expect(n).toBeGreaterThan(0);
    const sent = await db.selectFrom('notification').selectAll().where('kind', '=', FOLLOW_UP_KIND).execute();
    expect(sent).toHaveLength(n);
    const districtUser = await db
      .selectFrom('app_user')
      .select('id')
      .where('username', '=', fx.ownDistrict)
      .executeTakeFirstOrThrow();
    const entUser = await db
      .selectFrom('app_user')
      .select('id')
      .where('username', '=', 'ent-1')
      .executeTakeFirstOrThrow();
    const alarmProblem = open.find((p) => p.enterprise_id === fx.enterpriseId)!;
    const links = (uid: number) => sent.filter((s) => s.user_id === uid).map((s) => s.link);
    expect(links(districtUser.id)).toContain(`/problems/${alarmProblem.id}`);
    expect(links(entUser.id)).toContain(`/problems/${alarmProblem.id}`);
    // The closed problem is not followed up; the other district's user hears nothing of ent-1's problem.
    expect(sent.some((s) => s.link === `/problems/${problemId}`)).toBe(false);
    const otherUser = await db
      .selectFrom('app_user')
      .select('id')
      .where('username', '=', fx.otherDistrict)
      .executeTakeFirstOrThrow();
    expect(links(otherUser.id)).not.toContain(`/problems/${alarmProblem.id}`);
    expect(sent[0]!.title).toContain('2026-11-30');
    // Idempotent within the month, even late on its last day (Shanghai); again in the next month.
    expect(await sendFollowUpReminders(db, new Date('2026-11-30T15:30:00Z'))).toBe(0);
    expect(await sendFollowUpReminders(db, new Date('2026-11-30T16:30:00Z'))).toBe(n);
  });

  it('seeds the demo ledgers once: problems at every sign-off step, two for ent-1', async () => {
    const db = t.database.db;
    const count = async (table: 'problem' | 'sign_off' | 'screening_entry') =>
      Number(
        (
          await db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count('problem');
    await seedLedgerHistory(db, t.clock.now());
    const seeded = (await count('problem')) - before;
    expect(seeded).toBeGreaterThanOrEqual(25);
    expect(seeded).toBeLessThanOrEqual(35);
    const problems = await db
      .selectFrom('problem')
      .select(['status', 'problem_type', 'handling', 'district_code', 'enterprise_id'])
      .where('created_by', 'is not', null)
      .execute();
    expect(new Set(problems.map((p) => p.status))).toEqual(
      new Set(['open', 'applied', 'district_verified', 'closed']),
    );
    expect(new Set(problems.map((p) => p.problem_type)).size).toBe(8);
    expect(new Set(problems.map((p) => p.handling).filter(Boolean)).size).toBe(3);
    expect(new Set(problems.map((p) => p.district_code)).size).toBeGreaterThanOrEqual(6);
    const rounds = await db.selectFrom('sign_off').select('status').execute();
    expect(new Set(rounds.map((r) => r.status))).toEqual(
      new Set(['applied', 'district_verified', 'closed', 'district_refused', 'city_refused']),
    );
    expect(problems.filter((p) => p.enterprise_id === fx.enterpriseId).length).toBeGreaterThanOrEqual(3);
    expect(await count('screening_entry')).toBeGreaterThan(1);
    const n = [await count('problem'), await count('sign_off')];
    await seedLedgerHistory(db, t.clock.now());
    expect([await count('problem'), await count('sign_off')]).toEqual(n);
  });
});
