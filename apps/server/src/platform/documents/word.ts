import {
  AlignmentType,
  BorderStyle,
  Document,
  Packer,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';

// Word (.docx) documents in the look of the seeds' forms: 仿宋/宋体 body, 黑体 headings, bordered
// tables with merged cells, ☑/☐ check boxes. One small vocabulary every export uses (docx does the OOXML).

export type Block = Paragraph | Table;

const BODY_FONT = '宋体';
const TITLE_FONT = '黑体';
/** Half-points: 小四 = 12 pt, 四号 = 14 pt, 小二 = 18 pt. */
const SIZE = { body: 24, heading: 28, title: 36 } as const;

/** The centred title of a form: 《工业污染源达标计划完成整治销号表》. */
export function title(text: string): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { after: 240 },
    children: [new TextRun({ text, font: TITLE_FONT, size: SIZE.title, bold: true })],
  });
}

/** A section heading: 一、企业基本信息. */
export function heading(text: string): Paragraph {
  return new Paragraph({
    spacing: { before: 240, after: 120 },
    children: [new TextRun({ text, font: TITLE_FONT, size: SIZE.heading, bold: true })],
  });
}

/** A body paragraph; `label` is set in bold before the text ("填报日期：" 2026年11月23日). */
export function para(text: string, options: { label?: string; align?: 'left' | 'center' | 'right' } = {}) {
  const runs: TextRun[] = [];
  if (options.label)
    runs.push(new TextRun({ text: options.label, font: BODY_FONT, size: SIZE.body, bold: true }));
  runs.push(new TextRun({ text, font: BODY_FONT, size: SIZE.body }));
  const alignment =
    options.align === 'center'
      ? AlignmentType.CENTER
      : options.align === 'right'
        ? AlignmentType.RIGHT
        : undefined;
  return new Paragraph({ children: runs, ...(alignment ? { alignment } : {}) });
}

/** "☑ 是 ☐ 否" for true, "☐ 是 ☑ 否" for false, "☐ 是 ☐ 否" when not answered. */
export function yesNo(value: boolean | null | undefined): string {
  return `${value === true ? '☑' : '☐'} 是 ${value === false ? '☑' : '☐'} 否`;
}

export interface Cell {
  text: string;
  colSpan?: number;
  rowSpan?: number;
  bold?: boolean;
  /** Relative width of the column this cell starts (only read on the first row). */
  width?: number;
  align?: 'left' | 'center';
}
export type CellInput = string | Cell;

const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const borders = { top: border, bottom: border, left: border, right: border };

function cellOf(input: CellInput, headerRow: boolean): TableCell {
  const c: Cell = typeof input === 'string' ? { text: input } : input;
  const lines = c.text.split('\n');
  return new TableCell({
    borders,
    verticalAlign: VerticalAlign.CENTER,
    ...(c.colSpan ? { columnSpan: c.colSpan } : {}),
    ...(c.rowSpan ? { rowSpan: c.rowSpan } : {}),
    children: lines.map(
      (line) =>
        new Paragraph({
          ...(c.align === 'center' || (headerRow && c.align !== 'left')
            ? { alignment: AlignmentType.CENTER }
            : {}),
          children: [
            new TextRun({ text: line, font: BODY_FONT, size: SIZE.body - 3, bold: c.bold ?? headerRow }),
          ],
        }),
    ),
  });
}

/** A bordered table; the first `headerRows` rows are bold and centred. Cells may span rows and columns. */
export function table(rows: CellInput[][], options: { headerRows?: number } = {}): Table {
  const headerRows = options.headerRows ?? 0;
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: rows.map(
      (cells, i) =>
        new TableRow({ tableHeader: i < headerRows, children: cells.map((c) => cellOf(c, i < headerRows)) }),
    ),
  });
}

/** A two-column label/value table, the shape of 企业基本信息 and 销号表. */
export function fieldTable(fields: ReadonlyArray<readonly [string, string]>): Table {
  return table(fields.map(([label, value]) => [{ text: label, bold: true }, value]));
}

/** The .docx bytes of a document; `landscape` for the wide ledgers. */
export async function docx(blocks: Block[], options: { landscape?: boolean } = {}): Promise<Buffer> {
  const doc = new Document({
    styles: { default: { document: { run: { font: BODY_FONT, size: SIZE.body } } } },
    sections: [
      {
        properties: options.landscape ? { page: { size: { orientation: PageOrientation.LANDSCAPE } } } : {},
        children: blocks,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
