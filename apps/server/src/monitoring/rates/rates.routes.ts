import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { requirePrincipal } from '../../platform/auth/auth.plugin';
import type { RouteDeps } from '../../routes';
import { strictQuery } from '../query/strict-query';
import { RatesQuery, RatesView } from './rates.schemas';
import { loadRates } from './rates.service';
import { writeRatesSheet } from './rates-sheet';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function rateRoutes(api: FastifyInstance, { database, clock }: RouteDeps): void {
  const r = api.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['monitoring'];

  r.get(
    '/monitoring/rates',
    {
      ...strictQuery,
      schema: {
        tags,
        summary: '数据传输有效率（按监控点、企业或区县汇总，先合计小时数再计算）',
        querystring: RatesQuery,
        response: { 200: RatesView },
      },
    },
    async (request) => loadRates(database.db, requirePrincipal(request), request.query, clock.now()),
  );

  r.get(
    '/monitoring/rates/export.xlsx',
    { ...strictQuery, schema: { tags, summary: '导出数据传输有效率（Excel）', querystring: RatesQuery } },
    async (request, reply) => {
      const view = await loadRates(database.db, requirePrincipal(request), request.query, clock.now());
      const name = `数据传输有效率-${view.month}.xlsx`;
      reply
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(name)}`)
        .type(XLSX);
      return writeRatesSheet(view);
    },
  );
}
