import { makeCreditCode } from '@dabiao/domain';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENTERPRISE_COLUMNS } from '../../src/registry/import-export/enterprise-columns';
import { buildTestApp, type TestApp } from '../support/test-app';
import { DB_KIND } from '../support/test-database';

const code = (n: number) =>
  makeCreditCode({
    authority: '9',
    orgType: '1',
    division: '430903',
    orgBody: `MA4X${String(n).padStart(4, '0')}`,
  });

async function workbook(rows: (string | number | null)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('企业名录');
  sheet.addRow(ENTERPRISE_COLUMNS.map((c) => c.header));
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function multipart(file: Buffer, name = 'enterprises.xlsx') {
  const boundary = '----dabiao-test-boundary';
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n`,
  );
  return {
    payload: Buffer.concat([head, file, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

//            序号 企业名称 市区县 所属行业 类别 统一社会信用代码 法定代表 乡镇 生产地址 东经 北纬 重点排污类别 企业状态 产品及规模 投产时间 环保负责人 联系方式
const goodRow = (n: number) => [
  n,
  `益阳市导入测试${n}号化工有限公司`,
  '赫山区',
  '2614',
  '市控',
  code(n),
  '李四',
  '桃花仑街道',
  '赫山区龙岭工业园',
  112.38,
  28.56,
  '水、气',
  '在产',
  '年产 1 万吨',
  '2015-06-01',
  '王五',
  '13700000000',
];

describe(`enterprise import and export (${DB_KIND})`, () => {
  let t: TestApp;
  let token: string;
  beforeAll(async () => {
    t = await buildTestApp();
    token = await t.token('heshan');
  });
  afterAll(() => t.close());

  const post = (url: string, file: Buffer) => {
    const { payload, headers } = multipart(file);
    return t.app.inject({
      method: 'POST',
      url: `/api/v1/enterprises/import/${url}`,
      payload,
      headers: { ...headers, authorization: `Bearer ${token}` },
    });
  };
  const count = async () =>
    Number(
      (
        await t.database.db
          .selectFrom('enterprise')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('an import with one bad row imports nothing and reports every bad cell', async () => {
    const bad = goodRow(3);
    bad[5] = `${code(3).slice(0, 17)}${code(3).endsWith('0') ? '1' : '0'}`; // wrong check digit → F
    bad[2] = '火星区'; // unknown district → C
    bad[9] = 'east'; // malformed longitude → J
    const file = await workbook([goodRow(1), goodRow(2), bad, goodRow(2)]);
    const before = await count();
    const preview = await post('preview', file);
    expect(preview.statusCode).toBe(200);
    const body = preview.json();
    expect(body).toMatchObject({ rows: 4, valid: false });
    const cells = body.errors.map((e: { row: number; column: string }) => `${e.row}${e.column}`);
    expect(cells).toEqual(expect.arrayContaining(['4F', '4C', '4J', '5F']));
    expect(body.errors.find((e: { row: number }) => e.row === 5).message).toContain('第 3 行');
    const commit = await post('commit', file);
    expect(commit.statusCode).toBe(422);
    expect(commit.json().cells.length).toBe(body.errors.length);
    expect(await count()).toBe(before);
  });

  it('a clean file previews valid and commits every row in one go', async () => {
    const file = await workbook([goodRow(11), goodRow(12), goodRow(13)]);
    expect((await post('preview', file)).json()).toEqual({ rows: 3, valid: true, errors: [] });
    const before = await count();
    const commit = await post('commit', file);
    expect(commit.statusCode).toBe(200);
    expect(commit.json()).toEqual({ imported: 3 });
    expect(await count()).toBe(before + 3);
    const row = await t.database.db
      .selectFrom('enterprise')
      .selectAll()
      .where('credit_code', '=', code(11))
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      region_code: '430903',
      township_code: '430903002',
      control_level: 'city',
      industry_code: '2614',
      key_kinds: ['water', 'air'],
      started_on: '2015-06-01',
    });
  });

  it('refuses rows outside the importer’s district and a file that is not Excel', async () => {
    const other = goodRow(21);
    other[2] = '安化县';
    other[7] = '';
    const body = (await post('preview', await workbook([other]))).json();
    expect(body.errors[0]).toMatchObject({ row: 2, column: 'C', header: '市区县' });
    const junk = await post('preview', Buffer.from('not a spreadsheet'));
    expect(junk.json().errors[0].message).toContain('Excel');
  });

  it('exports the filtered list with the import columns, and the export imports back as duplicates', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/v1/enterprises/export.xlsx?controlLevel=city',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    expect((sheet.getRow(1).values as string[]).slice(1)).toEqual(ENTERPRISE_COLUMNS.map((c) => c.header));
    const expected = Number(
      (
        await t.database.db
          .selectFrom('enterprise')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('region_code', '=', '430903')
          .where('control_level', '=', 'city')
          .where('active', '=', true)
          .executeTakeFirstOrThrow()
      ).n,
    );
    expect(sheet.rowCount - 1).toBe(expected);
    for (let r = 2; r <= sheet.rowCount; r++) {
      expect(sheet.getRow(r).getCell(3).value).toBe('赫山区');
      expect(sheet.getRow(r).getCell(5).value).toBe('市控');
    }
    const again = (await post('preview', Buffer.from(res.rawPayload))).json();
    expect(again.valid).toBe(false);
    expect(again.errors.every((e: { field: string }) => e.field === 'creditCode')).toBe(true);
  });
});
