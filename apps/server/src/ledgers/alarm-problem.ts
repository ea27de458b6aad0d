import { shanghaiDateText } from '@dabiao/domain';
import { type Actor, recordAudit } from '../platform/audit/audit.repository';
import type { DbOrTrx } from '../platform/db/database';

/**
 * A3 → L2: an alarm sheet concluded `confirmed_exceedance` opens a problem (污染物排放超标) in the
 * rectification ledger, in the caller's transaction. Idempotent: problem.alarm_sheet_id is unique.
 * The campaign is the one under way in the sheet's district on that day, if any.
 */
export async function openProblemFromAlarm(
  trx: DbOrTrx,
  sheet: {
    sheetId: number;
    sheetNumber: string | null;
    enterpriseId: number;
    districtCode: string;
    verdict: string;
  },
  actor: Actor,
  now: Date,
): Promise<number | null> {
  const today = shanghaiDateText(now);
  const campaigns = await trx
    .selectFrom('campaign')
    .select(['id', 'covered_regions'])
    .where('starts_on', '<=', today)
    .where('ends_on', '>=', today)
    .orderBy('starts_on', 'desc')
    .execute();
  const covers = (c: { covered_regions: unknown }) => {
    const regions = (
      typeof c.covered_regions === 'string' ? JSON.parse(c.covered_regions) : c.covered_regions
    ) as string[] | null;
    return !regions?.length || regions.includes(sheet.districtCode);
  };
  const campaign = campaigns.find(covers);
  const description = `在线监控报警单${sheet.sheetNumber ? ` ${sheet.sheetNumber}` : ''}经核实确认超标：${sheet.verdict}`;
  const row = await trx
    .insertInto('problem')
    .values({
      campaign_id: campaign?.id ?? null,
      enterprise_id: sheet.enterpriseId,
      district_code: sheet.districtCode,
      source: 'alarm',
      alarm_sheet_id: sheet.sheetId,
      problem_type: 'exceedance',
      description,
      found_on: today,
      created_by: actor.id,
      created_at: now,
      updated_at: now,
    })
    .onConflict((oc) => oc.column('alarm_sheet_id').doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!row) return null;
  await recordAudit(
    trx,
    actor,
    {
      action: 'create',
      entity: 'problem',
      entityId: row.id,
      enterpriseId: sheet.enterpriseId,
      after: { source: 'alarm', alarmSheetId: sheet.sheetId, type: 'exceedance', description },
    },
    now,
  );
  return row.id;
}
