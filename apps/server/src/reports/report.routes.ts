import type { FastifyInstance } from 'fastify';
import type { RouteDeps } from '../routes';

/** /reports: periodic reports, their due rules, submissions and the lateness matrix (L5). */
export function reportRoutes(_api: FastifyInstance, _deps: RouteDeps): void {}
