import type { FastifyInstance } from 'fastify';
import type { RouteDeps } from '../routes';

/** /ledgers and /problems and /sign-offs: 排查台账 (附件1), 问题整改台账 (附件3), 销号 (附件4) (L1-L3). */
export function ledgerRoutes(_api: FastifyInstance, _deps: RouteDeps): void {}
