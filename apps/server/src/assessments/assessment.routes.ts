import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { requirePrincipal } from '../platform/auth/auth.plugin';
import { sendFile } from '../platform/documents/download';
import { forbidden } from '../platform/errors/app-error';
import { IdParams, listOf } from '../platform/http/schema-helpers';
import type { RouteDeps } from '../routes';
import { assessmentDocx } from './assessment.export';
import { presentAssessment, presentAssessmentSummary } from './assessment.presenter';
import { listAssessments } from './assessment.repository';
import {
  AssessmentCreate,
  AssessmentFinalize,
  AssessmentListQuery,
  AssessmentPatch,
  AssessmentSummaryView,
  AssessmentView,
} from './assessment.schemas';
import {
  createAssessment,
  finalizeAssessment,
  getAssessmentForRead,
  patchAssessment,
} from './assessment.service';

const READERS = new Set(['admin', 'city', 'district', 'expert']);

/** /assessments: assessment reports per region and industry, the yearly summary (E4). */
export function assessmentRoutes(api: FastifyInstance, { database, clock }: RouteDeps): void {
  const r = api.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = database;
  const tags = ['assessments'];

  r.get(
    '/assessments',
    {
      schema: {
        tags,
        summary: '评估报告与年度总结列表',
        querystring: AssessmentListQuery,
        response: { 200: listOf(AssessmentSummaryView) },
      },
    },
    async (request) => {
      const p = requirePrincipal(request);
      if (!READERS.has(p.role)) throw forbidden('无权查看评估报告');
      const { page, pageSize, ...filter } = request.query;
      const { rows, total } = await listAssessments(db, p, filter, page, pageSize);
      return { items: rows.map(presentAssessmentSummary), total, page, pageSize };
    },
  );

  r.post(
    '/assessments',
    {
      schema: {
        tags,
        summary: '生成评估报告或年度总结（按当前数据统计并起草）',
        body: AssessmentCreate,
        response: { 201: AssessmentView },
      },
    },
    async (request, reply) => {
      const view = await createAssessment(
        db,
        requirePrincipal(request),
        request.body,
        clock.now(),
        request.ip,
      );
      return reply.status(201).send(view);
    },
  );

  r.get(
    '/assessments/:id',
    { schema: { tags, summary: '评估报告详情', params: IdParams, response: { 200: AssessmentView } } },
    async (request) =>
      presentAssessment(await getAssessmentForRead(db, requirePrincipal(request), request.params.id)),
  );

  r.patch(
    '/assessments/:id',
    {
      schema: {
        tags,
        summary: '修改评估报告各部分内容（仅草稿）',
        params: IdParams,
        body: AssessmentPatch,
        response: { 200: AssessmentView },
      },
    },
    async (request) =>
      patchAssessment(
        db,
        requirePrincipal(request),
        request.params.id,
        request.body,
        clock.now(),
        request.ip,
      ),
  );

  r.post(
    '/assessments/:id/finalize',
    {
      schema: {
        tags,
        summary: '评估报告定稿',
        params: IdParams,
        body: AssessmentFinalize,
        response: { 200: AssessmentView },
      },
    },
    async (request) =>
      finalizeAssessment(
        db,
        requirePrincipal(request),
        request.params.id,
        request.body.version,
        clock.now(),
        request.ip,
      ),
  );

  r.get(
    '/assessments/:id/export.docx',
    { schema: { tags, summary: '导出评估报告（Word）', params: IdParams } },
    async (request, reply) => {
      const row = await getAssessmentForRead(db, requirePrincipal(request), request.params.id);
      return sendFile(reply, `${row.title}.docx`, await assessmentDocx(row));
    },
  );
}
