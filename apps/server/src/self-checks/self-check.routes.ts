import type { FastifyInstance } from 'fastify';
import type { RouteDeps } from '../routes';

/** /self-checks: 自查表 (004 附件2), filled by the enterprise, reviewed by the district (E2). */
export function selfCheckRoutes(_api: FastifyInstance, _deps: RouteDeps): void {}
