import {
  batchOfIndustry,
  campaignStatus,
  phaseState,
  programmeIndustry,
  TASK_BREAKDOWN_2017,
  TASK_BREAKDOWN_TITLE,
  validateCampaign,
} from '@dabiao/domain';
import { recordAudit } from '../platform/audit/audit.repository';
import { type Principal, regionContains, regionPrefix } from '../platform/auth/principal';
import type { Db, DbOrTrx } from '../platform/db/database';
import {
  AppError,
  forbidden,
  invalid,
  notFound,
  outOfScope,
  staleVersion,
} from '../platform/errors/app-error';
import { actorOf } from '../registry/enterprise.service';
import { enterpriseScope } from '../registry/registry.policy';
import {
  type BatchRow,
  batchesOf,
  type CampaignRow,
  countCampaignEnterprises,
  districtNames,
  findCampaign,
  inCampaign,
  listCampaignRows,
  type PhaseRow,
  phasesOf,
} from './campaign.repository';
import type {
  CampaignCreate,
  CampaignDetailView,
  CampaignEnterpriseQuery,
  CampaignEnterpriseView,
  CampaignSummaryView,
  CampaignUpdate,
  PhaseView,
} from './campaign.schemas';

/** Campaigns are defined by the city (and the admin): 004 一 市局统一部署. */
export const canEditCampaigns = (p: Principal) => p.role === 'city' || p.role === 'admin';

/** A campaign is visible to users of its region and of the regions under it (its districts). */
export const canReadCampaign = (p: Principal, c: { region_code: string }) =>
  regionContains(p.regionCode, c.region_code) || regionContains(c.region_code, p.regionCode);

const iso = (d: Date | string) => new Date(d).toISOString();

export function presentPhase(r: PhaseRow, now: Date): PhaseView {
  const s = phaseState({ startsOn: r.starts_on, endsOn: r.ends_on }, now);
  return {
    id: r.id,
    batchId: r.batch_id,
    batchOrdinal: r.batch_ordinal ?? null,
    kind: r.kind,
    name: r.name,
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    source: r.source,
    status: s.status,
    deadline: s.deadline,
    daysLeft: s.daysLeft,
  };
}

type Counts = Awaited<ReturnType<typeof countCampaignEnterprises>> extends Map<number, infer V> ? V : never;

function summarise(
  c: CampaignRow,
  batches: BatchRow[],
  phases: PhaseRow[],
  counts: Counts | undefined,
  now: Date,
): CampaignSummaryView {
  return {
    id: c.id,
    name: c.name,
    regionCode: c.region_code,
    startsOn: c.starts_on,
    endsOn: c.ends_on,
    description: c.description,
    status: campaignStatus({ startsOn: c.starts_on, endsOn: c.ends_on }, now),
    enterpriseCount: counts?.total ?? 0,
    batches: batches
      .filter((b) => b.campaign_id === c.id)
      .map((b) => ({
        id: b.id,
        ordinal: b.ordinal,
        name: b.name,
        industries: b.industries.map((key) => ({ key, zh: programmeIndustry(key)?.zh ?? key })),
        includesRest: b.includes_rest,
        enterpriseCount: counts?.byBatch.get(b.ordinal) ?? 0,
      })),
    phases: phases.filter((ph) => ph.campaign_id === c.id).map((ph) => presentPhase(ph, now)),
    version: c.version,
  };
}

/** The campaigns the principal may see, newest first, with enterprise counts of its scope. */
export async function listCampaigns(db: Db, p: Principal, now: Date, page: number, pageSize: number) {
  const all = (await listCampaignRows(db)).filter((c) => canReadCampaign(p, c));
  const rows = all.slice((page - 1) * pageSize, page * pageSize);
  const ids = rows.map((c) => c.id);
  const [batches, phases] = await Promise.all([batchesOf(db, ids), phasesOf(db, ids)]);
  const counts = await countCampaignEnterprises(db, p, rows, batches);
  return {
    items: rows.map((c) => summarise(c, batches, phases, counts.get(c.id), now)),
    total: all.length,
    page,
    pageSize,
  };
}

