import { batchOfIndustry } from '@dabiao/domain';
import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import type { Principal } from '../platform/auth/principal';
import type { DbOrTrx } from '../platform/db/database';
import type { DB } from '../platform/db/schema';
import { enterpriseScope } from '../registry/registry.policy';

export type CampaignRow = NonNullable<Awaited<ReturnType<typeof findCampaign>>>;
export type BatchRow = Awaited<ReturnType<typeof batchesOf>>[number];
export type PhaseRow = Awaited<ReturnType<typeof phasesOf>>[number];

export async function findCampaign(db: DbOrTrx, id: number) {
  return db.selectFrom('campaign').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listCampaignRows(db: DbOrTrx) {
  return db.selectFrom('campaign').selectAll().orderBy('starts_on', 'desc').orderBy('id', 'desc').execute();
}

export async function batchesOf(db: DbOrTrx, campaignIds: number[]) {
  if (!campaignIds.length) return [];
  return db
    .selectFrom('campaign_batch')
    .selectAll()
    .where('campaign_id', 'in', campaignIds)
    .orderBy('campaign_id')
    .orderBy('ordinal')
    .execute();
}

export async function phasesOf(db: DbOrTrx, campaignIds: number[]) {
  if (!campaignIds.length) return [];
  return db
    .selectFrom('campaign_phase')
    .leftJoin('campaign_batch', 'campaign_batch.id', 'campaign_phase.batch_id')
    .selectAll('campaign_phase')
    .select('campaign_batch.ordinal as batch_ordinal')
    .where('campaign_phase.campaign_id', 'in', campaignIds)
    .orderBy('campaign_phase.starts_on')
    .orderBy('campaign_phase.ends_on')
    .orderBy('campaign_phase.id')
    .execute();
}

type BatchShape = { industries: string[]; includes_rest: boolean };
const toDef = (b: BatchShape) => ({ industries: b.industries, includesRest: b.includes_rest });

/**
 * SQL condition: the enterprise is one of the campaign's — active, not closed, registered in a
 * covered district, and (when `batch` is given) in that batch by its programme industry.
 */
export function inCampaign(
  eb: ExpressionBuilder<DB, 'enterprise'>,
  coveredRegions: string[],
  batches: BatchShape[],
  batch?: number,
): Expression<SqlBool> {
  const conds: Expression<SqlBool>[] = [
    eb('enterprise.active', '=', true),
    eb('enterprise.status', '<>', 'closed'),
    coveredRegions.length ? eb('enterprise.region_code', 'in', coveredRegions) : sql<SqlBool>`false`,
  ];
  const named = [...new Set(batches.flatMap((b) => b.industries))];
  const unlisted = () =>
    named.length
      ? eb.or([
          eb('enterprise.programme_industry', 'is', null),
          eb('enterprise.programme_industry', 'not in', named),
        ])
      : sql<SqlBool>`true`;
  const listed = (keys: string[]) =>
    keys.length ? eb('enterprise.programme_industry', 'in', keys) : sql<SqlBool>`false`;
  if (batch === undefined) {
    if (!batches.some((b) => b.includes_rest)) conds.push(listed(named));
  } else {
    const b = batches[batch - 1];
    if (!b) conds.push(sql<SqlBool>`false`);
    else conds.push(b.includes_rest ? eb.or([listed(b.industries), unlisted()]) : listed(b.industries));
  }
  return eb.and(conds);
}

/**
 * Enterprises of each campaign batch and district, counted within `p`'s scope: per campaign id,
 * `{ byBatch: Map<ordinal, n>, byRegion: Map<code, n>, total }`.
 */
export async function countCampaignEnterprises(
  db: DbOrTrx,
  p: Principal,
  campaigns: { id: number; covered_regions: string[] }[],
  batches: (BatchShape & { campaign_id: number; ordinal: number })[],
) {
  const allRegions = [...new Set(campaigns.flatMap((c) => c.covered_regions))];
  const groups = allRegions.length
    ? await db
        .selectFrom('enterprise')
        .select([
          'enterprise.programme_industry',
          'enterprise.region_code',
          (eb) => eb.fn.countAll<number>().as('n'),
        ])
        .where((eb) => enterpriseScope(eb, p))
        .where('enterprise.active', '=', true)
        .where('enterprise.status', '<>', 'closed')
        .where('enterprise.region_code', 'in', allRegions)
        .groupBy(['enterprise.programme_industry', 'enterprise.region_code'])
        .execute()
    : [];
  const out = new Map<
    number,
    { byBatch: Map<number, number>; byRegion: Map<string, number>; total: number }
  >();
  for (const c of campaigns) {
    const defs = batches.filter((b) => b.campaign_id === c.id).map(toDef);
    const covered = new Set(c.covered_regions);
    const counts = { byBatch: new Map<number, number>(), byRegion: new Map<string, number>(), total: 0 };
    for (const g of groups) {
      if (!covered.has(g.region_code)) continue;
      const ordinal = batchOfIndustry(defs, g.programme_industry);
      if (ordinal === null) continue;
      const n = Number(g.n);
      counts.byBatch.set(ordinal, (counts.byBatch.get(ordinal) ?? 0) + n);
      counts.byRegion.set(g.region_code, (counts.byRegion.get(g.region_code) ?? 0) + n);
      counts.total += n;
    }
    out.set(c.id, counts);
  }
  return out;
}

/** District regions (code → name) under `prefix` (all of the city for a city user). */
export async function districtNames(db: DbOrTrx, codes?: string[]) {
  let q = db.selectFrom('region').select(['code', 'name', 'parent_code']).where('level', '=', 'district');
  if (codes) {
    if (!codes.length) return new Map<string, { name: string; parent: string | null }>();
    q = q.where('code', 'in', codes);
  }
  const rows = await q.execute();
  return new Map(rows.map((r) => [r.code, { name: r.name, parent: r.parent_code }]));
}

/** Ids of one region's enterprises in the campaign, in id order (the population of a spot-check draw). */
export async function campaignEnterpriseIds(
  db: DbOrTrx,
  campaign: { id: number; covered_regions: string[] },
  regionCode: string,
): Promise<number[]> {
  const batches = await batchesOf(db, [campaign.id]);
  const rows = await db
    .selectFrom('enterprise')
    .select('enterprise.id')
    .where('enterprise.region_code', '=', regionCode)
    .where((eb) => inCampaign(eb, campaign.covered_regions, batches))
    .orderBy('enterprise.id')
    .execute();
  return rows.map((r) => r.id);
}
