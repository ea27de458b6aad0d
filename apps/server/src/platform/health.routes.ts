import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import type { RouteDeps } from '../routes';

export function healthRoutes(api: FastifyInstance, { database }: RouteDeps): void {
  api.get('/health', { schema: { tags: ['platform'], security: [] } }, async (_request, reply) => {
    try {
      await sql`select 1`.execute(database.db);
      return { status: 'ok', database: database.kind, version: '0.1.0' };
    } catch {
      return reply.status(503).send({ status: 'unavailable', database: database.kind, version: '0.1.0' });
    }
  });
}
