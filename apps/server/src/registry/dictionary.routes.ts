import {
  CONTROL_LEVELS,
  ENTERPRISE_STATUSES,
  INDUSTRY_CLASSES,
  KEY_KINDS,
  OUTLET_KINDS,
  PERMIT_CLASSES,
  PROGRAMME_INDUSTRIES,
  REGISTRY_POLLUTANTS,
  ROLES,
} from '@dabiao/domain';
import type { FastifyInstance } from 'fastify';
import type { RouteDeps } from '../routes';

/** Enumerations with their Chinese and English labels, for forms and filters. */
export function dictionaryRoutes(api: FastifyInstance, _deps: RouteDeps): void {
  const body = {
    roles: ROLES,
    controlLevels: CONTROL_LEVELS,
    statuses: ENTERPRISE_STATUSES,
    keyKinds: KEY_KINDS,
    permitClasses: PERMIT_CLASSES,
    outletKinds: OUTLET_KINDS,
    programmeIndustries: PROGRAMME_INDUSTRIES,
    industries: INDUSTRY_CLASSES,
    pollutants: REGISTRY_POLLUTANTS,
  };
  api.get(
    '/dictionaries',
    { schema: { tags: ['registry'], summary: '字典（枚举及中文名）' } },
    async (_request, reply) => {
      reply.header('cache-control', 'private, max-age=3600');
      return body;
    },
  );
}
