import { type AssessmentFigures, type CountBy, dateZh, percentText } from '@dabiao/domain';
import { type Block, type CellInput, docx, heading, para, table, title } from '../platform/documents/word';
import { type AssessmentRow, sectionsOfRow } from './assessment.presenter';

const countTable = (caption: string, items: readonly CountBy[], unit: string): CellInput[][] => [
  [caption, `数量（${unit}）`],
  ...(items.length ? items.map((i) => [i.label, String(i.count)]) : [['无', '0']]),
];

/** The figure tables at the end of the report (the draft's numbers, as counted). */
function figureTables(f: AssessmentFigures): Block[] {
  const m = f.monitoring;
  return [
    heading('附表1 企业与自查情况'),
    table(
      [
        ['项目', '数量'],
        ['工业污染源（家）', String(f.enterprises.total)],
        ['已提交自查表企业（家）', String(f.selfChecks.enterprisesSubmitted)],
        ['未提交自查表企业（家）', String(f.selfChecks.enterprisesNotSubmitted)],
        ['自查表待审核（份）', String(f.selfChecks.submitted)],
        ['自查表审核通过（份）', String(f.selfChecks.approved)],
        ['自查表退回（份）', String(f.selfChecks.returned)],
      ],
      { headerRows: 1 },
    ),
    table(countTable('批次', f.enterprises.byBatch, '家'), { headerRows: 1 }),
    heading('附表2 问题整改情况'),
    table(countTable('问题类型', f.problems.byType, '个'), { headerRows: 1 }),
    table(countTable('处理方式', f.problems.byHandling, '个'), { headerRows: 1 }),
    table(
      [
        [
          '问题总数',
          '已销号',
          '销号率',
          '逾期未整改',
          '销号申请待核查',
          '区县已核查',
          '核查未通过',
          '限期整改通知书',
        ],
        [
          String(f.problems.total),
          String(f.problems.closed),
          percentText(f.problems.closureRate),
          String(f.problems.overdue),
          String(f.signOffs.applied),
          String(f.signOffs.districtVerified),
          String(f.signOffs.refused),
          String(f.notices.issued),
        ],
      ],
      { headerRows: 1 },
    ),
    heading('附表3 在线监控与超标报警'),
    table(
      [
        [
          '监测设备（台）',
          '联网（台）',
          '联网率',
          '数据传输有效率',
          '超标报警（次）',
          '报警单（份）',
          '确认超标（份）',
        ],
        [
          String(m.monitors),
          String(m.networkedMonitors),
          percentText(m.networkedShare),
          percentText(m.transmissionValidityRate),
          String(f.alarms.exceedanceAlarms),
          String(f.alarms.sheets),
          String(f.alarms.confirmedSheets),
        ],
      ],
      { headerRows: 1 },
    ),
  ];
}

/** The report as Word: title, scope line, each section (heading and paragraphs), the figure tables. */
export async function assessmentDocx(row: AssessmentRow): Promise<Buffer> {
  const f = row.figures as unknown as AssessmentFigures;
  const blocks: Block[] = [
    title(row.title),
    para(
      `${f.regionName}${f.industryName ? ` · ${f.industryName}行业` : ''}　${dateZh(row.period_from)}至${dateZh(row.period_to)}　${f.campaignName}${row.status === 'draft' ? '　（草稿）' : ''}`,
      { align: 'center' },
    ),
  ];
  for (const s of sectionsOfRow(row)) {
    blocks.push(heading(s.heading));
    for (const line of s.text.split('\n')) if (line.trim()) blocks.push(para(line));
  }
  blocks.push(...figureTables(f));
  return docx(blocks);
}
