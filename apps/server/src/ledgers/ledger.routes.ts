import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { requirePrincipal } from '../platform/auth/auth.plugin';
import { sendFile } from '../platform/documents/download';
import { IdParams, listOf } from '../platform/http/schema-helpers';
import type { RouteDeps } from '../routes';
import {
  ProblemCreate,
  ProblemDetailView,
  ProblemPatch,
  ProblemView,
  RectificationQuery,
  RectificationRow,
  ScreeningParams,
  ScreeningPut,
  ScreeningQuery,
  ScreeningRow,
  SignOffApply,
  SignOffQueueItem,
  SignOffQueueQuery,
  SignOffVerify,
  SignOffView,
} from './ledger.schemas';
import {
  putScreeningEntry,
  rectificationLedger,
  rectificationWorkbook,
  screeningLedger,
  screeningWorkbook,
} from './ledger.service';
import { createProblem, getProblemDetail, patchProblem } from './problem.service';
import { applySignOff, loadSignOffForRead, signOffQueue, verifySignOff } from './sign-off.service';
import { signOffFormDocx } from './sign-off-form';

/** /ledgers and /problems and /sign-offs: 排查台账 (附件1), 问题整改台账 (附件3), 销号 (附件4) (L1-L3). */
export function ledgerRoutes(api: FastifyInstance, { database, clock }: RouteDeps): void {
  const r = api.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = database;
  const tags = ['ledgers'];

  r.post(
    '/problems',
    {
      schema: {
        tags,
        summary: '登记问题（问题整改台账）',
        body: ProblemCreate,
        response: { 201: ProblemView },
      },
    },
    async (request, reply) => {
      const view = await createProblem(db, requirePrincipal(request), request.body, clock.now(), request.ip);
      return reply.status(201).send(view);
    },
  );

  r.get(
    '/problems/:id',
    {
      schema: {
        tags,
        summary: '问题详情（含销号记录）',
        params: IdParams,
        response: { 200: ProblemDetailView },
      },
    },
    async (request) => getProblemDetail(db, requirePrincipal(request), request.params.id, clock.now()),
  );

  r.patch(
    '/problems/:id',
    {
      schema: {
        tags,
        summary: '更新问题整改台账栏目',
        params: IdParams,
        body: ProblemPatch,
        response: { 200: ProblemView },
      },
    },
    async (request) =>
      patchProblem(db, requirePrincipal(request), request.params.id, request.body, clock.now(), request.ip),
  );

  r.get(
    '/ledgers/rectification',
    {
      schema: {
        tags,
        summary: '问题整改台账（附件3）',
        querystring: RectificationQuery,
        response: { 200: listOf(RectificationRow) },
      },
    },
    async (request) => {
      const { page, pageSize, ...filter } = request.query;
      const { items, total } = await rectificationLedger(
        db,
        requirePrincipal(request),
        filter,
        page,
        pageSize,
      );
      return { items, total, page, pageSize };
    },
  );

  r.get(
    '/ledgers/rectification/export.xlsx',
    { schema: { tags, summary: '导出问题整改台账（Excel）', querystring: RectificationQuery } },
    async (request, reply) => {
      const { page: _p, pageSize: _s, ...filter } = request.query;
      const bytes = await rectificationWorkbook(db, requirePrincipal(request), filter, clock.now());
      return sendFile(reply, '工业污染源达标计划问题整改台账.xlsx', bytes);
    },
  );

  r.get(
    '/ledgers/screening',
    {
      schema: {
        tags,
        summary: '排查台账（附件1）',
        querystring: ScreeningQuery,
        response: { 200: listOf(ScreeningRow) },
      },
    },
    async (request) => {
      const { page, pageSize, ...q } = request.query;
      const { items, total } = await screeningLedger(
        db,
        requirePrincipal(request),
        q,
        page,
        pageSize,
        clock.now(),
      );
      return { items, total, page, pageSize };
    },
  );

  r.get(
    '/ledgers/screening/export.xlsx',
    { schema: { tags, summary: '导出排查台账（Excel）', querystring: ScreeningQuery } },
    async (request, reply) => {
      const { page: _p, pageSize: _s, ...q } = request.query;
      const bytes = await screeningWorkbook(db, requirePrincipal(request), q, clock.now());
      return sendFile(reply, '工业污染源达标计划排查台账.xlsx', bytes);
    },
  );

  r.put(
    '/ledgers/screening/:campaignId/:enterpriseId',
    {
      schema: {
        tags,
        summary: '填写排查台账（监测报告编号、是否超标、超标原因）',
        params: ScreeningParams,
        body: ScreeningPut,
        response: { 200: ScreeningRow },
      },
    },
    async (request) =>
      putScreeningEntry(
        db,
        requirePrincipal(request),
        request.params.campaignId,
        request.params.enterpriseId,
        request.body,
        clock.now(),
        request.ip,
      ),
  );

  r.post(
    '/problems/:id/sign-offs',
    {
      schema: {
        tags,
        summary: '申请销号（企业）',
        params: IdParams,
        body: SignOffApply,
        response: { 201: SignOffView },
      },
    },
    async (request, reply) => {
      const view = await applySignOff(
        db,
        requirePrincipal(request),
        request.params.id,
        request.body,
        clock.now(),
        request.ip,
      );
      return reply.status(201).send(view);
    },
  );

  for (const [level, summary] of [
    ['district', '县市区环保部门现场核查并签署意见'],
    ['city', '市州环保部门核查并签署意见'],
  ] as const) {
    r.post(
      `/sign-offs/:id/${level}-verify`,
      { schema: { tags, summary, params: IdParams, body: SignOffVerify, response: { 200: SignOffView } } },
      async (request) =>
        verifySignOff(
          db,
          requirePrincipal(request),
          request.params.id,
          level,
          request.body,
          clock.now(),
          request.ip,
        ),
    );
  }

  r.get(
    '/sign-offs',
    {
      schema: {
        tags,
        summary: '待核查的销号申请（区县：待现场核查；市级：待市级核查）',
        querystring: SignOffQueueQuery,
        response: { 200: listOf(SignOffQueueItem) },
      },
    },
    async (request) => signOffQueue(db, requirePrincipal(request), request.query),
  );

  r.get(
    '/sign-offs/:id/export.docx',
    {
      schema: {
        tags,
        summary: '完成整治销号表（附件4，Word）',
        params: IdParams,
        response: { 200: Type.Any() },
      },
    },
    async (request, reply) => {
      const { round, problem } = await loadSignOffForRead(db, requirePrincipal(request), request.params.id);
      const bytes = await signOffFormDocx(problem, round);
      return sendFile(reply, `完成整治销号表-${problem.enterprise_name}-第${round.round}轮.docx`, bytes);
    },
  );
}
