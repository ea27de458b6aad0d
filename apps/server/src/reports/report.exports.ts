import { chinaWorkCalendar, chineseDate, lastDuePeriod, shanghaiDateText } from '@dabiao/domain';
import type { Principal } from '../platform/auth/principal';
import { regionPrefix } from '../platform/auth/principal';
import type { Db } from '../platform/db/database';
import { type LedgerColumn, ledgerWorkbook } from '../platform/documents/excel';
import { exceedanceDetail, exceedanceSummary } from './report.content';
import { findDefinitionByKey, periodOf, requireReportReader } from './report.service';

// 001 附件3 (monthly summary) and 附件4 (bimonthly detail), computed from the problem table.

export const SUMMARY_TITLE = '益阳市工业污染源超标企业清理汇总表';
export const DETAIL_TITLE = '益阳市工业污染源超标企业清理明细表';

export const SUMMARY_COLUMNS: LedgerColumn[] = [
  { header: '序号', width: 6 },
  { header: '县（市）区', width: 14 },
  { header: '行业', width: 14 },
  { header: '超标企业数', width: 12 },
  { header: '已完成整治', width: 12 },
  { header: '限期整改', width: 10 },
  { header: '挂牌督办', width: 10 },
  { header: '淘汰关闭', width: 10 },
  { header: '正在整治', width: 10 },
  { header: '整治完成率', width: 12 },
];

export const DETAIL_COLUMNS: LedgerColumn[] = [
  { header: '序号', width: 6 },
  { header: '县（市）区', width: 12 },
  { header: '企业名称', width: 28 },
  { header: '所属行业', width: 12 },
  { header: '问题类型', width: 16 },
  { header: '超标因子/问题描述', width: 36 },
  { header: '整治措施', width: 30 },
  { header: '完成时限', width: 14 },
  { header: '整治进展', width: 16 },
  { header: '是否整改到位', width: 12 },
];

const percent = (r: number | null) => (r === null ? '—' : `${(r * 100).toFixed(1)}%`);

async function unitName(db: Db, p: Principal): Promise<string> {
  const region = await db
    .selectFrom('region')
    .select('name')
    .where('code', '=', p.regionCode)
    .executeTakeFirst();
  return region?.name ?? p.displayName;
}

async function periodFor(db: Db, key: string, period: string | undefined, now: Date) {
  const d = await findDefinitionByKey(db, key);
  return period ? periodOf(d, period, '/query/period') : lastDuePeriod(d.schedule, now, chinaWorkCalendar);
}

const meta = (unit: string, label: string, end: string, now: Date) => [
  `填报单位（盖章）：${unit}    统计期：${label}（截至${chineseDate(end)}）`,
  `填报时间：${chineseDate(shanghaiDateText(now))}`,
];

export async function summaryWorkbook(db: Db, p: Principal, periodKey: string | undefined, now: Date) {
  requireReportReader(p);
  const period = await periodFor(db, 'exceedance-summary-monthly', periodKey, now);
  const { rows, total } = await exceedanceSummary(db, regionPrefix(p.regionCode), period);
  const body = rows.map((r, i) => [
    i + 1,
    r.district,
    r.industry,
    r.enterprises,
    r.done,
    r.deadlineRectification,
    r.listedSupervision,
    r.closure,
    r.inProgress,
    percent(r.rate),
  ]);
  body.push([
    '合计',
    '',
    '',
    total.enterprises,
    total.done,
    total.deadlineRectification,
    total.listedSupervision,
    total.closure,
    total.inProgress,
    percent(total.rate),
  ]);
  const bytes = await ledgerWorkbook([
    {
      sheetName: '汇总表',
      title: SUMMARY_TITLE,
      meta: meta(await unitName(db, p), period.labelZh, period.end, now),
      columns: SUMMARY_COLUMNS,
      rows: body,
      notes: [
        '注：超标企业指问题整改台账中有“污染物排放超标”问题的企业；已完成整治指其问题均已销号；限期整改、挂牌督办、淘汰关闭按处理方式统计。',
      ],
    },
  ]);
  return { bytes, fileName: `${SUMMARY_TITLE}（${period.labelZh}）.xlsx` };
}

export async function detailWorkbook(db: Db, p: Principal, periodKey: string | undefined, now: Date) {
  requireReportReader(p);
  const period = await periodFor(db, 'exceedance-detail-bimonthly', periodKey, now);
  const rows = await exceedanceDetail(db, regionPrefix(p.regionCode), period);
  const bytes = await ledgerWorkbook([
    {
      sheetName: '明细表',
      title: DETAIL_TITLE,
      meta: meta(await unitName(db, p), period.labelZh, period.end, now),
      columns: DETAIL_COLUMNS,
      rows: rows.map((r, i) => [
        i + 1,
        r.district,
        r.enterpriseName,
        r.industry,
        r.problemType,
        r.description,
        r.measures,
        r.deadline,
        r.progress,
        r.rectified ? '是' : '否',
      ]),
      notes: ['注：每个序号对应1个问题，一家企业有2个以上问题的分别列出。'],
    },
  ]);
  return { bytes, fileName: `${DETAIL_TITLE}（${period.labelZh}）.xlsx` };
}
