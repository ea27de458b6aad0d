import type { FastifyInstance } from 'fastify';
import type { RouteDeps } from '../routes';
import { facilitySpec, monitorSpec, outletSpec, permitSpec } from './children/child.specs';
import { childResource } from './children/child-resource';
import { permitLimitRoutes } from './children/permit-limits';
import { dashboardRoutes } from './dashboard.routes';
import { dictionaryRoutes } from './dictionary.routes';
import { enterpriseRoutes } from './enterprise.routes';
import { importExportRoutes } from './import-export/import-export.routes';
import { regionRoutes } from './region.routes';

export function registryRoutes(api: FastifyInstance, deps: RouteDeps): void {
  importExportRoutes(api, deps);
  enterpriseRoutes(api, deps);
  for (const spec of [permitSpec, outletSpec, monitorSpec, facilitySpec]) childResource(api, deps, spec);
  permitLimitRoutes(api, deps);
  regionRoutes(api, deps);
  dictionaryRoutes(api, deps);
  dashboardRoutes(api, deps);
}
