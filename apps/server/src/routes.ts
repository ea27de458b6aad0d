import type { FastifyInstance } from 'fastify';
import { alarmRoutes } from './alarms/alarm.routes';
import { inboxRoutes } from './alarms/inbox/inbox.routes';
import type { InboxBus } from './alarms/inbox/inbox-bus';
import { seriousListRoutes } from './alarms/serious/serious-list.routes';
import { alarmSettingRoutes } from './alarms/settings/alarm-settings.routes';
import { assessmentRoutes } from './assessments/assessment.routes';
import { campaignRoutes } from './campaigns/campaign.routes';
import { filingRoutes } from './filings/filing.routes';
import { ledgerRoutes } from './ledgers/ledger.routes';
import { limitsRoutes } from './limits/limits.routes';
import { commandRoutes } from './monitoring/gateway/command.routes';
import type { Gateway } from './monitoring/gateway/gateway';
import { liveRoutes } from './monitoring/live/live.routes';
import { monitoringRoutes } from './monitoring/monitoring.routes';
import { planRoutes } from './plans/plan.routes';
import type { Clock, Config } from './platform/config';
import type { Database } from './platform/db/database';
import { healthRoutes } from './platform/health.routes';
import { registryRoutes } from './registry/registry.routes';
import { reportRoutes } from './reports/report.routes';
import { selfCheckRoutes } from './self-checks/self-check.routes';
import { spotCheckRoutes } from './spot-checks/spot-check.routes';
import { todoRoutes } from './todos/todo.routes';
import { userRoutes } from './users/user.routes';

export interface RouteDeps {
  database: Database;
  clock: Clock;
  config: Config;
  /** The HJ 212 gateway when this process runs one (commands to units need it). */
  gateway?: Gateway;
  /** Live push of inbox notifications (alarm sheets). */
  inbox: InboxBus;
}

/** Every area's routes, mounted under /api/v1. */
export function apiRoutes(api: FastifyInstance, deps: RouteDeps): void {
  healthRoutes(api, deps);
  registryRoutes(api, deps);
  userRoutes(api, deps);
  commandRoutes(api, deps);
  liveRoutes(api, deps);
  monitoringRoutes(api, deps);
  limitsRoutes(api, deps);
  filingRoutes(api, deps);
  alarmRoutes(api, deps);
  inboxRoutes(api, deps);
  alarmSettingRoutes(api, deps);
  seriousListRoutes(api, deps);
  campaignRoutes(api, deps);
  spotCheckRoutes(api, deps);
  selfCheckRoutes(api, deps);
  ledgerRoutes(api, deps);
  planRoutes(api, deps);
  reportRoutes(api, deps);
  assessmentRoutes(api, deps);
  todoRoutes(api, deps);
}
