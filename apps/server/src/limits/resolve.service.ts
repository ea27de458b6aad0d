import { type Averaging, type LimitContext, type LimitResolution, resolveLimit } from '@dabiao/domain';
import type { Principal } from '../platform/auth/principal';
import type { Db } from '../platform/db/database';
import { AppError, notFound } from '../platform/errors/app-error';
import { getEnterpriseForRead } from '../registry/enterprise.service';
import { toDesignation, toStandardLimit } from './limit-rows';
import type { ResolveQuery } from './limits.schemas';
import { outletLimitFacts, permitLimitsOf } from './permit-limits.repository';
import { activeLimitsOf, listDesignations } from './standard.repository';

/**
 * Where the facts came from: the query (a what-if), the outlet's registry record, or — for an
 * outlet whose category is not entered — the profile when it is unambiguous (never a guess).
 */
type FactFrom = 'query' | 'outlet' | 'profile';

export interface ResolveAnswer {
  limit: LimitResolution['limit'];
  chain: LimitResolution['chain'][number][];
  context: Omit<LimitContext, 'at' | 'designations'> & {
    at: string;
    categoryFrom: FactFrom;
    sourceAgeFrom: Exclude<FactFrom, 'profile'> | null;
  };
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
  const outlet = await outletLimitFacts(db, q.outletId);
  if (!outlet) throw notFound('排放口');
  const enterprise = await getEnterpriseForRead(db, p, outlet.enterpriseId);
  const category = q.category ?? outlet.category;
  if (!category) throw badQuery('category', '排放口未登记标准适用类别，请指定 category', 'REQUIRED');
  const sourceAge = q.sourceAge ?? outlet.sourceAge;
  const permit = await permitLimitsOf(db, enterprise.id, q.pollutant);
  const outletKind = outlet.kind;
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
    permitNumber: permit.permitNumber,
    ...(sourceAge ? { sourceAge } : {}),
    ...(q.waterTemperatureC !== undefined ? { waterTemperatureC: q.waterTemperatureC } : {}),
    designations: (await listDesignations(db)).map(toDesignation),
  };
  const candidates = [...(await activeLimitsOf(db, q.pollutant)).map(toStandardLimit), ...permit.limits];
  const { limit, chain } = resolveLimit(ctx, candidates);
  const { designations: _d, at: _at, ...rest } = ctx;
  return {
    context: {
      ...rest,
      at: at.toISOString(),
      categoryFrom: q.category ? 'query' : (outlet.categoryFrom ?? 'outlet'),
      sourceAgeFrom: q.sourceAge ? 'query' : outlet.sourceAge ? 'outlet' : null,
    },
    limit,
    chain: [...chain],
  };
}
