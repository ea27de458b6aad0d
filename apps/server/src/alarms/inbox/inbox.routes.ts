import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { requirePrincipal } from '../../platform/auth/auth.plugin';
import { notFound } from '../../platform/errors/app-error';
import { IdParams } from '../../platform/http/schema-helpers';
import type { RouteDeps } from '../../routes';
import { InboxQuery } from '../alarm.schemas';

const HEARTBEAT_MS = 25_000;

/** /inbox: the signed-in user's notifications (sheets dispatched, steps, supervision notices, reminders), pushed live. */
export function inboxRoutes(api: FastifyInstance, { database, clock, inbox }: RouteDeps): void {
  const r = api.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = database;
  const tags = ['inbox'];

  r.get('/inbox', { schema: { tags, summary: '我的消息', querystring: InboxQuery } }, async (request) => {
    const p = requirePrincipal(request);
    const { page, pageSize, unread } = request.query;
    let q = db
      .selectFrom('notification')
      .leftJoin('alarm_sheet', 'alarm_sheet.id', 'notification.sheet_id')
      .where('notification.user_id', '=', p.id);
    if (unread) q = q.where('notification.read_at', 'is', null);
    const [rows, count, unreadCount] = await Promise.all([
      q
        .select([
          'notification.id',
          'notification.kind',
          'notification.title',
          'notification.created_at',
          'notification.read_at',
          'notification.sheet_id',
          'notification.link',
          'alarm_sheet.alarm_id',
        ])
        .orderBy('notification.created_at', 'desc')
        .orderBy('notification.id', 'desc')
        .limit(pageSize)
        .offset((page - 1) * pageSize)
        .execute(),
      q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      db
        .selectFrom('notification')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('user_id', '=', p.id)
        .where('read_at', 'is', null)
        .executeTakeFirstOrThrow(),
    ]);
    return {
      items: rows.map((n) => ({
        id: Number(n.id),
        kind: n.kind,
        title: n.title,
        createdAt: new Date(n.created_at).toISOString(),
        readAt: n.read_at ? new Date(n.read_at).toISOString() : null,
        sheetId: n.sheet_id === null ? null : Number(n.sheet_id),
        alarmId: n.alarm_id === null ? null : Number(n.alarm_id),
        /** Reminders (to-dos, problem follow-ups) open a page of their own. */
        link: n.link,
      })),
      total: Number(count.n),
      unread: Number(unreadCount.n),
      page,
      pageSize,
    };
  });

  r.post(
    '/inbox/:id/read',
    { schema: { tags, summary: '标为已读', params: IdParams } },
    async (request, reply) => {
      const p = requirePrincipal(request);
      const res = await db
        .updateTable('notification')
        .set({ read_at: clock.now() })
        .where('id', '=', request.params.id)
        .where('user_id', '=', p.id)
        .where('read_at', 'is', null)
        .returning('id')
        .executeTakeFirst();
      if (!res) {
        const own = await db
          .selectFrom('notification')
          .select('id')
          .where('id', '=', request.params.id)
          .where('user_id', '=', p.id)
          .executeTakeFirst();
        if (!own) throw notFound('消息');
      }
      return reply.status(204).send();
    },
  );

  r.post('/inbox/read-all', { schema: { tags, summary: '全部标为已读' } }, async (request) => {
    const p = requirePrincipal(request);
    const rows = await db
      .updateTable('notification')
      .set({ read_at: clock.now() })
      .where('user_id', '=', p.id)
      .where('read_at', 'is', null)
      .returning('id')
      .execute();
    return { marked: rows.length };
  });

  r.get(
    '/inbox/stream',
    {
      schema: {
        tags,
        summary: '消息推送（Server-Sent Events：每条新消息一个 notification 事件）',
        produces: ['text/event-stream'],
      },
    },
    async (request, reply) => {
      const p = requirePrincipal(request);
      reply.hijack();
      const res = reply.raw;
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      res.write(`event: ready\ndata: ${JSON.stringify({ userId: p.id })}\n\n`);
      const unsubscribe = inbox.subscribe(p.id, (event) => {
        if (res.writableLength > 1_000_000) return res.destroy();
        res.write(`event: notification\ndata: ${JSON.stringify(event)}\n\n`);
      });
      const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), HEARTBEAT_MS);
      request.raw.on('close', () => {
        clearInterval(heartbeat);
        unsubscribe();
      });
    },
  );
}
