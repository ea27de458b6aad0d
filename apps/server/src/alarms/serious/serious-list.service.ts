import { type QuarterEpisode, quarterOf, seriousExceeders, shanghaiInstant } from '@dabiao/domain';
import { recordAudit } from '../../platform/audit/audit.repository';
import type { Principal } from '../../platform/auth/principal';
import type { Db, DbOrTrx } from '../../platform/db/database';
import { AppError, invalid, notFound, staleVersion } from '../../platform/errors/app-error';
import { actorOf } from '../../registry/enterprise.service';
import { isCity, requireCity } from '../alarms.policy';
import { seriousRuleOf } from '../settings/alarm-settings';

const LIST_BY_CITY = '只有市局可以生成、审核和公布严重超标企业名单';

/** Lists the user may see: every list for the city, published lists for everybody else. */
export async function listLists(db: Db, p: Principal) {
  let q = db.selectFrom('serious_list').selectAll().orderBy('year', 'desc').orderBy('quarter', 'desc');
  if (!isCity(p)) q = q.where('status', '=', 'published');
  const rows = await q.execute();
  return { items: rows.map(presentList) };
}

function presentList(r: {
  id: number;
  year: number;
  quarter: number;
  status: string;
  rule: unknown;
  generated_at: Date;
  reviewed_at: Date | null;
  published_at: Date | null;
  version: number;
}) {
  return {
    id: r.id,
    year: r.year,
    quarter: r.quarter,
    status: r.status,
    rule: r.rule,
    generatedAt: new Date(r.generated_at).toISOString(),
    reviewedAt: r.reviewed_at ? new Date(r.reviewed_at).toISOString() : null,
    publishedAt: r.published_at ? new Date(r.published_at).toISOString() : null,
    version: r.version,
  };
}

export async function getList(db: DbOrTrx, p: Principal, id: number) {
  const list = await db.selectFrom('serious_list').selectAll().where('id', '=', id).executeTakeFirst();
  if (!list || (!isCity(p) && list.status !== 'published')) throw notFound('名单');
  let q = db
    .selectFrom('serious_list_entry')
    .innerJoin('enterprise', 'enterprise.id', 'serious_list_entry.enterprise_id')
    .innerJoin('region', 'region.code', 'enterprise.region_code')
    .selectAll('serious_list_entry')
    .select([
      'enterprise.name',
      'enterprise.credit_code',
      'enterprise.region_code',
      'region.name as region_name',
    ])
    .where('list_id', '=', id)
    .orderBy('exceedance_days', 'desc')
    .orderBy('serious_list_entry.enterprise_id');
  if (list.status === 'published' && !isCity(p)) q = q.where('included', '=', true);
  const entries = await q.execute();
  return {
    ...presentList(list),
    entries: entries.map((e) => ({
      enterpriseId: e.enterprise_id,
      enterpriseName: e.name,
      creditCode: e.credit_code,
      regionCode: e.region_code,
      regionName: e.region_name,
      confirmedSheets: e.confirmed_sheets,
      exceedanceDays: e.exceedance_days,
      maxMultiple: e.max_multiple,
      pollutants: e.pollutants,
      reasons: e.reasons,
      included: e.included,
      reviewNote: e.review_note,
    })),
  };
}

/**
 * A5: the quarter's seriously exceeding enterprises under the city's rule, from exceedance alarms
 * whose sheets the districts concluded as confirmed. A draft is regenerated in place; a reviewed
 * or published list is final.
 */
