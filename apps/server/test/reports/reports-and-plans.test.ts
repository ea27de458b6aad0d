import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/test-app';
import { DB_KIND } from '../support/test-database';

type Api = Awaited<ReturnType<TestApp['as']>>;

const HESHAN = '430903';
const ZIYANG = '430902';
const NANXIAN = '430921';

/** The text of each table cell and paragraph of a .docx. */
async function docxText(bytes: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file('word/document.xml')!.async('string');
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
}

async function sheetRows(bytes: Buffer): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const ws = wb.worksheets[0]!;
  const rows: string[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, n) => {
    const values: string[] = [];
    for (let c = 1; c <= ws.columnCount; c++) values.push(String(row.getCell(c).value ?? ''));
    rows[n - 1] = values;
  });
  return rows;
}

describe(`periodic reports, plans and rectification notices (${DB_KIND})`, () => {
  let t: TestApp;
  let city: Api;
  let heshan: Api;
  let ziyang: Api;
  let defs: { id: number; key: string; nextDue: { dueDate: string; periodKey: string } }[];
  const def = (key: string) => defs.find((d) => d.key === key)!.id;
  // Ent-1's enterprise, its district's bureau and another district's bureau; a heshan enterprise.
  let ent: { id: number; district: string; districtLogin: string; otherLogin: string };
  let heshanEnterprise: { id: number; name: string; programme_industry: string | null };
  let problemIds: number[];
  let foreignProblemId: number;

  const setClock = (iso: string) => t.clock.advance(new Date(iso).getTime() - t.clock.now().getTime());
  const NOW = '2026-11-23T02:00:00Z';

  async function insertProblem(enterpriseId: number, district: string, extra: object = {}) {
    const now = new Date(NOW);
    const row = await t.database.db
      .insertInto('problem')
      .values({
        enterprise_id: enterpriseId,
        district_code: district,
        source: 'inspection',
        problem_type: 'exceedance',
        description: '化学需氧量超标排放',
        found_on: '2026-09-10',
        created_at: now,
        updated_at: now,
        ...extra,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  beforeAll(async () => {
    t = await buildTestApp();
    city = await t.as('city');
    heshan = await t.as('heshan');
    ziyang = await t.as('ziyang');
    const db = t.database.db;
    const e = await db
      .selectFrom('app_user')
      .innerJoin('enterprise', 'enterprise.id', 'app_user.enterprise_id')
      .select(['enterprise.id', 'enterprise.region_code'])
      .where('app_user.username', '=', 'ent-1')
      .executeTakeFirstOrThrow();
    const district = e.region_code.slice(0, 6);
    const login = async (op: '=' | '!=') =>
      (
        await db
          .selectFrom('app_user')
          .select('username')
          .where('role', '=', 'district')
          .where('region_code', op, district)
          .orderBy('id')
          .executeTakeFirstOrThrow()
      ).username;
    ent = { id: e.id, district, districtLogin: await login('='), otherLogin: await login('!=') };
    heshanEnterprise = await db
      .selectFrom('enterprise')
      .select(['id', 'name', 'programme_industry'])
      .where('region_code', 'like', `${HESHAN}%`)
      .where('programme_industry', 'is not', null)
      .where('id', '!=', e.id)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    problemIds = [
      await insertProblem(ent.id, district),
      await insertProblem(ent.id, district, {
        problem_type: 'other',
        description: '未按要求设置排污口标志牌',
      }),
    ];
    const foreign = await db
      .selectFrom('enterprise')
      .select('id')
      .where('id', '!=', ent.id)
      .where('region_code', 'like', `${district}%`)
      .where('id', '!=', heshanEnterprise.id)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    foreignProblemId = await insertProblem(foreign.id, district);
    defs = (await city('GET', '/reports')).json();
  });
  afterAll(() => t.close());

  it('lists the seeded report definitions with their next due dates', async () => {
    expect(defs.map((d) => d.key)).toEqual([
      'ledger-monthly',
      'enforcement-monthly',
      'exceedance-summary-monthly',
      'exceedance-detail-bimonthly',
      'yearly-summary',
    ]);
    const by = Object.fromEntries(defs.map((d) => [d.key, d.nextDue]));
    expect(by['ledger-monthly']).toMatchObject({ periodKey: '2026-11', dueDate: '2026-12-01' });
    expect(by['enforcement-monthly']).toMatchObject({ periodKey: '2026-11', dueDate: '2026-12-03' });
    expect(by['exceedance-detail-bimonthly']).toMatchObject({
      periodKey: '2026-10~11',
      dueDate: '2026-12-05',
    });
    expect(by['yearly-summary']).toMatchObject({ periodKey: '2026', dueDate: '2026-12-07' });
    expect((await (await t.as('ent-1'))('GET', '/reports')).statusCode).toBe(403);
  });

  it('accepts a late report and marks it late by working days (National Day holiday not counted)', async () => {
    // The September ledger report is due 1 October (每月1日前); 9 October is 8 calendar but 2 working days later.
    setClock('2026-10-09T02:00:00Z');
    try {
      const res = await heshan('POST', `/reports/${def('ledger-monthly')}/submissions`, {
        regionCode: HESHAN,
        periodKey: '2026-09',
        note: '国庆假期后补报',
      });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json()).toMatchObject({
        late: true,
        lateDays: 2,
        status: 'submitted',
        dueAt: '2026-10-01T15:59:59.999Z',
        regionName: '赫山区',
      });
    } finally {
      setClock(NOW);
    }
  });

  it('an on-time report is not late, and its content is prefilled from the ledgers', async () => {
    await insertProblem(heshanEnterprise.id, ZIYANG, {
      case_document_no: '益资环罚〔2026〕12号',
      found_on: '2026-09-20',
    });
    setClock('2026-09-30T08:00:00Z');
    try {
      const res = await ziyang('POST', `/reports/${def('ledger-monthly')}/submissions`, {
        regionCode: ZIYANG,
        periodKey: '2026-09',
      });
      expect(res.statusCode, res.body).toBe(201);
      const s = res.json();
      expect(s).toMatchObject({ late: false, lateDays: 0 });
      expect(s.content).toMatchObject({
        template: 'ledger',
        periodKey: '2026-09',
        problems: { foundInPeriod: 1, open: 1 },
        cases: { inPeriod: 1, list: [{ caseDocumentNo: '益资环罚〔2026〕12号' }] },
      });
    } finally {
      setClock(NOW);
    }
  });

  it('a district cannot report for another district (403), an enterprise not at all, a bad period is 422', async () => {
    const url = `/reports/${def('ledger-monthly')}/submissions`;
    expect((await heshan('POST', url, { regionCode: ZIYANG, periodKey: '2026-10' })).statusCode).toBe(403);
    expect(
      (await (await t.as('ent-1'))('POST', url, { regionCode: HESHAN, periodKey: '2026-10' })).statusCode,
    ).toBe(403);
    const bad = await heshan('POST', url, { regionCode: HESHAN, periodKey: '2026-13' });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors[0].path).toBe('/periodKey');
    const future = await heshan('POST', url, { regionCode: HESHAN, periodKey: '2027-01' });
    expect(future.statusCode).toBe(422);
    const notDistrict = await city('POST', url, { regionCode: '430900', periodKey: '2026-10' });
    expect(notDistrict.json().errors[0].path).toBe('/regionCode');
  });

  it('the matrix shows on time, late by N working days, missing and not yet due', async () => {
    const res = await city('GET', `/reports/${def('ledger-monthly')}/matrix?from=2026-09-01&to=2026-11-30`);
    expect(res.statusCode, res.body).toBe(200);
    const m = res.json();
    expect(m.periods.map((p: { key: string }) => p.key)).toEqual(['2026-09', '2026-10', '2026-11']);
    expect(m.rows).toHaveLength(8);
    const cell = (region: string, period: string) =>
      m.rows
        .find((r: { regionCode: string }) => r.regionCode === region)
        .cells.find((c: { periodKey: string }) => c.periodKey === period);
    expect(cell(HESHAN, '2026-09')).toMatchObject({ state: 'late', lateDays: 2, status: 'submitted' });
    expect(cell(ZIYANG, '2026-09')).toMatchObject({ state: 'on_time' });
    // Due 1 Oct, still missing on 23 Nov: Oct 8, 9, 10 (make-up Saturday), 3 weeks of Oct, 3 weeks of Nov and the 23rd.
    expect(cell(NANXIAN, '2026-09')).toMatchObject({
      state: 'missing_overdue',
      overdueDays: 34,
      submissionId: null,
    });
    expect(cell(HESHAN, '2026-11')).toMatchObject({ state: 'not_due' });
    // A district bureau sees its own row only.
    const own = (
      await heshan('GET', `/reports/${def('ledger-monthly')}/matrix?from=2026-09-01&to=2026-09-30`)
    ).json();
    expect(own.rows.map((r: { regionCode: string }) => r.regionCode)).toEqual([HESHAN]);
  });

  it('a second report for the same period is 409; the city returns it, the district resubmits, the city receives', async () => {
    const url = `/reports/${def('ledger-monthly')}/submissions`;
    const again = await heshan('POST', url, { regionCode: HESHAN, periodKey: '2026-09' });
    expect(again.statusCode).toBe(409);
    const id = (await city('GET', `/reports/${def('ledger-monthly')}/matrix?from=2026-09-01&to=2026-09-30`))
      .json()
      .rows.find((r: { regionCode: string }) => r.regionCode === HESHAN).cells[0].submissionId as number;
    expect((await heshan('POST', `/reports/submissions/${id}/receive`, { version: 1 })).statusCode).toBe(403);
    const noNote = await city('POST', `/reports/submissions/${id}/return`, { version: 1 });
    expect(noNote.statusCode).toBe(422);
    const returned = await city('POST', `/reports/submissions/${id}/return`, {
      version: 1,
      note: '案件查处情况不全',
    });
    expect(returned.json()).toMatchObject({ status: 'returned', reviewNote: '案件查处情况不全', version: 2 });
    const resubmitted = await heshan('POST', url, {
      regionCode: HESHAN,
      periodKey: '2026-09',
      note: '已补充',
    });
    expect(resubmitted.statusCode, resubmitted.body).toBe(201);
    // Replaces the returned one; now 34 working days late.
    expect(resubmitted.json()).toMatchObject({
      id,
      status: 'submitted',
      version: 3,
      late: true,
      lateDays: 34,
    });
    const stale = await city('POST', `/reports/submissions/${id}/receive`, { version: 2 });
    expect(stale.statusCode).toBe(409);
    const received = await city('POST', `/reports/submissions/${id}/receive`, { version: 3 });
    expect(received.json()).toMatchObject({ status: 'received', receivedAt: new Date(NOW).toISOString() });
    expect((await ziyang('GET', `/reports/submissions/${id}`)).statusCode).toBe(403);
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity', '=', 'report_submission')
      .where('entity_id', '=', String(id))
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['submit', 'return', 'resubmit', 'receive']);
  });

  it('a notice period of 2 or 13 months is 422 citing 003 二(一)2; a district outside or an enterprise is 403', async () => {
    const issuer = await t.as(ent.districtLogin);
    const body = {
      enterpriseId: ent.id,
      problemIds,
      periodMonths: 2,
      requirements: '按期完成整改并报送整改报告',
    };
    for (const periodMonths of [2, 13]) {
      const res = await issuer('POST', '/rectification-notices', { ...body, periodMonths });
      expect(res.statusCode).toBe(422);
      expect(res.json().errors).toEqual([expect.objectContaining({ path: '/periodMonths' })]);
      expect(res.json().errors[0].message).toContain('003 二(一)2');
    }
    const foreign = await issuer('POST', '/rectification-notices', {
      ...body,
      periodMonths: 3,
      problemIds: [problemIds[0], foreignProblemId],
    });
    expect(foreign.statusCode).toBe(422);
    expect(foreign.json().errors.map((e: { path: string }) => e.path)).toEqual(['/problemIds/1']);
    const other = await (await t.as(ent.otherLogin))('POST', '/rectification-notices', {
      ...body,
      periodMonths: 3,
    });
    expect(other.statusCode).toBe(403);
    expect(
      (await (await t.as('ent-1'))('POST', '/rectification-notices', { ...body, periodMonths: 3 }))
        .statusCode,
    ).toBe(403);
    expect(await t.database.db.selectFrom('rectification_notice').selectAll().execute()).toEqual([]);
  });

  it('numbers notices per district and year, rolls the due date off the holiday and sets the problems’ deadline', async () => {
    const issuer = await t.as(ent.districtLogin);
    // 1 June + 4 months = 1 October, in the National Day holiday → 8 October.
    const first = await issuer('POST', '/rectification-notices', {
      enterpriseId: ent.id,
      problemIds,
      periodMonths: 4,
      requirements: '完善污水处理设施，确保稳定达标排放',
      issuedOn: '2026-06-01',
    });
    expect(first.statusCode, first.body).toBe(201);
    const n1 = first.json();
    expect(n1).toMatchObject({ periodMonths: 4, issuedOn: '2026-06-01', dueOn: '2026-10-08', problemIds });
    expect(n1.number).toMatch(/^.+环限改〔2026〕1号$/);
    const second = (
      await issuer('POST', '/rectification-notices', {
        enterpriseId: ent.id,
        problemIds: [problemIds[0]],
        periodMonths: 3,
        requirements: '立即整改',
      })
    ).json();
    expect(second.number).toBe(n1.number.replace('1号', '2号'));
    expect(second.dueOn).toBe('2027-02-23');
    const problems = await t.database.db
      .selectFrom('problem')
      .select(['id', 'deadline_on', 'handling'])
      .where('id', 'in', problemIds)
      .orderBy('id')
      .execute();
    expect(problems).toEqual([
      { id: problemIds[0], deadline_on: '2027-02-23', handling: 'deadline_rectification' },
      { id: problemIds[1], deadline_on: '2026-10-08', handling: 'deadline_rectification' },
    ]);
    // The enterprise reads its own notices; another enterprise does not.
    const own = (await (await t.as('ent-1'))('GET', '/rectification-notices')).json();
    expect(own.items.map((n: { id: number }) => n.id).sort()).toEqual([n1.id, second.id].sort());
    expect((await (await t.as('ent-2'))('GET', `/rectification-notices/${n1.id}`)).statusCode).toBe(403);

    const doc = await issuer('GET', `/rectification-notices/${n1.id}/export.docx`);
    expect(doc.statusCode).toBe(200);
    expect(doc.headers['content-type']).toContain('wordprocessingml');
    const text = await docxText(doc.rawPayload);
    expect(text).toContain(n1.number);
    expect(text).toContain('2026年10月8日');
    expect(text).toContain('未按要求设置排污口标志牌');
  });

  it('一企一策: the government writes and files, the enterprise reads its own and may only propose a draft', async () => {
    const ent1 = await t.as('ent-1');
    const district = await t.as(ent.districtLogin);
    const plan = {
      enterpriseId: ent.id,
      title: '提标改造方案',
      targets: '化学需氧量稳定达到一级A标准',
      route: '生化处理+深度处理升级改造路线',
      measures: '新建深度处理单元，完善在线监控',
      targetDate: '2027-06-30',
    };
    const created = await district('POST', '/enterprise-plans', plan);
    expect(created.statusCode, created.body).toBe(201);
    const p = created.json();
    expect(p).toMatchObject({ status: 'draft', version: 1 });
    const proposal = await ent1('POST', '/enterprise-plans', { ...plan, title: '企业草拟方案' });
    expect(proposal.json()).toMatchObject({ status: 'draft' });
    expect((await ent1('POST', '/enterprise-plans', { ...plan, enterpriseId: ent.id + 1 })).statusCode).toBe(
      403,
    );
    // The enterprise may edit its draft but not file it.
    const draftEdit = await ent1('PATCH', `/enterprise-plans/${proposal.json().id}`, {
      version: 1,
      measures: '分两期实施',
    });
    expect(draftEdit.json()).toMatchObject({ measures: '分两期实施', version: 2 });
    expect(
      (await ent1('PATCH', `/enterprise-plans/${p.id}`, { version: 1, status: 'filed' })).statusCode,
    ).toBe(403);
    const filed = await district('PATCH', `/enterprise-plans/${p.id}`, { version: 1, status: 'filed' });
    expect(filed.json()).toMatchObject({ status: 'filed', version: 2 });
    expect(
      (await ent1('PATCH', `/enterprise-plans/${p.id}`, { version: 2, title: '企业改写的方案' })).statusCode,
    ).toBe(403);
    const back = await district('PATCH', `/enterprise-plans/${p.id}`, { version: 2, status: 'draft' });
    expect(back.statusCode).toBe(422);
    expect(back.json().errors[0].path).toBe('/status');
    expect((await (await t.as(ent.otherLogin))('GET', `/enterprise-plans/${p.id}`)).statusCode).toBe(403);
    expect((await (await t.as('ent-2'))('GET', `/enterprise-plans/${p.id}`)).statusCode).toBe(403);
    const mine = (await ent1('GET', '/enterprise-plans')).json();
    expect(mine.total).toBe(2);
    const done = await district('PATCH', `/enterprise-plans/${p.id}`, { version: 2, status: 'done' });
    expect(done.json().status).toBe('done');
  });

  it('exports the 附件3 summary and 附件4 detail with exactly their header rows', async () => {
    const summary = await city('GET', '/reports/exports/summary.xlsx?period=2026-10');
    expect(summary.statusCode, summary.body).toBe(200);
    const s = await sheetRows(summary.rawPayload);
    expect(s[0]![0]).toBe('益阳市工业污染源超标企业清理汇总表');
    const sh = s.findIndex((r) => r[0] === '序号');
    expect(s[sh]).toEqual([
      '序号',
      '县（市）区',
      '行业',
      '超标企业数',
      '已完成整治',
      '限期整改',
      '挂牌督办',
      '淘汰关闭',
      '正在整治',
      '整治完成率',
    ]);
    // 超标企业: ent-1's (under a 限期整改 notice now), its neighbour's and the one in 资阳's ledger; none closed.
    const total = s.find((r) => r[0] === '合计')!;
    expect(total.slice(3)).toEqual(['3', '0', '1', '0', '0', '3', '0.0%']);

    const detail = await heshan('GET', '/reports/exports/detail.xlsx?period=2026-10~11');
    expect(detail.statusCode, detail.body).toBe(200);
    const d = await sheetRows(detail.rawPayload);
    expect(d[0]![0]).toBe('益阳市工业污染源超标企业清理明细表');
    const dh = d.findIndex((r) => r[0] === '序号');
    expect(d[dh]).toEqual([
      '序号',
      '县（市）区',
      '企业名称',
      '所属行业',
      '问题类型',
      '超标因子/问题描述',
      '整治措施',
      '完成时限',
      '整治进展',
      '是否整改到位',
    ]);
    // heshan sees its own district only.
    const districts = new Set(
      d
        .slice(dh + 1)
        .filter((r) => /^\d+$/.test(r[0]!))
        .map((r) => r[1]),
    );
    expect([...districts].every((x) => x === '赫山区')).toBe(true);
    expect((await city('GET', '/reports/exports/detail.xlsx?period=2026-09~10')).statusCode).toBe(422);
    expect((await (await t.as('ent-1'))('GET', '/reports/exports/summary.xlsx')).statusCode).toBe(403);
  });
});
