import type { FastifyInstance } from 'fastify';
import type { RouteDeps } from '../routes';

/** /assessments: assessment reports per region and industry, the yearly summary (E4). */
export function assessmentRoutes(_api: FastifyInstance, _deps: RouteDeps): void {}
