import {
  SELF_CHECK_REVIEW_SECTION,
  SELF_CHECK_SECTIONS,
  SELF_CHECK_SIGNATURES,
  selfCheckTitle,
} from '@dabiao/domain';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { requirePrincipal } from '../platform/auth/auth.plugin';
import { sendFile } from '../platform/documents/download';
import { IdParams, listOf } from '../platform/http/schema-helpers';
import type { RouteDeps } from '../routes';
import { selfCheckDocx } from './self-check.export';
import { presentSelfCheckSummary } from './self-check.presenter';
import { listSelfChecks } from './self-check.repository';
import {
  SelfCheckListQuery,
  SelfCheckReviewBody,
  SelfCheckRevise,
  SelfCheckSave,
  SelfCheckStart,
  SelfCheckSubmit,
  SelfCheckSummary,
  SelfCheckVersionsView,
  SelfCheckView,
} from './self-check.schemas';
import {
  getSelfCheckForRead,
  getSelfCheckVersions,
  reviewSelfCheck,
  reviseSelfCheck,
  saveSelfCheck,
  startSelfCheck,
  submitSelfCheck,
} from './self-check.service';

/** /self-checks: 自查表 (004 附件2), filled by the enterprise, reviewed by the district (E2). */
export function selfCheckRoutes(api: FastifyInstance, { database, clock }: RouteDeps): void {
  const r = api.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = database;
  const tags = ['self-checks'];

  r.get(
    '/self-checks/form',
    {
      schema: {
        tags,
        summary: '自查表的格式（附件2 各部分、栏目及填写说明）',
        response: { 200: Type.Record(Type.String(), Type.Unknown()) },
      },
    },
    async (request) => {
      requirePrincipal(request);
      return {
        title: selfCheckTitle('{{year}}'),
        signatures: SELF_CHECK_SIGNATURES,
        sections: SELF_CHECK_SECTIONS,
        review: SELF_CHECK_REVIEW_SECTION,
      };
    },
  );

  r.get(
    '/self-checks',
    {
      schema: {
        tags,
        summary: '自查表列表',
        querystring: SelfCheckListQuery,
        response: { 200: listOf(SelfCheckSummary) },
      },
    },
    async (request) => {
      const { page, pageSize, ...filter } = request.query;
      const { rows, total } = await listSelfChecks(db, requirePrincipal(request), filter, page, pageSize);
      return { items: rows.map(presentSelfCheckSummary), total, page, pageSize };
    },
  );

  r.post(
    '/self-checks',
    {
      schema: {
        tags,
        summary: '开始填报自查表（或取回已有版本）',
        body: SelfCheckStart,
        response: { 200: SelfCheckView, 201: SelfCheckView },
      },
    },
    async (request, reply) => {
      const { view, created } = await startSelfCheck(
        db,
        requirePrincipal(request),
        request.body.campaignId,
        clock.now(),
        request.ip,
      );
      return reply.status(created ? 201 : 200).send(view);
    },
  );

  r.get(
    '/self-checks/:id',
    { schema: { tags, summary: '自查表详情', params: IdParams, response: { 200: SelfCheckView } } },
    async (request) => getSelfCheckForRead(db, requirePrincipal(request), request.params.id),
  );

  r.put(
    '/self-checks/:id',
    {
      schema: {
        tags,
        summary: '保存自查表草稿',
        params: IdParams,
        body: SelfCheckSave,
        response: { 200: SelfCheckView },
      },
    },
    async (request) =>
      saveSelfCheck(db, requirePrincipal(request), request.params.id, request.body, clock.now(), request.ip),
  );

  r.post(
    '/self-checks/:id/submit',
    {
      schema: {
        tags,
        summary: '提交自查表（填报人签字）',
        params: IdParams,
        body: SelfCheckSubmit,
        response: { 200: SelfCheckView },
      },
    },
    async (request) =>
      submitSelfCheck(
        db,
        requirePrincipal(request),
        request.params.id,
        request.body,
        clock.now(),
        request.ip,
      ),
  );

  r.post(
    '/self-checks/:id/revise',
    {
      schema: {
        tags,
        summary: '在已提交、退回或通过的版本上生成新版本草稿',
        params: IdParams,
        body: SelfCheckRevise,
        response: { 201: SelfCheckView },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await reviseSelfCheck(
            db,
            requirePrincipal(request),
            request.params.id,
            request.body,
            clock.now(),
            request.ip,
          ),
        ),
  );

  r.post(
    '/self-checks/:id/review',
    {
      schema: {
        tags,
        summary: '审核自查表（填写第五部分，通过或退回）',
        params: IdParams,
        body: SelfCheckReviewBody,
        response: { 200: SelfCheckView },
      },
    },
    async (request) =>
      reviewSelfCheck(
        db,
        requirePrincipal(request),
        request.params.id,
        request.body,
        clock.now(),
        request.ip,
      ),
  );

  r.get(
    '/self-checks/:id/versions',
    {
      schema: {
        tags,
        summary: '自查表的各版本',
        params: IdParams,
        response: { 200: SelfCheckVersionsView },
      },
    },
    async (request) => getSelfCheckVersions(db, requirePrincipal(request), request.params.id),
  );

  r.get(
    '/self-checks/:id/export.docx',
    { schema: { tags, summary: '导出自查表（Word）', params: IdParams } },
    async (request, reply) => {
      const view = await getSelfCheckForRead(db, requirePrincipal(request), request.params.id);
      const bytes = await selfCheckDocx(view);
      return sendFile(reply, `${view.enterpriseName}自查表（第${view.versionNo}版）.docx`, bytes);
    },
  );
}