export async function getCampaignForRead(db: DbOrTrx, p: Principal, id: number): Promise<CampaignRow> {
  const c = await findCampaign(db, id);
  if (!c) throw notFound('达标计划');
  if (!canReadCampaign(p, c)) throw outOfScope();
  return c;
}

/** One campaign: batches with industries in Chinese and counts, phases with their status, regions, 附件5. */
export async function getCampaign(db: Db, p: Principal, id: number, now: Date): Promise<CampaignDetailView> {
  const c = await getCampaignForRead(db, p, id);
  const [batches, phases, names] = await Promise.all([
    batchesOf(db, [id]),
    phasesOf(db, [id]),
    districtNames(db, c.covered_regions),
  ]);
  const counts = (await countCampaignEnterprises(db, p, [c], batches)).get(id);
  return {
    ...summarise(c, batches, phases, counts, now),
    coveredRegions: c.covered_regions.map((code) => ({
      code,
      name: names.get(code)?.name ?? code,
      enterpriseCount: counts?.byRegion.get(code) ?? 0,
    })),
    createdAt: iso(c.created_at),
    taskBreakdown: { title: TASK_BREAKDOWN_TITLE, source: '004 附件5', rows: [...TASK_BREAKDOWN_2017] },
  };
}

/** 422 with paths when the definition is not valid for the caller's region. */
async function checkDefinition(db: DbOrTrx, p: Principal, input: CampaignCreate) {
  const districts = await districtNames(db);
  const known = new Set([...districts.keys()].filter((code) => regionContains(p.regionCode, code)));
  const errors = validateCampaign(
    {
      name: input.name,
      startsOn: input.startsOn,
      endsOn: input.endsOn,
      coveredRegions: input.coveredRegions,
      batches: input.batches,
      phases: input.phases.map((ph) => ({ ...ph, batch: ph.batch ?? null })),
    },
    known,
  );
  if (errors.length) throw invalid(errors, '达标计划定义有误');
}

async function writeBatchesAndPhases(trx: DbOrTrx, id: number, input: CampaignCreate) {
  await trx.deleteFrom('campaign_phase').where('campaign_id', '=', id).execute();
  const existing = await trx
    .selectFrom('campaign_batch')
    .select(['id', 'ordinal'])
    .where('campaign_id', '=', id)
    .execute();
  const ids = new Map<number, number>();
  for (const [i, b] of input.batches.entries()) {
    const ordinal = i + 1;
    const values = {
      name: b.name.trim(),
      industries: JSON.stringify(b.industries),
      includes_rest: b.includesRest,
    };
    const old = existing.find((e) => e.ordinal === ordinal);
    if (old) {
      await trx.updateTable('campaign_batch').set(values).where('id', '=', old.id).execute();
      ids.set(ordinal, old.id);
    } else {
      const row = await trx
        .insertInto('campaign_batch')
        .values({ campaign_id: id, ordinal, ...values })
        .returning('id')
        .executeTakeFirstOrThrow();
      ids.set(ordinal, row.id);
    }
  }
  const extra = existing.filter((e) => e.ordinal > input.batches.length).map((e) => e.id);
  if (extra.length) await trx.deleteFrom('campaign_batch').where('id', 'in', extra).execute();
  if (input.phases.length) {
    await trx
      .insertInto('campaign_phase')
      .values(
        input.phases.map((ph) => ({
          campaign_id: id,
          batch_id: ph.batch == null ? null : (ids.get(ph.batch) ?? null),
          kind: ph.kind as PhaseRow['kind'],
          name: ph.name.trim(),
          starts_on: ph.startsOn,
          ends_on: ph.endsOn,
          source: ph.source?.trim() || null,
        })),
      )
      .execute();
  }
}

