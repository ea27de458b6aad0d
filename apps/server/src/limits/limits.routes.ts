import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { requirePrincipal } from '../platform/auth/auth.plugin';
import { IdParams, listOf } from '../platform/http/schema-helpers';
import type { RouteDeps } from '../routes';
import { presentDesignation, presentStandardLimit } from './limits.presenter';
import {
  DesignationCreate,
  DesignationView,
  LocalStandardCreate,
  ResolveQuery,
  StandardDetail,
  StandardListQuery,
  VersionCreate,
} from './limits.schemas';
import { resolveForOutlet } from './resolve.service';
import { listDesignations, listStandardLimits } from './standard.repository';
import { addVersion, createDesignation, createLocalStandard, getStandardDetail } from './standards.service';

/** The standards library (R5) under /limits: read by every role, written by the city. */
export function limitsRoutes(api: FastifyInstance, { database }: RouteDeps): void {
  const r = api.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = database;
  const tags = ['limits'];
  const all = <T>(items: T[]) => ({ items, total: items.length, page: 1, pageSize: items.length });

  r.get(
    '/limits/standards',
    {
      schema: {
        tags,
        summary: '排放标准限值列表',
        querystring: StandardListQuery,
        response: { 200: listOf(StandardDetail.properties.limit) },
      },
    },
    async (request) => {
      requirePrincipal(request);
      return all((await listStandardLimits(db, request.query)).map(presentStandardLimit));
    },
  );

  r.get(
    '/limits/standards/:id',
    { schema: { tags, summary: '限值及其版本', params: IdParams, response: { 200: StandardDetail } } },
    async (request) => {
      requirePrincipal(request);
      return getStandardDetail(db, request.params.id);
    },
  );

  r.post(
    '/limits/standards',
    {
      schema: {
        tags,
        summary: '新增地方标准限值',
        body: LocalStandardCreate,
        response: { 201: StandardDetail },
      },
    },
    async (request, reply) => {
      const detail = await createLocalStandard(db, requirePrincipal(request), request.body, request.ip);
      return reply.status(201).send(detail);
    },
  );

  r.post(
    '/limits/standards/:id/versions',
    {
      schema: {
        tags,
        summary: '新增限值版本（现行版本于新版本生效日失效）',
        params: IdParams,
        body: VersionCreate,
        response: { 201: StandardDetail },
      },
    },
    async (request, reply) => {
      const p = requirePrincipal(request);
      const detail = await addVersion(db, p, request.params.id, request.body, request.ip);
      return reply.status(201).send(detail);
    },
  );

  r.get(
    '/limits/designations',
    { schema: { tags, summary: '特别排放限值执行区域', response: { 200: listOf(DesignationView) } } },
    async (request) => {
      requirePrincipal(request);
      return all((await listDesignations(db)).map(presentDesignation));
    },
  );

  r.post(
    '/limits/designations',
    {
      schema: {
        tags,
        summary: '新增特别排放限值执行区域',
        body: DesignationCreate,
        response: { 201: DesignationView },
      },
    },
    async (request, reply) => {
      const view = await createDesignation(db, requirePrincipal(request), request.body, request.ip);
      return reply.status(201).send(view);
    },
  );

  r.get(
    '/limits/resolve',
    {
      schema: {
        tags,
        summary: '排放口某因子在某时刻适用的限值及判定链',
        querystring: ResolveQuery,
        response: {
          200: Type.Object({
            context: Type.Unknown(),
            limit: Type.Unknown(),
            chain: Type.Array(Type.Unknown()),
          }),
        },
      },
    },
    async (request) => resolveForOutlet(db, requirePrincipal(request), request.query),
  );
}
