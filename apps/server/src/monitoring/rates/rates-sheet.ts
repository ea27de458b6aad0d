import ExcelJS from 'exceljs';
import type { RateGroupBy, RatesView } from './rates.schemas';

const COLUMNS: { header: string; key: string; width: number; by?: RateGroupBy[]; percent?: boolean }[] = [
  { header: '序号', key: 'seq', width: 6 },
  { header: '区县', key: 'regionName', width: 12 },
  { header: '企业名称', key: 'enterpriseName', width: 36, by: ['enterprise', 'monitor'] },
  { header: '排放口', key: 'outletName', width: 20, by: ['monitor'] },
  { header: '数采仪 MN', key: 'mn', width: 28, by: ['monitor'] },
  { header: '监控点数', key: 'monitors', width: 10 },
  { header: '应收（小时）', key: 'expected', width: 12 },
  { header: '实收（小时）', key: 'received', width: 12 },
  { header: '有效（小时）', key: 'valid', width: 12 },
  { header: '传输率', key: 'transmissionRate', width: 10, percent: true },
  { header: '有效率', key: 'validityRate', width: 10, percent: true },
  { header: '传输有效率', key: 'transmissionValidityRate', width: 12, percent: true },
  { header: '是否达到90%', key: 'meets', width: 12 },
];

/** The rates table as Excel, in the registry sheets' style (bold tinted header, frozen first row). */
export async function writeRatesSheet(view: RatesView): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'dabiao 达标';
  const sheet = workbook.addWorksheet(`传输有效率 ${view.month}`, {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  const columns = COLUMNS.filter((c) => !c.by || c.by.includes(view.groupBy));
  sheet.columns = columns.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8F0FE' } };
  const yes = (r: { meetsTarget: boolean; expected: number }) =>
    r.expected === 0 ? '—' : r.meetsTarget ? '是' : '否';
  view.rows.forEach((r, i) => {
    sheet.addRow({ ...r, seq: i + 1, meets: yes(r) });
  });
  const total = sheet.addRow({ ...view.total, seq: '', regionName: '合计', meets: yes(view.total) });
  total.font = { bold: true };
  for (const c of columns) if (c.percent) sheet.getColumn(c.key).numFmt = '0.00%';
  if (columns.some((c) => c.key === 'mn')) sheet.getColumn('mn').numFmt = '@';
  sheet.addRow([]);
  sheet.addRow([
    `传输有效率 = 有效小时数 / 应收小时数（先合计各监控点的小时数再计算）；目标 ≥ ${view.target * 100}%；统计至 ${view.asOf}`,
  ]);
  workbook.title = `数据传输有效率 ${view.month}`;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
