import { existsSync } from 'node:fs';
import { join } from 'node:path';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { InboxBus } from './alarms/inbox/inbox-bus';
import type { Gateway } from './monitoring/gateway/gateway';
import { registerAuth } from './platform/auth/auth.plugin';
import { authRoutes } from './platform/auth/auth.routes';
import { type Clock, type Config, systemClock } from './platform/config';
import type { Database } from './platform/db/database';
import { registerProblemHandler, sendNotFound } from './platform/errors/problem';
import { apiRoutes } from './routes';

export interface AppOptions {
  database: Database;
  config: Config;
  clock?: Clock;
  logger?: boolean;
  gateway?: Gateway;
  /** Live push of inbox notifications; shared with the alarm engine (a fresh one when absent). */
  inbox?: InboxBus;
}

export const API_PREFIX = '/api/v1';

/** The whole HTTP application as one Fastify instance; `main.ts` decides where it listens. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const { database, config } = options;
  const clock = options.clock ?? systemClock;
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: 2 * 1024 * 1024,
    ajv: {
      customOptions: { allErrors: true, removeAdditional: true, coerceTypes: 'array', useDefaults: true },
    },
    trustProxy: true,
  });

  registerProblemHandler(app);
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await app.register(multipart, { limits: { fileSize: 10 * 1024 * 1024, files: 1 } });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'dabiao API', version: '1.0.0', description: '达标 — 工业污染源全面达标排放计划平台' },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer' },
          cookie: { type: 'apiKey', in: 'cookie', name: 'dabiao_session' },
        },
      },
      security: [{ bearer: [] }, { cookie: [] }],
    },
  });
  await app.register(swaggerUi, { routePrefix: `${API_PREFIX}/docs` });
  registerAuth(app, database.db, clock);

  await app.register(
    async (api) => {
      api.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
      authRoutes(api, { db: database.db, clock, config });
      apiRoutes(api, {
        database,
        clock,
        config,
        inbox: options.inbox ?? new InboxBus(),
        ...(options.gateway ? { gateway: options.gateway } : {}),
      });
    },
    { prefix: API_PREFIX },
  );

  const hasWeb = existsSync(join(config.webDist, 'index.html'));
  if (hasWeb) await app.register(fastifyStatic, { root: config.webDist, wildcard: false });
  // Client-side routes (/enterprises/12) get the single-page app; /api stays problem+json.
  app.setNotFoundHandler((request, reply) => {
    if (!hasWeb || request.url.startsWith('/api/') || request.method !== 'GET')
      return sendNotFound(request, reply);
    return reply.sendFile('index.html');
  });
  return app;
}
