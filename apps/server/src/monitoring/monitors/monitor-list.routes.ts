import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { requirePrincipal } from '../../platform/auth/auth.plugin';
import { listOf } from '../../platform/http/schema-helpers';
import type { RouteDeps } from '../../routes';
import { strictQuery } from '../query/strict-query';
import { MonitorListQuery, MonitorStatusView } from './monitor-list.schemas';
import { listMonitorStatus } from './monitor-list.service';

export function monitorListRoutes(api: FastifyInstance, { database, clock, config }: RouteDeps): void {
  api.withTypeProvider<TypeBoxTypeProvider>().get(
    '/monitoring/monitors',
    {
      ...strictQuery,
      schema: {
        tags: ['monitoring'],
        summary: '监控点列表：在线状态、最后上报、今日传输有效率',
        querystring: MonitorListQuery,
        response: { 200: listOf(MonitorStatusView) },
      },
    },
    async (request) => {
      const q = request.query;
      const { items, total } = await listMonitorStatus(
        database.db,
        requirePrincipal(request),
        q,
        clock.now(),
        config.monitorOnlineMinutes,
      );
      return { items, total, page: q.page, pageSize: q.pageSize };
    },
  );
}
