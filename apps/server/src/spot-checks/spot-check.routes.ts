import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { requirePrincipal } from '../platform/auth/auth.plugin';
import { IdParams, listOf } from '../platform/http/schema-helpers';
import type { RouteDeps } from '../routes';
import {
  createAssignment,
  getAssignment,
  listAssignments,
  listReviewers,
  submitOpinion,
} from './review.service';
import {
  AssignmentCreate,
  AssignmentListQuery,
  AssignmentView,
  DrawCreate,
  DrawListQuery,
  DrawSummaryView,
  DrawVerifyView,
  DrawView,
  OpinionSubmit,
  ReviewerView,
} from './spot-check.schemas';
import { createDraw, getDraw, listDraws, verifyDraw } from './spot-check.service';

/** /spot-checks and /review-assignments: random draws for on-site checks, expert and third-party reviews (E3). */
export function spotCheckRoutes(api: FastifyInstance, { database, clock }: RouteDeps): void {
  const r = api.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = database;
  const tags = ['spot-checks'];

  r.get(
    '/spot-checks/draws',
    {
      schema: {
        tags,
        summary: '抽查记录列表',
        querystring: DrawListQuery,
        response: { 200: listOf(DrawSummaryView) },
      },
    },
    async (request) => listDraws(db, requirePrincipal(request), request.query),
  );

  r.post(
    '/spot-checks/draws',
    {
      schema: {
        tags,
        summary: '随机抽取企业（抽查率不低于50%，种子留存可复核）',
        body: DrawCreate,
        response: { 201: DrawView },
      },
    },
    async (request, reply) => {
      const view = await createDraw(db, requirePrincipal(request), request.body, clock.now(), request.ip);
      return reply.status(201).send(view);
    },
  );

  r.get(
    '/spot-checks/draws/:id',
    {
      schema: {
        tags,
        summary: '抽查记录详情（种子、名单、抽中企业）',
        params: IdParams,
        response: { 200: DrawView },
      },
    },
    async (request) => getDraw(db, requirePrincipal(request), request.params.id),
  );

  r.get(
    '/spot-checks/draws/:id/verify',
    {
      schema: {
        tags,
        summary: '复核抽查：按存储的种子和名单重新计算',
        params: IdParams,
        response: { 200: DrawVerifyView },
      },
    },
    async (request) => verifyDraw(db, requirePrincipal(request), request.params.id),
  );

  r.get(
    '/review-assignments',
    {
      schema: {
        tags,
        summary: '评审任务列表（专家：本人的任务）',
        querystring: AssignmentListQuery,
        response: { 200: listOf(AssignmentView) },
      },
    },
    async (request) => listAssignments(db, requirePrincipal(request), request.query, clock.now()),
  );

  r.get(
    '/review-assignments/reviewers',
    { schema: { tags, summary: '可指派的评审专家', response: { 200: Type.Array(ReviewerView) } } },
    async (request) => listReviewers(db, requirePrincipal(request)),
  );

  r.post(
    '/review-assignments',
    {
      schema: {
        tags,
        summary: '指派现场核查、专家评审或第三方评估',
        body: AssignmentCreate,
        response: { 201: AssignmentView },
      },
    },
    async (request, reply) => {
      const view = await createAssignment(
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
    '/review-assignments/:id',
    { schema: { tags, summary: '评审任务详情', params: IdParams, response: { 200: AssignmentView } } },
    async (request) => getAssignment(db, requirePrincipal(request), request.params.id, clock.now()),
  );

  r.post(
    '/review-assignments/:id/opinion',
    {
      schema: {
        tags,
        summary: '提交评审意见（仅被指派的专家，提交后不可修改）',
        params: IdParams,
        body: OpinionSubmit,
        response: { 200: AssignmentView },
      },
    },
    async (request) =>
      submitOpinion(db, requirePrincipal(request), request.params.id, request.body, clock.now(), request.ip),
  );
}
