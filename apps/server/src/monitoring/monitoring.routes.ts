import type { FastifyInstance } from 'fastify';
import type { RouteDeps } from '../routes';
import { emissionRoutes } from './emissions/emissions.routes';
import { monitorListRoutes } from './monitors/monitor-list.routes';
import { simulatorUnitRoutes } from './monitors/simulator-units.routes';
import { overviewRoutes } from './overview/overview.routes';
import { rateRoutes } from './rates/rates.routes';
import { rawFrameRoutes } from './records/raw-frame.routes';
import { recordRoutes } from './records/records.routes';
import { seriesRoutes } from './series/series.routes';

/** Monitoring reads (M3 valid averages, M4 rates) under /api/v1/monitoring, scoped like the registry. */
export function monitoringRoutes(api: FastifyInstance, deps: RouteDeps): void {
  overviewRoutes(api, deps);
  monitorListRoutes(api, deps);
  seriesRoutes(api, deps);
  recordRoutes(api, deps);
  rawFrameRoutes(api, deps);
  rateRoutes(api, deps);
  simulatorUnitRoutes(api, deps);
  emissionRoutes(api, deps);
}
