import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/test-app';
import { DB_KIND } from '../support/test-database';
import { buildScenario, type Scenario } from './monitoring-scenario';

interface Row {
  key: string;
  expected: number;
  received: number;
  valid: number;
  transmissionRate: number | null;
  validityRate: number | null;
  transmissionValidityRate: number | null;
  meetsTarget: boolean;
  monitors: number;
}

/** 数据传输有效率 for a month: hour counts summed first, then the rates. */
describe(`transmission validity rates (${DB_KIND})`, () => {
  let t: TestApp;
  let s: Scenario;

  beforeAll(async () => {
    t = await buildTestApp();
    s = await buildScenario(t);
  });
  afterAll(() => t.close());

  it('pools the counts of monitors with different expected counts instead of averaging rates', async () => {
    const api = await t.as('ent-2');
    // b: 10 hours expected today (first data 00:00), 5 valid → 50 %.
    // w: first data 2026-11-19 16:00 → 90 hours expected by 11-23 10:00, all valid → 100 %.
    const monitors = (await api('GET', '/monitoring/rates?month=2026-11&groupBy=monitor')).json();
    expect(monitors).toMatchObject({
      month: '2026-11',
      groupBy: 'monitor',
      from: '2026-11-01T00:00:00+08:00',
      to: '2026-12-01T00:00:00+08:00',
      asOf: '2026-11-23T10:00:00+08:00',
      target: 0.9,
    });
    const byId = new Map(monitors.rows.map((r: Row & { monitorId: number }) => [r.monitorId, r]));
    expect(byId.get(s.b.monitorId)).toMatchObject({
      expected: 10,
      received: 5,
      valid: 5,
      transmissionValidityRate: 0.5,
    });
    expect(byId.get(s.w.monitorId)).toMatchObject({
      expected: 90,
      received: 90,
      valid: 90,
      transmissionValidityRate: 1,
    });

    const enterprise = (await api('GET', '/monitoring/rates?month=2026-11&groupBy=enterprise')).json();
    expect(enterprise.rows).toHaveLength(1);
    const e: Row = enterprise.rows[0];
    expect(e).toMatchObject({
      key: String(s.b.enterpriseId),
      monitors: 2,
      expected: 100,
      received: 95,
      valid: 95,
    });
    expect(e.transmissionRate).toBeCloseTo(0.95, 12);
    expect(e.validityRate).toBe(1);
    expect(e.transmissionValidityRate).toBeCloseTo(0.95, 12); // 95 / 100, not (0.5 + 1) / 2 = 0.75
    expect(e.meetsTarget).toBe(true);
    expect(enterprise.total).toMatchObject({ monitors: 2, expected: 100, valid: 95, meetsTarget: true });
  });

  it('groups by district within the user’s scope; monitors without data expect nothing', async () => {
    const city = (await (await t.as('admin'))('GET', '/monitoring/rates?month=2026-11')).json();
    expect(city.groupBy).toBe('region');
    expect(city.rows).toHaveLength(8);
    const heshanRow = city.rows.find((r: Row) => r.key === '430903');
    // a 10/10/9 + b 10/5/5 + w 90/90/90
    expect(heshanRow).toMatchObject({ name: '赫山区', expected: 110, received: 105, valid: 104 });
    expect(city.total).toMatchObject({ expected: 120, received: 115, valid: 114 }); // + c 10/10/10
    const silent = city.rows.filter((r: Row) => r.key !== '430903' && r.key !== s.c.regionCode);
    for (const r of silent)
      expect(r).toMatchObject({ expected: 0, transmissionValidityRate: null, meetsTarget: false });

    const district = (
      await (
        await t.as('heshan')
      )('GET', '/monitoring/rates?month=2026-11&groupBy=monitor')
    ).json();
    expect(district.rows.every((r: { regionCode: string }) => r.regionCode === '430903')).toBe(true);
    expect(district.total).toMatchObject({ expected: 110, received: 105, valid: 104 });
    const october = (await (await t.as('admin'))('GET', '/monitoring/rates?month=2026-10')).json();
    expect(october.total).toMatchObject({ expected: 0, received: 0, valid: 0 });
  });

  it('exports the table as Excel', async () => {
    const api = await t.as('heshan');
    const res = await api('GET', '/monitoring/rates/export.xlsx?month=2026-11&groupBy=monitor');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(decodeURIComponent(String(res.headers['content-disposition']))).toContain(
      '数据传输有效率-2026-11.xlsx',
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(
      expect.arrayContaining([
        '区县',
        '企业名称',
        '排放口',
        '数采仪 MN',
        '应收（小时）',
        '传输有效率',
        '是否达到90%',
      ]),
    );
    const json = (await api('GET', '/monitoring/rates?month=2026-11&groupBy=monitor')).json();
    const mnColumn = header.indexOf('数采仪 MN') + 1;
    const rateColumn = header.indexOf('传输有效率') + 1;
    const aRow = (sheet.getSheetValues() as unknown[][]).find((r) => r?.[mnColumn] === s.a.mn)!;
    expect(aRow[rateColumn]).toBeCloseTo(0.9, 12);
    const totalRow = (sheet.getSheetValues() as unknown[][]).find((r) => r?.includes('合计'))!;
    expect(totalRow).toContain(json.total.expected);
  });

  it('exports every grouping, with the columns that grouping has', async () => {
    const api = await t.as('admin');
    for (const [groupBy, has, hasNot] of [
      ['region', '区县', '企业名称'],
      ['enterprise', '企业名称', '数采仪 MN'],
    ] as const) {
      const res = await api('GET', `/monitoring/rates/export.xlsx?month=2026-11&groupBy=${groupBy}`);
      expect(res.statusCode, groupBy).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      const header = (wb.worksheets[0]!.getRow(1).values as unknown[]).slice(1);
      expect(header).toContain(has);
      expect(header).not.toContain(hasNot);
    }
  });
});
