import type { FastifyInstance } from 'fastify';
import type { RouteDeps } from '../routes';

/** /enterprise-plans and /rectification-notices: 一企一策 and 限期整改通知书 (L4). */
export function planRoutes(_api: FastifyInstance, _deps: RouteDeps): void {}
