import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { requirePrincipal } from '../../platform/auth/auth.plugin';
import { IdParams } from '../../platform/http/schema-helpers';
import type { RouteDeps } from '../../routes';
import { generateList, getList, listLists, publishList, reviewList } from './serious-list.service';

const GenerateBody = Type.Object(
  { year: Type.Integer({ minimum: 2000, maximum: 2100 }), quarter: Type.Integer({ minimum: 1, maximum: 4 }) },
  { additionalProperties: false },
);
const ReviewBody = Type.Object(
  {
    version: Type.Integer({ minimum: 1 }),
    entries: Type.Array(
      Type.Object(
        {
          enterpriseId: Type.Integer({ minimum: 1 }),
          included: Type.Boolean(),
          note: Type.Optional(Type.String({ maxLength: 500 })),
        },
        { additionalProperties: false },
      ),
      { maxItems: 2000 },
    ),
  },
  { additionalProperties: false },
);
const PublishBody = Type.Object({ version: Type.Integer({ minimum: 1 }) }, { additionalProperties: false });

/** /serious-lists: the quarterly list of seriously exceeding enterprises (A5): generate, review, publish. */
export function seriousListRoutes(api: FastifyInstance, { database, clock }: RouteDeps): void {
  const r = api.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = database;
  const tags = ['alarms'];

  r.get('/serious-lists', { schema: { tags, summary: '严重超标企业季度名单' } }, async (request) =>
    listLists(db, requirePrincipal(request)),
  );
  r.post(
    '/serious-lists',
    { schema: { tags, summary: '生成（或重新生成草稿）季度名单（市局）', body: GenerateBody } },
    async (request, reply) => {
      const list = await generateList(
        db,
        requirePrincipal(request),
        request.body.year,
        request.body.quarter,
        clock.now(),
        request.ip,
      );
      return reply.status(201).send(list);
    },
  );
  r.get(
    '/serious-lists/:id',
    { schema: { tags, summary: '季度名单详情', params: IdParams } },
    async (request) => getList(db, requirePrincipal(request), request.params.id),
  );
  r.post(
    '/serious-lists/:id/review',
    { schema: { tags, summary: '审核季度名单（市局）', params: IdParams, body: ReviewBody } },
    async (request) =>
      reviewList(db, requirePrincipal(request), request.params.id, request.body, clock.now(), request.ip),
  );
  r.post(
    '/serious-lists/:id/publish',
    { schema: { tags, summary: '公布季度名单（市局）', params: IdParams, body: PublishBody } },
    async (request) =>
      publishList(
        db,
        requirePrincipal(request),
        request.params.id,
        request.body.version,
        clock.now(),
        request.ip,
      ),
  );
}
