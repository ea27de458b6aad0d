import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { requirePrincipal } from '../platform/auth/auth.plugin';
import type { RouteDeps } from '../routes';
import { summarize, todosFor } from './todo.service';

const State = Type.Union([Type.Literal('open'), Type.Literal('due-soon'), Type.Literal('overdue')]);

export const TodoView = Type.Object({
  key: Type.String({ description: '待办事项的稳定标识' }),
  kind: Type.Union([
    Type.Literal('alarm_sheet'),
    Type.Literal('self_check_submit'),
    Type.Literal('self_check_review'),
    Type.Literal('sign_off_verify'),
    Type.Literal('problem_deadline'),
    Type.Literal('problem_follow_up'),
    Type.Literal('report_due'),
    Type.Literal('review_assignment'),
    Type.Literal('campaign_phase'),
  ]),
  title: Type.String(),
  link: Type.String({ description: '网页中的办理页面路径' }),
  dueAt: Type.String({ format: 'date-time' }),
  dueDate: Type.String({ description: '到期日（北京时间）' }),
  state: State,
  overdueWorkingDays: Type.Optional(Type.Integer()),
  provisional: Type.Boolean({ description: '到期日所在年份的节假日安排尚未公布，按普通周末推算' }),
});

export const TodoSummary = Type.Object({
  total: Type.Integer(),
  open: Type.Integer(),
  'due-soon': Type.Integer(),
  overdue: Type.Integer(),
});

const userOf = (request: Parameters<typeof requirePrincipal>[0]) => {
  const p = requirePrincipal(request);
  return {
    id: p.id,
    role: p.role,
    regionCode: p.regionCode,
    enterpriseId: p.enterpriseId,
    operatorId: p.operatorId,
  };
};

/** /todos: every dated obligation of the signed-in user, from the one deadline engine (G2). */
export function todoRoutes(api: FastifyInstance, { database, clock }: RouteDeps): void {
  const r = api.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = database;
  const tags = ['todos'];

  r.get(
    '/todos',
    {
      schema: {
        tags,
        summary: '我的待办（按到期时间排序）',
        response: { 200: Type.Object({ items: Type.Array(TodoView), now: Type.String() }) },
      },
    },
    async (request) => {
      const now = clock.now();
      return { items: await todosFor(db, userOf(request), now), now: now.toISOString() };
    },
  );

  r.get(
    '/todos/summary',
    { schema: { tags, summary: '我的待办数量（按状态）', response: { 200: TodoSummary } } },
    async (request) => summarize(await todosFor(db, userOf(request), clock.now())),
  );
}
