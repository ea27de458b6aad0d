import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { requirePrincipal } from '../../platform/auth/auth.plugin';
import type { RouteDeps } from '../../routes';
import { strictQuery } from '../query/strict-query';
import { OverviewQuery, OverviewView } from './overview.schemas';
import { loadOverview } from './overview.service';

export function overviewRoutes(api: FastifyInstance, { database, clock, config }: RouteDeps): void {
  api.withTypeProvider<TypeBoxTypeProvider>().get(
    '/monitoring/overview',
    {
      ...strictQuery,
      schema: {
        tags: ['monitoring'],
        summary: '在线监控概况：在线/离线、今日传输有效率、最近无效小时、分区县',
        querystring: OverviewQuery,
        response: { 200: OverviewView },
      },
    },
    async (request) =>
      loadOverview(
        database.db,
        requirePrincipal(request),
        request.query.regionCode,
        clock.now(),
        config.monitorOnlineMinutes,
      ),
  );
}
