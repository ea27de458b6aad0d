import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { requirePrincipal } from '../platform/auth/auth.plugin';
import { sendFile } from '../platform/documents/download';
import { IdParams } from '../platform/http/schema-helpers';
import type { RouteDeps } from '../routes';
import { detailWorkbook, summaryWorkbook } from './report.exports';
import {
  DefinitionParams,
  DefinitionView,
  ExportQuery,
  MatrixQuery,
  MatrixView,
  PrefillQuery,
  SubmissionCreate,
  SubmissionDecision,
  SubmissionView,
} from './report.schemas';
import {
  decideSubmission,
  getSubmission,
  listDefinitionRecords,
  prefillFor,
  presentDefinition,
  reportMatrix,
  requireReportReader,
  submitReport,
} from './report.service';

/** /reports: periodic reports, their due rules, submissions and the lateness matrix (L5). */
export function reportRoutes(api: FastifyInstance, { database, clock }: RouteDeps): void {
  const r = api.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = database;
  const tags = ['reports'];

  r.get(
    '/reports',
    { schema: { tags, summary: '定期报告及下次报送期限', response: { 200: Type.Array(DefinitionView) } } },
    async (request) => {
      requireReportReader(requirePrincipal(request));
      const now = clock.now();
      return (await listDefinitionRecords(db)).map((d) => presentDefinition(d, now));
    },
  );

  r.get(
    '/reports/:definitionId/matrix',
    {
      schema: {
        tags,
        summary: '报送情况矩阵（县市区 × 报告期）',
        params: DefinitionParams,
        querystring: MatrixQuery,
        response: { 200: MatrixView },
      },
    },
    async (request) =>
      reportMatrix(db, requirePrincipal(request), request.params.definitionId, request.query, clock.now()),
  );

  r.get(
    '/reports/:definitionId/prefill',
    {
      schema: {
        tags,
        summary: '报告内容预填（按台账统计）',
        params: DefinitionParams,
        querystring: PrefillQuery,
        response: {
          200: Type.Object({
            periodLabel: Type.String(),
            content: Type.Record(Type.String(), Type.Unknown()),
          }),
        },
      },
    },
    async (request) =>
      prefillFor(
        db,
        requirePrincipal(request),
        request.params.definitionId,
        request.query.regionCode,
        request.query.periodKey,
      ),
  );

  r.post(
    '/reports/:definitionId/submissions',
    {
      schema: {
        tags,
        summary: '报送定期报告（逾期照收，标记迟报）',
        params: DefinitionParams,
        body: SubmissionCreate,
        response: { 201: SubmissionView },
      },
    },
    async (request, reply) => {
      const view = await submitReport(
        db,
        requirePrincipal(request),
        request.params.definitionId,
        request.body,
        clock.now(),
        request.ip,
      );
      return reply.status(201).send(view);
    },
  );

  r.get(
    '/reports/submissions/:id',
    { schema: { tags, summary: '报送记录详情', params: IdParams, response: { 200: SubmissionView } } },
    async (request) => getSubmission(db, requirePrincipal(request), request.params.id),
  );

  for (const [action, summary] of [
    ['receive', '签收报告'],
    ['return', '退回报告'],
  ] as const) {
    r.post(
      `/reports/submissions/:id/${action}`,
      {
        schema: {
          tags,
          summary,
          params: IdParams,
          body: SubmissionDecision,
          response: { 200: SubmissionView },
        },
      },
      async (request) =>
        decideSubmission(
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

  r.get(
    '/reports/exports/summary.xlsx',
    { schema: { tags, summary: '导出超标企业清理汇总表（001 附件3）', querystring: ExportQuery } },
    async (request, reply) => {
      const { bytes, fileName } = await summaryWorkbook(
        db,
        requirePrincipal(request),
        request.query.period,
        clock.now(),
      );
      return sendFile(reply, fileName, bytes);
    },
  );

  r.get(
    '/reports/exports/detail.xlsx',
    { schema: { tags, summary: '导出超标企业清理明细表（001 附件4）', querystring: ExportQuery } },
    async (request, reply) => {
      const { bytes, fileName } = await detailWorkbook(
        db,
        requirePrincipal(request),
        request.query.period,
        clock.now(),
      );
      return sendFile(reply, fileName, bytes);
    },
  );
}
