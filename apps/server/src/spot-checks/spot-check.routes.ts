import type { FastifyInstance } from 'fastify';
import type { RouteDeps } from '../routes';

/** /spot-checks and /review-assignments: random draws for on-site checks, expert and third-party reviews (E3). */
export function spotCheckRoutes(_api: FastifyInstance, _deps: RouteDeps): void {}
