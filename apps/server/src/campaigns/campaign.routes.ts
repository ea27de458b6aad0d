import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { requirePrincipal } from '../platform/auth/auth.plugin';
import { IdParams, listOf } from '../platform/http/schema-helpers';
import type { RouteDeps } from '../routes';
import {
  CampaignCreate,
  CampaignDetailView,
  CampaignEnterpriseQuery,
  CampaignEnterpriseView,
  CampaignListQuery,
  CampaignSummaryView,
  CampaignUpdate,
} from './campaign.schemas';
import {
  createCampaign,
  getCampaign,
  listCampaignEnterprises,
  listCampaigns,
  updateCampaign,
} from './campaign.service';

/** /campaigns: 达标计划, its industry batches and phases (E1). */
export function campaignRoutes(api: FastifyInstance, { database, clock }: RouteDeps): void {
  const r = api.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = database;
  const tags = ['campaigns'];

  r.get(
    '/campaigns',
    {
      schema: {
        tags,
        summary: '达标计划列表（含批次企业数与阶段状态）',
        querystring: CampaignListQuery,
        response: { 200: listOf(CampaignSummaryView) },
      },
    },
    async (request) =>
      listCampaigns(db, requirePrincipal(request), clock.now(), request.query.page, request.query.pageSize),
  );

  r.post(
    '/campaigns',
    {
      schema: {
        tags,
        summary: '制定达标计划（市局）',
        body: CampaignCreate,
        response: { 201: CampaignDetailView },
      },
    },
    async (request, reply) => {
      const view = await createCampaign(db, requirePrincipal(request), request.body, clock.now(), request.ip);
      return reply.status(201).send(view);
    },
  );

  r.get(
    '/campaigns/:id',
    {
      schema: {
        tags,
        summary: '达标计划详情（批次、阶段、覆盖区县、附件5任务分解）',
        params: IdParams,
        response: { 200: CampaignDetailView },
      },
    },
    async (request) => getCampaign(db, requirePrincipal(request), request.params.id, clock.now()),
  );

  r.put(
    '/campaigns/:id',
    {
      schema: {
        tags,
        summary: '修改达标计划（市局）',
        params: IdParams,
        body: CampaignUpdate,
        response: { 200: CampaignDetailView },
      },
    },
    async (request) =>
      updateCampaign(db, requirePrincipal(request), request.params.id, request.body, clock.now(), request.ip),
  );

  r.get(
    '/campaigns/:id/enterprises',
    {
      schema: {
        tags,
        summary: '达标计划覆盖的企业（按批次、区县）',
        params: IdParams,
        querystring: CampaignEnterpriseQuery,
        response: { 200: listOf(CampaignEnterpriseView) },
      },
    },
    async (request) =>
      listCampaignEnterprises(db, requirePrincipal(request), request.params.id, request.query),
  );
}
