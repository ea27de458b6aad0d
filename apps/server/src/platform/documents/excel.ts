import ExcelJS from 'exceljs';

// Ledgers and report tables in the seeds' own layout: a title row, the 填报单位/填报时间 lines, one or two
// header rows with merged group headings (基本信息 / 排查问题情况 / 查处整改情况), the rows, then the
// form's notes. exceljs writes the file; this only lays it out.

export interface LedgerColumn {
  /** The bottom header cell: the column's own heading, verbatim from the seed. */
  header: string;
  /** The group heading above it (two-row headers); columns of one group must be adjacent. */
  group?: string;
  width?: number;
}

export interface LedgerSheet {
  sheetName: string;
  title: string;
  /** Lines under the title: "填报单位（盖章）：赫山区生态环境局", "填报时间：2026年11月23日". */
  meta?: string[];
  columns: LedgerColumn[];
  rows: ReadonlyArray<ReadonlyArray<string | number | null>>;
  /** The notes under the table (附件1: 1、类别应填写国控、省控、市控 …). */
  notes?: string[];
}

const thin = { style: 'thin' as const };
const box = { top: thin, left: thin, bottom: thin, right: thin };

/** Adds one ledger sheet; returns the 1-based row numbers of its header rows (for tests and freezing). */
export function addLedgerSheet(workbook: ExcelJS.Workbook, spec: LedgerSheet): { headerRows: number[] } {
  const twoRows = spec.columns.some((c) => c.group);
  const n = spec.columns.length;
  const ws = workbook.addWorksheet(spec.sheetName);
  ws.columns = spec.columns.map((c) => ({
    width: c.width ?? Math.max(8, Math.min(30, c.header.length * 2 + 2)),
  }));

  let r = 1;
  ws.mergeCells(r, 1, r, n);
  const titleCell = ws.getCell(r, 1);
  titleCell.value = spec.title;
  titleCell.font = { bold: true, size: 16 };
  titleCell.alignment = { horizontal: 'center' };
  r++;
  for (const line of spec.meta ?? []) {
    ws.mergeCells(r, 1, r, n);
    ws.getCell(r, 1).value = line;
    r++;
  }

  const top = r;
  const headerRows = twoRows ? [top, top + 1] : [top];
  spec.columns.forEach((c, i) => {
    const col = i + 1;
    if (twoRows && !c.group) {
      ws.mergeCells(top, col, top + 1, col);
      ws.getCell(top, col).value = c.header;
    } else if (twoRows) {
      ws.getCell(top + 1, col).value = c.header;
      const first = spec.columns.findIndex((x) => x.group === c.group) === i;
      if (first) {
        let last = i;
        while (spec.columns[last + 1]?.group === c.group) last++;
        if (last > i) ws.mergeCells(top, col, top, last + 1);
        ws.getCell(top, col).value = c.group ?? '';
      }
    } else {
      ws.getCell(top, col).value = c.header;
    }
  });
  for (const hr of headerRows) {
    const row = ws.getRow(hr);
    row.font = { bold: true };
    row.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    for (let col = 1; col <= n; col++) ws.getCell(hr, col).border = box;
  }
  r = top + headerRows.length;
  ws.views = [{ state: 'frozen', ySplit: r - 1 }];

  for (const values of spec.rows) {
    const row = ws.getRow(r);
    values.forEach((v, i) => {
      const cell = row.getCell(i + 1);
      cell.value = v ?? '';
      cell.border = box;
      cell.alignment = { vertical: 'top', wrapText: true };
    });
    r++;
  }
  for (const note of spec.notes ?? []) {
    ws.mergeCells(r, 1, r, n);
    ws.getCell(r, 1).value = note;
    r++;
  }
  return { headerRows };
}

/** A workbook of one or more ledger sheets, as bytes. */
export async function ledgerWorkbook(sheets: LedgerSheet[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'dabiao 达标';
  for (const s of sheets) addLedgerSheet(workbook, s);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
