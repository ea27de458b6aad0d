import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { requireRole } from '../../platform/auth/auth.plugin';
import { AppError } from '../../platform/errors/app-error';
import type { RouteDeps } from '../../routes';

const SimulatorUnit = Type.Object({
  mn: Type.String(),
  pw: Type.String(),
  st: Type.Union([Type.Literal('31'), Type.Literal('32')], { description: '31 废气 · 32 废水' }),
  profile: Type.String(),
  pollutants: Type.Array(Type.String()),
});

/**
 * The demo's active units with their passwords, for the HJ 212 simulator (packages/simulator).
 * Only in demo mode (404 otherwise, as if the route did not exist) and only for the administrator.
 */
export function simulatorUnitRoutes(api: FastifyInstance, { database, config }: RouteDeps): void {
  api.withTypeProvider<TypeBoxTypeProvider>().get(
    '/monitoring/simulator-units',
    {
      schema: {
        tags: ['monitoring'],
        summary: '演示模式：模拟数采仪用的监控点（仅管理员）',
        response: { 200: Type.Object({ items: Type.Array(SimulatorUnit) }) },
      },
    },
    async (request) => {
      if (!config.demo) throw new AppError('NOT_FOUND', `没有该接口：${request.method} ${request.url}`);
      requireRole(request, ['admin']);
      const rows = await database.db
        .selectFrom('monitor')
        .innerJoin('outlet', 'outlet.id', 'monitor.outlet_id')
        .innerJoin('enterprise', 'enterprise.id', 'outlet.enterprise_id')
        .select(['monitor.mn', 'monitor.password', 'outlet.kind', 'outlet.profile', 'outlet.pollutants'])
        .where('monitor.active', '=', true)
        .where('outlet.active', '=', true)
        .where('enterprise.active', '=', true)
        .orderBy('monitor.id')
        .execute();
      return {
        items: rows.map((r) => ({
          mn: r.mn,
          pw: r.password,
          st: r.kind === 'air' ? ('31' as const) : ('32' as const),
          profile: r.profile ?? (r.kind === 'air' ? 'air' : 'water'),
          pollutants: r.pollutants ?? [],
        })),
      };
    },
  );
}
