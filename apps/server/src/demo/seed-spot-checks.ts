import { addCalendarDays, drawSpotCheck, shanghaiDateText } from '@dabiao/domain';
import { campaignEnterpriseIds } from '../campaigns/campaign.repository';
import type { Db } from '../platform/db/database';
import { REVIEW_2026 } from './seed-campaigns';

const DAY_MS = 86_400_000;

/**
 * Demo (E3): a spot-check draw of 赫山区 in the current round five days before `now`, with the
 * demo expert assigned to three of the drawn enterprises — one opinion submitted, one open, one
 * overdue. Deterministic for a given `now`; does nothing when that draw exists already.
 */
export async function seedSpotCheckHistory(db: Db, now: Date): Promise<void> {
  const campaign = await db
    .selectFrom('campaign')
    .selectAll()
    .where('name', '=', REVIEW_2026)
    .executeTakeFirst();
  const heshan = await db
    .selectFrom('app_user')
    .select(['id', 'region_code'])
    .where('username', '=', 'heshan')
    .executeTakeFirst();
  const expert = await db
    .selectFrom('app_user')
    .select('id')
    .where('username', '=', 'expert')
    .executeTakeFirst();
  if (!campaign || !heshan || !expert) return;
  const population = await campaignEnterpriseIds(db, campaign, heshan.region_code);
  if (!population.length) return;
  const drawnAt = new Date(now.getTime() - 5 * DAY_MS);
  const seed = `DEMO-${shanghaiDateText(drawnAt).replaceAll('-', '')}`;
  const existing = await db
    .selectFrom('spot_check_draw')
    .select('id')
    .where('seed', '=', seed)
    .executeTakeFirst();
  if (existing) return;
  const selected = drawSpotCheck(population, seed, 0.5);
  const today = shanghaiDateText(now);
  await db.transaction().execute(async (trx) => {
    const { id } = await trx
      .insertInto('spot_check_draw')
      .values({
        campaign_id: campaign.id,
        region_code: heshan.region_code,
        seed,
        required_share: 0.5,
        population: JSON.stringify(population),
        selected: JSON.stringify(selected),
        drawn_by: heshan.id,
        drawn_at: drawnAt,
        note: '演示：复查阶段现场抽查（抽查率50%）',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const plan = [
      { kind: 'onsite' as const, due: addCalendarDays(today, -3), submitted: true },
      { kind: 'expert' as const, due: addCalendarDays(today, 10), submitted: false },
      { kind: 'onsite' as const, due: addCalendarDays(today, -1), submitted: false },
    ];
    for (const [i, p] of plan.entries()) {
      const enterpriseId = selected[i];
      if (enterpriseId === undefined) break;
      await trx
        .insertInto('review_assignment')
        .values({
          draw_id: id,
          campaign_id: campaign.id,
          enterprise_id: enterpriseId,
          reviewer_id: expert.id,
          kind: p.kind,
          due_on: p.due,
          assigned_by: heshan.id,
          assigned_at: new Date(drawnAt.getTime() + 3_600_000),
          ...(p.submitted
            ? {
                status: 'submitted' as const,
                opinion: '现场核查：污染治理设施正常运行，排放口设置规范，在线监测数据与现场比对一致。',
                conclusion: 'compliant' as const,
                submitted_at: new Date(now.getTime() - 4 * DAY_MS),
                version: 2,
              }
            : {}),
        })
        .execute();
    }
  });
}
