import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { requirePrincipal } from '../../platform/auth/auth.plugin';
import type { PollutantFields } from '../../platform/db/schema';
import { IdParams, listOf } from '../../platform/http/schema-helpers';
import type { RouteDeps } from '../../routes';
import { findOutletInScope } from '../monitoring.policy';
import { strictQuery } from '../query/strict-query';
import { timeRange } from '../query/time-range';
import { shanghaiIso } from '../shanghai-iso';
import { listRecords } from './records.repository';
import { RecordsQuery, RecordView } from './records.schemas';

const flagsOf = (values: Record<string, PollutantFields>) =>
  Object.fromEntries(
    Object.entries(values)
      .filter(([, f]) => typeof f.Flag === 'string')
      .map(([code, f]) => [code, f.Flag as string]),
  );

export function recordRoutes(api: FastifyInstance, { database, clock }: RouteDeps): void {
  const db = database.db;
  api.withTypeProvider<TypeBoxTypeProvider>().get(
    '/monitoring/outlets/:id/records',
    {
      ...strictQuery,
      schema: {
        tags: ['monitoring'],
        summary: '排放口收到的数据记录（原样，含数据标记和原始报文 id）',
        params: IdParams,
        querystring: RecordsQuery,
        response: { 200: listOf(RecordView) },
      },
    },
    async (request) => {
      const outlet = await findOutletInScope(db, requirePrincipal(request), request.params.id);
      const q = request.query;
      const { from, to } = timeRange(q, clock.now(), 1);
      const { rows, total } = await listRecords(db, outlet.id, {
        kind: q.kind,
        from,
        to,
        page: q.page,
        pageSize: q.pageSize,
        desc: q.sort === '-dataTime',
      });
      return {
        items: rows.map((r) => ({
          monitorId: r.monitor_id,
          mn: r.mn,
          kind: r.kind,
          dataTime: shanghaiIso(new Date(r.data_time)),
          receivedAt: shanghaiIso(new Date(r.received_at)),
          rawFrameId: Number(r.raw_frame_id),
          resendCount: r.resend_count,
          values: r.values,
          flags: flagsOf(r.values),
        })),
        total,
        page: q.page,
        pageSize: q.pageSize,
      };
    },
  );
}
