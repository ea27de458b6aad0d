import { PROGRAMME_INDUSTRIES } from '@dabiao/domain';
import type { Db } from '../platform/db/database';
import type { PhaseKind } from '../platform/db/schema-compliance';
import { CITY_CODE, DEMO_DISTRICTS } from './demo-districts';

/** The name of the 2017-2019 programme of seed 004 (tests and the other demo seeds find it by name). */
export const PROGRAMME_2017 = '益阳市工业污染源全面达标排放计划（2017—2019年）';
/** The demo's current round, run the same way in the current year, so the forms and ledgers are live. */
export const REVIEW_2026 = '益阳市2026年工业污染源全面达标排放复查';

type Phase = [batch: number | null, kind: PhaseKind, name: string, from: string, to: string, source: string];

const industriesOf = (batch: number) =>
  PROGRAMME_INDUSTRIES.filter((i) => i.batch === batch).map((i) => i.key);

/** 004 四 进度安排, phase by phase; dates the seed does not give are marked 示例 in their source. */
const PROGRAMME_PHASES: Phase[] = [
  [
    null,
    'deployment',
    '制定实施细则并报市局备案',
    '2017-04-01',
    '2017-04-22',
    '004 四(一)1：2017年4月22日前',
  ],
  [
    null,
    'training',
    '培训、解读，组织县（市）区开展工作',
    '2017-04-10',
    '2017-04-30',
    '004 附件5 第1项（日期为示例）',
  ],
  [
    1,
    'screening',
    '第一批9个行业 企业自查、全面摸底排查',
    '2017-04-01',
    '2017-05-15',
    '004 四(一)2：自查表5月15日前上报',
  ],
  [
    1,
    'assessment',
    '第一批 污染物排放情况评估报告',
    '2017-05-16',
    '2017-06-01',
    '004 四(一)2：6月1日前报省环科院',
  ],
  [
    1,
    'rectification',
    '第一批9个行业 全面整治达标',
    '2017-07-01',
    '2017-12-07',
    '004 四(一)3：12月7日前完成所有整治任务',
  ],
  [1, 'summary', '第一批 年度达标计划工作总结', '2017-12-01', '2017-12-07', '004 四(一)3：12月7日前报送'],
  [2, 'screening', '第二批18个行业 排查', '2018-01-01', '2018-06-30', '004 四(二)1：2018年1月-6月'],
  [2, 'assessment', '第二批18个行业 综合评估', '2018-01-01', '2018-06-30', '004 四(二)1：2018年1月-6月'],
  [
    2,
    'rectification',
    '第二批18个行业 全面整治达标',
    '2018-07-01',
    '2018-12-31',
    '004 四(二)3：2018年7月-12月',
  ],
  [3, 'screening', '第三批及其他行业 排查', '2018-07-01', '2018-12-31', '004 四(二)2：2018年7月-12月'],
  [3, 'assessment', '第三批及其他行业 综合评估', '2018-07-01', '2018-12-31', '004 四(二)2：2018年7月-12月'],
  [3, 'rectification', '第三批行业 全面整治达标', '2019-01-01', '2019-06-07', '004 四(三)：2019年1月-6月'],
  [null, 'summary', '达标计划工作总结', '2019-06-01', '2019-06-07', '004 四(三)：6月7日前报送'],
];

const REVIEW_PHASES: Phase[] = [
  [null, 'deployment', '部署复查工作', '2026-09-01', '2026-09-15', '演示：按 004 四 的顺序'],
  [null, 'training', '培训、解读', '2026-09-16', '2026-09-30', '演示'],
  [null, 'screening', '企业自查（填报自查表）与全面排查', '2026-10-01', '2026-12-15', '演示：004 三(三)1-2'],
  [null, 'assessment', '排查综合评估报告', '2026-12-16', '2027-01-31', '演示：004 三(三)3'],
  [null, 'rectification', '问题整改与动态销号', '2027-02-01', '2027-05-31', '演示：004 三(三)4'],
  [null, 'summary', '达标计划工作总结', '2027-06-01', '2027-06-07', '演示：004 四(三)'],
];

async function insertCampaign(
  db: Db,
  c: { name: string; from: string; to: string; description: string },
  batches: { name: string; industries: string[]; rest: boolean }[],
  phases: Phase[],
): Promise<void> {
  const existing = await db.selectFrom('campaign').select('id').where('name', '=', c.name).executeTakeFirst();
  if (existing) return;
  await db.transaction().execute(async (trx) => {
    const { id } = await trx
      .insertInto('campaign')
      .values({
        name: c.name,
        region_code: CITY_CODE,
        covered_regions: JSON.stringify(DEMO_DISTRICTS.map((d) => d.code)),
        starts_on: c.from,
        ends_on: c.to,
        description: c.description,
        created_at: new Date(`${c.from}T09:00:00+08:00`),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const batchIds = new Map<number, number>();
    for (const [i, b] of batches.entries()) {
      const row = await trx
        .insertInto('campaign_batch')
        .values({
          campaign_id: id,
          ordinal: i + 1,
          name: b.name,
          industries: JSON.stringify(b.industries),
          includes_rest: b.rest,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      batchIds.set(i + 1, row.id);
    }
    await trx
      .insertInto('campaign_phase')
      .values(
        phases.map(([batch, kind, name, from, to, source]) => ({
          campaign_id: id,
          batch_id: batch === null ? null : (batchIds.get(batch) ?? null),
          kind,
          name,
          starts_on: from,
          ends_on: to,
          source,
        })),
      )
      .execute();
  });
}

/** The demo city's 达标计划: the 2017-2019 programme of seed 004 with its batches and phases (E1). */
export async function seedCampaigns(db: Db): Promise<void> {
  await insertCampaign(
    db,
    {
      name: PROGRAMME_2017,
      from: '2017-04-01',
      to: '2019-06-30',
      description:
        '益阳市工业污染源全面达标排放计划实施细则（004）：三批行业依次排查评估、整治达标、动态销号。',
    },
    [
      { name: '第一批9个行业', industries: industriesOf(1), rest: false },
      { name: '第二批18个行业', industries: industriesOf(2), rest: false },
      { name: '第三批及其他行业', industries: industriesOf(3), rest: true },
    ],
    PROGRAMME_PHASES,
  );
  await insertCampaign(
    db,
    {
      name: REVIEW_2026,
      from: '2026-09-01',
      to: '2027-06-30',
      description: '演示城市的当前一轮：全部行业按 004 的流程复查，企业填报自查表，区县排查、整改、销号。',
    },
    [{ name: '全部行业', industries: [], rest: true }],
    REVIEW_PHASES,
  );
}
