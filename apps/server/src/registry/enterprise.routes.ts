import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { AuditEntryView, presentAudit } from '../platform/audit/audit.presenter';
import { listAudit } from '../platform/audit/audit.repository';
import { requirePrincipal } from '../platform/auth/auth.plugin';
import { IdParams, listOf } from '../platform/http/schema-helpers';
import type { RouteDeps } from '../routes';
import { presentEnterprise } from './enterprise.presenter';
import { listEnterprises } from './enterprise.repository';
import { EnterpriseCreate, EnterpriseListQuery, EnterprisePatch, EnterpriseView } from './enterprise.schemas';
import {
  createEnterprise,
  getEnterpriseForRead,
  patchEnterprise,
  setEnterpriseActive,
} from './enterprise.service';
import { loadEnterpriseDetail } from './enterprise-detail';

export function enterpriseRoutes(api: FastifyInstance, { database, clock }: RouteDeps): void {
  const r = api.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = database;
  const tags = ['registry'];

  r.get(
    '/enterprises',
    {
      schema: {
        tags,
        summary: '企业列表',
        querystring: EnterpriseListQuery,
        response: { 200: listOf(EnterpriseView) },
      },
    },
    async (request) => {
      const p = requirePrincipal(request);
      const { page, pageSize, sort, ...filter } = request.query;
      const { rows, total } = await listEnterprises(db, p, filter, { page, pageSize, sort });
      return { items: rows.map(presentEnterprise), total, page, pageSize };
    },
  );

  r.post(
    '/enterprises',
    { schema: { tags, summary: '新增企业', body: EnterpriseCreate, response: { 201: EnterpriseView } } },
    async (request, reply) => {
      const p = requirePrincipal(request);
      const view = await createEnterprise(db, p, request.body, clock.now(), request.ip);
      return reply.status(201).send(view);
    },
  );

  r.get('/enterprises/:id', { schema: { tags, summary: '一企一档', params: IdParams } }, async (request) => {
    const p = requirePrincipal(request);
    const enterprise = await getEnterpriseForRead(db, p, request.params.id);
    return loadEnterpriseDetail(db, p, enterprise);
  });

  r.patch(
    '/enterprises/:id',
    {
      schema: {
        tags,
        summary: '修改企业',
        params: IdParams,
        body: EnterprisePatch,
        response: { 200: EnterpriseView },
      },
    },
    async (request) =>
      patchEnterprise(
        db,
        requirePrincipal(request),
        request.params.id,
        request.body,
        clock.now(),
        request.ip,
      ),
  );

  for (const [action, active] of [
    ['deactivate', false],
    ['activate', true],
  ] as const) {
    r.post(
      `/enterprises/:id/${action}`,
      {
        schema: {
          tags,
          summary: active ? '恢复企业' : '注销（停用）企业',
          params: IdParams,
          response: { 200: EnterpriseView },
        },
      },
      async (request) =>
        setEnterpriseActive(
          db,
          requirePrincipal(request),
          request.params.id,
          active,
          clock.now(),
          request.ip,
        ),
    );
  }

  r.get(
    '/enterprises/:id/history',
    {
      schema: {
        tags,
        summary: '变更历史',
        params: IdParams,
        response: { 200: Type.Object({ items: Type.Array(AuditEntryView) }) },
      },
    },
    async (request) => {
      await getEnterpriseForRead(db, requirePrincipal(request), request.params.id);
      const rows = await listAudit(db, { enterpriseId: request.params.id });
      return { items: rows.map(presentAudit) };
    },
  );
}
