import ExcelJS from 'exceljs';
import { type ColumnKey, columnLetter, ENTERPRISE_COLUMNS } from './enterprise-columns';

export interface SheetRow {
  /** The row number Excel shows. */
  row: number;
  cells: Partial<Record<ColumnKey, string>>;
}

export interface CellError {
  row: number;
  column: string;
  header: string;
  field: string;
  message: string;
}

const MAX_ROWS = 20_000;

function text(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value)
      return value.richText
        .map((r) => r.text)
        .join('')
        .trim();
    if ('text' in value) return String(value.text).trim();
    if ('result' in value) return text(value.result as ExcelJS.CellValue);
    return '';
  }
  return String(value).trim();
}

/** Reads the first worksheet; the header row may be row 1 or the row that holds «企业名称». */
export interface ParsedSheet {
  rows: SheetRow[];
  errors: CellError[];
  /** Where each known column stands in this file (1-based). */
  positions: Map<ColumnKey, number>;
}

export async function parseEnterpriseSheet(buffer: Buffer): Promise<ParsedSheet> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    return {
      rows: [],
      positions: new Map(),
      errors: [{ row: 0, column: '', header: '', field: 'file', message: '不是有效的 Excel（.xlsx）文件' }],
    };
  }
  const sheet = workbook.worksheets[0];
  if (!sheet)
    return {
      rows: [],
      positions: new Map(),
      errors: [{ row: 0, column: '', header: '', field: 'file', message: '文件中没有工作表' }],
    };
  let headerRow = 0;
  const positions = new Map<ColumnKey, number>();
  for (let r = 1; r <= Math.min(10, sheet.rowCount) && !headerRow; r++) {
    const values = sheet.getRow(r);
    values.eachCell((cell, col) => {
      const header = text(cell.value).replace(/\s+/g, '');
      const column = ENTERPRISE_COLUMNS.find((c) => c.header === header);
      if (column) positions.set(column.key, col);
    });
    if (positions.has('name')) headerRow = r;
    else positions.clear();
  }
  if (!headerRow) {
    return {
      rows: [],
      positions,
      errors: [
        {
          row: 1,
          column: 'A',
          header: '',
          field: 'header',
          message: '找不到表头：须有「企业名称」等列（请使用导入模板）',
        },
      ],
    };
  }
  const errors: CellError[] = ENTERPRISE_COLUMNS.filter((c) => 'required' in c && !positions.has(c.key)).map(
    (c) => ({
      row: headerRow,
      column: '',
      header: c.header,
      field: c.key,
      message: `缺少必需的列「${c.header}」`,
    }),
  );
  const rows: SheetRow[] = [];
  for (let r = headerRow + 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cells: SheetRow['cells'] = {};
    for (const [key, col] of positions) {
      const value = text(row.getCell(col).value);
      if (value) cells[key] = value;
    }
    const meaningful = Object.keys(cells).filter((k) => k !== 'seq');
    if (meaningful.length === 0) continue;
    rows.push({ row: r, cells });
    if (rows.length > MAX_ROWS) {
      errors.push({ row: r, column: '', header: '', field: 'file', message: `一次最多导入 ${MAX_ROWS} 行` });
      break;
    }
  }
  return { rows, errors, positions };
}

export const positionOf = (key: ColumnKey, positions: Map<ColumnKey, number>) => {
  const column = ENTERPRISE_COLUMNS.find((c) => c.key === key)!;
  const at = positions.get(key);
  return { column: at ? columnLetter(at - 1) : '', header: column.header };
};
