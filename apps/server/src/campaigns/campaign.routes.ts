import type { FastifyInstance } from 'fastify';
import type { RouteDeps } from '../routes';

/** /campaigns: 达标计划, its industry batches and phases (E1). */
export function campaignRoutes(_api: FastifyInstance, _deps: RouteDeps): void {}
