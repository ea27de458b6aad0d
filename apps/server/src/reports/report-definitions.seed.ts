import type { DeadlineRule, ReportCadence } from '@dabiao/domain';
import { REVIEW_2026 } from '../demo/seed-campaigns';
import type { Db } from '../platform/db/database';

/** What a report's content is computed from (prefill) and how it is shown. */
export type ReportTemplate =
  | 'ledger'
  | 'enforcement'
  | 'exceedance_summary'
  | 'exceedance_detail'
  | 'yearly_summary';

export interface ReportDefinitionSeed {
  key: string;
  name: string;
  template: ReportTemplate;
  cadence: ReportCadence;
  rule: DeadlineRule;
  source: string;
}

/** The periodic reports the seeds ask of the districts, with their due rules (L5). */
export const REPORT_DEFINITIONS: readonly ReportDefinitionSeed[] = [
  {
    key: 'ledger-monthly',
    name: '排查台账、问题整改台账和案件查处情况（月报）',
    template: 'ledger',
    cadence: 'monthly',
    rule: { kind: 'dayOfMonth', day: 1, offsetMonths: 1, rollToWorkingDay: false },
    source:
      '004 四(一)3：每月1日前向益阳市环境监察支队报送上月更新的《工业污染源企业排查台账》、《工业污染源达标计划问题整改台账》和案件查处情况',
  },
  {
    key: 'enforcement-monthly',
    name: '执法检查、违法案件查处情况（月报）',
    template: 'enforcement',
    cadence: 'monthly',
    rule: { kind: 'dayOfMonth', day: 3, offsetMonths: 1, rollToWorkingDay: false },
    source: '000 四(四)：每月3日前将上月8个行业执法检查、违法案件查处情况上报市环保局',
  },
  {
    key: 'exceedance-summary-monthly',
    name: '益阳市工业污染源超标企业清理汇总表（月报）',
    template: 'exceedance_summary',
    cadence: 'monthly',
    rule: { kind: 'dayOfMonth', day: 5, offsetMonths: 1, rollToWorkingDay: false },
    source: '001 第五阶段：每月5日前报送《全州10个行业超标企业清理汇总表》（见附件3）',
  },
  {
    key: 'exceedance-detail-bimonthly',
    name: '益阳市工业污染源超标企业清理明细表（双月报）',
    template: 'exceedance_detail',
    cadence: 'bimonthly',
    rule: {
      kind: 'dayOfMonth',
      day: 5,
      offsetMonths: 1,
      rollToWorkingDay: false,
      inMonths: [2, 4, 6, 8, 10, 12],
    },
    source: '001 第五阶段：每双月5日前报送《全区10个行业超标企业清理明细表》（见附件4）',
  },
  {
    key: 'yearly-summary',
    name: '年度达标计划工作总结',
    template: 'yearly_summary',
    cadence: 'yearly',
    rule: { kind: 'yearly', month: 12, day: 7, rollToWorkingDay: false },
    source: '004 四(一)3：于12月7日前督促企业完成所有整治任务并报送年度达标计划工作总结',
  },
];

/** The periodic reports the seeds require, with their due rules (L5); idempotent. */
export async function seedReportDefinitions(db: Db): Promise<void> {
  const campaign = await db
    .selectFrom('campaign')
    .select('id')
    .where('name', '=', REVIEW_2026)
    .executeTakeFirst();
  for (const d of REPORT_DEFINITIONS) {
    await db
      .insertInto('report_definition')
      .values({
        key: d.key,
        name: d.name,
        template: d.template,
        cadence: d.cadence,
        due_rule: JSON.stringify(d.rule),
        campaign_id: campaign?.id ?? null,
        source: d.source,
      })
      .onConflict((oc) => oc.column('key').doNothing())
      .execute();
  }
}
