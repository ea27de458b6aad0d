import {
  SELF_CHECK_REVIEW_SECTION,
  SELF_CHECK_SECTIONS,
  SELF_CHECK_SIGNATURES,
  type SelfCheckField,
  type SelfCheckFieldGroup,
  type SelfCheckFormTable,
  selfCheckColumnGroups,
  selfCheckTitle,
  selfCheckValueAt,
} from '@dabiao/domain';
import {
  type Block,
  type CellInput,
  docx,
  heading,
  para,
  table,
  title,
  yesNo,
} from '../platform/documents/word';
import type { SelfCheckView } from './self-check.schemas';

const str = (v: unknown): string =>
  v === null || v === undefined ? '' : typeof v === 'string' ? v : String(v);

/** "2026 年 11 月 23 日" (Shanghai) of an instant, blanks for none, as the seed's "年 月 日". */
function dateLine(iso: string | null): string {
  if (!iso) return '    年    月    日';
  const [y, m, d] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' })
    .format(new Date(iso))
    .split('-');
  return `${y} 年 ${Number(m)} 月 ${Number(d)} 日`;
}

/** The value cell of a field: the text, or ☑/☐ 是/否 (+ the hint, + the explanation line). */
function valueText(f: SelfCheckField, obj: unknown): string {
  const v = selfCheckValueAt(obj, f.key);
  if (f.kind !== 'yesNo') return str(v);
  const box = yesNo(v === true ? true : v === false ? false : null);
  return f.hint ? `${box}（${f.hint}）` : box;
}

/** A block of fields: [group (merged over its fields) | label | value], or [label (2 columns) | value]. */
function fieldsTable(block: SelfCheckFieldGroup, content: Record<string, unknown>) {
  const obj = selfCheckValueAt(content, block.path);
  const rows: CellInput[][] = [];
  if (block.heading) {
    const text = block.hint ? `${block.heading} (${block.hint})` : block.heading;
    rows.push([{ text, colSpan: 3, bold: true, align: 'left' }]);
  }
  const single = block.fields.length === 1 && block.fields[0]!.label === block.heading;
  if (single) {
    rows.push([{ text: valueText(block.fields[0]!, obj), colSpan: 3 }]);
    return table(rows);
  }
  const fields = block.fields;
  for (let i = 0; i < fields.length; i++) {
    const f = fields[i]!;
    const lines: CellInput[][] = [[{ text: f.label, bold: true }, valueText(f, obj)]];
    if (f.explain) {
      lines.push([{ text: f.explain.label, bold: true }, str(selfCheckValueAt(obj, f.explain.key))]);
    }
    if (f.group) {
      const first = i === 0 || fields[i - 1]!.group !== f.group;
      if (first) {
        let span = 0;
        for (let j = i; j < fields.length && fields[j]!.group === f.group; j++) {
          span += fields[j]!.explain ? 2 : 1;
        }
        lines[0]!.unshift({ text: f.group, bold: true, ...(span > 1 ? { rowSpan: span } : {}) });
      }
      rows.push(...lines);
    } else if (f.explain) {
      // 是否按要求公开环境信息 | ☑ 是 ☐ 否 / 若选“否”… | text: the question spans both lines.
      rows.push([
        { text: f.label, bold: true, rowSpan: 2 },
        { text: valueText(f, obj), colSpan: 2 },
      ]);
      rows.push([{ text: f.explain.label, bold: true }, str(selfCheckValueAt(obj, f.explain.key))]);
    } else {
      rows.push([{ text: f.label, bold: true, colSpan: 2 }, valueText(f, obj)]);
    }
  }
  return table(rows);
}

/** A cell of a data table: the text, or ☑/☐ with its "若选…, 说明…：" line. */
function cellText(c: SelfCheckField, row: unknown): string {
  if (c.kind !== 'yesNo') return str(selfCheckValueAt(row, c.key));
  const box = valueText(c, row);
  if (!c.explain) return box;
  return `${box}\n${c.explain.label}：${str(selfCheckValueAt(row, c.explain.key))}`;
}

/** A data table: heading row, 序号 + the seed's (grouped) column headings, one line per row. */
function dataTable(t: SelfCheckFormTable, content: Record<string, unknown>) {
  const groups = selfCheckColumnGroups(t);
  const twoLevels = groups.some((g) => g.group !== null);
  const width = t.columns.length + 1;
  const rows: CellInput[][] = [[{ text: t.heading, colSpan: width, bold: true, align: 'left' }]];
  const top: CellInput[] = [{ text: '序号', ...(twoLevels ? { rowSpan: 2 } : {}) }];
  const second: CellInput[] = [];
  for (const g of groups) {
    if (g.group === null) {
      for (const c of g.columns) top.push({ text: c.label, ...(twoLevels ? { rowSpan: 2 } : {}) });
    } else {
      top.push({ text: g.group, colSpan: g.columns.length });
      for (const c of g.columns) second.push(c.label);
    }
  }
  rows.push(top);
  if (twoLevels) rows.push(second);
  const data = selfCheckValueAt(content, t.path);
  const list = Array.isArray(data) ? data : [];
  list.forEach((row, i) => {
    rows.push([String(i + 1), ...t.columns.map((c) => cellText(c, row))]);
  });
  if (!list.length) rows.push(['1', ...t.columns.map(() => '')]);
  return table(rows, { headerRows: twoLevels ? 3 : 2 });
}

/** 《<year> 年工业污染源达标计划自查表》 as a Word document in the seed's layout, with the filled values. */
export async function selfCheckDocx(view: SelfCheckView): Promise<Buffer> {
  const content = view.content;
  const blocks: Block[] = [
    // The campaign's year replaces the seed's 2017.
    title(selfCheckTitle(view.campaignYear)),
    para(view.filledByName ?? '', { label: `${SELF_CHECK_SIGNATURES.filledBy}: ` }),
    para(dateLine(view.submittedAt), { label: `${SELF_CHECK_SIGNATURES.filledOn}: ` }),
    para(view.reviewerName ?? '', { label: `${SELF_CHECK_SIGNATURES.reviewedBy}: ` }),
    para(dateLine(view.reviewedAt), { label: `${SELF_CHECK_SIGNATURES.reviewedOn}: ` }),
  ];
  for (const section of SELF_CHECK_SECTIONS) {
    blocks.push(heading(section.heading));
    for (const block of section.blocks) {
      blocks.push(block.kind === 'table' ? dataTable(block, content) : fieldsTable(block, content));
      blocks.push(para(''));
    }
  }
  blocks.push(heading(SELF_CHECK_REVIEW_SECTION.heading));
  blocks.push(
    fieldsTable(
      {
        kind: 'fields',
        path: '/',
        appliesWhen: 'always',
        fields: [...SELF_CHECK_REVIEW_SECTION.fields],
      },
      view.review ?? {},
    ),
  );
  if (view.review?.decision) {
    blocks.push(
      para(
        view.review.decision === 'approve'
          ? '审核结论：通过'
          : `审核结论：退回修改（${str(view.review.reason)}）`,
      ),
    );
  }
  blocks.push(para(`${SELF_CHECK_SIGNATURES.filledBy}: ${view.filledByName ?? ''}`, { align: 'right' }));
  blocks.push(para(`${SELF_CHECK_SIGNATURES.reviewedBy}: ${view.reviewerName ?? ''}`, { align: 'right' }));
  return docx(blocks, { landscape: true });
}
