import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { requirePrincipal } from '../platform/auth/auth.plugin';
import { sendFile } from '../platform/documents/download';
import { IdParams, listOf } from '../platform/http/schema-helpers';
import type { RouteDeps } from '../routes';
import { noticeDocument } from './notice.document';
import { createNotice, getNotice, listNotices } from './notice.service';
import {
  NoticeCreate,
  NoticeListQuery,
  NoticeView,
  PlanCreate,
  PlanListQuery,
  PlanPatch,
  PlanView,
} from './plan.schemas';
import { createPlan, getPlan, listPlans, patchPlan } from './plan.service';

/** /enterprise-plans and /rectification-notices: 一企一策 and 限期整改通知书 (L4). */
export function planRoutes(api: FastifyInstance, { database, clock }: RouteDeps): void {
  const r = api.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = database;
  const tags = ['plans'];

  r.get(
    '/enterprise-plans',
    {
      schema: {
        tags,
        summary: '一企一策方案列表',
        querystring: PlanListQuery,
        response: { 200: listOf(PlanView) },
      },
    },
    async (request) => {
      const { page, pageSize, ...filter } = request.query;
      return listPlans(db, requirePrincipal(request), filter, page, pageSize);
    },
  );
  r.post(
    '/enterprise-plans',
    {
      schema: {
        tags,
        summary: '制定（企业草拟）一企一策方案',
        body: PlanCreate,
        response: { 201: PlanView },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await createPlan(db, requirePrincipal(request), request.body, clock.now(), request.ip)),
  );
  r.get(
    '/enterprise-plans/:id',
    { schema: { tags, summary: '一企一策方案详情', params: IdParams, response: { 200: PlanView } } },
    async (request) => getPlan(db, requirePrincipal(request), request.params.id),
  );
  r.patch(
    '/enterprise-plans/:id',
    {
      schema: {
        tags,
        summary: '修改、备案或完成一企一策方案',
        params: IdParams,
        body: PlanPatch,
        response: { 200: PlanView },
      },
    },
    async (request) =>
      patchPlan(db, requirePrincipal(request), request.params.id, request.body, clock.now(), request.ip),
  );

  r.get(
    '/rectification-notices',
    {
      schema: {
        tags,
        summary: '限期整改通知书列表',
        querystring: NoticeListQuery,
        response: { 200: listOf(NoticeView) },
      },
    },
    async (request) => {
      const { page, pageSize, ...filter } = request.query;
      return listNotices(db, requirePrincipal(request), filter, page, pageSize);
    },
  );
  r.post(
    '/rectification-notices',
    {
      schema: {
        tags,
        summary: '下达限期整改通知书（3—12个月）',
        body: NoticeCreate,
        response: { 201: NoticeView },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await createNotice(db, requirePrincipal(request), request.body, clock.now(), request.ip)),
  );
  r.get(
    '/rectification-notices/:id',
    { schema: { tags, summary: '限期整改通知书详情', params: IdParams, response: { 200: NoticeView } } },
    async (request) => getNotice(db, requirePrincipal(request), request.params.id),
  );
  r.get(
    '/rectification-notices/:id/export.docx',
    { schema: { tags, summary: '导出限期整改通知书（Word）', params: IdParams } },
    async (request, reply) => {
      const notice = await getNotice(db, requirePrincipal(request), request.params.id);
      return sendFile(reply, `限期整改通知书（${notice.number}）.docx`, await noticeDocument(notice));
    },
  );
}
