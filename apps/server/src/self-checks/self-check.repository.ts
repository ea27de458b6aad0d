import type { Insertable, Updateable } from 'kysely';
import type { Principal } from '../platform/auth/principal';
import { regionPrefix } from '../platform/auth/principal';
import type { DbOrTrx } from '../platform/db/database';
import type { SelfCheckTable } from '../platform/db/schema-compliance';
import { enterpriseScope } from '../registry/registry.policy';
import type { SelfCheckFilter } from './self-check.schemas';

function withNames(db: DbOrTrx) {
  return db
    .selectFrom('self_check')
    .innerJoin('enterprise', 'enterprise.id', 'self_check.enterprise_id')
    .innerJoin('campaign', 'campaign.id', 'self_check.campaign_id')
    .leftJoin('region', 'region.code', 'enterprise.region_code')
    .selectAll('self_check')
    .select([
      'enterprise.name as enterprise_name',
      'enterprise.region_code',
      'region.name as region_name',
      'campaign.name as campaign_name',
      'campaign.starts_on as campaign_starts_on',
    ])
    .select((eb) =>
      eb
        .selectFrom('self_check as latest')
        .select((e) => e.fn.max('latest.version_no').as('n'))
        .whereRef('latest.campaign_id', '=', 'self_check.campaign_id')
        .whereRef('latest.enterprise_id', '=', 'self_check.enterprise_id')
        .as('latest_version_no'),
    );
}

export type SelfCheckRecord = NonNullable<Awaited<ReturnType<typeof findSelfCheck>>>;

export async function findSelfCheck(db: DbOrTrx, id: number) {
  return withNames(db).where('self_check.id', '=', id).executeTakeFirst();
}

/** The latest version of an enterprise's form in a campaign. */
export async function findLatestSelfCheck(db: DbOrTrx, campaignId: number, enterpriseId: number) {
  return withNames(db)
    .where('self_check.campaign_id', '=', campaignId)
    .where('self_check.enterprise_id', '=', enterpriseId)
    .orderBy('self_check.version_no', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function listVersions(db: DbOrTrx, campaignId: number, enterpriseId: number) {
  return withNames(db)
    .where('self_check.campaign_id', '=', campaignId)
    .where('self_check.enterprise_id', '=', enterpriseId)
    .orderBy('self_check.version_no', 'desc')
    .execute();
}

/** The forms `p` may read (the enterprises of its scope), latest version only unless asked. */
export async function listSelfChecks(
  db: DbOrTrx,
  p: Principal,
  f: SelfCheckFilter,
  page: number,
  pageSize: number,
) {
  let q = withNames(db).where((eb) => enterpriseScope(eb, p));
  if (f.campaignId) q = q.where('self_check.campaign_id', '=', f.campaignId);
  if (f.status) q = q.where('self_check.status', '=', f.status);
  if (f.enterpriseId) q = q.where('self_check.enterprise_id', '=', f.enterpriseId);
  if (f.regionCode) q = q.where('enterprise.region_code', 'like', `${regionPrefix(f.regionCode)}%`);
  if (!f.allVersions) {
    q = q.where(({ eb, selectFrom }) =>
      eb(
        'self_check.version_no',
        '=',
        selectFrom('self_check as l')
          .select((e) => e.fn.max('l.version_no').as('m'))
          .whereRef('l.campaign_id', '=', 'self_check.campaign_id')
          .whereRef('l.enterprise_id', '=', 'self_check.enterprise_id'),
      ),
    );
  }
  const all = await q
    .orderBy('self_check.updated_at', 'desc')
    .orderBy('self_check.id', 'desc')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  const count = await q
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return { rows: all, total: Number(count.n) };
}

export async function insertSelfCheck(db: DbOrTrx, row: Insertable<SelfCheckTable>): Promise<number> {
  const { id } = await db.insertInto('self_check').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

/** Changes a form when `version` and `status` still match; false when somebody else changed it first. */
export async function updateSelfCheck(
  db: DbOrTrx,
  id: number,
  version: number,
  status: SelfCheckTable['status']['__select__'],
  changes: Updateable<SelfCheckTable>,
): Promise<boolean> {
  const result = await db
    .updateTable('self_check')
    .set({ ...changes, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .where('status', '=', status)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function findCampaign(db: DbOrTrx, id: number) {
  return db.selectFrom('campaign').selectAll().where('id', '=', id).executeTakeFirst();
}