export async function generateList(
  db: Db,
  p: Principal,
  year: number,
  quarter: number,
  now: Date,
  ip?: string,
) {
  requireCity(p, LIST_BY_CITY);
  const q = quarterOf(shanghaiInstant(year, (quarter - 1) * 3 + 1, 1));
  const rule = await seriousRuleOf(db);
  const rows = await db
    .selectFrom('alarm')
    .innerJoin('alarm_sheet', 'alarm_sheet.alarm_id', 'alarm.id')
    .select([
      'alarm.enterprise_id',
      'alarm.started_at',
      'alarm.ended_at',
      'alarm.max_multiple',
      'alarm.pollutant',
      'alarm_sheet.conclusion',
    ])
    .where('alarm.kind', '=', 'exceedance')
    .where('alarm.started_at', '<', q.end)
    .where('alarm.ended_at', '>', q.start)
    .execute();
  const episodes: QuarterEpisode[] = rows.map((r) => ({
    enterpriseId: r.enterprise_id,
    start: new Date(r.started_at),
    end: new Date(r.ended_at),
    maxMultiple: r.max_multiple,
    confirmed: r.conclusion === 'confirmed_exceedance',
    pollutant: r.pollutant,
  }));
  const entries = seriousExceeders(episodes, q, rule);
  return db.transaction().execute(async (trx) => {
    const existing = await trx
      .selectFrom('serious_list')
      .select(['id', 'status'])
      .where('year', '=', year)
      .where('quarter', '=', quarter)
      .forUpdate()
      .executeTakeFirst();
    if (existing && existing.status !== 'draft')
      throw new AppError('CONFLICT', `${year} 年第 ${quarter} 季度名单已审核，不能重新生成`);
    let id: number;
    if (existing) {
      id = existing.id;
      await trx.deleteFrom('serious_list_entry').where('list_id', '=', id).execute();
      await trx
        .updateTable('serious_list')
        .set({
          rule: JSON.stringify(rule),
          generated_at: now,
          generated_by: p.id,
          version: (eb) => eb('version', '+', 1),
        })
        .where('id', '=', id)
        .execute();
    } else {
      id = (
        await trx
          .insertInto('serious_list')
          .values({ year, quarter, rule: JSON.stringify(rule), generated_at: now, generated_by: p.id })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    }
    if (entries.length)
      await trx
        .insertInto('serious_list_entry')
        .values(
          entries.map((e) => ({
            list_id: id,
            enterprise_id: e.enterpriseId,
            confirmed_sheets: e.confirmedSheets,
            exceedance_days: e.exceedanceDays,
            max_multiple: e.maxMultiple,
            pollutants: e.pollutants,
            reasons: e.reasons,
            review_note: null,
          })),
        )
        .execute();
    await recordAudit(
      trx,
      actorOf(p, ip),
      {
        action: 'generate',
        entity: 'serious_list',
        entityId: id,
        after: { year, quarter, rule, entries: entries.length },
      },
      now,
    );
    return getList(trx, p, id);
  });
}

/** The list, locked for the transaction, when it is in `status` at `version`; otherwise the error. */
async function lockList(trx: DbOrTrx, id: number, status: string, version: number, wrongState: string) {
  const list = await trx
    .selectFrom('serious_list')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!list) throw notFound('名单');
  if (list.status !== status) throw new AppError('CONFLICT', wrongState);
  if (list.version !== version) throw staleVersion();
  return list;
}

export async function reviewList(
  db: Db,
  p: Principal,
  id: number,
  body: { version: number; entries: { enterpriseId: number; included: boolean; note?: string }[] },
  now: Date,
  ip?: string,
) {
  requireCity(p, LIST_BY_CITY);
  return db.transaction().execute(async (trx) => {
    const list = await lockList(trx, id, 'draft', body.version, '只有草稿状态的名单可以审核');
    const known = new Set(
      (
        await trx.selectFrom('serious_list_entry').select('enterprise_id').where('list_id', '=', id).execute()
      ).map((e) => e.enterprise_id),
    );
    const errors = body.entries.flatMap((e, i) =>
      known.has(e.enterpriseId)
        ? []
        : [{ path: `/entries/${i}/enterpriseId`, message: '该企业不在名单中', code: 'NOT_IN_LIST' }],
    );
    if (errors.length) throw invalid(errors);
    for (const e of body.entries) {
      if (!e.included && !e.note?.trim())
        throw invalid([
          {
            path: `/entries/${body.entries.indexOf(e)}/note`,
            message: '剔除企业须说明理由',
            code: 'REQUIRED',
          },
        ]);
      await trx
        .updateTable('serious_list_entry')
        .set({ included: e.included, review_note: e.note ?? null })
        .where('list_id', '=', id)
        .where('enterprise_id', '=', e.enterpriseId)
        .execute();
    }
    await trx
      .updateTable('serious_list')
      .set({ status: 'reviewed', reviewed_at: now, reviewed_by: p.id, version: list.version + 1 })
      .where('id', '=', id)
      .execute();
    await recordAudit(
      trx,
      actorOf(p, ip),
      { action: 'review', entity: 'serious_list', entityId: id, after: body.entries },
      now,
    );
    return getList(trx, p, id);
  });
}

export async function publishList(db: Db, p: Principal, id: number, version: number, now: Date, ip?: string) {
  requireCity(p, LIST_BY_CITY);
  return db.transaction().execute(async (trx) => {
    await lockList(trx, id, 'reviewed', version, '名单须先审核再公布');
    await trx
      .updateTable('serious_list')
      .set({ status: 'published', published_at: now, published_by: p.id, version: version + 1 })
      .where('id', '=', id)
      .execute();
    await recordAudit(trx, actorOf(p, ip), { action: 'publish', entity: 'serious_list', entityId: id }, now);
    return getList(trx, p, id);
  });
}
