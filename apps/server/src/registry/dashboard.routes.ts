import { programmeIndustry } from '@dabiao/domain';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { requirePrincipal } from '../platform/auth/auth.plugin';
import type { RouteDeps } from '../routes';
import { enterpriseScope } from './registry.policy';

/** S3's first screen: counts by district, programme industry and control level, and the map points. */
export function dashboardRoutes(api: FastifyInstance, { database }: RouteDeps): void {
  const db = database.db;
  api.get('/dashboard/summary', { schema: { tags: ['dashboard'], summary: '首页统计' } }, async (request) => {
    const p = requirePrincipal(request);
    const scoped = db
      .selectFrom('enterprise')
      .where('enterprise.active', '=', true)
      .where((eb) => enterpriseScope(eb, p));
    const [byDistrict, byIndustry, byControlLevel, points, outlets] = await Promise.all([
      scoped
        .innerJoin('region', 'region.code', 'enterprise.region_code')
        .select(['region.code', 'region.name', (eb) => eb.fn.countAll<number>().as('count')])
        .groupBy(['region.code', 'region.name'])
        .orderBy('region.code')
        .execute(),
      scoped
        .select(['enterprise.programme_industry as key', (eb) => eb.fn.countAll<number>().as('count')])
        .groupBy('enterprise.programme_industry')
        .orderBy('count', 'desc')
        .execute(),
      scoped
        .select(['enterprise.control_level as key', (eb) => eb.fn.countAll<number>().as('count')])
        .groupBy('enterprise.control_level')
        .execute(),
      scoped
        .select([
          'enterprise.id',
          'enterprise.name',
          'enterprise.lng',
          'enterprise.lat',
          'enterprise.region_code as regionCode',
          'enterprise.control_level as controlLevel',
        ])
        .where('enterprise.lng', 'is not', null)
        .limit(20_000)
        .execute(),
      scoped
        .innerJoin('outlet', 'outlet.enterprise_id', 'enterprise.id')
        .leftJoin('monitor', (j) =>
          j.onRef('monitor.outlet_id', '=', 'outlet.id').on('monitor.active', '=', true),
        )
        .select([
          sql<number>`count(distinct outlet.id)`.as('outlets'),
          sql<number>`count(distinct monitor.id)`.as('monitors'),
        ])
        .where('outlet.active', '=', true)
        .executeTakeFirstOrThrow(),
    ]);
    return {
      enterprises: byDistrict.reduce((n, d) => n + Number(d.count), 0),
      outlets: Number(outlets.outlets),
      monitors: Number(outlets.monitors),
      byDistrict: byDistrict.map((d) => ({ code: d.code, name: d.name, count: Number(d.count) })),
      byIndustry: byIndustry.map((d) => ({
        key: d.key ?? 'other',
        name: d.key ? (programmeIndustry(d.key)?.zh ?? d.key) : '其他',
        count: Number(d.count),
      })),
      byControlLevel: byControlLevel.map((d) => ({ key: d.key, count: Number(d.count) })),
      points,
    };
  });
}