export async function createCampaign(db: Db, p: Principal, input: CampaignCreate, now: Date, ip?: string) {
  if (!canEditCampaigns(p)) throw forbidden('只有市局可以制定达标计划');
  await checkDefinition(db, p, input);
  const id = await db.transaction().execute(async (trx) => {
    const { id } = await trx
      .insertInto('campaign')
      .values({
        name: input.name.trim(),
        region_code: p.regionCode,
        covered_regions: JSON.stringify(input.coveredRegions),
        starts_on: input.startsOn,
        ends_on: input.endsOn,
        description: input.description?.trim() || null,
        created_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeBatchesAndPhases(trx, id, input);
    await recordAudit(
      trx,
      actorOf(p, ip),
      { action: 'create', entity: 'campaign', entityId: id, after: input },
      now,
    );
    return id;
  });
  return getCampaign(db, p, id, now);
}

export async function updateCampaign(
  db: Db,
  p: Principal,
  id: number,
  input: CampaignUpdate,
  now: Date,
  ip?: string,
) {
  if (!canEditCampaigns(p)) throw forbidden('只有市局可以修改达标计划');
  const before = await getCampaignForRead(db, p, id);
  if (!regionContains(p.regionCode, before.region_code)) throw outOfScope();
  if (input.version !== before.version) throw staleVersion();
  await checkDefinition(db, p, input);
  const beforeView = await getCampaign(db, p, id, now);
  await db.transaction().execute(async (trx) => {
    const res = await trx
      .updateTable('campaign')
      .set({
        name: input.name.trim(),
        covered_regions: JSON.stringify(input.coveredRegions),
        starts_on: input.startsOn,
        ends_on: input.endsOn,
        description: input.description?.trim() || null,
        version: input.version + 1,
      })
      .where('id', '=', id)
      .where('version', '=', input.version)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw staleVersion();
    await writeBatchesAndPhases(trx, id, input);
    const { version: _v, ...after } = input;
    await recordAudit(
      trx,
      actorOf(p, ip),
      {
        action: 'update',
        entity: 'campaign',
        entityId: id,
        before: { ...beforeView, taskBreakdown: undefined },
        after,
      },
      now,
    );
  });
  return getCampaign(db, p, id, now);
}

/** The enterprises of a campaign (optionally one batch, one district) within the caller's scope, paged. */
export async function listCampaignEnterprises(db: Db, p: Principal, id: number, q: CampaignEnterpriseQuery) {
  const c = await getCampaignForRead(db, p, id);
  const batches = await batchesOf(db, [id]);
  if (q.batch !== undefined && !batches.some((b) => b.ordinal === q.batch)) {
    throw new AppError('BAD_REQUEST', '查询参数有误', [
      { path: '/query/batch', message: '该计划没有这个批次', code: 'UNKNOWN_BATCH' },
    ]);
  }
  let base = db
    .selectFrom('enterprise')
    .innerJoin('region', 'region.code', 'enterprise.region_code')
    .where((eb) => enterpriseScope(eb, p))
    .where((eb) => inCampaign(eb, c.covered_regions, batches, q.batch));
  if (q.regionCode) base = base.where('enterprise.region_code', 'like', `${regionPrefix(q.regionCode)}%`);
  if (q.q?.trim()) base = base.where('enterprise.name', 'like', `%${q.q.trim()}%`);
  const [rows, count] = await Promise.all([
    base
      .select([
        'enterprise.id',
        'enterprise.name',
        'enterprise.credit_code',
        'enterprise.region_code',
        'region.name as region_name',
        'enterprise.programme_industry',
        'enterprise.status',
      ])
      .orderBy('enterprise.region_code')
      .orderBy('enterprise.name')
      .orderBy('enterprise.id')
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const domainDefs = batches.map((b) => ({ industries: b.industries, includesRest: b.includes_rest }));
  const items: CampaignEnterpriseView[] = rows.map((r) => ({
    id: r.id,
    name: r.name,
    creditCode: r.credit_code,
    regionCode: r.region_code,
    regionName: r.region_name,
    programmeIndustry: r.programme_industry,
    industryZh: r.programme_industry ? (programmeIndustry(r.programme_industry)?.zh ?? null) : null,
    batchOrdinal: batchOfIndustry(domainDefs, r.programme_industry),
    status: r.status,
  }));
  return { items, total: Number(count.n), page: q.page, pageSize: q.pageSize };
}
