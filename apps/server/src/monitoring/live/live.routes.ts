import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { requirePrincipal } from '../../platform/auth/auth.plugin';
import { AppError } from '../../platform/errors/app-error';
import { IdParams } from '../../platform/http/schema-helpers';
import type { RouteDeps } from '../../routes';
import { findOutletInScope } from '../monitoring.policy';

const HEARTBEAT_MS = 25_000;

/**
 * Live values of an outlet, pushed as server-sent events (`text/event-stream`): one `record`
 * event per packet the gateway commits for the outlet's monitors (real-time, minute, hourly,
 * daily), a comment line every 25 s to keep proxies from closing the stream.
 */
export function liveRoutes(api: FastifyInstance, { database, gateway }: RouteDeps): void {
  const r = api.withTypeProvider<TypeBoxTypeProvider>();
  r.get(
    '/monitoring/outlets/:id/live',
    {
      schema: {
        tags: ['monitoring'],
        summary: '排放口实时数据推送（Server-Sent Events：每条入库数据一个 record 事件）',
        params: IdParams,
        produces: ['text/event-stream'],
      },
    },
    async (request, reply) => {
      const p = requirePrincipal(request);
      const outlet = await findOutletInScope(database.db, p, request.params.id);
      if (!gateway) throw new AppError('CONFLICT', '数据网关未运行，无法推送实时数据');
      const monitors = await database.db
        .selectFrom('monitor')
        .select('id')
        .where('outlet_id', '=', outlet.id)
        .execute();
      reply.hijack();
      const res = reply.raw;
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      res.write(
        `event: ready\ndata: ${JSON.stringify({ outletId: outlet.id, monitorIds: monitors.map((m) => m.id) })}\n\n`,
      );
      const unsubscribe = gateway.live.subscribe(
        monitors.map((m) => m.id),
        (record) => {
          // A client that does not read is dropped rather than buffered without bound.
          if (res.writableLength > 1_000_000) return res.destroy();
          res.write(`event: record\ndata: ${JSON.stringify(record)}\n\n`);
        },
      );
      const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), HEARTBEAT_MS);
      request.raw.on('close', () => {
        clearInterval(heartbeat);
        unsubscribe();
      });
    },
  );
}
