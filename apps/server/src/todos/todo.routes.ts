import type { FastifyInstance } from 'fastify';
import type { RouteDeps } from '../routes';

/** /todos: every dated obligation of the signed-in user, from the one deadline engine (G2). */
export function todoRoutes(_api: FastifyInstance, _deps: RouteDeps): void {}
