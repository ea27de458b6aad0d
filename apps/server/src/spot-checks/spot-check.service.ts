import { randomInt } from 'node:crypto';
import {
  drawSpotCheck,
  generateSeed,
  MIN_SPOT_CHECK_SHARE,
  programmeIndustry,
  verifySpotCheck,
} from '@dabiao/domain';
import { campaignEnterpriseIds, findCampaign } from '../campaigns/campaign.repository';
import { canReadCampaign } from '../campaigns/campaign.service';
import { recordAudit } from '../platform/audit/audit.repository';
import { type Principal, regionContains, regionPrefix } from '../platform/auth/principal';
import type { Db, DbOrTrx } from '../platform/db/database';
import { type FieldError, forbidden, invalid, notFound, outOfScope } from '../platform/errors/app-error';
import { actorOf } from '../registry/enterprise.service';
import type { DrawCreate, DrawListQuery, DrawSummaryView, DrawView } from './spot-check.schemas';

/** Who draws: a district bureau for its own district, the city and the admin for any district of theirs. */
const DRAWERS = new Set(['admin', 'city', 'district']);
/** Who reads draws: the drawers and the departments of the region. */
const DRAW_READERS = new Set(['admin', 'city', 'district', 'department']);

export const canDraw = (p: Principal) => DRAWERS.has(p.role);

const iso = (d: Date | string) => new Date(d).toISOString();

function drawQuery(db: DbOrTrx) {
  return db
    .selectFrom('spot_check_draw as d')
    .leftJoin('campaign as c', 'c.id', 'd.campaign_id')
    .leftJoin('region as r', 'r.code', 'd.region_code')
    .leftJoin('app_user as u', 'u.id', 'd.drawn_by')
    .selectAll('d')
    .select(['c.name as campaign_name', 'r.name as region_name', 'u.display_name as drawn_by_name']);
}
type DrawRow = NonNullable<Awaited<ReturnType<ReturnType<typeof drawQuery>['executeTakeFirst']>>>;

function summarise(r: DrawRow): DrawSummaryView {
  return {
    id: r.id,
    campaignId: r.campaign_id,
    campaignName: r.campaign_name,
    regionCode: r.region_code,
    regionName: r.region_name ?? r.region_code,
    seed: r.seed,
    share: r.required_share,
    populationSize: r.population.length,
    selectedCount: r.selected.length,
    drawnBy: r.drawn_by_name,
    drawnAt: iso(r.drawn_at),
    note: r.note,
  };
}

