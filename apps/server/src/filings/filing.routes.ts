import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { requirePrincipal } from '../platform/auth/auth.plugin';
import { IdParams, listOf } from '../platform/http/schema-helpers';
import type { RouteDeps } from '../routes';
import { presentFiling } from './filing.presenter';
import { listFilings } from './filing.repository';
import { FilingCreate, FilingDecision, FilingListQuery, FilingView, FilingWithdraw } from './filing.schemas';
import { createFiling, getFilingForRead, transitionFiling } from './filing.service';

/** /filings: 报备 of maintenance, calibration, start-up and shut-down windows, and their review. */
export function filingRoutes(api: FastifyInstance, { database, clock }: RouteDeps): void {
  const r = api.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = database;
  const tags = ['filings'];

  r.get(
    '/filings',
    {
      schema: {
        tags,
        summary: '报备列表',
        querystring: FilingListQuery,
        response: { 200: listOf(FilingView) },
      },
    },
    async (request) => {
      const { page, pageSize, ...filter } = request.query;
      const { rows, total } = await listFilings(db, requirePrincipal(request), filter, page, pageSize);
      return { items: rows.map(presentFiling), total, page, pageSize };
    },
  );

  r.post(
    '/filings',
    { schema: { tags, summary: '提交报备', body: FilingCreate, response: { 201: FilingView } } },
    async (request, reply) => {
      const view = await createFiling(db, requirePrincipal(request), request.body, clock.now(), request.ip);
      return reply.status(201).send(view);
    },
  );

  r.get(
    '/filings/:id',
    { schema: { tags, summary: '报备详情', params: IdParams, response: { 200: FilingView } } },
    async (request) => getFilingForRead(db, requirePrincipal(request), request.params.id),
  );

  for (const [action, summary] of [
    ['approve', '批准报备'],
    ['reject', '驳回报备'],
  ] as const) {
    r.post(
      `/filings/:id/${action}`,
      { schema: { tags, summary, params: IdParams, body: FilingDecision, response: { 200: FilingView } } },
      async (request) =>
        transitionFiling(
          db,
          requirePrincipal(request),
          request.params.id,
          action,
          request.body,
          clock.now(),
          request.ip,
        ),
    );
  }

  r.post(
    '/filings/:id/withdraw',
    {
      schema: {
        tags,
        summary: '撤回报备',
        params: IdParams,
        body: FilingWithdraw,
        response: { 200: FilingView },
      },
    },
    async (request) =>
      transitionFiling(
        db,
        requirePrincipal(request),
        request.params.id,
        'withdraw',
        request.body,
        clock.now(),
        request.ip,
      ),
  );
}
