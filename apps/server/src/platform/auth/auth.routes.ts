import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { presentUser, UserView } from '../../users/user.presenter';
import { recordAudit } from '../audit/audit.repository';
import type { Clock, Config } from '../config';
import type { Db } from '../db/database';
import { AppError } from '../errors/app-error';
import { loadPrincipal, requirePrincipal, SESSION_COOKIE } from './auth.plugin';
import { DUMMY_HASH, verifyPassword } from './password';
import { createSession, deleteSession, findLiveSession } from './session.repository';

const Credentials = Type.Object(
  {
    username: Type.String({ minLength: 1, maxLength: 64 }),
    password: Type.String({ minLength: 1, maxLength: 256 }),
  },
  { additionalProperties: false },
);
const SessionView = Type.Object({ user: UserView, csrfToken: Type.String(), expiresAt: Type.String() });

export function authRoutes(app: FastifyInstance, deps: { db: Db; clock: Clock; config: Config }) {
  const { db, clock, config } = deps;
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const rateLimit = { max: config.loginRateLimitPerMinute, timeWindow: '1 minute' };

  async function authenticate(username: string, password: string) {
    const user = await db
      .selectFrom('app_user')
      .selectAll()
      .where('username', '=', username)
      .executeTakeFirst();
    const ok = await verifyPassword(password, user?.password_hash ?? DUMMY_HASH);
    if (!user || !ok || !user.active) throw new AppError('UNAUTHENTICATED', '用户名或密码错误');
    return user;
  }

  r.post(
    '/auth/login',
    { schema: { tags: ['auth'], body: Credentials, response: { 200: SessionView } }, config: { rateLimit } },
    async (request, reply) => {
      const user = await authenticate(request.body.username, request.body.password);
      const expiresAt = new Date(clock.now().getTime() + config.sessionHours * 3600_000);
      const { token, csrfToken } = await createSession(db, { userId: user.id, kind: 'cookie', expiresAt });
      await recordAudit(
        db,
        { id: user.id, name: user.username, ip: request.ip },
        {
          action: 'login',
          entity: 'user',
          entityId: user.id,
        },
      );
      reply.setCookie(SESSION_COOKIE, token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: config.secureCookies,
        expires: expiresAt,
      });
      const principal = (await loadPrincipal(db, user.id))!;
      return {
        user: await presentUser(db, principal),
        csrfToken: csrfToken!,
        expiresAt: expiresAt.toISOString(),
      };
    },
  );

  r.post('/auth/logout', { schema: { tags: ['auth'] } }, async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token) await deleteSession(db, token);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send();
  });

  r.get('/auth/me', { schema: { tags: ['auth'], response: { 200: SessionView } } }, async (request) => {
    const principal = requirePrincipal(request);
    const token = request.cookies[SESSION_COOKIE];
    const session = token ? await findLiveSession(db, token, clock.now()) : undefined;
    return {
      user: await presentUser(db, principal),
      csrfToken: session?.csrf_token ?? '',
      expiresAt: (session?.expires_at ?? clock.now()).toISOString(),
    };
  });

  r.post(
    '/auth/token',
    {
      schema: {
        tags: ['auth'],
        body: Credentials,
        response: { 200: Type.Object({ token: Type.String(), expiresAt: Type.String() }) },
      },
      config: { rateLimit },
    },
    async (request) => {
      const user = await authenticate(request.body.username, request.body.password);
      const expiresAt = new Date(clock.now().getTime() + config.tokenHours * 3600_000);
      const { token } = await createSession(db, { userId: user.id, kind: 'token', expiresAt });
      await recordAudit(
        db,
        { id: user.id, name: user.username, ip: request.ip },
        {
          action: 'token',
          entity: 'user',
          entityId: user.id,
        },
      );
      return { token, expiresAt: expiresAt.toISOString() };
    },
  );
}
