import ExcelJS from 'exceljs';
import type { EnterpriseView } from '../enterprise.schemas';
import { CONTROL_LEVEL_ZH, ENTERPRISE_COLUMNS, KEY_KIND_ZH, STATUS_ZH } from './enterprise-columns';

/** The enterprise sheet, with the columns import reads; `rows` empty gives the import template. */
export async function writeEnterpriseSheet(rows: EnterpriseView[], title: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'dabiao 达标';
  const sheet = workbook.addWorksheet('企业名录', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = ENTERPRISE_COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8F0FE' } };
  for (const [i, e] of rows.entries()) {
    sheet.addRow({
      seq: i + 1,
      name: e.name,
      region: e.regionName,
      industry: e.industryCode ? `${e.industryCode} ${e.industryName ?? ''}`.trim() : '',
      controlLevel: CONTROL_LEVEL_ZH[e.controlLevel] ?? '',
      creditCode: e.creditCode,
      legalRepresentative: e.legalRepresentative ?? '',
      township: e.townshipName ?? '',
      address: e.address ?? '',
      lng: e.lng ?? '',
      lat: e.lat ?? '',
      keyKinds: e.keyKinds.map((k) => KEY_KIND_ZH[k]).join('、'),
      status: STATUS_ZH[e.status] ?? e.status,
      productsAndScale: e.productsAndScale ?? '',
      startedOn: e.startedOn ?? '',
      envContact: e.envContact ?? '',
      envContactPhone: e.envContactPhone ?? '',
    });
  }
  // Credit codes and phone numbers are text: Excel would otherwise show 1.39E+10.
  for (const key of ['creditCode', 'envContactPhone'] as const) sheet.getColumn(key).numFmt = '@';
  workbook.title = title;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