/** 404 when missing, 403 for roles that do not read draws or a draw outside the region. */
export async function findDrawForRead(db: DbOrTrx, p: Principal, id: number): Promise<DrawRow> {
  if (!DRAW_READERS.has(p.role)) throw forbidden('无权查看抽查记录');
  const row = await drawQuery(db).where('d.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('抽查记录');
  if (!regionContains(p.regionCode, row.region_code)) throw outOfScope();
  return row;
}

export async function getDraw(db: DbOrTrx, p: Principal, id: number): Promise<DrawView> {
  const row = await findDrawForRead(db, p, id);
  const enterprises = row.selected.length
    ? await db
        .selectFrom('enterprise')
        .select(['id', 'name', 'credit_code', 'programme_industry'])
        .where('id', 'in', row.selected)
        .orderBy('id')
        .execute()
    : [];
  return {
    ...summarise(row),
    population: row.population,
    selected: enterprises.map((e) => ({
      id: e.id,
      name: e.name,
      creditCode: e.credit_code,
      industryZh: e.programme_industry ? (programmeIndustry(e.programme_industry)?.zh ?? null) : null,
    })),
  };
}

export async function listDraws(db: Db, p: Principal, q: DrawListQuery) {
  if (!DRAW_READERS.has(p.role)) throw forbidden('无权查看抽查记录');
  let base = db
    .selectFrom('spot_check_draw as d')
    .where('d.region_code', 'like', `${regionPrefix(p.regionCode)}%`);
  if (q.campaignId) base = base.where('d.campaign_id', '=', q.campaignId);
  if (q.regionCode) base = base.where('d.region_code', 'like', `${regionPrefix(q.regionCode)}%`);
  const ids = base.select('d.id');
  const [rows, count] = await Promise.all([
    drawQuery(db)
      .where('d.id', 'in', ids)
      .orderBy('d.drawn_at', 'desc')
      .orderBy('d.id', 'desc')
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(summarise), total: Number(count.n), page: q.page, pageSize: q.pageSize };
}

/**
 * Draws ⌈share × n⌉ of the district's active enterprises in the campaign, reproducibly from the
 * seed (given or generated), and stores seed, population and selection together.
 */
export async function createDraw(db: Db, p: Principal, input: DrawCreate, now: Date, ip?: string) {
  if (!canDraw(p)) throw forbidden('只有区县局、市局可以组织抽查');
  const errors: FieldError[] = [];
  const share = input.share ?? MIN_SPOT_CHECK_SHARE;
  if (share < MIN_SPOT_CHECK_SHARE) {
    errors.push({ path: '/share', message: '抽查率不得低于50%（000 四(三)）', code: 'BELOW_MINIMUM_SHARE' });
  }
  const region = await db
    .selectFrom('region')
    .select(['code', 'level'])
    .where('code', '=', input.regionCode)
    .executeTakeFirst();
  if (region?.level !== 'district') {
    errors.push({ path: '/regionCode', message: '请选择一个县（市）区', code: 'NOT_A_DISTRICT' });
  } else if (!regionContains(p.regionCode, input.regionCode)) {
    throw outOfScope();
  }
  const campaign = await findCampaign(db, input.campaignId);
  if (!campaign) errors.push({ path: '/campaignId', message: '达标计划不存在', code: 'NOT_FOUND' });
  else if (!canReadCampaign(p, campaign)) throw outOfScope();
  else if (region?.level === 'district' && !campaign.covered_regions.includes(input.regionCode)) {
    errors.push({ path: '/regionCode', message: '该县（市）区不在达标计划覆盖范围内', code: 'NOT_COVERED' });
  }
  if (errors.length || !campaign) throw invalid(errors, '抽查条件有误');

  const population = await campaignEnterpriseIds(db, campaign, input.regionCode);
  if (!population.length) {
    throw invalid([
      { path: '/regionCode', message: '该县（市）区没有纳入计划的在册企业', code: 'EMPTY_POPULATION' },
    ]);
  }
  const seed = input.seed ?? generateSeed(now, () => randomInt(0, 2 ** 32) / 2 ** 32);
  const selected = drawSpotCheck(population, seed, share);
  const id = await db.transaction().execute(async (trx) => {
    const { id } = await trx
      .insertInto('spot_check_draw')
      .values({
        campaign_id: campaign.id,
        region_code: input.regionCode,
        seed,
        required_share: share,
        population: JSON.stringify(population),
        selected: JSON.stringify(selected),
        drawn_by: p.id,
        drawn_at: now,
        note: input.note?.trim() || null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(
      trx,
      actorOf(p, ip),
      {
        action: 'create',
        entity: 'spot_check_draw',
        entityId: id,
        after: { campaignId: campaign.id, regionCode: input.regionCode, seed, share, population, selected },
      },
      now,
    );
    return id;
  });
  return getDraw(db, p, id);
}

/** Recomputes the selection from the stored seed and population. */
export async function verifyDraw(db: Db, p: Principal, id: number) {
  const row = await findDrawForRead(db, p, id);
  const recomputed = drawSpotCheck(row.population, row.seed, row.required_share);
  return {
    id: row.id,
    seed: row.seed,
    share: row.required_share,
    populationSize: row.population.length,
    stored: row.selected,
    recomputed,
    matches: verifySpotCheck(row.population, row.seed, row.required_share, row.selected),
  };
}
