import {
  type Averaging,
  type LimitContext,
  type LimitResolution,
  resolveLimit,
  type SourceCategory,
} from '@dabiao/domain';
import type { Principal } from '../platform/auth/principal';
import type { Db } from '../platform/db/database';
import { AppError, notFound } from '../platform/errors/app-error';
import { getEnterpriseForRead } from '../registry/enterprise.service';
import { toDesignation, toStandardLimit } from './limit-rows';
import type { ResolveQuery } from './limits.schemas';
import { activeLimitsOf, listDesignations } from './standard.repository';

/**
 * Outlet profiles whose standard category is unambiguous. Others (a wastewater plant's grade,
 * direct or indirect discharge, gas or oil boilers) are facts the registry does not hold yet:
 * the caller names `category`, never a guess.
 */
const CATEGORY_OF_PROFILE: Record<string, SourceCategory> = {
  thermal_power: 'power-coal-boiler',
  coal_boiler: 'industrial-coal-boiler',
  cement_kiln: 'cement-kiln',
  incinerator: 'msw-incinerator',
};

export interface ResolveAnswer {
  limit: LimitResolution['limit'];
  chain: LimitResolution['chain'][number][];
  context: Omit<LimitContext, 'at' | 'designations'> & { at: string; categoryFrom: 'query' | 'outlet' };
}

/** A date alone is read as 00:00 Asia/Shanghai. */
const badQuery = (name: string, message: string, code: string) =>
  new AppError('BAD_REQUEST', '查询参数有误', [{ path: `/query/${name}`, message, code }]);

function parseAt(at: string): Date {
  const d = new Date(/^\d{4}-\d{2}-\d{2}$/.test(at) ? `${at}T00:00:00+08:00` : at);
  if (Number.isNaN(d.getTime())) throw badQuery('at', '时刻格式不正确（ISO 8601）', 'FORMAT');
  return d;
}

/** The limit in force for an outlet the principal may read: the domain resolver on stored rows. */
export async function resolveForOutlet(db: Db, p: Principal, q: ResolveQuery): Promise<ResolveAnswer> {
  const at = parseAt(q.at);
  const outlet = await db
    .selectFrom('outlet')
    .select(['id', 'enterprise_id', 'kind', 'code', 'profile'])
    .where('id', '=', q.outletId)
    .executeTakeFirst();
  if (!outlet) throw notFound('排放口');
  const enterprise = await getEnterpriseForRead(db, p, outlet.enterprise_id);
  const category = q.category ?? (outlet.profile ? CATEGORY_OF_PROFILE[outlet.profile] : undefined);
  if (!category) throw badQuery('category', '无法从排放口推断标准适用类别，请指定 category', 'REQUIRED');
  const permit = await db
    .selectFrom('permit')
    .select('number')
    .where('enterprise_id', '=', enterprise.id)
    .where('active', '=', true)
    .orderBy('valid_from', (ob) => ob.desc().nullsLast())
    .orderBy('id', 'desc')
    .executeTakeFirst();
  const outletKind = outlet.kind === 'water' ? 'water' : 'air';
  const averaging: Averaging = q.averaging ?? (outletKind === 'water' ? 'day' : 'hour');
  const ctx: LimitContext = {
    at,
    pollutant: q.pollutant,
    averaging,
    outletKind,
    outletCode: outlet.code,
    category,
    industry: enterprise.programmeIndustry,
    regionCode: enterprise.regionCode,
    permitNumber: permit?.number ?? null,
    ...(q.sourceAge ? { sourceAge: q.sourceAge } : {}),
    ...(q.waterTemperatureC !== undefined ? { waterTemperatureC: q.waterTemperatureC } : {}),
    designations: (await listDesignations(db)).map(toDesignation),
  };
  const candidates = (await activeLimitsOf(db, q.pollutant)).map(toStandardLimit);
  const { limit, chain } = resolveLimit(ctx, candidates);
  const { designations: _d, at: _at, ...rest } = ctx;
  return {
    context: { ...rest, at: at.toISOString(), categoryFrom: q.category ? 'query' : 'outlet' },
    limit,
    chain: [...chain],
  };
}
